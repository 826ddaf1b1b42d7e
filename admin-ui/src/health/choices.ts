// Choices of the health lists, derived from the API's lists (api/health/enums.ts; sex is HR's); labels are
// i18n keys `enums.<list>.<value>`. Also the form's measurement ranges (api/health/ranges.ts: the API checks
// them again; here they give the doctor an answer without a network).
import { SEX } from '../../../api/hr/enums';
import { MEASUREMENT_RANGES, UNITS, WHOLE_READINGS, type MeasurementField } from '../../../api/health/ranges';
import {
  ADJUSTMENT,
  CLASSIFICATION,
  CONDITION,
  CONTRACT_STATUS,
  DORSALIS_PEDIS,
  DOSE_UNIT,
  EXAM_ITEM,
  EXAM_RESULT,
  FOLLOWUP_MODE,
  FOLLOWUP_TYPE,
  GUIDANCE,
  HEALTH_SELF_ASSESSMENT,
  HYPOGLYCAEMIA,
  HOUSEHOLD_RELATION,
  KEY_TAG,
  MEDICATION_ADHERENCE,
  MEMBER_ROLE,
  PACKAGE,
  RISK_ADVICE,
  SALT_INTAKE,
  SCHEDULE_TRIGGER,
  SCREEN_RESULT,
  SELF_CARE_ITEM,
  SELF_CARE_LEVEL,
  SYMPTOM,
  TASK_STATE,
  TERMINATION_REASON,
  URINE_PROTEIN,
  type FollowupType,
  type SelfCareItem,
  type SelfCareLevel,
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

// the national follow-up record (hypertension, diabetes)
/** The symptoms the record of this type lists, 无症状 first. */
export const symptomChoices = (type: 'hypertension' | 'diabetes') => SYMPTOM.choices(SYMPTOM.values.filter((s) => SYMPTOM.labels[s].types.includes(type)));
export const DORSALIS_PEDIS_CHOICES = DORSALIS_PEDIS.choices();
export const SALT_CHOICES = SALT_INTAKE.choices();
export const ADJUSTMENT_CHOICES = ADJUSTMENT.choices();
export const ADHERENCE_CHOICES = MEDICATION_ADHERENCE.choices();
export const HYPOGLYCAEMIA_CHOICES = HYPOGLYCAEMIA.choices();
export const DOSE_UNIT_CHOICES = DOSE_UNIT.choices();

// the elderly annual check
/** One self-care item's answers: the levels its row has, each with its score (进餐 and 穿衣 have no 轻度依赖). */
export const selfCareChoices = (item: SelfCareItem) => {
  const scores = SELF_CARE_ITEM.labels[item].scores as Partial<Record<SelfCareLevel, number>>;
  return SELF_CARE_LEVEL.values.filter((l) => scores[l] !== undefined).map((l) => ({ id: l, name: `enums.self_care_level.${l}`, score: scores[l]! }));
};
export const SELF_CARE_ITEMS = SELF_CARE_ITEM.values;
export const SELF_CARE_LEVEL_CHOICES = SELF_CARE_LEVEL.choices();
export const SELF_ASSESSMENT_CHOICES = HEALTH_SELF_ASSESSMENT.choices();
export const SCREEN_CHOICES = SCREEN_RESULT.choices();
export const EXAM_ITEM_CHOICES = EXAM_ITEM.choices();
export const EXAM_RESULT_CHOICES = EXAM_RESULT.choices();
export const URINE_PROTEIN_CHOICES = URINE_PROTEIN.choices();
export const GUIDANCE_CHOICES = GUIDANCE.choices();
export const RISK_ADVICE_CHOICES = RISK_ADVICE.choices();

export type Measurement = MeasurementField;
/** Each reading's plausible range and unit (api/health/ranges.ts). */
export const RANGES = Object.fromEntries(
  (Object.keys(MEASUREMENT_RANGES) as Measurement[]).map((f) => [f, [MEASUREMENT_RANGES[f][0], MEASUREMENT_RANGES[f][1], UNITS[f]]]),
) as Record<Measurement, [number, number, string]>;

/** How a reading is typed: whole numbers (mmHg, bpm) or one decimal (glucose, weight, height), as the API takes it. */
export const readingStep = (f: Measurement) => (WHOLE_READINGS.includes(f) ? 1 : 0.1);
export const readingInputMode = (f: Measurement) => (WHOLE_READINGS.includes(f) ? 'numeric' : 'decimal');

/** A reading's problem as the API will find it (out of its range; a diastolic not below the systolic): i18n key and its values. */
export function readingProblem(field: Measurement, value: unknown, systolic: unknown): { message: string; args: Record<string, unknown> } | undefined {
  if (value == null || value === '') return undefined;
  const v = Number(value);
  const [lo, hi, unit] = RANGES[field];
  if (!Number.isFinite(v) || v < lo || v > hi) return { message: 'health.household.range', args: { lo, hi, unit } };
  if (field === 'diastolic' && systolic != null && systolic !== '' && v >= Number(systolic)) return { message: 'health.household.below_systolic', args: {} };
  return undefined;
}

/** The same as a react-admin validator (the single-visit and national forms). */
export const readingValidator = (field: Measurement) => (value: unknown, all: { systolic?: unknown }) => readingProblem(field, value, all.systolic);

/** The measurements the form asks for, by follow-up type (the first ones are required by the API). */
export const FIELDS_OF: Record<FollowupType, Measurement[]> = {
  hypertension: ['systolic', 'diastolic', 'heart_rate', 'weight_kg', 'height_cm'],
  diabetes: ['fasting_glucose', 'weight_kg', 'height_cm', 'systolic', 'diastolic', 'heart_rate'],
  elderly_check: ['systolic', 'diastolic', 'weight_kg', 'height_cm', 'heart_rate', 'fasting_glucose'],
  maternal: ['systolic', 'diastolic', 'weight_kg'],
  child: ['weight_kg', 'height_cm'],
  severe_mental: [],
  tb: ['weight_kg'],
  home_visit: ['systolic', 'diastolic'],
  health_education: [],
};
export const REQUIRED: Partial<Record<FollowupType, Measurement[]>> = { hypertension: ['systolic', 'diastolic'], diabetes: ['fasting_glucose'] };
