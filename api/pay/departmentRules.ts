// The HQ's and the branches' performance pay by department results under the bundle (科室绩效), as plain
// functions over plain data: each department's indicators against their targets (drug share and cost per stay
// the lower the better, referrals the higher) → a department score → the department's share of the unit's pool
// (score × its people's points) → each person by their points (base part by post and title × grade factor).
// Scores are integers of hundredths, so the arithmetic is exact; every split adds up to its whole to the fen.
// A department's results of a month: its claims (by the diagnosis it treats) and its referrals down, against the
// same month of last year (the bundle's baseline); wired to the HQ's and branches' runs in departmentRun.ts.
import { splitByLargestRemainder, type Fen } from '../shared/money';
import type { Centi } from './rules';

/** The indicators of a department's results, each with its direction. */
export const DEPARTMENT_INDICATORS = {
  drug_share: { zh: '药占比', lower_is_better: true },
  cost_per_stay: { zh: '次均住院费用', lower_is_better: true },
  referrals: { zh: '下转（向下转诊）完成数', lower_is_better: false },
} as const;
export type DepartmentIndicator = keyof typeof DEPARTMENT_INDICATORS;
const INDICATORS = Object.keys(DEPARTMENT_INDICATORS) as DepartmentIndicator[];

/** The departments' scheme (configuration, one for the HQ and branches). */
export interface DepartmentScheme {
  /** each indicator's weight in whole percent; they add up to 100 */
  weights: Record<DepartmentIndicator, number>;
  /** the most an indicator scores, in hundredths (120 % of target = 12000): beating a target pays, up to this */
  max_indicator_score: Centi;
}

/** Defaults: drug share 40 %, cost per stay 40 %, referrals 20 %; an indicator scores at most 120. */
export const DEFAULT_DEPARTMENT_SCHEME: DepartmentScheme = { weights: { drug_share: 40, cost_per_stay: 40, referrals: 20 }, max_indicator_score: 12_000 };

/** Problems with a departments' scheme, as {field, message}; empty when it is sound (checked like a fund year's). */
export function departmentSchemeProblems(s: DepartmentScheme): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const k of INDICATORS) {
    const w = s.weights[k];
    if (!Number.isInteger(w) || w < 0 || w > 100) out.push({ field: `weights.${k}`, message: 'a whole percent from 0 to 100' });
  }
  if (INDICATORS.reduce((a, k) => a + s.weights[k], 0) !== 100) out.push({ field: 'weights', message: 'the weights must add up to 100' });
  if (!Number.isInteger(s.max_indicator_score) || s.max_indicator_score < 10_000 || s.max_indicator_score > 20_000)
    out.push({ field: 'max_indicator_score', message: 'from 100 to 200' });
  return out;
}

/** A department's results of the period against its targets (actual and target in the same unit: a rate, fen, a count). */
export type DepartmentResults = Record<DepartmentIndicator, { actual: number; target: number }>;

/**
 * An indicator's score in hundredths: attainment × 100, half up, at most the scheme's maximum — target ÷ actual
 * where lower is better, actual ÷ target where higher is; meeting a target exactly scores 100, a target of 0 (or,
 * lower being better, an actual of 0) scores the maximum when met.
 */
export function indicatorScore(scheme: DepartmentScheme, indicator: DepartmentIndicator, r: { actual: number; target: number }): Centi {
  const [num, den] = DEPARTMENT_INDICATORS[indicator].lower_is_better ? [r.target, r.actual] : [r.actual, r.target];
  if (den <= 0) return num >= 0 ? scheme.max_indicator_score : 0;
  return Math.min(scheme.max_indicator_score, Math.round((num / den) * 10_000));
}

export interface DepartmentScore {
  indicators: Record<DepartmentIndicator, Centi>;
  /** Σ weight × indicator score ÷ 100, half up, in hundredths */
  score: Centi;
}

export function departmentScore(scheme: DepartmentScheme, results: DepartmentResults): DepartmentScore {
  const indicators = Object.fromEntries(INDICATORS.map((k) => [k, indicatorScore(scheme, k, results[k])])) as Record<DepartmentIndicator, Centi>;
  const weighted = INDICATORS.reduce((a, k) => a + scheme.weights[k] * indicators[k], 0);
  return { indicators, score: Math.round(weighted / 100) };
}

export interface DepartmentPerson {
  staff_id: number;
  department_id: number;
  /** the base part's points (post + title, `basePoints`) in hundredths */
  base: Centi;
  /** the assessment grade's factor in hundredths */
  grade_factor: Centi;
}

export interface DepartmentPay {
  departments: { department_id: number; score: DepartmentScore; points: bigint; amount: Fen }[];
  people: { staff_id: number; department_id: number; points: bigint; amount: Fen }[];
}

/**
 * The unit's pool to its departments and their people: a person's points = base × grade factor (ten-thousandths); a
 * department's share of the pool ∝ its score × its people's points; its amount to its people ∝ their points. Both
 * splits by largest remainder: the departments add up to the pool, each department's people to its amount.
 * A department without results, or without people, gets nothing (its people are listed with 0).
 */
export function departmentPay(
  scheme: DepartmentScheme,
  pool: Fen,
  results: ReadonlyMap<number, DepartmentResults>,
  people: readonly DepartmentPerson[],
): DepartmentPay {
  const pointsOf = (p: DepartmentPerson) => BigInt(p.base) * BigInt(p.grade_factor);
  const ids = [...results.keys()].sort((a, b) => a - b);
  const depts = ids.map((id) => {
    const score = departmentScore(scheme, results.get(id)!);
    const points = people.filter((p) => p.department_id === id).reduce((a, p) => a + pointsOf(p), 0n);
    return { department_id: id, score, points };
  });
  const weights = depts.map((d) => BigInt(d.score.score) * d.points);
  const amounts = weights.every((w) => w === 0n) ? depts.map(() => 0n) : splitByLargestRemainder(pool, weights.map(Number));
  const departments = depts.map((d, i) => ({ ...d, amount: amounts[i] }));
  // people of a department without results are listed with nothing
  const none = people
    .filter((p) => !results.has(p.department_id))
    .map((p) => ({ staff_id: p.staff_id, department_id: p.department_id, points: pointsOf(p), amount: 0n }));
  const paid = departments.flatMap((d) => {
    const own = people.filter((p) => p.department_id === d.department_id);
    const split =
      d.points === 0n
        ? own.map(() => 0n)
        : splitByLargestRemainder(
            d.amount,
            own.map((p) => Number(pointsOf(p))),
          );
    return own.map((p, i) => ({ staff_id: p.staff_id, department_id: d.department_id, points: pointsOf(p), amount: split[i] }));
  });
  return { departments, people: [...paid, ...none] };
}

// ---- a department's results from the month's claims and referrals ----------------------------------------------

/**
 * Which department treats a diagnosis (ICD-10): the first of the names the unit has, by the longest matching code
 * prefix (a stroke 神经内科 before the circulatory 心血管内科; a branch's 内科 where the HQ has the specialty).
 */
const DEPARTMENT_OF_DIAGNOSIS: [prefix: string, names: string[]][] = [
  ['I6', ['神经内科', '内科']],
  ['I', ['心血管内科', '内科']],
  ['J21', ['儿科', '呼吸内科', '内科']],
  ['J', ['呼吸内科', '内科']],
  ['C34', ['呼吸内科', '内科']],
  ['K35', ['普外科', '外科']],
  ['K80', ['普外科', '外科']],
  ['C16', ['普外科', '外科']],
  ['B67', ['普外科', '外科']],
  ['K', ['消化内科', '内科']],
  ['E', ['内分泌科', '内科']],
  ['S06', ['急诊科', '神经内科', '外科']],
  ['S', ['骨科', '外科']],
  ['M', ['骨科', '康复医学科', '康复科', '外科']],
  ['O', ['妇产科']],
];
/** where no prefix matches or the unit has none of its departments */
const GENERAL = ['全科医学科', '内科'];

/** The unit's department that treats `code`, or null when it has none of them. */
export function departmentOfDiagnosis(code: string, departments: readonly { id: number; name: string }[]): number | null {
  const byName = new Map(departments.map((d) => [d.name, d.id]));
  const rules = DEPARTMENT_OF_DIAGNOSIS.filter(([prefix]) => code.startsWith(prefix)).sort((a, b) => b[0].length - a[0].length);
  for (const names of [...rules.map(([, n]) => n), GENERAL]) for (const name of names) if (byName.has(name)) return byName.get(name)!;
  return null;
}

/** A department's month: its claims' costs (fen), its stays and their cost, its referrals down. */
export interface DepartmentFigures {
  total_cost: Fen;
  drug_cost: Fen;
  stays: number;
  stay_cost: Fen;
  referrals_down: number;
}
export const NO_FIGURES: DepartmentFigures = { total_cost: 0n, drug_cost: 0n, stays: 0, stay_cost: 0n, referrals_down: 0 };

/** An indicator's figure this month and its target (the same month last year); null where there is none. */
export type IndicatorFigures = Record<DepartmentIndicator, { actual: number | null; target: number | null }>;

/**
 * The indicators of a month against the same month of last year: drug share = drug cost ÷ total cost (4 decimals),
 * cost per stay = the stays' cost ÷ stays (fen, half up), referrals down counted. A figure missing in either year
 * (no claims, no stays, no referral last year) leaves the indicator without target: it scores 100, neither rewarded
 * nor docked — so a department without claims of its own (imaging, nursing, the offices) scores 100 throughout.
 */
export function indicatorFigures(now: DepartmentFigures, lastYear: DepartmentFigures): IndicatorFigures {
  const share = (f: DepartmentFigures) => (f.total_cost > 0n ? Math.round((Number(f.drug_cost) / Number(f.total_cost)) * 10_000) / 10_000 : null);
  const perStay = (f: DepartmentFigures) => (f.stays > 0 ? Number((f.stay_cost * 2n + BigInt(f.stays)) / (2n * BigInt(f.stays))) : null);
  return {
    drug_share: { actual: share(now), target: share(lastYear) },
    cost_per_stay: { actual: perStay(now), target: perStay(lastYear) },
    referrals: { actual: now.referrals_down, target: lastYear.referrals_down > 0 ? lastYear.referrals_down : null },
  };
}

/** The results the score is taken from: an indicator without an actual figure or a target is met exactly (100). */
export function resultsOf(figures: IndicatorFigures): DepartmentResults {
  return Object.fromEntries(
    INDICATORS.map((k) => {
      const { actual, target } = figures[k];
      return [k, actual === null || target === null ? { actual: 1, target: 1 } : { actual, target }];
    }),
  ) as DepartmentResults;
}

// ---- a department line's amount traced to the indicators -------------------------------------------------------

/**
 * A line's amount of a department run split over the indicators behind it: the department's score is Σ weight ×
 * indicator score ÷ 100, and the line's amount is proportional to that score (the department's share ∝ score × points,
 * the person's ∝ points), so each indicator's part is ∝ its term weight × score — by largest remainder, the parts add
 * up to the amount exactly. A score of 0 throughout (nothing paid) gives parts of 0.
 */
export function amountByIndicator(
  weights: Record<DepartmentIndicator, number>,
  scores: Record<DepartmentIndicator, Centi>,
  amount: Fen,
): Record<DepartmentIndicator, Fen> {
  const terms = INDICATORS.map((k) => weights[k] * scores[k]);
  const parts = terms.every((t) => t === 0) ? INDICATORS.map(() => 0n) : splitByLargestRemainder(amount, terms);
  return Object.fromEntries(INDICATORS.map((k, i) => [k, parts[i]])) as Record<DepartmentIndicator, Fen>;
}
