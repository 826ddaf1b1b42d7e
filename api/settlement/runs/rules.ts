// The settlement arithmetic of 医保打包付费 ("总额管理、超支分担、结余留用") as plain functions:
// periods and run states, surplus and rate, overspend tiers, gates and retention, monitoring
// indicators, and the allocation of the retained surplus. No HTTP, no database. The fund year's
// configuration and budget are fundYears/rules.ts. Money is BigInt fen throughout; rates are rounded to 4 decimals.
import type { EnumValue } from '../../core/enums';
import { divRound, fromFen, mulRatio, splitByLargestRemainder, toFen, type Fen } from '../../shared/money';
import { CARE_TYPE, GATE, PROVIDER_CLASS, RUN_KIND, RUN_STATUS, SETTLEMENT_INDICATOR, type Direction, type GateRegistry } from '../enums';
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

export interface Indicator {
  key: IndicatorKey;
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
 * The monitoring indicators. `provided` are the claims a unit treated, `insured` the claims of
 * the insured it is responsible for; for the whole group both are all claims.
 */
export function indicatorsOf(provided: ClaimSums, insured: ClaimSums, thresholds: IndicatorThresholds): Indicator[] {
  const ratio = (key: IndicatorKey, num: bigint | number, den: bigint | number): Indicator => {
    const value = rate4(BigInt(num), BigInt(den));
    const threshold = thresholds[key];
    const { direction } = SETTLEMENT_INDICATOR.labels[key];
    const shown = (x: bigint | number) => (typeof x === 'bigint' ? fromFen(x) : x);
    return {
      key,
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
      direction: 'max',
      numerator: fromFen(provided.inpatient_total),
      denominator: provided.inpatient,
      value: avg === null ? null : fromFen(avg),
      threshold: fromFen(avgThreshold),
      ok: avg === null ? null : avg <= avgThreshold,
    },
    ratio('drug_share', provided.drug, provided.total),
    ratio('consumables_share', provided.consumables, provided.total),
    ratio('self_funded_rate', provided.self_funded, provided.total),
    ratio('reimbursement_ratio', provided.fund, provided.total),
    ratio('in_county_fund_share', insured.fund_in_county, insured.fund),
    ratio('primary_care_fund_share', insured.fund_primary, insured.fund),
    ratio('in_county_inpatient_share', insured.inpatient_in_county, insured.inpatient),
    ratio('up_referral_rate', insured.inpatient_referred_up_top, insured.inpatient),
  ];
}

// ---------------------------------------------------------------- allocation

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * Normalises one indicator over the recipients: v / max_j v_j when higher is better, else
 * min_j v_j / v (1 when v is 0). Missing values normalise to 0; when the best value is 0 and
 * higher is better nobody is ahead and all get 1. Rounded to 6 decimals.
 */
export function normalise(values: readonly (number | null)[], higherIsBetter: boolean): number[] {
  if (values.some((v) => v !== null && (!(v >= 0) || !Number.isFinite(v)))) throw new RangeError('indicator values must be finite and ≥ 0');
  const present = values.filter((v): v is number => v !== null);
  if (higherIsBetter) {
    const max = Math.max(0, ...present);
    return values.map((v) => (v === null ? 0 : max === 0 ? 1 : round(v / max, 6)));
  }
  const min = present.length ? Math.min(...present) : 0;
  return values.map((v) => (v === null ? 0 : v === 0 ? 1 : round(min / v, 6)));
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
  raw_values: Record<string, number | null>;
  normalised_values: Record<string, number>;
  score: number;
  population: number;
  weight: number;
  share: number;
  amount: string;
}

/**
 * Shares `retained` out: into pools by their configured shares, then each pool among the
 * recipients by weight_i = score_i × population_i with score_i = Σ_k w_k × n_k,i, amounts
 * rounded to the fen by largest remainder (recipients in unit-code order break ties), so every
 * pool, and the whole, adds up exactly. If every weight is 0 the pool goes by population.
 */
export function allocate(retained: Fen, config: AllocationConfig, recipients: readonly Recipient[]): AllocationRow[] {
  if (!recipients.length) return [];
  const ordered = [...recipients].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const normalised = config.indicators.map((k) =>
    normalise(
      ordered.map((r) => r.values[k.key] ?? null),
      k.higher_is_better,
    ),
  );
  const scores = ordered.map((_, i) =>
    round(
      config.indicators.reduce((a, k, j) => a + k.weight * normalised[j][i], 0),
      6,
    ),
  );
  const weights = ordered.map((r, i) => round(scores[i] * r.population, 6));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const basis = totalWeight > 0 ? weights : ordered.map((r) => r.population);
  const basisTotal = basis.reduce((a, b) => a + b, 0);
  const poolAmounts = splitByLargestRemainder(
    retained,
    config.pools.map((p) => p.share),
  );
  return config.pools.flatMap((pool, p) => {
    const amounts = splitByLargestRemainder(poolAmounts[p], basis);
    return ordered.map((r, i) => ({
      pool: pool.key,
      pool_amount: fromFen(poolAmounts[p]),
      org_unit_id: r.org_unit_id,
      code: r.code,
      raw_values: Object.fromEntries(config.indicators.map((k) => [k.key, r.values[k.key] ?? null])),
      normalised_values: Object.fromEntries(config.indicators.map((k, j) => [k.key, normalised[j][i]])),
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
