// Row validation of the insurer's claim and satisfaction files: plain functions from one row of
// cells to a clean record or the problems, field by field; the months an approved run locks.
import { idNumberProblemKind } from '../../core/idNumber';
import { normaliseIdNumber } from '../../core/personalId';
import { fromFen, type Fen } from '../../shared/money';
import type { EnumValue } from '../../core/enums';
import { amountCell, blankCell, boolCell, cellText, dateCell, moneyCell, rowProblem, type Cell, type RawRow, type RowProblem, type UnitRef } from '../cells';
import { landingMonth } from './reversals';
import { CARE_TYPE, importColumns, PROVIDER_CLASS, PROVIDER_KIND, type ImportProblem } from '../enums';

export const PROVIDER_CLASSES = PROVIDER_CLASS.values;
export type ProviderClass = EnumValue<typeof PROVIDER_CLASS>;
export const CARE_TYPES = CARE_TYPE.values;
export type CareType = EnumValue<typeof CARE_TYPE>;
export type ProviderKind = EnumValue<typeof PROVIDER_KIND>;

/** The claim file's columns in template order, with the Chinese header each may carry instead. */
export const CLAIM_COLUMNS = importColumns(
  'claim_no',
  'id_number',
  'insured_name',
  'insured_township_code',
  'provider_class',
  'provider_unit_code',
  'provider_name',
  'care_type',
  'visit_on',
  'discharged_on',
  'settled_on',
  'total_cost',
  'fund_paid',
  'self_pay',
  'self_funded',
  'drug_cost',
  'consumables_cost',
  'diagnosis',
  'referred_up',
  'reverses_claim_no',
  'provider_kind',
);
export const SATISFACTION_COLUMNS = importColumns('period', 'score', 'respondents');

export const CLAIM_NO = /^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,49}$/;
export const ICD10 = /^[A-Z]\d{2}(\.[0-9A-Za-z]{1,4})?$/;

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
  /** a pharmacy (定点药店) or a medical institution (blank in the file) */
  provider_kind: ProviderKind;
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
  /** a reversal (冲正): the claim_no it reverses (this fund year's or the year before's), its amounts ≤ 0 */
  reverses_claim_no: string | null;
  /** a reversal whose settlement month is locked counts in the next open month; null: its settlement month */
  lands_in_month: number | null;
}

const AMOUNTS = ['total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost', 'consumables_cost'] as const;

/** Validates one claim row: a clean row, or every problem found with the field it is in. */
export function validateClaim(raw: RawRow, ctx: ClaimContext): { row: ClaimRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (field: string, problem: ImportProblem, params?: Record<string, string | number>) => problems.push(rowProblem(field, problem, params));

  const claimNo = cellText(raw.claim_no);
  if (!claimNo) bad('claim_no', 'required');
  else if (!CLAIM_NO.test(claimNo)) bad('claim_no', 'claim_no_format');
  const reverses = cellText(raw.reverses_claim_no);
  if (reverses && !CLAIM_NO.test(reverses)) bad('reverses_claim_no', 'claim_no_format');
  else if (reverses && reverses === claimNo) bad('reverses_claim_no', 'reverses_itself');

  const idNumber = normaliseIdNumber(cellText(raw.id_number));
  const idProblem = idNumber ? idNumberProblemKind(idNumber) : 'required';
  if (idProblem) bad('id_number', idProblem);

  const name = cellText(raw.insured_name);
  if (name.length > 50) bad('insured_name', 'max_length', { n: 50 });

  const townshipCode = cellText(raw.insured_township_code);
  const township = townshipCode ? ctx.units.get(townshipCode) : undefined;
  if (townshipCode && (!township || !ctx.insuredKinds.includes(township.kind))) bad('insured_township_code', 'unknown_township', { code: townshipCode });

  const providerClass = cellText(raw.provider_class) as ProviderClass;
  if (!PROVIDER_CLASSES.includes(providerClass)) bad('provider_class', 'one_of', { values: PROVIDER_CLASSES.join(', ') });
  const unitCode = cellText(raw.provider_unit_code);
  const providerName = cellText(raw.provider_name);
  let unit: UnitRef | undefined;
  if (providerClass === 'in_group') {
    unit = ctx.units.get(unitCode);
    if (!unitCode) bad('provider_unit_code', 'unit_for_in_group');
    else if (!unit) bad('provider_unit_code', 'unknown_unit', { code: unitCode });
  } else if (PROVIDER_CLASSES.includes(providerClass)) {
    if (unitCode) bad('provider_unit_code', 'unit_only_in_group');
    if (!providerName) bad('provider_name', 'name_outside_group');
  }
  if (providerName.length > 100) bad('provider_name', 'max_length', { n: 100 });
  const providerKind = (cellText(raw.provider_kind) || 'institution') as ProviderKind;
  if (!PROVIDER_KIND.has(providerKind)) bad('provider_kind', 'one_of', { values: PROVIDER_KIND.values.join(', ') });
  else if (providerKind === 'pharmacy' && providerClass === 'in_group') bad('provider_kind', 'one_of', { values: 'institution' });

  const careType = cellText(raw.care_type) as CareType;
  if (!CARE_TYPES.includes(careType)) bad('care_type', 'one_of', { values: CARE_TYPES.join(', ') });

  // the settlement date decides the fund year (and the month); a stay or visit may begin in the year before
  // (admitted 2025-12-28, settled 2026-01-06 belongs to 2026), never after the fund year
  const dated = (field: string, v: Cell, required: boolean, earliest: number) => {
    if (blankCell(v)) {
      if (required) bad(field, 'required');
      return null;
    }
    const d = dateCell(v);
    const year = d ? Number(d.slice(0, 4)) : 0;
    if (!d) bad(field, 'date_format');
    else if (year < earliest || year > ctx.year) bad(field, earliest === ctx.year ? 'in_fund_year' : 'in_fund_year_or_before', { year: ctx.year });
    else return d;
    return null;
  };
  const visitOn = dated('visit_on', raw.visit_on, true, ctx.year - 1);
  const dischargedOn = dated('discharged_on', raw.discharged_on, false, ctx.year - 1);
  const settledOn = dated('settled_on', raw.settled_on, true, ctx.year);
  if (visitOn && dischargedOn && dischargedOn < visitOn) bad('discharged_on', 'before_admission');
  if (visitOn && settledOn && settledOn < visitOn) bad('settled_on', 'before_visit');
  if (dischargedOn && careType === 'outpatient') bad('discharged_on', 'inpatient_only');
  // an ordinary claim in a locked month is refused; a reversal lands in the next open month
  const settledMonth = settledOn ? Number(settledOn.slice(5, 7)) : 0;
  const lands = reverses && settledOn ? landingMonth(settledMonth, ctx.lockedThrough) : settledMonth;
  if (settledOn && lands === null) bad('settled_on', 'year_locked', { year: ctx.year, run: String(ctx.lockedBy) });
  else if (settledOn && !reverses && settledMonth <= ctx.lockedThrough) {
    bad('settled_on', 'period_locked', { period: settledOn.slice(0, 7), run: String(ctx.lockedBy) });
  }

  const fen: Partial<Record<(typeof AMOUNTS)[number], Fen>> = {};
  for (const field of AMOUNTS) {
    if (blankCell(raw[field])) {
      bad(field, 'required');
      continue;
    }
    const v = reverses ? amountCell(raw[field]) : moneyCell(raw[field]);
    if (v === null || (reverses && v > 0n)) bad(field, reverses ? 'reversal_amount' : 'amount');
    else fen[field] = v;
  }
  if (AMOUNTS.every((f) => fen[f] !== undefined)) {
    const abs = (f: Fen) => (f < 0n ? -f : f);
    if (fen.total_cost !== fen.fund_paid! + fen.self_pay! + fen.self_funded!) {
      bad('total_cost', 'total_adds_up', { sum: fromFen(fen.fund_paid! + fen.self_pay! + fen.self_funded!) });
    } else if (reverses && fen.total_cost === 0n) bad('total_cost', 'reversal_below_zero');
    if (abs(fen.drug_cost!) + abs(fen.consumables_cost!) > abs(fen.total_cost!)) bad('drug_cost', 'drug_consumables_within_total');
  }

  const diagnosis = cellText(raw.diagnosis).toUpperCase();
  if (diagnosis && !ICD10.test(diagnosis)) bad('diagnosis', 'icd10');

  const referredUp = boolCell(raw.referred_up);
  if (referredUp === null) bad('referred_up', 'boolean');
  else if (referredUp && careType === 'outpatient') bad('referred_up', 'referred_up_inpatient');

  if (problems.length) return { problems };
  return {
    row: {
      claim_no: claimNo,
      id_number: idNumber,
      insured_name: name || null,
      insured_unit_id: township?.id ?? null,
      provider_class: providerClass,
      provider_kind: providerKind,
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
      reverses_claim_no: reverses || null,
      lands_in_month: lands === settledMonth ? null : lands,
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
  const period = raw.period instanceof Date ? raw.period.toISOString().slice(0, 7) : cellText(raw.period);
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) problems.push(rowProblem('period', 'month_format'));
  else if (Number(m[1]) !== ctx.year) problems.push(rowProblem('period', 'in_fund_year', { year: ctx.year }));
  else if (month <= ctx.lockedThrough) problems.push(rowProblem('period', 'period_locked', { period, run: String(ctx.lockedBy) }));
  const score = moneyCell(raw.score);
  if (score === null || score > 10000n) problems.push(rowProblem('score', 'score'));
  const respondents = Number(cellText(raw.respondents));
  if (!Number.isSafeInteger(respondents) || respondents <= 0) problems.push(rowProblem('respondents', 'positive_whole'));
  if (problems.length) return { problems };
  return { row: { month, score: fromFen(score!), respondents } };
}

export const CLAIM_NOTES: Record<string, string> = {
  claim_no: 'Claim number, unique within the fund year (re-importing the same number updates the claim)',
  id_number: '18-digit resident ID number (身份证号) with a valid check digit; stored encrypted, shown masked',
  insured_name: 'Name of the insured (optional)',
  insured_township_code: 'Code of the township centre where the insured is registered (e.g. T01; optional but needed for township indicators)',
  provider_class: 'in_group | out_group_in_county | out_of_county',
  provider_unit_code: 'Group unit code (HQ, B1, T01, V001…) — required for in_group, empty otherwise',
  provider_name: 'Provider name — required outside the group',
  care_type: 'inpatient | outpatient',
  visit_on: 'Visit or admission date YYYY-MM-DD, inside the fund year or the year before (a stay settled in January may begin in December)',
  discharged_on: 'Discharge date (inpatient), inside the fund year or the year before',
  settled_on: 'Settlement date, inside the fund year: decides the fund year and the period (month) the claim counts in',
  total_cost: 'Total cost; must equal fund_paid + self_pay + self_funded to the fen',
  fund_paid: 'Paid by the pooled fund (统筹支付)',
  self_pay: 'Co-payment inside the scheme (个人自付)',
  self_funded: 'Paid out of pocket outside the scheme (自费)',
  drug_cost: 'Drug cost; drug_cost + consumables_cost ≤ total_cost',
  consumables_cost: 'Consumables cost',
  diagnosis: 'ICD-10 code of the main diagnosis, e.g. I10, E11.9',
  referred_up: 'true if the stay followed an upward referral (inpatient only)',
  reverses_claim_no:
    'Only for a reversal (冲正): the claim number it reverses (this fund year or the year before; same insured, provider, care type). Its amounts are ≤ 0 and no more than is left of that claim. Settled in a month an approved run has locked, it counts in the next open month',
};

export const SATISFACTION_NOTES: Record<string, string> = {
  period: 'Month YYYY-MM inside the fund year',
  score: 'Survey score 0–100 (two decimals at most)',
  respondents: 'Number of insured who answered; the run uses the respondent-weighted mean of its months',
};

/**
 * The months an approved run locks: a provisional run approves the year to date, so all of
 * its months; the final run the whole year. Returns the highest locked month, 0 for none.
 */
export function lockedThrough(approvedRuns: { through_month: number }[]): number {
  return approvedRuns.reduce((m, r) => Math.max(m, r.through_month), 0);
}
