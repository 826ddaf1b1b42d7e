// The disease spectrum (病种谱) as plain functions: a claim's ICD-10 category, the top 20 categories by
// inpatient admissions and by fund paid, this year against the same months of the year before, and the
// allocation indicator over the group's top 20 (前20位病种千人住院变化). No HTTP, no database.
import { divRound, fromFen, type Fen } from '../../shared/money';
import { admissionsChange, rate4 } from '../runs/rules';
import { categoryName } from './categories';

/** How many categories a spectrum lists. */
export const TOP_N = 20;

/** The ICD-10 category (类目) of a diagnosis: its first three characters, upper case ("e11.9" → "E11"); null without a code. */
export function categoryOf(diagnosis: string | null | undefined): string | null {
  const code = (diagnosis ?? '').trim().toUpperCase();
  return code.length >= 3 ? code.slice(0, 3) : null;
}

/** A category's sums over a set of claims: admissions (Σ claim_count of inpatient lines, a full reversal −1) and fund paid (all lines). */
export interface CategorySums {
  code: string;
  admissions: number;
  fund: Fen;
}

/** Adds up rows of the same category (e.g. the townships' rows into the group's). */
export function sumByCategory(rows: Iterable<CategorySums>): Map<string, CategorySums> {
  const out = new Map<string, CategorySums>();
  for (const r of rows) {
    const c = out.get(r.code);
    if (c) {
      c.admissions += r.admissions;
      c.fund += r.fund;
    } else out.set(r.code, { ...r });
  }
  return out;
}

export type SpectrumMeasure = 'admissions' | 'fund';

/**
 * The top `n` categories by a measure, largest first; ties broken by the other measure, then by the code.
 * Only categories with more than zero of the measure are ranked (a category wholly reversed is not a disease of the year).
 */
export function topCategories(sums: Iterable<CategorySums>, by: SpectrumMeasure, n = TOP_N): CategorySums[] {
  const cmp = (a: bigint | number, b: bigint | number) => (a === b ? 0 : a > b ? -1 : 1);
  const other: SpectrumMeasure = by === 'admissions' ? 'fund' : 'admissions';
  return [...sums]
    .filter((s) => s[by] > 0)
    .sort((a, b) => cmp(a[by], b[by]) || cmp(a[other], b[other]) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, n);
}

/** (now − last) ÷ last, 4 decimals; null without last year's figure or when it is zero. */
export function changeOf(now: bigint, last: bigint | null): number | null {
  if (last === null || last === 0n) return null;
  return rate4(now - last, last);
}

/** Admissions per 1,000 insured, 2 decimals; null when the population is not known. */
export function per1000(admissions: number, population: number | null): number | null {
  if (!population || population <= 0) return null;
  return Number(divRound(BigInt(admissions) * 100_000n, BigInt(population))) / 100;
}

export interface SpectrumRow {
  rank: number;
  code: string;
  name: string;
  admissions: number;
  /** null: no data last year (无数据) */
  admissions_last: number | null;
  admissions_change: number | null;
  fund_paid: string;
  fund_paid_last: string | null;
  fund_paid_change: number | null;
  /** admissions per 1,000 insured, this year and last; null where the population is not known */
  per_1000: number | null;
  per_1000_last: number | null;
}

export interface Spectrum {
  by_admissions: SpectrumRow[];
  by_fund: SpectrumRow[];
}

/**
 * The two top-20 tables of a set of insured: this year's categories ranked, each beside the same
 * category over the same months of last year. `last` null: last year has no data (not in the system, or
 * no claims of these insured in those months) — its figures are null, never 0.
 */
export function spectrumOf(
  now: Iterable<CategorySums>,
  last: Iterable<CategorySums> | null,
  population: { now: number | null; last: number | null },
  n = TOP_N,
): Spectrum {
  const thisYear = sumByCategory(now);
  const lastYear = last === null ? null : sumByCategory(last);
  const hasLast = lastYear !== null && [...lastYear.values()].some((s) => s.admissions !== 0 || s.fund !== 0n);
  const row = (s: CategorySums, i: number): SpectrumRow => {
    const l = hasLast ? (lastYear.get(s.code) ?? { code: s.code, admissions: 0, fund: 0n }) : null;
    return {
      rank: i + 1,
      code: s.code,
      name: categoryName(s.code),
      admissions: s.admissions,
      admissions_last: l ? l.admissions : null,
      admissions_change: changeOf(BigInt(s.admissions), l ? BigInt(l.admissions) : null),
      fund_paid: fromFen(s.fund),
      fund_paid_last: l ? fromFen(l.fund) : null,
      fund_paid_change: changeOf(s.fund, l ? l.fund : null),
      per_1000: per1000(s.admissions, population.now),
      per_1000_last: l ? per1000(l.admissions, population.last) : null,
    };
  };
  return {
    by_admissions: topCategories(thisYear.values(), 'admissions', n).map(row),
    by_fund: topCategories(thisYear.values(), 'fund', n).map(row),
  };
}

/**
 * The allocation indicator 前20位病种千人住院变化 of one township: its insured's admissions in the
 * group's top-20 categories (by admissions this year) per insured, this year ÷ the same categories over
 * the same months last year per insured (a factor, 4 decimals; lower is better). null (无数据) without
 * last year's figures, its population, or any such admission last year.
 */
export function topDiseasesAdmissionsChange(
  top: ReadonlySet<string>,
  now: Iterable<CategorySums>,
  last: Iterable<CategorySums> | null,
  population: { now: number; last: number | null },
): number | null {
  if (last === null || !population.last) return null;
  const inTop = (rows: Iterable<CategorySums>) => [...rows].reduce((a, r) => (top.has(r.code) ? a + r.admissions : a), 0);
  return admissionsChange({ admissions: inTop(now), population: population.now }, { admissions: inTop(last), population: population.last });
}
