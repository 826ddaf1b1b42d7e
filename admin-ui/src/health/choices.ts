// Choices of the health lists, derived from the API's lists (api/health/enums.ts; sex is HR's); labels are
// i18n keys `enums.<list>.<value>`. Also the form's measurement ranges (the API checks them again; here they
// give the doctor an answer without a network).
import { SEX } from '../../../api/hr/enums';
import {
  CLASSIFICATION,
  CONDITION,
  CONTRACT_STATUS,
  FOLLOWUP_MODE,
  FOLLOWUP_TYPE,
  HOUSEHOLD_RELATION,
  KEY_TAG,
  MEMBER_ROLE,
  PACKAGE,
  SCHEDULE_TRIGGER,
  TASK_STATE,
  TERMINATION_REASON,
  type FollowupType,
} from '../../../api/health/enums';

export const FOLLOWUP_TYPE_CHOICES = FOLLOWUP_TYPE.choices();
export const MODE_CHOICES = FOLLOWUP_MODE.choices();
export const CLASSIFICATION_CHOICES = CLASSIFICATION.choices();
export const TASK_STATE_CHOICES = TASK_STATE.choices();
export const TAG_CHOICES = KEY_TAG.choices();
/** The tag a user types; the others come from the conditions and the birth date. */
export const TYPED_TAG_CHOICES = KEY_TAG.choices(['pregnant']);
export const CONDITION_CHOICES = CONDITION.choices();
export const SEX_CHOICES = SEX.choices();
export const PACKAGE_CHOICES = PACKAGE.choices();
export const CONTRACT_STATUS_CHOICES = CONTRACT_STATUS.choices();
export const TERMINATION_CHOICES = TERMINATION_REASON.choices();
export const MEMBER_ROLE_CHOICES = MEMBER_ROLE.choices();
export const TRIGGER_CHOICES = SCHEDULE_TRIGGER.choices();
export const HOUSEHOLD_RELATION_CHOICES = HOUSEHOLD_RELATION.choices();

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
