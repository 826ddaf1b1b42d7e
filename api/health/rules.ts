// Health management rules (健康管理): key populations, measurement checks, visit classification,
// due-task scheduling and the indicators. Plain functions over plain data — no HTTP, no DB.
//
// The clinical thresholds follow 国家基本公共卫生服务规范（第三版）(National Basic Public Health
// Service Norms, 3rd ed., 2017), cited where they are applied.
import { all, read, type GrantTable } from '../core/access';
import { addDays, addMonths, daysBetween, monthKey, monthOf, monthRange, previousMonth } from '../core/clock';
import {
  DOSE_UNIT,
  FINDING,
  GUIDANCE,
  KEY_TAG,
  MEDICATION_ADHERENCE,
  SELF_CARE_ITEM,
  SELF_CARE_LEVEL,
  SYMPTOM,
  UP_REFERRAL_REASON,
  type Advice,
  type DoseUnit,
  type Finding,
  type MedicationAdherence,
  type SelfCareItem,
  type SelfCareLevel,
  type Symptom,
  type UpReferralReason,
  type Classification,
  type ConditionCode,
  type ContractStatus,
  type FollowupMode,
  type FollowupType,
  type IndicatorKey,
  type KeyTag,
  type ScheduleTrigger,
  type TargetMetric,
  type TargetStatus,
  type TaskState,
} from './enums';
import { OPEN_TASK_STATES } from './buckets';

import { ELDERLY_RANGES, MEASUREMENT_RANGES, RECORD_RANGES, UNITS, type ElderlyNumber, type MeasurementField, type RecordNumber } from './ranges';

export { ELDERLY_RANGES, MEASUREMENT_RANGES, RECORD_RANGES, UNITS, type ElderlyNumber, type MeasurementField, type RecordNumber };
export type { Classification, ConditionCode, ContractStatus, FollowupMode, FollowupType, KeyTag, TaskState } from './enums';

/** One field's problem: the message for the log and other clients; the rule and its figures for a screen to say it in Chinese. */
export interface FieldProblem {
  field: string;
  message: string;
  rule?: 'out_of_range' | 'required';
  params?: Record<string, unknown>;
}

/** A number outside its plausible range (ranges.ts). */
const outOfRange = (field: string, lo: number, hi: number, unit: string): FieldProblem => ({
  field,
  message: `must be between ${lo} and ${hi} ${unit}`,
  rule: 'out_of_range',
  params: { lo, hi },
});

/** Each given number of `values` outside its plausible range (ranges.ts: the unit third, or in `units`), named with the form's prefix. */
function rangeProblems(values: object, ranges: Record<string, readonly [number, number, string?]>, prefix = '', units: Record<string, string> = {}) {
  return Object.entries(ranges).flatMap(([f, [lo, hi, unit]]) => {
    const v = (values as Record<string, unknown>)[f];
    return typeof v === 'number' && (v < lo || v > hi) ? [outOfRange(prefix + f, lo, hi, unit ?? units[f])] : [];
  });
}

/** An answer the form requires, missing. */
const required = (field: string, form: string): FieldProblem => ({ field, message: `is required for ${form}`, rule: 'required' });

// ---------------------------------------------------------------- key populations (重点人群)

/** Conditions that make a resident part of a key population (and get scheduled follow-ups). */
export const KEY_CONDITIONS: readonly ConditionCode[] = ['hypertension', 'diabetes', 'severe_mental', 'tb'];
/** Tags a user types (everything else is derived). */
export const TYPED_TAGS: readonly KeyTag[] = ['pregnant'];
/** Tags derived from the birth date at query time, never stored. */
export const AGE_TAGS: readonly KeyTag[] = ['elderly_65', 'child_0_6'];

export interface Condition {
  code: ConditionCode;
  diagnosed_on: string;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 老年人健康管理 covers residents aged 65 and over; 0–6岁儿童健康管理 children under 7 (规范第三版). */
export function ageTags(birthDate: string, day: string): KeyTag[] {
  const age = ageOn(birthDate, day);
  const tags: KeyTag[] = [];
  if (age >= 65) tags.push('elderly_65');
  if (age >= 0 && age <= 6) tags.push('child_0_6');
  return tags;
}

/** The tags stored on a resident: their key conditions plus the typed ones. */
export function storedTags(conditions: readonly Condition[], typed: readonly string[]): string[] {
  const fromConditions = conditions.map((c) => c.code).filter((c) => KEY_CONDITIONS.includes(c));
  return [...new Set([...fromConditions, ...typed])].sort();
}

/** All key-population tags of a resident on a day: stored ones and the age-derived ones. */
export function residentTags(r: { birth_date: string; tags: readonly string[] }, day: string): KeyTag[] {
  const byAge = ageTags(r.birth_date, day);
  return KEY_TAG.values.filter((t) => r.tags.includes(t) || byAge.includes(t));
}

/** Is the resident in one key population on a day (the age ones by comparing dates as strings). */
export function inPopulation(r: { birth_date: string; tags: readonly string[] }, tag: KeyTag, day: string): boolean {
  if (tag === 'elderly_65') return r.birth_date <= yearsBefore(day, 65);
  if (tag === 'child_0_6') return r.birth_date > yearsBefore(day, 7) && r.birth_date <= day;
  return r.tags.includes(tag);
}
/** The same day `years` earlier: born on or before it is being that old or older on `day`. */
const yearsBefore = (day: string, years: number) => `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

/** Problems with a resident's conditions (dates after birth and not in the future, no duplicates). */
export function conditionProblems(conditions: readonly Condition[], birthDate: string, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  conditions.forEach((c, i) => {
    if (seen.has(c.code)) problems.push({ field: `conditions.${i}.code`, message: `${c.code} is listed twice` });
    seen.add(c.code);
    if (c.diagnosed_on < birthDate) problems.push({ field: `conditions.${i}.diagnosed_on`, message: 'is before the birth date' });
    if (c.diagnosed_on > today) problems.push({ field: `conditions.${i}.diagnosed_on`, message: 'is in the future' });
  });
  return problems;
}

// ---------------------------------------------------------------- follow-ups (随访)

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** What each follow-up type must record. */
export const REQUIRED_FIELDS: Partial<Record<FollowupType, readonly string[]>> = {
  hypertension: ['systolic', 'diastolic'],
  diabetes: ['fasting_glucose'],
  health_education: ['topic', 'attendees'],
};

export type Measurements = Partial<Record<MeasurementField, number | null>>;

/** Field problems of a follow-up's measurements: ranges, systolic above diastolic, required ones. */
export function measurementProblems(type: FollowupType, m: Measurements & { topic?: string | null; attendees?: number | null }): FieldProblem[] {
  const problems = rangeProblems(m, MEASUREMENT_RANGES, '', UNITS);
  if (m.systolic != null && m.diastolic != null && m.diastolic >= m.systolic) {
    problems.push({ field: 'diastolic', message: 'must be below the systolic pressure' });
  }
  for (const field of REQUIRED_FIELDS[type] ?? []) {
    if ((m as Record<string, unknown>)[field] == null) problems.push(required(field, `a ${type} follow-up`));
  }
  return problems;
}

export interface Assessment {
  /** 此次随访分类; null for the other visit types */
  classification: Classification | null;
  /** blood pressure (hypertension) or fasting glucose (diabetes) on target; null when not measured */
  on_target: boolean | null;
  /** the norms' next step for this visit, or null (next visit as planned) */
  advice: Advice | null;
  /** why a referral is advised (with `up_referral` and `urgent_referral`) */
  referral_reason: UpReferralReason | null;
}

/** What of a hypertension or diabetes visit the classification reads besides the readings. */
export interface VisitFacts extends Measurements {
  /** 药物不良反应 */
  adverse_reaction?: boolean | null;
  /** 出现新的并发症或原有并发症加重 */
  new_complication?: boolean | null;
}

/** The resident's visit of the same type before this one (for "twice in a row"). */
export interface PreviousVisit {
  on_target: boolean | null;
  adverse_reaction: boolean | null;
}

/**
 * 规范第三版 高血压患者健康管理服务规范: blood pressure is on target below 140/90 mmHg, and for a
 * patient aged 65 or over below 150/90 mmHg.
 */
export const BP_TARGET = { systolic: 140, systolic_65: 150, diastolic: 90 } as const;
/** 2型糖尿病患者健康管理服务规范: fasting glucose on target below 7.0 mmol/L. */
export const GLUCOSE_TARGET = 7.0;
/** 危急情况, referred at once after first aid: ≥ 180/110 mmHg; fasting glucose ≥ 16.7 or ≤ 3.9 mmol/L. */
export const CRITICAL = { systolic: 180, diastolic: 110, glucose_high: 16.7, glucose_low: 3.9 } as const;
/** The two-week recheck after a visit that is not controlled (or that advises a referral). */
export const RECHECK_DAYS = 14;
/** A controlled patient's next visit: within three months (每年至少4次面对面随访). */
export const NEXT_VISIT_MONTHS = 3;

const bpOnTarget = (m: Measurements, age: number | null | undefined) =>
  m.systolic! < (age != null && age >= 65 ? BP_TARGET.systolic_65 : BP_TARGET.systolic) && m.diastolic! < BP_TARGET.diastolic;
const bpCritical = (m: Measurements) => m.systolic != null && m.diastolic != null && (m.systolic >= CRITICAL.systolic || m.diastolic >= CRITICAL.diastolic);

/**
 * Classifies a hypertension or diabetes visit and gives the norms' next step. 规范第三版:
 * - on target: blood pressure below 140/90 mmHg (65 and over: below 150/90); fasting glucose below 7.0 mmol/L;
 * - 此次随访分类: 并发症 (a new or worsening complication) before 不良反应 (a drug's adverse reaction)
 *   before 控制不满意 (not on target) before 控制满意;
 * - 危急情况 (≥ 180/110 mmHg; for diabetes also glucose ≥ 16.7 or ≤ 3.9 mmol/L) → urgent referral;
 * - 连续两次控制不满意, an adverse reaction at two visits in a row (难以控制), or a new complication →
 *   advise a referral to a higher-level hospital;
 * - otherwise a visit that is not controlled → recheck within two weeks.
 * Every advice brings a visit within two weeks (for a referral: 2周内主动随访转诊情况).
 * Other visit types are not classified.
 */
export function assess(type: FollowupType, m: VisitFacts, ctx: { age?: number | null; previous?: PreviousVisit | null } = {}): Assessment {
  let onTarget: boolean;
  let critical: boolean;
  if (type === 'hypertension' && m.systolic != null && m.diastolic != null) {
    onTarget = bpOnTarget(m, ctx.age);
    critical = bpCritical(m);
  } else if (type === 'diabetes' && m.fasting_glucose != null) {
    onTarget = m.fasting_glucose < GLUCOSE_TARGET;
    critical = m.fasting_glucose >= CRITICAL.glucose_high || m.fasting_glucose <= CRITICAL.glucose_low || bpCritical(m);
  } else {
    return { classification: null, on_target: null, advice: null, referral_reason: null };
  }
  const classification: Classification = m.new_complication
    ? 'complication'
    : m.adverse_reaction
      ? 'adverse_reaction'
      : onTarget
        ? 'controlled'
        : 'uncontrolled';
  const prev = ctx.previous;
  const reason: UpReferralReason | null = critical
    ? 'critical'
    : m.new_complication
      ? 'complication'
      : !onTarget && prev?.on_target === false
        ? 'uncontrolled_twice'
        : m.adverse_reaction && prev?.adverse_reaction
          ? 'adverse_reaction_persisting'
          : null;
  const advice: Advice | null =
    reason === 'critical' ? 'urgent_referral' : reason ? 'up_referral' : classification === 'controlled' ? null : 'recheck_in_2_weeks';
  return { classification, on_target: onTarget, advice, referral_reason: reason };
}

/** Does the visit call for the two-week recheck task: every advice does. */
export const needsRecheck = (a: { advice: string | null }) => a.advice != null;

/** 下次随访日期 by the norms: within two weeks after an advice, else within three months. */
export const nextVisitOn = (visitedOn: string, a: Pick<Assessment, 'advice'>) =>
  a.advice ? addDays(visitedOn, RECHECK_DAYS) : addMonths(visitedOn, NEXT_VISIT_MONTHS);

/** A next visit the doctor chose: after the visit, and no later than the norms allow. */
export function nextVisitProblem(visitedOn: string, chosen: string, a: Pick<Assessment, 'advice'>): FieldProblem | null {
  if (chosen <= visitedOn) return { field: 'next_visit_on', message: 'must be after the visit' };
  const latest = nextVisitOn(visitedOn, a);
  if (chosen > latest)
    return {
      field: 'next_visit_on',
      message: a.advice
        ? `must be on or before ${latest}: the norms ask for a visit within ${RECHECK_DAYS} days`
        : `must be on or before ${latest}: a patient is seen at least every ${NEXT_VISIT_MONTHS} months`,
    };
  return null;
}

/** 体质指数 (BMI, kg/m²) to one decimal. */
export const bmiOf = (weightKg: number, heightCm: number) => Math.round((weightKg / (heightCm / 100) ** 2) * 10) / 10;

/** BMIs no person has: a weight and a height each in range can still be a typing slip together. */
export const BMI_RANGE = [5, 99] as const;

/** A weight (or target weight) whose BMI at this height no person has, named on the weight. */
export function bmiProblems(heightCm: number | null | undefined, weights: { weight_kg?: number | null; target_weight_kg?: number | null }): FieldProblem[] {
  if (!heightCm) return [];
  return (Object.entries(weights) as [string, number | null | undefined][]).flatMap(([field, kg]) => {
    if (kg == null) return [];
    const bmi = bmiOf(kg, heightCm);
    return bmi < BMI_RANGE[0] || bmi > BMI_RANGE[1] ? [{ field, message: `gives a BMI of ${bmi} at ${heightCm} cm: check the weight and the height` }] : [];
  });
}

// ---------------------------------------------------------------- the national record's fields

export type ChronicType = Extract<FollowupType, 'hypertension' | 'diabetes'>;
export const isChronic = (t: string): t is ChronicType => t === 'hypertension' || t === 'diabetes';

/** The fields of the national record (随访服务记录表) beyond the readings. */
export const RECORD_FIELDS = [
  'symptoms',
  'symptoms_other',
  'target_weight_kg',
  'dorsalis_pedis',
  'signs_other',
  'smoking_per_day',
  'smoking_target',
  'drinking_per_day',
  'drinking_target',
  'exercise_per_week',
  'exercise_minutes',
  'exercise_per_week_target',
  'exercise_minutes_target',
  'salt_intake',
  'salt_intake_target',
  'staple_food_g',
  'staple_food_target_g',
  'psychological_adjustment',
  'compliance',
  'hba1c',
  'exams_other',
  'medication_adherence',
  'adverse_reaction',
  'adverse_reaction_text',
  'hypoglycaemia',
  'new_complication',
  'complication_text',
  'medications',
  'next_visit_on',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** Fields only one of the two records has: salt for hypertension; the foot pulse, staple food, HbA1c and hypoglycaemia for diabetes. */
export const ONLY_IN: Partial<Record<RecordField, ChronicType>> = {
  salt_intake: 'hypertension',
  salt_intake_target: 'hypertension',
  dorsalis_pedis: 'diabetes',
  staple_food_g: 'diabetes',
  staple_food_target_g: 'diabetes',
  hba1c: 'diabetes',
  hypoglycaemia: 'diabetes',
};

export interface Medication {
  name: string;
  times_per_day: number;
  dose: number;
  unit: DoseUnit;
}

export type NationalRecord = Partial<{
  symptoms: Symptom[] | null;
  symptoms_other: string | null;
  dorsalis_pedis: string | null;
  signs_other: string | null;
  salt_intake: string | null;
  salt_intake_target: string | null;
  psychological_adjustment: string | null;
  compliance: string | null;
  exams_other: string | null;
  medication_adherence: string | null;
  adverse_reaction: boolean | null;
  adverse_reaction_text: string | null;
  hypoglycaemia: string | null;
  new_complication: boolean | null;
  complication_text: string | null;
  medications: Medication[] | null;
  next_visit_on: string | null;
}> &
  Partial<Record<RecordNumber, number | null>>;

const given = (v: unknown) => v != null && !(Array.isArray(v) && v.length === 0) && v !== '';

/**
 * The answers every hypertension or diabetes visit must give (the record's boxes the doctor
 * always ticks: 症状 — 无症状 is an answer —, 服药依从性, 药物不良反应 无/有, 此次随访并发症 无/有),
 * whichever form sent it (the single visit, a household visit, the outbox).
 */
export const RECORD_REQUIRED = ['symptoms', 'medication_adherence', 'adverse_reaction', 'new_complication'] as const satisfies readonly RecordField[];

/**
 * Problems of the national record's fields: they belong to a hypertension or diabetes visit (some
 * to one of them only); its required answers given; symptoms of that record, 无症状 alone; numbers
 * in range; an adverse reaction or a complication described.
 */
export function recordProblems(type: FollowupType, r: NationalRecord): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const values = r as Record<string, unknown>;
  if (!isChronic(type)) {
    for (const f of RECORD_FIELDS) if (given(values[f])) problems.push({ field: f, message: `is not part of a ${type} follow-up` });
    return problems;
  }
  for (const [f, only] of Object.entries(ONLY_IN)) {
    if (only !== type && given(values[f])) problems.push({ field: f, message: `is part of the ${only} record only` });
  }
  for (const f of RECORD_REQUIRED) if (!given(values[f])) problems.push(required(f, `a ${type} follow-up`));
  const symptoms = r.symptoms ?? [];
  const seen = new Set<string>();
  symptoms.forEach((s, i) => {
    if (seen.has(s)) problems.push({ field: `symptoms.${i}`, message: `${s} is listed twice` });
    seen.add(s);
    if (!SYMPTOM.labels[s].types.includes(type)) problems.push({ field: `symptoms.${i}`, message: `${s} is not a symptom of the ${type} record` });
  });
  if (symptoms.includes('none') && symptoms.length > 1) problems.push({ field: 'symptoms', message: 'none (无症状) stands alone' });
  problems.push(...rangeProblems(r, RECORD_RANGES));
  if (r.adverse_reaction && !r.adverse_reaction_text?.trim()) problems.push({ field: 'adverse_reaction_text', message: 'describe the adverse reaction' });
  if (!r.adverse_reaction && r.adverse_reaction_text?.trim()) problems.push({ field: 'adverse_reaction_text', message: 'only with adverse_reaction' });
  if (r.new_complication && !r.complication_text?.trim()) problems.push({ field: 'complication_text', message: 'name the complication' });
  if (!r.new_complication && r.complication_text?.trim()) problems.push({ field: 'complication_text', message: 'only with new_complication' });
  return problems;
}

/** ICD-10 of the conditions a follow-up referral names. */
export const DIAGNOSIS_OF: Record<ChronicType, { code: string; text: string }> = {
  hypertension: { code: 'I10', text: '原发性高血压' },
  diabetes: { code: 'E11.9', text: '2型糖尿病' },
};

/** What a referral made from a visit's advice says (the referrals domain adds the units and fees). */
export interface ReferralDraft {
  resident_id: number;
  from_org_unit_id: number;
  direction: 'up';
  urgency: 'routine' | 'urgent';
  purpose: 'treatment';
  diagnosis_code: string;
  diagnosis_text: string;
  reason: string;
  summary: string;
}

const doseLine = (m: Medication) => `${m.name} 每日${m.times_per_day}次 每次${m.dose}${DOSE_UNIT.zh(m.unit)}`;

/**
 * The referral a visit's advice calls for, prefilled: the resident, the condition's diagnosis,
 * the reason (why, and this visit's readings) and a summary (symptoms, adherence, medicines).
 * Null when the visit advises no referral.
 */
export function referralDraft(f: {
  resident_id: number | null;
  org_unit_id: number;
  type: string;
  visited_on: string;
  systolic: number | null;
  diastolic: number | null;
  fasting_glucose: number | null;
  advice: string | null;
  referral_reason: string | null;
  adverse_reaction_text?: string | null;
  complication_text?: string | null;
  symptoms?: string[] | null;
  medication_adherence?: string | null;
  medications?: Medication[] | null;
}): ReferralDraft | null {
  if (f.resident_id == null || !isChronic(f.type) || (f.advice !== 'up_referral' && f.advice !== 'urgent_referral') || !f.referral_reason) return null;
  const readings = [
    f.systolic != null && f.diastolic != null ? `血压 ${f.systolic}/${f.diastolic} mmHg` : null,
    f.fasting_glucose != null ? `空腹血糖 ${f.fasting_glucose} mmol/L` : null,
  ].filter(Boolean);
  const reason = [
    UP_REFERRAL_REASON.zh(f.referral_reason as UpReferralReason),
    `${f.visited_on} 随访：${readings.join('，')}`,
    f.referral_reason === 'adverse_reaction_persisting' && f.adverse_reaction_text ? `不良反应：${f.adverse_reaction_text}` : null,
    f.referral_reason === 'complication' && f.complication_text ? `并发症：${f.complication_text}` : null,
  ]
    .filter(Boolean)
    .join('；');
  const summary = [
    f.symptoms?.length ? `症状：${f.symptoms.map((s) => SYMPTOM.zh(s as Symptom)).join('、')}` : null,
    f.medication_adherence ? `服药依从性：${MEDICATION_ADHERENCE.zh(f.medication_adherence as MedicationAdherence)}` : null,
    f.medications?.length ? `用药：${f.medications.map(doseLine).join('；')}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    resident_id: f.resident_id,
    from_org_unit_id: f.org_unit_id,
    direction: 'up',
    urgency: f.advice === 'urgent_referral' ? 'urgent' : 'routine',
    purpose: 'treatment',
    diagnosis_code: DIAGNOSIS_OF[f.type].code,
    diagnosis_text: DIAGNOSIS_OF[f.type].text,
    reason,
    summary,
  };
}

// ---------------------------------------------------------------- the elderly annual check (老年人健康管理)

export type SelfCareAnswers = Record<SelfCareItem, SelfCareLevel>;

/** An item answered with a level its row does not have (进餐 and 穿衣 have no 轻度依赖). */
export function selfCareProblems(a: SelfCareAnswers, prefix = ''): FieldProblem[] {
  return SELF_CARE_ITEM.values
    .filter((item) => (SELF_CARE_ITEM.labels[item].scores as Partial<Record<SelfCareLevel, number>>)[a[item]] === undefined)
    .map((item) => ({ field: `${prefix}${item}`, message: `${item} has no ${a[item]} answer` }));
}

/** 老年人生活自理能力评估: the total score of the five items and its level (0–3 可自理, 4–8 轻度依赖, 9–18 中度依赖, ≥ 19 不能自理). */
export function selfCare(a: SelfCareAnswers): { score: number; level: SelfCareLevel } {
  const score = SELF_CARE_ITEM.values.reduce(
    (sum, item) => sum + ((SELF_CARE_ITEM.labels[item].scores as Partial<Record<SelfCareLevel, number>>)[a[item]] ?? 0),
    0,
  );
  const level = [...SELF_CARE_LEVEL.values].reverse().find((l) => score >= SELF_CARE_LEVEL.labels[l].from)!;
  return { score, level };
}

/**
 * Where a finding starts (adults 60–79 where the reference differs by age): BMI 中国成人超重和肥胖
 * (< 18.5, ≥ 24, ≥ 28); lipids 中国成人血脂异常防治指南 2016 (TC ≥ 6.2, TG ≥ 2.3, LDL-C ≥ 4.1,
 * HDL-C < 1.0 mmol/L); haemoglobin below 120 g/L (men) / 110 g/L (women); liver and kidney the
 * upper references of WS/T 404 for 60–79 (ALT 50/40, AST 40/35 U/L, total bilirubin 26/21 μmol/L,
 * creatinine 111/81 μmol/L, urea 9.5/8.8 mmol/L, men/women); urine protein from +.
 */
export const ELDERLY_LIMITS = {
  bmi: { under: 18.5, over: 24, obese: 28 },
  total_cholesterol: 6.2,
  triglycerides: 2.3,
  ldl: 4.1,
  hdl: 1.0,
  haemoglobin: { M: 120, F: 110 },
  alt: { M: 50, F: 40 },
  ast: { M: 40, F: 35 },
  total_bilirubin: { M: 26, F: 21 },
  creatinine: { M: 111, F: 81 },
  urea: { M: 9.5, F: 8.8 },
} as const;

export type ElderlyCheckFacts = Partial<Record<ElderlyNumber, number | null>> & {
  sex: 'M' | 'F';
  age?: number | null;
  systolic?: number | null;
  diastolic?: number | null;
  fasting_glucose?: number | null;
  bmi?: number | null;
  urine_protein?: string | null;
  exam_abnormal?: readonly string[];
  ecg?: string | null;
  ultrasound?: string | null;
  cognition_screen?: string | null;
  emotion_screen?: string | null;
  self_care_level: SelfCareLevel;
};

/** What the check finds abnormal, in the order of the FINDING list; none makes the 健康评价 体检无异常. */
export function elderlyFindings(c: ElderlyCheckFacts): Finding[] {
  const over = (v: number | null | undefined, limit: number) => v != null && v > limit;
  const L = ELDERLY_LIMITS;
  const found = new Set<Finding>();
  if (c.systolic != null && c.diastolic != null && !bpOnTarget(c, c.age)) found.add('high_bp');
  if (c.fasting_glucose != null && c.fasting_glucose >= GLUCOSE_TARGET) found.add('high_glucose');
  if (c.bmi != null) {
    if (c.bmi < L.bmi.under) found.add('underweight');
    else if (c.bmi >= L.bmi.obese) found.add('obese');
    else if (c.bmi >= L.bmi.over) found.add('overweight');
  }
  if (c.haemoglobin != null && c.haemoglobin < L.haemoglobin[c.sex]) found.add('anaemia');
  if (over(c.alt, L.alt[c.sex]) || over(c.ast, L.ast[c.sex]) || over(c.total_bilirubin, L.total_bilirubin[c.sex])) found.add('liver_function');
  if (over(c.creatinine, L.creatinine[c.sex]) || over(c.urea, L.urea[c.sex])) found.add('kidney_function');
  if (c.urine_protein && !['negative', 'trace'].includes(c.urine_protein)) found.add('urine_protein');
  if (
    (c.total_cholesterol != null && c.total_cholesterol >= L.total_cholesterol) ||
    (c.triglycerides != null && c.triglycerides >= L.triglycerides) ||
    (c.ldl != null && c.ldl >= L.ldl) ||
    (c.hdl != null && c.hdl < L.hdl)
  )
    found.add('dyslipidaemia');
  if (c.exam_abnormal?.length) found.add('exam');
  if (c.ecg === 'abnormal') found.add('ecg');
  if (c.ultrasound === 'abnormal') found.add('ultrasound');
  if (c.cognition_screen === 'positive') found.add('cognition');
  if (c.emotion_screen === 'positive') found.add('emotion');
  if (c.self_care_level !== 'independent') found.add('self_care');
  return FINDING.values.filter((f) => found.has(f));
}

/** Readings the elderly check records on its follow-up row (the form asks them all). */
export const ELDERLY_REQUIRED: readonly MeasurementField[] = ['systolic', 'diastolic', 'weight_kg', 'height_cm', 'heart_rate'];

/**
 * Problems of an elderly check: its readings given, numbers in range, each self-care item answered
 * with a level of its row, and an abnormal check ending with 纳入慢病管理, 建议复查 or 建议转诊.
 */
export function elderlyProblems(
  c: Partial<Record<ElderlyNumber, number | null>> & { guidance?: readonly string[] } & SelfCareAnswers,
  m: Measurements,
  findings: readonly Finding[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of ELDERLY_REQUIRED) if (m[f] == null) problems.push(required(f, 'an elderly check'));
  problems.push(...rangeProblems(c, ELDERLY_RANGES, 'elderly_check.'));
  problems.push(...selfCareProblems(c, 'elderly_check.'));
  // shown under the guidance on the doctor's (Chinese) form: the findings and the choices by their labels, no codes
  if (findings.length && !c.guidance?.length)
    problems.push({
      field: 'elderly_check.guidance',
      message: `体检发现${findings.map((f) => FINDING.zh(f)).join('、')}：请选择${GUIDANCE.values.map((g) => GUIDANCE.zh(g)).join('、')}`,
    });
  return problems;
}

/** The next elderly check: a year on (规范: 每年1次). */
export const nextElderlyCheckOn = (visitedOn: string) => addMonths(visitedOn, 12);

/** 面对面随访: the norms count visits in the clinic or at home; a phone call is not face to face. */
export const isFaceToFace = (mode: FollowupMode) => mode !== 'phone';

/** Which follow-up types concern which key population (a follow-up for a resident outside it is refused). */
export const POPULATION_OF: Partial<Record<FollowupType, KeyTag>> = {
  hypertension: 'hypertension',
  diabetes: 'diabetes',
  elderly_check: 'elderly_65',
  maternal: 'pregnant',
  child: 'child_0_6',
  severe_mental: 'severe_mental',
  tb: 'tb',
};

// ---------------------------------------------------------------- due tasks (待办任务)

/** The states of a task still to be done (buckets.ts, shared with the phone's offline copy). */
export const OPEN_STATES = OPEN_TASK_STATES;
/** Allowed state changes; anything else is a conflict naming these. */
export const TASK_TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  // a visit inside the window completes a task even before the daily job marked it due
  upcoming: ['due', 'done', 'missed', 'cancelled'],
  due: ['done', 'missed', 'cancelled'],
  done: [],
  missed: [],
  cancelled: [],
};

export interface Schedule {
  code: string;
  /** 'period': one task per period for the population; 'uncontrolled': a recheck after an uncontrolled visit */
  trigger: ScheduleTrigger;
  followup_type: FollowupType;
  population: KeyTag;
  period_months: number;
  due_within_days: number;
}

export interface TaskPlan {
  id: string;
  resident_id: number;
  schedule_code: string;
  type: FollowupType;
  period: string;
  window_start: string;
  window_end: string;
  due_on: string;
}

export { addDays, addMonths, daysBetween, monthKey, monthOf, monthRange, previousMonth };

/** The schedule period containing `day`: label (2026, 2026-Q2, 2026-H1, 2026-03, 2026-B2…) and window. */
export function periodOf(periodMonths: number, day: string): { period: string; window_start: string; window_end: string } {
  const [y, m] = day.split('-').map(Number);
  const index = Math.floor((m - 1) / periodMonths); // 0-based period within the year
  const startMonth = index * periodMonths + 1;
  const endMonth = startMonth + periodMonths - 1;
  const label = { 12: `${y}`, 6: `${y}-H${index + 1}`, 4: `${y}-T${index + 1}`, 3: `${y}-Q${index + 1}`, 2: `${y}-B${index + 1}`, 1: `${y}-${pad(m)}` }[
    periodMonths
  ];
  if (!label) throw new Error(`unsupported period of ${periodMonths} months`);
  return { period: label, window_start: iso(y, startMonth, 1), window_end: iso(y, endMonth, lastDay(y, endMonth)) };
}

/** The deterministic id of a task: resident + schedule + period, so regeneration never duplicates. */
export const taskId = (residentId: number, scheduleCode: string, period: string) => `${residentId}-${scheduleCode}-${period}`;

/**
 * The due date inside a window: the schedule's due span is spread over residents (by id) so a
 * village's visits do not all fall on one day; the rest of the window is grace (overdue, still doable).
 */
export function dueOn(windowStart: string, windowEnd: string, dueWithinDays: number, residentId: number): string {
  return spreadDue(Date.parse(`${windowStart}T00:00:00Z`), Math.min(dueWithinDays, daysBetween(windowStart, windowEnd) + 1), residentId);
}
const spreadDue = (startMs: number, span: number, residentId: number) => new Date(startMs + ((residentId * 37) % span) * 86_400_000).toISOString().slice(0, 10);

export interface ResidentForTasks {
  id: number;
  birth_date: string;
  tags: readonly string[];
}

/**
 * A planner for the periods overlapping [from, to]: the periods of each schedule are worked out
 * once, then each resident gets a task per period for each schedule whose population they are
 * in at some point of the window (a 65th birthday inside the year counts).
 */
export function taskPlanner(schedules: readonly Schedule[], from: string, to: string): (resident: ResidentForTasks) => TaskPlan[] {
  const periodic = schedules
    .filter((s) => s.trigger === 'period')
    .map((s) => {
      const periods: (ReturnType<typeof periodOf> & { startMs: number; span: number })[] = [];
      for (let day = periodOf(s.period_months, from).window_start; day <= to;) {
        const p = periodOf(s.period_months, day);
        periods.push({
          ...p,
          startMs: Date.parse(`${p.window_start}T00:00:00Z`),
          span: Math.min(s.due_within_days, daysBetween(p.window_start, p.window_end) + 1),
        });
        day = addDays(p.window_end, 1);
      }
      return { s, byAge: (AGE_TAGS as readonly string[]).includes(s.population), periods };
    });
  return (resident) => {
    const plans: TaskPlan[] = [];
    for (const { s, byAge, periods } of periodic) {
      if (!byAge && !resident.tags.includes(s.population)) continue;
      for (const p of periods) {
        if (byAge && !inPopulation(resident, s.population, p.window_end) && !inPopulation(resident, s.population, p.window_start)) continue;
        plans.push({
          id: taskId(resident.id, s.code, p.period),
          resident_id: resident.id,
          schedule_code: s.code,
          type: s.followup_type,
          period: p.period,
          window_start: p.window_start,
          window_end: p.window_end,
          due_on: spreadDue(p.startMs, p.span, resident.id),
        });
      }
    }
    return plans;
  };
}

/** The tasks one resident needs in the periods overlapping [from, to]. */
export const planTasks = (resident: ResidentForTasks, schedules: readonly Schedule[], from: string, to: string) => taskPlanner(schedules, from, to)(resident);

/**
 * 规范第三版: a hypertension or diabetes visit that is not controlled is followed up again
 * within two weeks. The recheck task is due `due_within_days` after the visit and stays open
 * as long again; its period is the visit's date, so one visit makes one recheck.
 */
export function recheckPlan(s: Schedule, residentId: number, visitedOn: string): TaskPlan {
  return {
    id: taskId(residentId, s.code, visitedOn),
    resident_id: residentId,
    schedule_code: s.code,
    type: s.followup_type,
    period: visitedOn,
    window_start: addDays(visitedOn, 1),
    window_end: addDays(visitedOn, 2 * s.due_within_days),
    due_on: addDays(visitedOn, s.due_within_days),
  };
}

/** The state an open task should be in on `today`, by its window; null when it should leave the open states. */
export function openStateOn(task: { window_start: string; window_end: string }, today: string): TaskState {
  if (today > task.window_end) return 'missed';
  return today < task.window_start ? 'upcoming' : 'due';
}

/** "Overdue" is computed at query time: open and past its due date. */
export const isOverdue = (task: { state: string; due_on: string }, today: string) => OPEN_STATES.includes(task.state as TaskState) && task.due_on < today;

/** Does a logged follow-up complete a task: same type, inside the window, face to face. */
export function completes(
  task: { type: string; window_start: string; window_end: string; state: string },
  f: { type: string; visited_on: string; mode: FollowupMode },
): boolean {
  return (
    OPEN_STATES.includes(task.state as TaskState) &&
    task.type === f.type &&
    f.visited_on >= task.window_start &&
    f.visited_on <= task.window_end &&
    isFaceToFace(f.mode)
  );
}

// ---------------------------------------------------------------- family-doctor teams (家庭医生团队)

export interface TeamShape {
  village_ids: number[];
  members: { user_id: number; role: string; is_leader?: boolean }[];
}

export interface TeamFacts {
  /** the villages under the team's township centre */
  townshipVillageIds: ReadonlySet<number>;
  users: ReadonlyMap<number, { roles: readonly string[]; org_unit_id: number; active: boolean }>;
}

/**
 * A team is led by one general practitioner (全科医生牵头); it serves villages of its own
 * township; a member listed as village doctor is a village-doctor user working in a served village.
 */
export function teamProblems(team: TeamShape, facts: TeamFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!team.village_ids.length) problems.push({ field: 'village_ids', message: 'a team serves at least one village' });
  team.village_ids.forEach((v, i) => {
    if (!facts.townshipVillageIds.has(v)) problems.push({ field: `village_ids.${i}`, message: `unit ${v} is not a village of the team's township` });
  });
  const leaders = team.members.filter((m) => m.is_leader);
  if (leaders.length !== 1) problems.push({ field: 'members', message: `a team has exactly one leader (found ${leaders.length})` });
  else if (leaders[0].role !== 'general_practitioner') problems.push({ field: 'members', message: 'the leader is a general practitioner' });
  const seen = new Set<number>();
  team.members.forEach((m, i) => {
    if (seen.has(m.user_id)) problems.push({ field: `members.${i}.user_id`, message: 'listed twice' });
    seen.add(m.user_id);
    const user = facts.users.get(m.user_id);
    if (!user || !user.active) {
      problems.push({ field: `members.${i}.user_id`, message: `no active user ${m.user_id}` });
      return;
    }
    if (m.role === 'village_doctor' && (!user.roles.includes('village_doctor') || !team.village_ids.includes(user.org_unit_id))) {
      problems.push({ field: `members.${i}.user_id`, message: 'a village doctor member works in one of the villages the team serves' });
    }
  });
  return problems;
}

// ---------------------------------------------------------------- contracts (家庭医生签约)

export const CONTRACT_TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  active: ['renewed', 'expired', 'terminated'],
  renewed: [],
  expired: ['renewed'],
  terminated: [],
};

/** A contract runs one year: from the start day to the day before its anniversary. */
export function contractEnd(startOn: string): string {
  const [y, m, d] = startOn.split('-').map(Number);
  // 29 February: the anniversary in a common year is 1 March
  const anniversary = d > lastDay(y + 1, m) ? iso(y + 1, m + 1, 1) : iso(y + 1, m, d);
  return addDays(anniversary, -1);
}

/** The allowed next statuses, or a message naming them. */
export function contractTransitionProblem(from: ContractStatus, to: ContractStatus): string | null {
  return CONTRACT_TRANSITIONS[from].includes(to) ? null : `a ${from} contract cannot become ${to}; allowed: ${CONTRACT_TRANSITIONS[from].join(', ') || 'none'}`;
}

// ---------------------------------------------------------------- indicators (考核指标)

export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface HealthIndicators {
  /** 签约率: residents with a contract in force during the year / registered residents */
  contract_rate: Ratio;
  /** 重点人群签约率: the same over residents in a key population */
  key_population_contract_rate: Ratio;
  /** 规范管理率: hypertension/diabetes patients with ≥ 4 face-to-face follow-ups of that type in the year / registered patients */
  standardised_management_rate: Ratio;
  /** 控制率: patients whose last follow-up of the year had blood pressure / glucose on target / patients followed up in the year */
  control_rate: Ratio;
  /** 任务完成率: tasks done / tasks that came due in the year (not cancelled) */
  task_completion_rate: Ratio;
}

/** numerator / denominator to 4 decimals, null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

/** 规范第三版: a hypertension or diabetes patient is 规范管理 with at least 4 face-to-face follow-ups a year. */
export const STANDARD_FOLLOWUPS_PER_YEAR = 4;

/** The face-to-face follow-ups 规范管理 needs by the end of month m: the year's standard in proportion, rounded down, at least 1 (4 at month 12). */
export const standardThrough = (months: number) => Math.max(1, Math.floor((STANDARD_FOLLOWUPS_PER_YEAR * months) / 12));

/** Worst first: the lowest value of an indicator first, units with no denominator last. */
export function worstFirst<T extends { indicators: HealthIndicators; name: string }>(rows: T[], key: IndicatorKey): T[] {
  const v = (r: T) => r.indicators[key].value ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => v(a) - v(b) || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------- households (户)

/** A visit of one member in a household's one-save visit (the rest of the follow-up's fields aside). */
export interface HouseholdVisit {
  resident_id: number;
  task_id?: string | null;
  type: string;
}

/**
 * Problems of a household visit before anything is written: every visit is for a member of the
 * household, a task is answered once, a member gets one visit of each type.
 */
export function householdVisitProblems(visits: readonly HouseholdVisit[], memberIds: ReadonlySet<number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!visits.length) problems.push({ field: 'visits', message: 'at least one visit' });
  const tasks = new Set<string>();
  const kinds = new Set<string>();
  visits.forEach((v, i) => {
    if (!memberIds.has(v.resident_id))
      problems.push({ field: `visits.${i}.resident_id`, message: `resident ${v.resident_id} is not a member of this household` });
    if (v.task_id) {
      if (tasks.has(v.task_id)) problems.push({ field: `visits.${i}.task_id`, message: 'the same task twice' });
      tasks.add(v.task_id);
    }
    const kind = `${v.resident_id}:${v.type}`;
    if (kinds.has(kind)) problems.push({ field: `visits.${i}.type`, message: `a second ${v.type} visit of the same resident` });
    kinds.add(kind);
  });
  return problems;
}

// ---------------------------------------------------------------- targets (随访目标)

/** The follow-up types a "check" target counts (体检: the elderly annual check, the child check); the others are follow-ups. */
export const CHECK_TYPES: readonly FollowupType[] = ['elderly_check', 'child'];
/** How far from this month a target may be set (months before or after). */
export const TARGET_MONTHS_AWAY = 12;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * A window's tasks as monthly goals, the way a township sets them: spread evenly over the months the
 * window touches, by the end of its i-th month (1-based, of k) floor(n·i/k) of them — so the months'
 * shares add up to n, each month gets about n/k (a quarter's 40 follow-ups: 13, 13, 14), and a share
 * that does not divide falls late in the window (one task of a quarter: its third month). A task's
 * due date is where its schedule wants it (the first 60 days of a quarter); its window is when it
 * can be done, and the goal spreads over that. Returns the months with a share above 0.
 */
export function monthlyShares(windowStart: string, windowEnd: string, n: number): Map<string, number> {
  const first = monthIndex(monthKey(windowStart));
  const k = monthIndex(monthKey(windowEnd)) - first + 1;
  const shares = new Map<string, number>();
  for (let i = 1; i <= k; i++) {
    const share = Math.floor((n * i) / k) - Math.floor((n * (i - 1)) / k);
    const index = first + i - 1;
    if (share > 0) shares.set(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`, share);
  }
  return shares;
}

/** A target's month must be within TARGET_MONTHS_AWAY of today's month. */
export function targetMonthProblem(month: string, today: string): FieldProblem | null {
  const away = monthIndex(month) - monthIndex(monthKey(today));
  return Math.abs(away) > TARGET_MONTHS_AWAY ? { field: 'month', message: `must be within ${TARGET_MONTHS_AWAY} months of this month` } : null;
}

/**
 * The part of a goal due by `today` in its month, pro rata over the days already gone (today not
 * counted: a day's work is judged when it is over); the whole goal once the month is over, none before it.
 */
export function goalToDate(goal: number, month: string, today: string): number {
  const { start, end } = monthRange(month);
  if (today > end) return goal;
  if (today <= start) return 0;
  return Math.floor((goal * daysBetween(start, today)) / (daysBetween(start, end) + 1));
}

/**
 * Where a month's count stands: met once done reaches the goal (a goal of 0 is met); otherwise on
 * track while it keeps up with the goal to date (goalToDate), behind when not — so a past month
 * below its goal is behind, and the month under way is behind only when it lags its pace.
 */
export function targetStatus(done: number, goal: number, month: string, today: string): TargetStatus {
  if (done >= goal) return 'met';
  return done >= goalToDate(goal, month, today) ? 'on_track' : 'behind';
}

export interface MetricProgress {
  done: number;
  goal: number;
  /** the goal derived from the records (tasks due, contracts ending) */
  default_goal: number;
  /** whether a township GP or director set this goal (else it is the default) */
  set: boolean;
  status: TargetStatus;
}

/** A month's progress per metric: the goal set (a non-null one) or else the default, the count done, the status. */
export function monthProgress(
  month: string,
  today: string,
  done: Record<TargetMetric, number>,
  defaults: Record<TargetMetric, number>,
  set: Partial<Record<TargetMetric, number | null>> = {},
): Record<TargetMetric, MetricProgress> {
  const out = {} as Record<TargetMetric, MetricProgress>;
  for (const metric of Object.keys(defaults) as TargetMetric[]) {
    const chosen = set[metric];
    const goal = chosen ?? defaults[metric];
    out[metric] = { done: done[metric], goal, default_goal: defaults[metric], set: chosen != null, status: targetStatus(done[metric], goal, month, today) };
  }
  return out;
}

// ---------------------------------------------------------------- grants

const HEALTH_RESOURCES = [
  'residents',
  'family-doctor-teams',
  'contracts',
  'followups',
  'tasks',
  'service-packages',
  'followup-schedules',
  'health-indicators',
  'households',
  'doctor-targets',
] as const;
const readAll = Object.fromEntries(HEALTH_RESOURCES.map((r) => [r, read]));

/** Who may do what. Reading a full ID number is the `reveal_id` verb (audited). */
export const healthGrants: GrantTable = {
  group_admin: {
    ...readAll,
    residents: [...all, 'transfer', 'deregister', 'reveal_id'],
    'family-doctor-teams': all,
    contracts: [...read, 'create', 'renew', 'terminate'],
    tasks: [...read, 'generate', 'cancel'],
    'followup-schedules': [...read, 'edit'],
    households: all,
    'doctor-targets': all,
  },
  director: {
    ...readAll,
    residents: [...read, 'create', 'edit', 'transfer', 'deregister', 'reveal_id'],
    'family-doctor-teams': all,
    contracts: [...read, 'create', 'renew', 'terminate'],
    followups: [...read, 'create'],
    tasks: [...read, 'cancel'],
    households: [...read, 'create', 'edit', 'visit'],
    'doctor-targets': all,
  },
  // a township's general practitioners log in as staff clerks (seeds: gp-T01-01 …): they set their village doctors' targets
  staff_clerk: {
    ...readAll,
    residents: [...read, 'create', 'edit', 'transfer'],
    contracts: [...read, 'create', 'renew'],
    households: [...read, 'create', 'edit'],
    'doctor-targets': all,
  },
  village_doctor: {
    ...readAll,
    residents: [...read, 'create', 'edit', 'transfer', 'reveal_id'],
    contracts: [...read, 'create', 'renew', 'terminate'],
    followups: [...read, 'create'],
    tasks: [...read, 'cancel'],
    households: [...read, 'create', 'edit', 'visit'],
  },
  group_finance: { 'health-indicators': read, 'family-doctor-teams': read, 'service-packages': read },
  referral_coordinator: { residents: read },
};

// ---------------------------------------------------------------- what a follow-up derives

/** What a follow-up's record derives from what was entered: one source for the service and the demo. */
export interface DerivedFollowup {
  assessment: Assessment;
  bmi: number | null;
  target_bmi: number | null;
  /** 下次随访日期: a chronic visit's (the doctor's choice, else the norms'), an elderly check's next check */
  next_visit_on: string | null;
  /** an elderly check's self-care score and level, findings and 健康评价 */
  elderly: { self_care_score: number; self_care_level: SelfCareLevel; findings: Finding[]; assessment: 'normal' | 'abnormal'; next_check_on: string } | null;
}

/**
 * The assessment, the BMI (at this visit's height, else `facts.height`, the resident's last one),
 * the next visit and, for an elderly check with its answers, the self-care score, findings and
 * assessment. Validation (implausible BMI, a next visit past the norms, the check's problems) is
 * the caller's.
 */
export function deriveFollowup(
  input: VisitFacts & {
    type: FollowupType;
    visited_on: string;
    weight_kg?: number | null;
    height_cm?: number | null;
    target_weight_kg?: number | null;
    next_visit_on?: string | null;
  },
  facts: {
    age: number | null;
    sex: 'M' | 'F';
    previous?: PreviousVisit | null;
    height?: number | null;
    elderly?: (SelfCareAnswers & Omit<ElderlyCheckFacts, 'sex' | 'age' | 'self_care_level' | 'bmi'>) | null;
  },
): DerivedFollowup {
  const assessment = assess(input.type, input, { age: facts.age, previous: facts.previous });
  const height = input.height_cm ?? facts.height;
  const bmi = input.weight_kg != null && height ? bmiOf(input.weight_kg, height) : null;
  const target_bmi = input.target_weight_kg != null && height ? bmiOf(input.target_weight_kg, height) : null;
  let next_visit_on: string | null = null;
  if (isChronic(input.type) && assessment.classification) next_visit_on = input.next_visit_on ?? nextVisitOn(input.visited_on, assessment);
  let elderly: DerivedFollowup['elderly'] = null;
  if (input.type === 'elderly_check' && facts.elderly) {
    const { score, level } = selfCare(facts.elderly);
    const findings = elderlyFindings({ ...facts.elderly, ...input, sex: facts.sex, age: facts.age, bmi, self_care_level: level });
    next_visit_on = nextElderlyCheckOn(input.visited_on);
    elderly = { self_care_score: score, self_care_level: level, findings, assessment: findings.length ? 'abnormal' : 'normal', next_check_on: next_visit_on };
  }
  return { assessment, bmi, target_bmi, next_visit_on, elderly };
}
