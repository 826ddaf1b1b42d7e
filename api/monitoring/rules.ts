// The monitoring set's arithmetic as plain functions: an indicator's value from its numerator and
// denominator, the growth on last year, the colour against the year's target, the targets'
// validation, and premature mortality by the life-table method. No HTTP, no database.
import { all, read, type GrantTable } from '../core/access';
import { blankCell, cellText, dateCell, rowProblem, type ImportProblem, type RawRow, type RowProblem } from '../settlement';
import { INDICATOR, VISIT_COLUMN, type IndicatorCode, type Standing } from './enums';

/** An indicator's value from its two sums: a ratio (percent and ratio: 0.25 = 25%), per 10,000, or a mean; null without a denominator. */
export function indicatorValue(code: IndicatorCode, numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  const v = INDICATOR.labels[code].unit === 'per_10k' ? (numerator * 10_000) / denominator : numerator / denominator;
  return round6(v);
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The change on last year as a fraction to four places (0.0512 = +5.12%); null when last year had no value (or zero). */
export function growth(current: number | null, previous: number | null): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return Math.round((current / previous - 1) * 1e4) / 1e4;
}

/** How far from the target counts as near it: a tenth of the target. */
export const NEAR_BAND = 0.1;

/** met (on the good side of the target), near (within a tenth of it), missed, or none (no value or no target). */
export function standing(code: IndicatorCode, value: number | null, target: number | null | undefined): Standing {
  if (value == null || target == null) return 'none';
  const higher = INDICATOR.labels[code].better === 'higher';
  if (higher ? value >= target : value <= target) return 'met';
  const band = Math.abs(target) * NEAR_BAND;
  return (higher ? value >= target - band : value <= target + band) ? 'near' : 'missed';
}

/** Why a year's targets cannot be kept: an unknown code, a value that is not a finite number ≥ 0, a percentage above 100%, a score above 100. */
export function targetProblems(targets: Record<string, number>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [code, value] of Object.entries(targets)) {
    const field = `targets.${code}`;
    if (!INDICATOR.has(code)) problems.push({ field, message: 'no such indicator' });
    else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) problems.push({ field, message: 'must be a number ≥ 0' });
    else if (INDICATOR.labels[code].unit === 'percent' && value > 1) problems.push({ field, message: 'a percentage is a fraction ≤ 1 (0.65 = 65%)' });
    else if (INDICATOR.labels[code].unit === 'score' && value > 100) problems.push({ field, message: 'a score is at most 100' });
  }
  return problems;
}

/** The managed chronic patients and their stays of several villages together (a township's, the county's). */
export const admissionTotals = (rows: readonly { patients: number; stays: number }[]) =>
  rows.reduce((a, r) => ({ patients: a.patients + r.patients, stays: a.stays + r.stays }), { patients: 0, stays: 0 });

/**
 * The fewest managed patients a village's admission rate is ranked and coloured on. A village clinic
 * manages a few dozen hypertension and diabetes patients, often fewer: with 8 of them one stay more moves
 * the rate by 12.5 points, so a small village tops or bottoms a ranking by chance alone (the rate of 30
 * patients at the county's 10–20 % still has a standard error of about 6 points). Below this a village's
 * rate is shown with its denominator, but neither ranked nor judged against the target.
 */
export const MIN_VILLAGE_PATIENTS = 30;

/**
 * Each village's rate judged where it has at least MIN_VILLAGE_PATIENTS managed patients: `rank` among
 * those villages (1: the lowest rate, the best; ties share a rank) and `standing` against the target;
 * a village with fewer has `judged` false, no rank and no standing. Rows keep their order.
 */
export function judgeVillageRates<T extends { patients: number; rate: number | null }>(rows: readonly T[], target: number | null | undefined) {
  const judged = (r: T) => r.patients >= MIN_VILLAGE_PATIENTS && r.rate != null;
  const rates = rows.filter(judged).map((r) => r.rate!);
  return rows.map((r) =>
    judged(r)
      ? { ...r, judged: true, rank: 1 + rates.filter((x) => x < r.rate!).length, standing: standing('chronic_admission_rate', r.rate, target) }
      : { ...r, judged: false, rank: null, standing: null },
  );
}

// ---------------------------------------------------------------- premature mortality (四类慢性病过早死亡率)

/** The eight 5-year age groups of 30–70: 30–34 … 65–69. */
export const AGE_GROUPS = [30, 35, 40, 45, 50, 55, 60, 65] as const;

/** The four chronic diseases by ICD-10: cardiovascular I00–I99, cancer C00–C97, chronic respiratory J30–J98, diabetes E10–E14. */
export function isFourChronic(icd10: string | null | undefined): boolean {
  const m = /^([A-Z])(\d{2})/.exec((icd10 ?? '').trim().toUpperCase());
  if (!m) return false;
  const n = Number(m[2]);
  switch (m[1]) {
    case 'I':
      return true;
    case 'C':
      return n <= 97;
    case 'J':
      return n >= 30 && n <= 98;
    case 'E':
      return n >= 10 && n <= 14;
    default:
      return false;
  }
}

/** The SQL condition of `isFourChronic` over a column (kept beside it; the definition test holds them together). */
export const fourChronicSql = (column: string) =>
  `(${column} ~ '^I[0-9]{2}' or ${column} ~ '^C([0-8][0-9]|9[0-7])' or ${column} ~ '^J(3[0-9]|[4-8][0-9]|9[0-8])' or ${column} ~ '^E1[0-4]')`;

/** The index (0–7) of the 5-year group an age falls in, or null outside 30–69. */
export const ageGroupOf = (age: number) => (age >= 30 && age < 70 ? Math.floor((age - 30) / 5) : null);

/** Whole years of age on a day (ISO dates). */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface AgeGroupFigures {
  deaths: number;
  population: number;
}

/**
 * 1 − Π(1 − ₅qₓ) over the eight groups, where ₅qₓ = 5·mₓ / (1 + 2.5·mₓ) and mₓ = deaths ÷ population
 * (the WHO method for the SDG 3.4 indicator). A group without population adds no risk. Null when no group has population.
 */
export function prematureMortality(groups: readonly AgeGroupFigures[]): number | null {
  if (!groups.some((g) => g.population > 0)) return null;
  let survive = 1;
  for (const g of groups) {
    if (!(g.population > 0)) continue;
    const m = g.deaths / g.population;
    survive *= 1 - (5 * m) / (1 + 2.5 * m);
  }
  return round6(1 - survive);
}

/**
 * Premature mortality as the county reads it: null (no data) when no death of the year has its cause
 * recorded — a 0 then would say that nobody aged 30–70 died of the four, where nobody recorded why anyone died.
 */
export const mortalityFigure = (groups: readonly AgeGroupFigures[], deathsWithCause: number) => (deathsWithCause > 0 ? prematureMortality(groups) : null);

// ---------------------------------------------------------------- the visits file (诊疗人次导入)

export const VISIT_COLUMNS: [string, string][] = VISIT_COLUMN.values.map((v) => [v, VISIT_COLUMN.zh(v)]);
export const VISIT_REQUIRED = ['unit_code', 'month', 'visits'] as const;
export const VISIT_NOTES: Record<string, string> = {
  unit_code: 'the group unit code (e.g. HQ, B1, T01, V001)',
  month: 'the month, YYYY-MM (or its first day YYYY-MM-01)',
  visits: 'every visit (诊疗人次) of the unit in the month, insured or not: a whole number ≥ 0',
  tcm_visits: '中医类 visits among them (blank: 0), at most the visits',
};
/** A count in a month's row: at most this many (the entry screen's limit). */
export const MAX_VISITS = 10_000_000;

export interface VisitRow {
  org_unit_id: number;
  /** the month's first day */
  month: string;
  visits: number;
  tcm_visits: number;
}

/** A month cell → its first day: text YYYY-MM, or a date (text, Excel day or Date) that is a month's first day. */
export function monthCell(v: unknown): string | null {
  if (typeof v === 'string') {
    const m = /^(\d{4})[-/](\d{1,2})$/.exec(v.trim());
    if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2].padStart(2, '0')}-01` : null;
  }
  const day = dateCell(v as Parameters<typeof dateCell>[0]);
  return day?.endsWith('-01') ? day : null;
}

/**
 * One row of the visits file to a clean record or its problems, field by field: a unit the importer
 * may write (by code), a month not after the current one, whole counts with the 中医 ones at most the visits.
 */
export function validateVisitRow(raw: RawRow, units: ReadonlyMap<string, { id: number }>, thisMonth: string): { row: VisitRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (field: string, problem: ImportProblem, params?: Record<string, string | number>) => problems.push(rowProblem(field, problem, params));
  const count = (field: string) => {
    if (blankCell(raw[field])) return field === 'visits' ? (bad(field, 'required'), null) : 0;
    const t = cellText(raw[field]);
    if (!/^\d{1,9}$/.test(t)) return (bad(field, 'whole_not_negative'), null);
    if (Number(t) > MAX_VISITS) return (bad(field, 'at_most', { n: MAX_VISITS }), null);
    return Number(t);
  };
  const code = cellText(raw.unit_code);
  const unit = code ? units.get(code) : undefined;
  if (!code) bad('unit_code', 'required');
  else if (!unit) bad('unit_code', 'unknown_unit', { code: code.slice(0, 50) });
  const month = monthCell(raw.month);
  if (blankCell(raw.month)) bad('month', 'required');
  else if (!month) bad('month', 'month_format');
  else if (month.slice(0, 7) > thisMonth) bad('month', 'not_after_today');
  const visits = count('visits');
  const tcm = count('tcm_visits');
  if (visits != null && tcm != null && tcm > visits) bad('tcm_visits', 'at_most', { n: visits });
  if (problems.length || !unit || !month || visits == null || tcm == null) return { problems };
  return { row: { org_unit_id: unit.id, month, visits, tcm_visits: tcm } };
}

// ---------------------------------------------------------------- grants

/** As the settlement's readers: group finance and the group's office read and keep the inputs; the auditor reads (auth grants it every read). */
export const monitoringGrants: GrantTable = {
  group_admin: {
    'monitoring-indicators': read,
    'monitoring-targets': [...read, 'edit'],
    'visit-counts': [...all, 'import'],
    'monitoring-evidence': [...read, 'create', 'review'],
  },
  group_finance: { 'monitoring-indicators': read, 'monitoring-targets': read, 'visit-counts': [...all, 'import'], 'monitoring-evidence': read },
};
