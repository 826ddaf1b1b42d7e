import { enumChoices } from '../../shared/enumChoices';

export const DEPARTMENT_KIND_CHOICES = enumChoices('enums.department_kind', [
  'clinical',
  'medical_technology',
  'nursing',
  'pharmacy',
  'public_health',
  'administration',
] as const);
