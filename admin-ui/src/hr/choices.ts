// Choices of the HR enums (labels are i18n keys, see messages.ts).
import { enumChoices } from '../shared/enumChoices';

export const TITLES = [
  'chief_physician',
  'associate_chief_physician',
  'attending_physician',
  'physician',
  'assistant_physician',
  'chief_nurse',
  'associate_chief_nurse',
  'nurse_in_charge',
  'senior_nurse',
  'nurse',
  'chief_pharmacist',
  'associate_chief_pharmacist',
  'pharmacist_in_charge',
  'pharmacist',
  'assistant_pharmacist',
  'chief_technician',
  'associate_chief_technician',
  'technician_in_charge',
  'technician',
  'assistant_technician',
  'village_doctor',
] as const;
export const SEX_CHOICES = enumChoices('enums.sex', ['M', 'F']);
export const CATEGORY_CHOICES = enumChoices('enums.staff_category', [
  'doctor',
  'nurse',
  'pharmacist',
  'technician',
  'public_health',
  'admin',
  'village_doctor',
]);
export const TITLE_CHOICES = enumChoices('enums.title', TITLES);
export const EMPLOYMENT_CHOICES = enumChoices('enums.employment_type', ['establishment', 'contract', 'township_hired']);
export const STAFF_STATUS_CHOICES = enumChoices('enums.staff_status', ['active', 'on_leave', 'left']);
export const ROTATION_TYPE_CHOICES = enumChoices('enums.rotation_type', ['down_expert', 'up_training']);
export const ROTATION_STATUS_CHOICES = enumChoices('enums.rotation_status', ['planned', 'active', 'completed', 'cancelled']);
export const STAFF_FIELD_CHOICES = enumChoices('enums.staff_field', [
  'employer_org_unit_id',
  'work_org_unit_id',
  'department_id',
  'post_id',
  'title',
  'status',
  'employment_type',
]);
export const POST_STATUS_CHOICES = enumChoices('enums.post_status', ['vacant', 'occupied', 'closed']);
export const LICENCE_KIND_CHOICES = enumChoices('enums.licence_kind', [
  'physician',
  'assistant_physician',
  'nurse',
  'pharmacist',
  'technician',
  'village_doctor',
]);
export const LICENCE_STATUS_CHOICES = enumChoices('enums.licence_status', ['valid', 'revoked']);
export const PROMOTION_STATUS_CHOICES = enumChoices('enums.promotion_status', ['submitted', 'reviewed', 'approved', 'rejected']);
export const GRADE_CHOICES = enumChoices('enums.grade', ['excellent', 'qualified', 'basically_qualified', 'unqualified']);
export const ASSESSMENT_YEAR_STATUS_CHOICES = enumChoices('enums.assessment_year_status', ['open', 'approved']);
export const CONTRACT_STATUS_CHOICES = enumChoices('enums.contract_status', ['active', 'renewed', 'expired', 'exited']);
export const EXIT_REASON_CHOICES = enumChoices('enums.exit_reason', [
  'resigned',
  'retired',
  'assessment_failed',
  'licence_revoked',
  'health',
  'dismissed',
  'other',
]);
export const LEAVE_REASON_CHOICES = enumChoices('enums.leave_reason', [
  'resigned',
  'retired',
  'dismissed',
  'transferred_out',
  'contract_ended',
  'exited',
  'deceased',
  'other',
]);
/** The directions a plan may set a quota for (labels: enums.direction.<key>), down first. */
export const DIRECTION_KEYS = [
  'down_hq_branch',
  'down_branch_township',
  'down_hq_township',
  'down_township_village',
  'up_branch_hq',
  'up_township_branch',
  'up_township_hq',
  'up_village_township',
] as const;
