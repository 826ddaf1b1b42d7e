// The chief pharmacist's rules as plain functions over plain data: one row of the prescription file
// to a clean record or its problems (field by field), the automatic flags of a prescription under
// the configured rules, the review's and the prescriber actions' state machines, and the figures
// of a unit against their targets. No HTTP, no database.
import { read, type GrantTable } from '../core/access';
import type { EnumValue } from '../core/enums';
import { stateMachine } from '../core/stateMachine';
import { blankCell, boolCell, cellText, dateCell, rowProblem, type ImportProblem, type RawRow, type RowProblem } from '../settlement';
import { DRUG_ROUTE, RX_CARE_TYPE, RX_COLUMN, RX_FIGURE, type RX_FLAG, type RX_IRRATIONAL_REASON, type RX_OUTCOME } from './enums';

export type RxFlag = EnumValue<typeof RX_FLAG>;
export type RxFigure = EnumValue<typeof RX_FIGURE>;
export type DrugRoute = EnumValue<typeof DRUG_ROUTE>;
export type RxCareType = EnumValue<typeof RX_CARE_TYPE>;
export type RxOutcome = EnumValue<typeof RX_OUTCOME>;
export type RxIrrationalReason = EnumValue<typeof RX_IRRATIONAL_REASON>;

// ---------------------------------------------------------------- configuration

export interface DoseRange {
  drug: string;
  unit: string;
  min: number;
  max: number;
}

/** The rules as configuration (GET/PUT /api/prescription-rules): the flags' parameters, the sample size and the figures' targets. */
export interface RxRules {
  /** a prescription with more drugs than this is flagged (处方药品品种数) */
  max_drugs: number;
  /** ICD-10 codes starting with one of these are an infection (an antibiotic's indication) */
  infection_icd_prefixes: string[];
  /** …and so is a diagnosis text containing one of these words */
  infection_words: string[];
  /** a single dose outside [min, max] (in `unit`) of the drug is flagged */
  dose_ranges: DoseRange[];
  /** drugs given by injection to an outpatient where an oral form would do */
  oral_preferred: string[];
  /** prescriptions drawn per unit and month for review (每月随机抽样) */
  sample_size: number;
  /** each figure's target (null: none), judged by its direction in RX_FIGURE */
  targets: Record<RxFigure, number | null>;
}

export const DEFAULT_RULES: RxRules = {
  max_drugs: 5,
  // infectious diseases (A, B), upper and lower respiratory infections (J00–J22), pneumonia-like, skin
  // infections (L00–L08), urinary (N10, N30, N39.0), otitis media (H66), appendicitis (K35), cholecystitis (K81)
  infection_icd_prefixes: [
    'A',
    'B',
    'J0',
    'J10',
    'J11',
    'J12',
    'J13',
    'J14',
    'J15',
    'J16',
    'J17',
    'J18',
    'J20',
    'J21',
    'J22',
    'L0',
    'N10',
    'N30',
    'N39.0',
    'H66',
    'K35',
    'K81',
  ],
  infection_words: ['感染', '肺炎', '扁桃体炎', '化脓'],
  dose_ranges: [
    { drug: '阿莫西林', unit: 'g', min: 0.25, max: 1 },
    { drug: '头孢呋辛', unit: 'g', min: 0.25, max: 1.5 },
    { drug: '左氧氟沙星', unit: 'g', min: 0.2, max: 0.75 },
    { drug: '二甲双胍', unit: 'g', min: 0.25, max: 1 },
    { drug: '硝苯地平', unit: 'mg', min: 10, max: 60 },
    { drug: '对乙酰氨基酚', unit: 'g', min: 0.3, max: 1 },
  ],
  oral_preferred: ['维生素C', '维生素B6', '地塞米松', '对乙酰氨基酚', '奥美拉唑', '左氧氟沙星'],
  sample_size: 100,
  // the reference HQ reached a drug share of 22.02 %, the branches 28.11 %; 门诊抗菌药物使用率 ≤ 20 %
  targets: { drug_share: 0.3, antibiotic_rate: 0.2, injection_rate: 0.2, avg_drugs: 3, flagged_share: 0.1, reviewed_share: 0.01 },
};

/**
 * What the rules' shape (the route's schema) cannot say: each dose range from its minimum to its
 * maximum, one range per drug and unit, no word or code listed twice. Each problem names its field
 * (`dose_ranges.2.max`); the service answers them as a 422.
 */
export function rulesProblems(rules: RxRules): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Map<string, number>();
  rules.dose_ranges.forEach((r, i) => {
    if (r.min > r.max) problems.push({ field: `dose_ranges.${i}.max`, message: `below its minimum ${r.min}` });
    const key = `${r.drug}\t${r.unit}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ field: `dose_ranges.${i}.drug`, message: `${r.drug} (${r.unit}) already has a range (line ${first + 1})` });
    else seen.set(key, i);
  });
  for (const field of ['infection_icd_prefixes', 'infection_words', 'oral_preferred'] as const) {
    const list = rules[field].map((x) => x.toUpperCase());
    list.forEach((x, i) => {
      if (list.indexOf(x) !== i) problems.push({ field: `${field}.${i}`, message: `${rules[field][i]} is listed twice` });
    });
  }
  return problems;
}

// ---------------------------------------------------------------- the file's rows

export const RX_COLUMNS: [string, string][] = RX_COLUMN.values.map((v) => [v, RX_COLUMN.zh(v)]);
export const RX_REQUIRED = ['prescription_no', 'unit_code', 'prescriber', 'prescribed_on', 'care_type', 'patient_id', 'item_no', 'drug_name'] as const;
export const RX_NOTES: Record<string, string> = {
  prescription_no: 'the unit’s prescription number; one row per drug, the prescription’s columns repeated on each',
  unit_code: 'the group unit code (e.g. HQ, B1, T01)',
  prescriber: 'the prescribing doctor’s name, matched to the HR registry of the unit',
  care_type: 'outpatient (门急诊) or inpatient (住院)',
  patient_id: 'ID number or record number: only its keyed hash is kept',
  patient_sex: 'M or F (男/女)',
  diagnosis_codes: 'ICD-10 codes separated by ; or ,',
  item_no: 'the drug’s line on the prescription, 1, 2, 3 …',
  antibiotic: 'true/false (是/否)',
  route: DRUG_ROUTE.values.join(', '),
  dose: 'one dose, a number in dose_unit',
};

const RX_NO = /^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,49}$/;
const ICD10 = /^[A-Z]\d{2}(\.[0-9A-Za-z]{1,4})?$/;
const DOSE = /^\d{1,6}(\.\d{1,3})?$/;

export interface RxItemRow {
  seq: number;
  drug_name: string;
  drug_class: string | null;
  antibiotic: boolean;
  route: DrugRoute;
  dose: string | null;
  dose_unit: string | null;
  days: number | null;
}

export interface RxRow {
  prescription_no: string;
  org_unit_id: number;
  department: string | null;
  prescriber_name: string;
  prescribed_on: string;
  care_type: RxCareType;
  /** the patient's ID or record number as given: the service keeps only its keyed hash */
  patient_id: string;
  patient_age: number | null;
  patient_sex: 'M' | 'F' | null;
  diagnosis_codes: string[];
  diagnosis_text: string | null;
  item: RxItemRow;
}

/** A coded cell given as the code or its Chinese label. */
const coded = <V extends string>(text: string, values: readonly V[], zh: (v: V) => string, extra: Record<string, V> = {}): V | undefined =>
  values.find((v) => v === text.toLowerCase() || zh(v) === text) ?? extra[text];

/** Validates one row (one drug of a prescription): a clean row, or every problem with the field it is in. */
export function validateRxRow(raw: RawRow, units: ReadonlyMap<string, { id: number }>, today: string): { row: RxRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (field: string, problem: ImportProblem, params?: Record<string, string | number>) => problems.push(rowProblem(field, problem, params));
  const text = (field: string, max: number, required = false) => {
    const t = cellText(raw[field]);
    if (!t && required) bad(field, 'required');
    else if (t.length > max) bad(field, 'max_length', { n: max });
    return t || null;
  };
  const whole = (field: string, min: number, max: number) => {
    if (blankCell(raw[field])) return null;
    const t = cellText(raw[field]);
    if (!/^\d{1,6}$/.test(t) || Number(t) < min) {
      bad(field, min > 0 ? 'positive_whole' : 'whole_not_negative');
      return null;
    }
    if (Number(t) > max) bad(field, 'at_most', { n: max });
    return Number(t);
  };

  const no = text('prescription_no', 50, true);
  if (no && !RX_NO.test(no)) bad('prescription_no', 'claim_no_format');
  const code = text('unit_code', 50, true);
  const unit = code ? units.get(code) : undefined;
  if (code && !unit) bad('unit_code', 'unknown_unit', { code });
  const department = text('department', 50);
  const prescriber = text('prescriber', 50, true);
  const on = dateCell(raw.prescribed_on);
  if (blankCell(raw.prescribed_on)) bad('prescribed_on', 'required');
  else if (!on) bad('prescribed_on', 'date_format');
  else if (on > today) bad('prescribed_on', 'not_after_today');
  const care = coded(cellText(raw.care_type), RX_CARE_TYPE.values, (v) => RX_CARE_TYPE.zh(v), { 门诊: 'outpatient', 急诊: 'outpatient' });
  if (!care) bad('care_type', blankCell(raw.care_type) ? 'required' : 'one_of', { values: RX_CARE_TYPE.values.join(', ') });
  const patient = text('patient_id', 50, true);
  const age = whole('patient_age', 0, 150);
  const sexText = cellText(raw.patient_sex);
  const sex = ({ M: 'M', F: 'F', m: 'M', f: 'F', 男: 'M', 女: 'F' } as Record<string, 'M' | 'F'>)[sexText] ?? null;
  if (sexText && !sex) bad('patient_sex', 'one_of', { values: 'M, F' });
  const codes = cellText(raw.diagnosis_codes)
    .split(/[;,；，\s]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
  if (codes.some((c) => !ICD10.test(c))) bad('diagnosis_codes', 'icd10');
  if (codes.length > 20) bad('diagnosis_codes', 'at_most', { n: 20 });
  const diagnosis = text('diagnosis_text', 200);

  const seq = whole('item_no', 1, 999);
  if (blankCell(raw.item_no)) bad('item_no', 'required');
  const drug = text('drug_name', 100, true);
  const drugClass = text('drug_class', 50);
  const antibiotic = boolCell(raw.antibiotic);
  if (antibiotic === null) bad('antibiotic', 'boolean');
  const route = blankCell(raw.route) ? 'other' : coded(cellText(raw.route), DRUG_ROUTE.values, (v) => DRUG_ROUTE.zh(v));
  if (!route) bad('route', 'one_of', { values: DRUG_ROUTE.values.join(', ') });
  const doseText = cellText(raw.dose);
  if (doseText && (!DOSE.test(doseText) || Number(doseText) <= 0)) bad('dose', 'positive_number');
  const doseUnit = text('dose_unit', 20);
  const days = whole('days', 1, 365);

  if (problems.length) return { problems };
  return {
    row: {
      prescription_no: no!,
      org_unit_id: unit!.id,
      department,
      prescriber_name: prescriber!,
      prescribed_on: on!,
      care_type: care!,
      patient_id: patient!.toUpperCase(),
      patient_age: age,
      patient_sex: sex,
      diagnosis_codes: [...new Set(codes)],
      diagnosis_text: diagnosis,
      item: { seq: seq!, drug_name: drug!, drug_class: drugClass, antibiotic: antibiotic!, route: route!, dose: doseText || null, dose_unit: doseUnit, days },
    },
  };
}

// ---------------------------------------------------------------- the flags

export interface RxForRules {
  care_type: RxCareType;
  diagnosis_codes: readonly string[];
  diagnosis_text: string | null;
  items: readonly Pick<RxItemRow, 'drug_name' | 'drug_class' | 'antibiotic' | 'route' | 'dose' | 'dose_unit'>[];
  /** drugs suspended for this prescriber (an open 停用 action) */
  suspended?: readonly string[];
}

/** Whether the diagnoses hold an infection: a code under a configured prefix, or a configured word in the text. */
export const hasInfection = (rx: Pick<RxForRules, 'diagnosis_codes' | 'diagnosis_text'>, rules: Pick<RxRules, 'infection_icd_prefixes' | 'infection_words'>) =>
  rx.diagnosis_codes.some((c) => rules.infection_icd_prefixes.some((p) => c.toUpperCase().startsWith(p.toUpperCase()))) ||
  (rx.diagnosis_text != null && rules.infection_words.some((w) => w && rx.diagnosis_text!.includes(w)));

/** The automatic flags of a prescription under the rules, in RX_FLAG's order. */
export function prescriptionFlags(rx: RxForRules, rules: RxRules): RxFlag[] {
  const flags = new Set<RxFlag>();
  if (rx.items.some((i) => i.antibiotic) && !hasInfection(rx, rules)) flags.add('antibiotic_without_indication');
  if (rx.items.length > rules.max_drugs) flags.add('too_many_drugs');
  const classes = rx.items.map((i) => i.drug_class?.trim()).filter((c): c is string => !!c);
  if (new Set(classes).size < classes.length) flags.add('duplicate_class');
  for (const item of rx.items) {
    if (item.dose != null) {
      const range = rules.dose_ranges.find((r) => r.drug === item.drug_name && r.unit === (item.dose_unit ?? ''));
      if (range && (Number(item.dose) < range.min || Number(item.dose) > range.max)) flags.add('dose_out_of_range');
    }
    if (rx.care_type === 'outpatient' && item.route === 'injection' && rules.oral_preferred.includes(item.drug_name)) flags.add('injection_oral_would_do');
    if (rx.suspended?.includes(item.drug_name)) flags.add('suspended_drug');
  }
  return (
    ['antibiotic_without_indication', 'too_many_drugs', 'duplicate_class', 'dose_out_of_range', 'injection_oral_would_do', 'suspended_drug'] as const
  ).filter((f) => flags.has(f));
}

// ---------------------------------------------------------------- the review and the actions

export const reviewMachine = stateMachine('prescription', {
  pending: { review: 'reviewed' },
  reviewed: { reopen: 'pending' },
});
export const actionMachine = stateMachine<'open' | 'closed' | 'cancelled', 'close' | 'cancel'>('prescriber action', {
  open: { close: 'closed', cancel: 'cancelled' },
  closed: {},
  cancelled: {},
});

/** A review's outcome and reason: an irrational one names its kind, a rational one none. */
export function reviewProblems(input: { outcome: RxOutcome; reason?: RxIrrationalReason | null }) {
  if (input.outcome === 'irrational' && !input.reason) return [{ field: 'reason', message: 'an irrational prescription names its kind' }];
  if (input.outcome === 'rational' && input.reason) return [{ field: 'reason', message: 'only an irrational prescription has a reason' }];
  return [];
}

/** An action's own fields: a suspension names the drug, a penalty its amount; the others neither. */
export function actionProblems(input: { kind: 'interview' | 'suspend' | 'penalty'; drug_name?: string | null; amount?: string | null }) {
  const problems: { field: string; message: string }[] = [];
  if (input.kind === 'suspend' && !input.drug_name) problems.push({ field: 'drug_name', message: 'a suspension names the drug' });
  if (input.kind !== 'suspend' && input.drug_name) problems.push({ field: 'drug_name', message: 'only a suspension names a drug' });
  if (input.kind === 'penalty' && !input.amount) problems.push({ field: 'amount', message: 'a penalty has its amount' });
  if (input.kind !== 'penalty' && input.amount) problems.push({ field: 'amount', message: 'only a penalty has an amount' });
  return problems;
}

// ---------------------------------------------------------------- the figures

/** A unit's counts for a period: prescriptions (outpatient ones with antibiotics, injections, their drugs), flagged, reviewed; its claims' drug and total cost (fen). */
export interface UnitCounts {
  prescriptions: number;
  outpatient: number;
  outpatient_antibiotic: number;
  outpatient_injection: number;
  outpatient_items: number;
  flagged: number;
  reviewed: number;
  claims_drug: bigint | null;
  claims_total: bigint | null;
}

export interface Figure {
  numerator: string;
  denominator: string;
  value: number | null;
  target: number | null;
  /** the value within its target (by the figure's direction); null without a value or a target */
  met: boolean | null;
}

const ratio = (n: number | bigint, d: number | bigint, places: number) =>
  Number(d) > 0 ? Math.round((Number(n) / Number(d)) * 10 ** places) / 10 ** places : null;
const yuan = (fen: bigint) => `${fen < 0n ? '-' : ''}${(fen < 0n ? -fen : fen) / 100n}.${String((fen < 0n ? -fen : fen) % 100n).padStart(2, '0')}`;

/** A unit's figures: rates to 4 decimals, drugs per prescription to 2, each with its parts and whether it meets its target. */
export function unitFigures(c: UnitCounts, targets: RxRules['targets']): Record<RxFigure, Figure> {
  const parts: Record<RxFigure, [string, string, number | null]> = {
    drug_share: [yuan(c.claims_drug ?? 0n), yuan(c.claims_total ?? 0n), ratio(c.claims_drug ?? 0n, c.claims_total ?? 0n, 4)],
    antibiotic_rate: [String(c.outpatient_antibiotic), String(c.outpatient), ratio(c.outpatient_antibiotic, c.outpatient, 4)],
    injection_rate: [String(c.outpatient_injection), String(c.outpatient), ratio(c.outpatient_injection, c.outpatient, 4)],
    avg_drugs: [String(c.outpatient_items), String(c.outpatient), ratio(c.outpatient_items, c.outpatient, 2)],
    flagged_share: [String(c.flagged), String(c.prescriptions), ratio(c.flagged, c.prescriptions, 4)],
    reviewed_share: [String(c.reviewed), String(c.prescriptions), ratio(c.reviewed, c.prescriptions, 4)],
  };
  return Object.fromEntries(
    RX_FIGURE.values.map((f) => {
      const [numerator, denominator, value] = parts[f];
      const target = targets[f] ?? null;
      const met = value === null || target === null ? null : RX_FIGURE.labels[f].direction === 'max' ? value <= target : value >= target;
      return [f, { numerator, denominator, value, target, met }];
    }),
  ) as Record<RxFigure, Figure>;
}

// ---------------------------------------------------------------- grants

// No pharmacist login role exists: the quality office (质控办, group_admin) is the chief pharmacist's
// desk; a unit's director reads its own prescriptions, actions and figures.
export const pharmacyGrants: GrantTable = {
  group_admin: {
    prescriptions: [...read, 'import', 'review', 'reopen', 'sample'],
    'prescriber-actions': [...read, 'create', 'close', 'cancel'],
    'prescription-rules': [...read, 'edit'],
    'prescription-figures': read,
  },
  director: { prescriptions: read, 'prescriber-actions': read, 'prescription-figures': read },
  group_finance: { 'prescription-figures': read },
};
