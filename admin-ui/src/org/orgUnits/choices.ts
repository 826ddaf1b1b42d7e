import { enumChoices } from '../../shared/enumChoices';

export const UNIT_KIND_CHOICES = enumChoices('enums.unit_kind', [
  'hq',
  'branch',
  'township',
  'community',
  'village',
  'private',
  'rehabilitation',
  'elderly_care',
] as const);
export const UNIT_LEVEL_CHOICES = enumChoices('enums.unit_level', [1, 2, 3, 4] as const);
