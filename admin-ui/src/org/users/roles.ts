import { enumChoices } from '../../shared/enumChoices';

export const ROLE_CHOICES = enumChoices('enums.role', [
  'group_admin',
  'group_finance',
  'group_hr',
  'procurement',
  'referral_coordinator',
  'director',
  'staff_clerk',
  'village_doctor',
  'auditor',
] as const);
