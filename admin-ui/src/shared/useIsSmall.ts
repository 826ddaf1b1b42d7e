import { useMediaQuery, type Theme } from '@mui/material';

/** Phones: lists switch to <SimpleList>. */
export const useIsSmall = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
