// Health enums as react-admin choices (labels are i18n keys), and the form's measurement ranges
// (the API checks them again; here they give the doctor an answer without a network).
import { enumChoices } from '../shared/enumChoices';

export const FOLLOWUP_TYPES = [
  'hypertension',
  'diabetes',
  'elderly_check',
  'maternal',
  'child',
  'severe_mental',
  'tb',
  'home_visit',
  'health_education',
] as const;
export type FollowupType = (typeof FOLLOWUP_TYPES)[number];
export const KEY_TAGS = ['elderly_65', 'hypertension', 'diabetes', 'pregnant', 'child_0_6', 'severe_mental', 'tb'] as const;
export const CONDITIONS = ['hypertension', 'diabetes', 'severe_mental', 'tb', 'copd', 'coronary', 'stroke', 'cancer'] as const;
export const INDICATORS = ['contract_rate', 'key_population_contract_rate', 'standardised_management_rate', 'control_rate', 'task_completion_rate'] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

export const FOLLOWUP_TYPE_CHOICES = enumChoices('enums.followup_type', FOLLOWUP_TYPES);
export const MODE_CHOICES = enumChoices('enums.followup_mode', ['clinic', 'home', 'phone'] as const);
export const CLASSIFICATION_CHOICES = enumChoices('enums.classification', ['controlled', 'uncontrolled'] as const);
export const TASK_STATE_CHOICES = enumChoices('enums.task_state', ['upcoming', 'due', 'done', 'missed', 'cancelled'] as const);
export const BUCKETS = ['overdue', 'today', 'this_month', 'open'] as const;
export const TAG_CHOICES = enumChoices('enums.key_tag', KEY_TAGS);
export const CONDITION_CHOICES = enumChoices('enums.condition', CONDITIONS);
export const SEX_CHOICES = enumChoices('enums.sex', ['M', 'F'] as const);
export const PACKAGE_CHOICES = enumChoices('enums.package', ['basic', 'elderly', 'chronic', 'maternal_child'] as const);
export const CONTRACT_STATUS_CHOICES = enumChoices('enums.contract_status', ['active', 'renewed', 'expired', 'terminated'] as const);
export const TERMINATION_CHOICES = enumChoices('enums.termination_reason', ['resident_request', 'moved_away', 'death', 'team_dissolved', 'other'] as const);
export const MEMBER_ROLE_CHOICES = enumChoices('enums.member_role', [
  'general_practitioner',
  'village_doctor',
  'nurse',
  'public_health',
  'specialist',
] as const);

export type Measurement = 'systolic' | 'diastolic' | 'fasting_glucose' | 'weight_kg' | 'height_cm' | 'heart_rate';
export const RANGES: Record<Measurement, [number, number, string]> = {
  systolic: [60, 300, 'mmHg'],
  diastolic: [30, 200, 'mmHg'],
  fasting_glucose: [1, 35, 'mmol/L'],
  weight_kg: [0.5, 300, 'kg'],
  height_cm: [30, 250, 'cm'],
  heart_rate: [30, 220, 'bpm'],
};

/** The measurements the form asks for, by follow-up type (the first ones are required by the API). */
export const FIELDS_OF: Record<FollowupType, Measurement[]> = {
  hypertension: ['systolic', 'diastolic', 'heart_rate', 'weight_kg'],
  diabetes: ['fasting_glucose', 'weight_kg', 'systolic', 'diastolic'],
  elderly_check: ['systolic', 'diastolic', 'weight_kg', 'height_cm', 'heart_rate'],
  maternal: ['systolic', 'diastolic', 'weight_kg'],
  child: ['weight_kg', 'height_cm'],
  severe_mental: [],
  tb: ['weight_kg'],
  home_visit: ['systolic', 'diastolic'],
  health_education: [],
};
export const REQUIRED: Partial<Record<FollowupType, Measurement[]>> = { hypertension: ['systolic', 'diastolic'], diabetes: ['fasting_glucose'] };
