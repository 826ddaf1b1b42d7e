// Row validation of the insurer's files (claims, satisfaction scores, insured populations):
// plain functions from one row of cells to a clean record or the problems, field by field.
import { idNumberProblem, normaliseIdNumber } from '../core/personalId';
import { fromFen, toFen, type Fen } from '../shared/money';
import type { EnumValue } from '../core/enums';
import { CARE_TYPE, PROVIDER_CLASS } from './enums';

export type Cell = string | number | boolean | Date | null | undefined;
export type RawRow = Record<string, Cell>;
export interface RowProblem {
  field: string;
  message: string;
}

export const PROVIDER_CLASSES = PROVIDER_CLASS.values;
export type ProviderClass = EnumValue<typeof PROVIDER_CLASS>;
export const CARE_TYPES = CARE_TYPE.values;
export type CareType = EnumValue<typeof CARE_TYPE>;

/** The claim file's columns in template order, with the Chinese header each may carry instead. */
export const CLAIM_COLUMNS: [string, string][] = [
  ['claim_no', '结算单号'],
  ['id_number', '身份证号'],
  ['insured_name', '姓名'],
  ['insured_township_code', '参保乡镇编码'],
  ['provider_class', '机构类别'],
  ['provider_unit_code', '集团机构编码'],
  ['provider_name', '机构名称'],
  ['care_type', '就诊类型'],
  ['visit_on', '就诊或入院日期'],
  ['discharged_on', '出院日期'],
  ['settled_on', '结算日期'],
  ['total_cost', '医疗总费用'],
  ['fund_paid', '统筹支付'],
  ['self_pay', '个人自付'],
  ['self_funded', '自费'],
  ['drug_cost', '药品费用'],
  ['consumables_cost', '耗材费用'],
  ['diagnosis', '诊断ICD10'],
  ['referred_up', '上转住院'],
];
export const SATISFACTION_COLUMNS: [string, string][] = [
  ['period', '月份'],
  ['score', '满意度得分'],
  ['respondents', '调查人数'],
];
export const POPULATION_COLUMNS: [string, string][] = [
  ['unit_code', '机构编码'],
  ['insured_population', '参保人数'],
  ['baseline_admissions', '上年住院人次'],
];

/** Maps a header row (English keys or the Chinese headers) to field names; unknown headers are kept as-is. */
export function headerFields(headers: readonly Cell[], columns: readonly [string, string][]): (string | null)[] {
  const byLabel = new Map<string, string>();
  for (const [key, zh] of columns) {
    byLabel.set(key, key);
    byLabel.set(zh, key);
  }
  return headers.map((h) => {
    const text = h == null ? '' : String(h).trim();
    return text ? (byLabel.get(text) ?? byLabel.get(text.toLowerCase()) ?? text) : null;
  });
}

/** Required columns missing from a header row. */
export const missingColumns = (fields: readonly (string | null)[], required: readonly string[]) => required.filter((r) => !fields.includes(r));

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const blank = (v: Cell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A date cell: a Date, an Excel serial day number, or text YYYY-MM-DD (or YYYY/MM/DD) → 'YYYY-MM-DD'. */
export function dateCell(v: Cell): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 100000 ? new Date(EXCEL_EPOCH + v * 86400000).toISOString().slice(0, 10) : null;
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v.trim());
  if (!m) return null;
  const text = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : text;
}

/** A money cell → fen, or null when it is not a non-negative amount with at most two decimals. */
export function moneyCell(v: Cell): Fen | null {
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  try {
    const fen = toFen(typeof v === 'string' ? v.replace(/,/g, '') : v);
    return fen >= 0n ? fen : null;
  } catch {
    return null;
  }
}

const TRUE = ['true', '1', 'y', 'yes', '是'];
const FALSE = ['false', '0', 'n', 'no', '否', ''];
export function boolCell(v: Cell): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === null || v === undefined) return false;
  const t = String(v).trim().toLowerCase();
  return TRUE.includes(t) ? true : FALSE.includes(t) ? false : null;
}

const text = (v: Cell) => (blank(v) ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

export const CLAIM_NO = /^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,49}$/;
export const ICD10 = /^[A-Z]\d{2}(\.[0-9A-Za-z]{1,4})?$/;

export interface UnitRef {
  id: number;
  code: string;
  level: number;
  kind: string;
}

export interface ClaimContext {
  year: number;
  /** org unit code → unit */
  units: Map<string, UnitRef>;
  /** unit kinds an insured person may be registered in (townships) */
  insuredKinds: readonly string[];
  /** highest month locked by an approved run (0 for none), and that run's id */
  lockedThrough: number;
  lockedBy: number | null;
}

export interface ClaimRow {
  claim_no: string;
  id_number: string;
  insured_name: string | null;
  insured_unit_id: number | null;
  provider_class: ProviderClass;
  org_unit_id: number | null;
  provider_name: string | null;
  care_type: CareType;
  visit_on: string;
  discharged_on: string | null;
  settled_on: string;
  total_cost: string;
  fund_paid: string;
  self_pay: string;
  self_funded: string;
  drug_cost: string;
  consumables_cost: string;
  diagnosis: string | null;
  referred_up: boolean;
}

const AMOUNTS = ['total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost', 'consumables_cost'] as const;

/** Validates one claim row: a clean row, or every problem found with the field it is in. */
export function validateClaim(raw: RawRow, ctx: ClaimContext): { row: ClaimRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });

  const claimNo = text(raw.claim_no);
  if (!claimNo) bad('claim_no', 'required');
  else if (!CLAIM_NO.test(claimNo)) bad('claim_no', 'letters, digits and - _ / . only, at most 50');

  const idNumber = normaliseIdNumber(text(raw.id_number));
  const idProblem = idNumber ? idNumberProblem(idNumber) : 'required';
  if (idProblem) bad('id_number', idProblem);

  const name = text(raw.insured_name);
  if (name.length > 50) bad('insured_name', 'at most 50 characters');

  const townshipCode = text(raw.insured_township_code);
  const township = townshipCode ? ctx.units.get(townshipCode) : undefined;
  if (townshipCode && (!township || !ctx.insuredKinds.includes(township.kind))) bad('insured_township_code', `unknown township code ${townshipCode}`);

  const providerClass = text(raw.provider_class) as ProviderClass;
  if (!PROVIDER_CLASSES.includes(providerClass)) bad('provider_class', `must be one of ${PROVIDER_CLASSES.join(', ')}`);
  const unitCode = text(raw.provider_unit_code);
  const providerName = text(raw.provider_name);
  let unit: UnitRef | undefined;
  if (providerClass === 'in_group') {
    unit = ctx.units.get(unitCode);
    if (!unitCode) bad('provider_unit_code', 'required for an in_group provider');
    else if (!unit) bad('provider_unit_code', `unknown unit code ${unitCode}`);
  } else if (PROVIDER_CLASSES.includes(providerClass)) {
    if (unitCode) bad('provider_unit_code', 'only for in_group providers');
    if (!providerName) bad('provider_name', 'required for a provider outside the group');
  }
  if (providerName.length > 100) bad('provider_name', 'at most 100 characters');

  const careType = text(raw.care_type) as CareType;
  if (!CARE_TYPES.includes(careType)) bad('care_type', `must be one of ${CARE_TYPES.join(', ')}`);

  const inYear = (field: string, v: Cell, required: boolean) => {
    if (blank(v)) {
      if (required) bad(field, 'required');
      return null;
    }
    const d = dateCell(v);
    if (!d) bad(field, 'must be a date YYYY-MM-DD');
    else if (Number(d.slice(0, 4)) !== ctx.year) bad(field, `must lie inside the fund year ${ctx.year}`);
    else return d;
    return null;
  };
  const visitOn = inYear('visit_on', raw.visit_on, true);
  const dischargedOn = inYear('discharged_on', raw.discharged_on, false);
  const settledOn = inYear('settled_on', raw.settled_on, true);
  if (visitOn && dischargedOn && dischargedOn < visitOn) bad('discharged_on', 'before the admission date');
  if (visitOn && settledOn && settledOn < visitOn) bad('settled_on', 'before the visit date');
  if (dischargedOn && careType === 'outpatient') bad('discharged_on', 'only for inpatient stays');
  if (settledOn && Number(settledOn.slice(5, 7)) <= ctx.lockedThrough) {
    bad('settled_on', `period ${settledOn.slice(0, 7)} is locked: settlement run ${ctx.lockedBy} is approved`);
  }

  const fen: Partial<Record<(typeof AMOUNTS)[number], Fen>> = {};
  for (const field of AMOUNTS) {
    if (blank(raw[field])) {
      bad(field, 'required');
      continue;
    }
    const v = moneyCell(raw[field]);
    if (v === null) bad(field, 'must be an amount ≥ 0 with at most two decimals');
    else fen[field] = v;
  }
  if (AMOUNTS.every((f) => fen[f] !== undefined)) {
    if (fen.total_cost !== fen.fund_paid! + fen.self_pay! + fen.self_funded!) {
      bad('total_cost', `must equal fund_paid + self_pay + self_funded (${fromFen(fen.fund_paid! + fen.self_pay! + fen.self_funded!)})`);
    }
    if (fen.drug_cost! + fen.consumables_cost! > fen.total_cost!) bad('drug_cost', 'drug_cost + consumables_cost exceeds total_cost');
  }

  const diagnosis = text(raw.diagnosis).toUpperCase();
  if (diagnosis && !ICD10.test(diagnosis)) bad('diagnosis', 'must be an ICD-10 code such as I10 or E11.9');

  const referredUp = boolCell(raw.referred_up);
  if (referredUp === null) bad('referred_up', 'must be true or false');
  else if (referredUp && careType === 'outpatient') bad('referred_up', 'only inpatient stays follow an upward referral');

  if (problems.length) return { problems };
  return {
    row: {
      claim_no: claimNo,
      id_number: idNumber,
      insured_name: name || null,
      insured_unit_id: township?.id ?? null,
      provider_class: providerClass,
      org_unit_id: unit?.id ?? null,
      provider_name: providerClass === 'in_group' ? null : providerName,
      care_type: careType,
      visit_on: visitOn!,
      discharged_on: dischargedOn,
      settled_on: settledOn!,
      total_cost: fromFen(fen.total_cost!),
      fund_paid: fromFen(fen.fund_paid!),
      self_pay: fromFen(fen.self_pay!),
      self_funded: fromFen(fen.self_funded!),
      drug_cost: fromFen(fen.drug_cost!),
      consumables_cost: fromFen(fen.consumables_cost!),
      diagnosis: diagnosis || null,
      referred_up: referredUp!,
    },
  };
}

export interface SatisfactionRow {
  month: number;
  score: string;
  respondents: number;
}

/** A satisfaction row: period YYYY-MM inside the fund year and not locked, score 0–100, respondents > 0. */
export function validateSatisfaction(
  raw: RawRow,
  ctx: Pick<ClaimContext, 'year' | 'lockedThrough' | 'lockedBy'>,
): { row: SatisfactionRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const period = raw.period instanceof Date ? raw.period.toISOString().slice(0, 7) : text(raw.period);
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) problems.push({ field: 'period', message: 'must be a month YYYY-MM' });
  else if (Number(m[1]) !== ctx.year) problems.push({ field: 'period', message: `must lie inside the fund year ${ctx.year}` });
  else if (month <= ctx.lockedThrough) problems.push({ field: 'period', message: `period ${period} is locked: settlement run ${ctx.lockedBy} is approved` });
  const score = moneyCell(raw.score);
  if (score === null || score > 10000n) problems.push({ field: 'score', message: 'must be a score between 0 and 100 with at most two decimals' });
  const respondents = Number(text(raw.respondents));
  if (!Number.isSafeInteger(respondents) || respondents <= 0) problems.push({ field: 'respondents', message: 'must be a whole number above 0' });
  if (problems.length) return { problems };
  return { row: { month, score: fromFen(score!), respondents } };
}

export interface PopulationRow {
  org_unit_id: number;
  insured_population: number;
  baseline_admissions: number | null;
}

/** An insured-population row: a known unit code, counts as whole numbers ≥ 0. */
export function validatePopulation(raw: RawRow, units: Map<string, UnitRef>): { row: PopulationRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const code = text(raw.unit_code);
  const unit = units.get(code);
  if (!unit) problems.push({ field: 'unit_code', message: code ? `unknown unit code ${code}` : 'required' });
  const count = (field: string, required: boolean) => {
    const t = text(raw[field]);
    if (!t) {
      if (required) problems.push({ field, message: 'required' });
      return null;
    }
    const n = Number(t);
    if (!Number.isSafeInteger(n) || n < 0) problems.push({ field, message: 'must be a whole number ≥ 0' });
    return n;
  };
  const population = count('insured_population', true);
  const baseline = count('baseline_admissions', false);
  if (problems.length) return { problems };
  return { row: { org_unit_id: unit!.id, insured_population: population!, baseline_admissions: baseline } };
}
