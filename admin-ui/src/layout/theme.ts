import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's theme, honouring the reduced-motion setting of the user's phone or computer (an
 * accessibility setting: motion can make some people unwell): menus, dialogs, drawers and ripples
 * then appear at once. MUI leaves it off unless the theme asks ('system' follows the device).
 */
export const theme: RaThemeOptions = { ...defaultTheme, motion: { reducedMotion: 'system' } };
