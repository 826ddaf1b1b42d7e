// The settlement arithmetic of 医保打包付费 ("总额管理、超支分担、结余留用") as plain functions:
// periods and run states, surplus and rate, overspend tiers, gates and retention, monitoring
// indicators, and the allocation of the retained surplus. No HTTP, no database. The fund year's
// configuration and budget are fundYears/rules.ts. Money is BigInt fen throughout; rates are rounded to 4 decimals.
import type { EnumValue } from '../../core/enums';
import { divRound, fromFen, mulRatio, splitByLargestRemainder, toFen, type Fen } from '../../shared/money';
import { CARE_TYPE, CLAIM_SET, GATE, PROVIDER_CLASS, RUN_KIND, RUN_STATUS, SETTLEMENT_INDICATOR, type Direction, type GateRegistry } from '../enums';
import {
  gatesConfig,
  type AllocationConfig,
  type AllocationIndicatorKey,
  type GateConfig,
  type IndicatorKey,
  type IndicatorThresholds,
  type OverspendTier,
} from '../fundYears/rules';

// ---------------------------------------------------------------- periods and run states

export type RunKind = EnumValue<typeof RUN_KIND>;
export interface Period {
  year: number;
  kind: RunKind;
  /** last month covered (year to date); 12 for the final run */
  throughMonth: number;
}

/** "2025-03" → provisional through March; "2025" → final. null when malformed. */
export function parsePeriod(text: string): Period | null {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (!m) return null;
  if (m[2] === undefined) return { year: Number(m[1]), kind: 'final', throughMonth: 12 };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), kind: 'provisional', throughMonth: month };
}

export const periodText = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

export type RunStatus = EnumValue<typeof RUN_STATUS>;
export type RunStep = 'calculate' | 'review' | 'approve';
/** From which states each step may be taken (calculating again is a recalculation with a reason). */
export const RUN_STEPS: Record<RunStep, readonly RunStatus[]> = {
  calculate: ['draft', 'calculated', 'reviewed'],
  review: ['calculated'],
  approve: ['reviewed'],
};
export function allowedSteps(status: RunStatus): RunStep[] {
  return (Object.keys(RUN_STEPS) as RunStep[]).filter((s) => RUN_STEPS[s].includes(status));
}

// ---------------------------------------------------------------- surplus, tiers

/** num / den rounded half away from zero to 4 decimals; null when den is 0. */
export function rate4(num: bigint, den: bigint): number | null {
  if (den === 0n) return null;
  return Number(divRound(num * 10000n, den)) / 10000;
}

export interface OverspendSlice {
  from: number;
  upTo: number | null;
  groupShare: number;
  amount: Fen;
  group: Fen;
  fund: Fen;
}

/**
 * 超支分担: the overspend (spending − budget when positive) is cut into slices at the tier
 * edges (each edge = round2(budget × upTo)); the group bears each slice × its share
 * (rounded to the fen), the fund the rest.
 */
export function overspendSplit(
  budget: Fen,
  spending: Fen,
  tiers: readonly OverspendTier[],
): { overspend: Fen; group: Fen; fund: Fen; slices: OverspendSlice[] } {
  const overspend = spending > budget ? spending - budget : 0n;
  const slices: OverspendSlice[] = [];
  let lower = 0n;
  let from = 0;
  for (const tier of tiers) {
    const edge = tier.upTo === null ? null : mulRatio(budget, tier.upTo);
    const top = edge === null || overspend < edge ? overspend : edge;
    const amount = top > lower ? top - lower : 0n;
    const group = mulRatio(amount, tier.groupShare);
    slices.push({ from, upTo: tier.upTo, groupShare: tier.groupShare, amount, group, fund: amount - group });
    if (edge !== null) {
      lower = edge > lower ? edge : lower;
      from = tier.upTo!;
    }
    if (edge === null) break;
  }
  const group = slices.reduce((a, s) => a + s.group, 0n);
  return { overspend, group, fund: overspend - group, slices };
}

// ---------------------------------------------------------------- sums, gates, indicators

/** Claim totals over some set of claims (fen and counts); what every figure is computed from. */
export interface ClaimSums {
  claims: number;
  inpatient: number;
  inpatient_in_county: number;
  /** inpatient claims with referred_up at level 1–2 providers (HQ, county hospitals) */
  inpatient_referred_up_top: number;
  total: Fen;
  fund: Fen;
  self_pay: Fen;
  self_funded: Fen;
  drug: Fen;
  consumables: Fen;
  inpatient_total: Fen;
  fund_in_county: Fen;
  /** fund paid at township and village units of the group */
  fund_primary: Fen;
}

export const emptySums = (): ClaimSums => ({
  claims: 0,
  inpatient: 0,
  inpatient_in_county: 0,
  inpatient_referred_up_top: 0,
  total: 0n,
  fund: 0n,
  self_pay: 0n,
  self_funded: 0n,
  drug: 0n,
  consumables: 0n,
  inpatient_total: 0n,
  fund_in_county: 0n,
  fund_primary: 0n,
});

/** A count plus a count, or fen plus fen: each key of the sums holds one kind. */
const plus = (a: number | bigint, b: number | bigint) => (typeof a === 'bigint' ? a + BigInt(b) : a + Number(b));

export function addSums(into: ClaimSums, s: ClaimSums): ClaimSums {
  for (const k of Object.keys(into) as (keyof ClaimSums)[]) (into as unknown as Record<string, number | bigint>)[k] = plus(into[k], s[k]);
  return into;
}

export type ProviderTier = 'top' | 'primary' | 'other';
export const PRIMARY_KINDS = ['township', 'community', 'village'];
/** levels 1–2 (HQ, county hospitals) are the top; township and village units are primary care */
export function providerTier(unit: { level: number; kind: string }): ProviderTier {
  return unit.level <= 2 ? 'top' : PRIMARY_KINDS.includes(unit.kind) ? 'primary' : 'other';
}

/** One aggregate row (a provider class × care type × provider unit group) as sums. */
export interface AggregateRow {
  provider_class: EnumValue<typeof PROVIDER_CLASS>;
  care_type: EnumValue<typeof CARE_TYPE>;
  /** the providing unit: HQ or county hospital (levels 1–2), township or village (primary), another member, or null outside the group */
  provider_tier: ProviderTier | null;
  claims: number;
  referred_up: number;
  total: Fen;
  fund: Fen;
  self_pay: Fen;
  self_funded: Fen;
  drug: Fen;
  consumables: Fen;
}

export function sumsOf(row: AggregateRow): ClaimSums {
  const inpatient = row.care_type === 'inpatient';
  const inCounty = row.provider_class !== 'out_of_county';
  const top = row.provider_tier === 'top';
  const primary = row.provider_tier === 'primary';
  return {
    claims: row.claims,
    inpatient: inpatient ? row.claims : 0,
    inpatient_in_county: inpatient && inCounty ? row.claims : 0,
    inpatient_referred_up_top: inpatient && top ? row.referred_up : 0,
    total: row.total,
    fund: row.fund,
    self_pay: row.self_pay,
    self_funded: row.self_funded,
    drug: row.drug,
    consumables: row.consumables,
    inpatient_total: inpatient ? row.total : 0n,
    fund_in_county: inCounty ? row.fund : 0n,
    fund_primary: primary ? row.fund : 0n,
  };
}

export interface GateResult {
  key: string;
  direction: Direction;
  value: number | null;
  threshold: number;
  passed: boolean;
  /** share of the surplus deducted (0 when passed) */
  deduction: number;
}

/**
 * 结余留用 gates, each as its registry entry measures it (a ratio of the claim sums or the survey score) against the
 * fund year's threshold, or the gate's default when the year was stored before the gate existed.
 * A gate without a value (no claims, no survey imported) fails.
 */
export function evaluateGates(
  sums: ClaimSums,
  satisfaction: number | null,
  stored: Partial<Record<string, GateConfig>>,
  registry: GateRegistry = GATE,
): GateResult[] {
  const config = gatesConfig(stored, registry);
  return registry.values.map((key) => {
    const { direction, measure } = registry.labels[key];
    const { threshold, deduction } = config[key];
    const value = measure === 'satisfaction' ? satisfaction : rate4(BigInt(sums[measure.ratio[0]]), BigInt(sums[measure.ratio[1]]));
    const passed = value !== null && (direction === 'max' ? value <= threshold : value >= threshold);
    return { key, direction, value, threshold, passed, deduction: passed ? 0 : deduction };
  });
}

/** retained = surplus × (1 − Σ deductions), never below 0 (nothing is retained from an overspend). */
export function retainedOf(surplus: Fen, gates: readonly GateResult[]): Fen {
  if (surplus <= 0n) return 0n;
  const deducted = gates.reduce((a, g) => a + Math.round(g.deduction * 1e6), 0);
  if (deducted >= 1e6) return 0n;
  return mulRatio(surplus, ((1e6 - deducted) / 1e6).toFixed(6));
}

/**
 * The respondent-weighted mean of the survey scores of the months covered (2 decimals);
 * null when none was imported.
 */
export function satisfactionOf(scores: { score: string; respondents: number }[]): number | null {
  const n = scores.reduce((a, s) => a + BigInt(s.respondents), 0n);
  if (n === 0n) return null;
  const weighted = scores.reduce((a, s) => a + toFen(s.score) * BigInt(s.respondents), 0n);
  return Number(divRound(weighted, n)) / 100;
}

export type ClaimSet = EnumValue<typeof CLAIM_SET>;
export interface Indicator {
  key: IndicatorKey;
  /** the claims it is over: those provided, or those of the insured */
  over: ClaimSet;
  direction: Direction;
  /** amounts as decimal strings, counts as numbers */
  numerator: string | number;
  denominator: string | number;
  /** a rate (4 decimals) or, for the inpatient average cost, an amount string */
  value: number | string | null;
  threshold: number | string;
  /** null when there is nothing to measure */
  ok: boolean | null;
}

/**
 * The monitoring indicators, each saying which claims it is over: the first five over `provided`, the claims
 * a unit treated (for the group row, those its units treated), the last four over `insured`, the claims of the
 * insured it is responsible for (for the group, all the claims of the county's insured, wherever treated).
 */
export function indicatorsOf(provided: ClaimSums, insured: ClaimSums, thresholds: IndicatorThresholds): Indicator[] {
  const ratio = (key: IndicatorKey, num: bigint | number, den: bigint | number, over: ClaimSet): Indicator => {
    const value = rate4(BigInt(num), BigInt(den));
    const threshold = thresholds[key];
    const { direction } = SETTLEMENT_INDICATOR.labels[key];
    const shown = (x: bigint | number) => (typeof x === 'bigint' ? fromFen(x) : x);
    return {
      key,
      over,
      direction,
      numerator: shown(num),
      denominator: shown(den),
      value,
      threshold,
      ok: value === null ? null : direction === 'max' ? value <= threshold : value >= threshold,
    };
  };
  const avg = provided.inpatient === 0 ? null : divRound(provided.inpatient_total, BigInt(provided.inpatient));
  const avgThreshold = toFen(thresholds.inpatient_average_cost);
  return [
    {
      key: 'inpatient_average_cost',
      over: 'provided',
      direction: 'max',
      numerator: fromFen(provided.inpatient_total),
      denominator: provided.inpatient,
      value: avg === null ? null : fromFen(avg),
      threshold: fromFen(avgThreshold),
      ok: avg === null ? null : avg <= avgThreshold,
    },
    ratio('drug_share', provided.drug, provided.total, 'provided'),
    ratio('consumables_share', provided.consumables, provided.total, 'provided'),
    ratio('self_funded_rate', provided.self_funded, provided.total, 'provided'),
    ratio('reimbursement_ratio', provided.fund, provided.total, 'provided'),
    ratio('in_county_fund_share', insured.fund_in_county, insured.fund, 'insured'),
    ratio('primary_care_fund_share', insured.fund_primary, insured.fund, 'insured'),
    ratio('in_county_inpatient_share', insured.inpatient_in_county, insured.inpatient, 'insured'),
    ratio('up_referral_rate', insured.inpatient_referred_up_top, insured.inpatient, 'insured'),
  ];
}

/** All nine indicators over the claims of the insured (the group's insured row: every claim, wherever treated). */
export const insuredIndicatorsOf = (insured: ClaimSums, thresholds: IndicatorThresholds): Indicator[] =>
  indicatorsOf(insured, insured, thresholds).map((i) => ({ ...i, over: 'insured' }));

// ---------------------------------------------------------------- allocation

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** The scoring's caps: the worst and the best of the recipients are the 10th and 90th percentile of their values. */
export const SCORE_CAPS = { worst: 0.1, best: 0.9 } as const;

/** The p-th percentile (0–1) of values sorted ascending, linear between neighbours (Excel's PERCENTILE.INC). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) throw new RangeError('no values');
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Scores one indicator over the recipients from 0 to 1 on a straight line between the worst and the best
 * of them, where the worst and the best are the 10th and 90th percentile of the values present — so no
 * single outlier sets the scale: a value beyond the best scores 1, beyond the worst 0. Lower-is-better
 * indicators run the line the other way. No data (null, shown as 无数据) scores 0, as the worst. When every
 * value present is the same, those score 1. Rounded to 6 decimals.
 */
export function normalise(values: readonly (number | null)[], higherIsBetter: boolean): number[] {
  if (values.some((v) => v !== null && (!(v >= 0) || !Number.isFinite(v)))) throw new RangeError('indicator values must be finite and ≥ 0');
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!present.length) return values.map(() => 0);
  const low = percentile(present, higherIsBetter ? SCORE_CAPS.worst : 1 - SCORE_CAPS.best);
  const high = percentile(present, higherIsBetter ? SCORE_CAPS.best : 1 - SCORE_CAPS.worst);
  return values.map((v) => {
    if (v === null) return 0;
    if (high - low <= 1e-12) return 1;
    const n = higherIsBetter ? (v - low) / (high - low) : (high - v) / (high - low);
    return round(Math.min(1, Math.max(0, n)), 6);
  });
}

/**
 * The weights a pool's indicators count with: an indicator on which every recipient scores the same (all
 * values equal, or no data anywhere) separates no one, so it is left out (weight 0) and the others share its
 * weight in proportion. null when no indicator separates anyone (the pool then goes by population).
 */
export function effectiveWeights(indicators: readonly { weight: number }[], normalised: readonly (readonly number[])[]): number[] | null {
  const separates = normalised.map((n) => n.some((x) => x !== n[0]));
  const kept = indicators.reduce((a, k, j) => a + (separates[j] ? k.weight : 0), 0);
  if (kept <= 0) return null;
  return indicators.map((k, j) => (separates[j] ? round(k.weight / kept, 6) : 0));
}

export interface Recipient {
  org_unit_id: number;
  code: string;
  population: number;
  values: Partial<Record<AllocationIndicatorKey, number | null>>;
}

export interface AllocationRow {
  pool: string;
  pool_amount: string;
  org_unit_id: number;
  code: string;
  /** the pool's indicators: the recipient's value, null for no data (无数据) */
  raw_values: Record<string, number | null>;
  normalised_values: Record<string, number>;
  /** the weight each of the pool's indicators counted with (0: left out, it separated no one) */
  indicator_weights: Record<string, number>;
  score: number;
  population: number;
  weight: number;
  share: number;
  amount: string;
}

/**
 * Shares `retained` out: into pools by their configured shares, then each pool among the recipients by
 * weight_i = score_i × population_i with score_i = Σ_k w_k × n_k,i over the pool's own indicators (n by
 * `normalise`, w by `effectiveWeights`), amounts rounded to the fen by largest remainder (recipients in
 * unit-code order break ties), so every pool, and the whole, adds up exactly. If no indicator separates the
 * recipients, or every weight is 0, the pool goes by population.
 */
export function allocate(retained: Fen, config: AllocationConfig, recipients: readonly Recipient[]): AllocationRow[] {
  if (!recipients.length) return [];
  const ordered = [...recipients].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const poolAmounts = splitByLargestRemainder(
    retained,
    config.pools.map((p) => p.share),
  );
  return config.pools.flatMap((pool, p) => {
    const normalised = pool.indicators.map((k) =>
      normalise(
        ordered.map((r) => r.values[k.key] ?? null),
        k.higher_is_better,
      ),
    );
    const w = effectiveWeights(pool.indicators, normalised);
    const scores = ordered.map((_, i) =>
      w === null
        ? 1
        : round(
            pool.indicators.reduce((a, _k, j) => a + w[j] * normalised[j][i], 0),
            6,
          ),
    );
    const weights = ordered.map((r, i) => round(scores[i] * r.population, 6));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const basis = totalWeight > 0 ? weights : ordered.map((r) => r.population);
    const basisTotal = basis.reduce((a, b) => a + b, 0);
    const amounts = splitByLargestRemainder(poolAmounts[p], basis);
    return ordered.map((r, i) => ({
      pool: pool.key,
      pool_amount: fromFen(poolAmounts[p]),
      org_unit_id: r.org_unit_id,
      code: r.code,
      raw_values: Object.fromEntries(pool.indicators.map((k) => [k.key, r.values[k.key] ?? null])),
      normalised_values: Object.fromEntries(pool.indicators.map((k, j) => [k.key, normalised[j][i]])),
      indicator_weights: Object.fromEntries(pool.indicators.map((k, j) => [k.key, w === null ? 0 : w[j]])),
      score: scores[i],
      population: r.population,
      weight: weights[i],
      share: basisTotal > 0 ? round(basis[i] / basisTotal, 8) : 0,
      amount: fromFen(amounts[i]),
    }));
  });
}

/**
 * Change in inpatient admissions per 1,000 insured against the previous year, as a factor:
 * (admissions / population) this year ÷ the same rate over the same months of the previous
 * year (0.92 = 8% fewer; lower is better). null when either rate is unknown or the previous is 0.
 */
export function admissionsChange(now: { admissions: number; population: number }, prev: { admissions: number; population: number } | null): number | null {
  if (!prev || now.population <= 0 || prev.population <= 0 || prev.admissions <= 0) return null;
  // (a/p) / (a'/p') = a·p' / (p·a'), all integers: exact before the one rounding
  return rate4(BigInt(now.admissions) * BigInt(prev.population), BigInt(now.population) * BigInt(prev.admissions));
}
