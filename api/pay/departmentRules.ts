// The HQ's and the branches' performance pay by department results under the bundle (科室绩效), as plain
// functions over plain data: each department's indicators against their targets (drug share and cost per stay
// the lower the better, referrals the higher) → a department score → the department's share of the unit's pool
// (score × its people's points) → each person by their points (base part by post and title × grade factor).
// Scores are integers of hundredths, so the arithmetic is exact; every split adds up to its whole to the fen.
// Not wired to runs yet: the rules and their configuration check, tested by hand (departmentRules.test.ts).
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
