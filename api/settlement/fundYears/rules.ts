// A fund year's configuration and budget as plain functions: the shapes of its settings and their
// defaults, the checks of the whole configuration, the budget and its monthly profile, and the rows
// of the insured-population file. No HTTP, no database. Money is BigInt fen.
import type { EnumValue } from '../../core/enums';
import { mulRatio, splitByLargestRemainder, toFen, type Fen } from '../../shared/money';
import { cellText, rowProblem, type RawRow, type RowProblem, type UnitRef } from '../cells';
import { ALLOCATION_INDICATOR, GATE, importColumns, SETTLEMENT_INDICATOR, type GateRegistry } from '../enums';

// ---------------------------------------------------------------- configuration

export interface OverspendTier {
  /** upper edge of the slice as a share of budget; null = no upper edge */
  upTo: number | null;
  /** share of the slice the group bears; the fund bears the rest */
  groupShare: number;
}

export type GateKey = EnumValue<typeof GATE>;
export interface GateConfig {
  threshold: number;
  /** share of the surplus deducted when the gate fails */
  deduction: number;
}
export type GatesConfig = Record<GateKey, GateConfig>;

export const INDICATOR_KEYS = SETTLEMENT_INDICATOR.values;
export type IndicatorKey = EnumValue<typeof SETTLEMENT_INDICATOR>;
/** thresholds: a rate (4 decimals) or, for the inpatient average cost, an amount in yuan */
export type IndicatorThresholds = Record<IndicatorKey, number>;

export const ALLOCATION_INDICATORS = ALLOCATION_INDICATOR.values;
export type AllocationIndicatorKey = EnumValue<typeof ALLOCATION_INDICATOR>;
export interface AllocationIndicator {
  key: AllocationIndicatorKey;
  weight: number;
  higher_is_better: boolean;
}
/** A pool of the retained surplus: its share and the indicators (weights adding up to 1) its recipients are scored on. */
export interface AllocationPool {
  key: string;
  share: number;
  indicators: AllocationIndicator[];
}
export interface AllocationConfig {
  pools: AllocationPool[];
  /** org unit kinds that receive a share (default: township centres) */
  recipient_kinds: string[];
}

export const DEFAULT_TIERS: OverspendTier[] = [
  { upTo: 0.05, groupShare: 0.5 },
  { upTo: null, groupShare: 1.0 },
];
/** Each gate's configuration, its default where `stored` (a fund year's) lacks it, e.g. saved before the gate existed. */
export function gatesConfig(stored: Partial<Record<string, GateConfig>> = {}, registry: GateRegistry = GATE): Record<string, GateConfig> {
  return Object.fromEntries(
    registry.values.map((key) => [key, stored[key] ?? { threshold: registry.labels[key].threshold, deduction: registry.labels[key].deduction }]),
  );
}
export const DEFAULT_GATES = gatesConfig() as GatesConfig;
export const DEFAULT_INDICATOR_THRESHOLDS: IndicatorThresholds = {
  inpatient_average_cost: 6500,
  drug_share: 0.4,
  consumables_share: 0.2,
  self_funded_rate: 0.08,
  reimbursement_ratio: 0.55,
  in_county_fund_share: 0.8,
  primary_care_fund_share: 0.2,
  in_county_inpatient_share: 0.85,
  up_referral_rate: 0.1,
};
/**
 * The health-management pool rewards the results of managing the chronic patients (规范管理率, 控制率); the
 * staff-performance pool rewards cost control — fewer admissions per insured than last year and a lower drug share.
 */
export const DEFAULT_ALLOCATION: AllocationConfig = {
  pools: [
    {
      key: 'health_management',
      share: 0.6,
      indicators: [
        { key: 'standardised_management_rate', weight: 0.5, higher_is_better: true },
        { key: 'control_rate', weight: 0.5, higher_is_better: true },
      ],
    },
    {
      key: 'staff_performance',
      share: 0.4,
      indicators: [
        { key: 'inpatient_admissions_change', weight: 0.6, higher_is_better: false },
        { key: 'drug_share', weight: 0.4, higher_is_better: false },
      ],
    },
  ],
  recipient_kinds: ['township', 'community'],
};
export const DEFAULT_PROFILE: number[] = Array.from({ length: 12 }, () => 1 / 12);
export const DEFAULT_BUNDLE_RATIO = '0.9000';

/** Problems with a fund year's configuration, as {field, message}; empty when it is sound. */
export function configProblems(c: {
  overspend_tiers: OverspendTier[];
  gates: GatesConfig;
  allocation: AllocationConfig;
  monthly_profile: number[];
}): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const tiers = c.overspend_tiers;
  tiers.forEach((t, i) => {
    if (i < tiers.length - 1 && t.upTo === null) out.push({ field: `overspend_tiers.${i}.upTo`, message: 'only the last tier may be open-ended' });
    if (i > 0 && t.upTo !== null && tiers[i - 1].upTo !== null && t.upTo <= tiers[i - 1].upTo!)
      out.push({ field: `overspend_tiers.${i}.upTo`, message: 'tier edges must increase' });
  });
  if (tiers.length && tiers[tiers.length - 1].upTo !== null) out.push({ field: 'overspend_tiers', message: 'the last tier must be open-ended (upTo: null)' });
  const near1 = (n: number) => Math.abs(n - 1) < 1e-6;
  if (!near1(c.allocation.pools.reduce((a, p) => a + p.share, 0))) out.push({ field: 'allocation.pools', message: 'pool shares must add up to 1' });
  c.allocation.pools.forEach((p, i) => {
    if (!near1(p.indicators.reduce((a, k) => a + k.weight, 0)))
      out.push({ field: `allocation.pools.${i}.indicators`, message: 'the pool’s indicator weights must add up to 1' });
    if (new Set(p.indicators.map((k) => k.key)).size !== p.indicators.length)
      out.push({ field: `allocation.pools.${i}.indicators`, message: 'an indicator at most once per pool' });
  });
  if (new Set(c.allocation.pools.map((p) => p.key)).size !== c.allocation.pools.length)
    out.push({ field: 'allocation.pools', message: 'pool keys must differ' });
  if (c.monthly_profile.length !== 12) out.push({ field: 'monthly_profile', message: 'twelve monthly shares' });
  else if (!near1(c.monthly_profile.reduce((a, b) => a + b, 0))) out.push({ field: 'monthly_profile', message: 'monthly shares must add up to 1' });
  return out;
}

// ---------------------------------------------------------------- budget

/** budget = round2((premium_total − catastrophic_pool − outpatient_pool) × bundle_ratio) */
export function budgetOf(fy: { premium_total: string; catastrophic_pool: string; outpatient_pool: string; bundle_ratio: string | number }): Fen {
  return mulRatio(toFen(fy.premium_total) - toFen(fy.catastrophic_pool) - toFen(fy.outpatient_pool), fy.bundle_ratio);
}

/** The budget of each month by the profile, by largest remainder so the twelve add up to the budget. */
export const monthlyBudgets = (budget: Fen, profile: readonly number[]): Fen[] => splitByLargestRemainder(budget, profile);

/** Budget to date: the months 1..through of the profile. */
export function budgetThrough(budget: Fen, profile: readonly number[], through: number): Fen {
  return monthlyBudgets(budget, profile)
    .slice(0, through)
    .reduce((a, b) => a + b, 0n);
}

// ---------------------------------------------------------------- insured populations

export const POPULATION_COLUMNS = importColumns('unit_code', 'insured_population', 'baseline_admissions');

export const POPULATION_NOTES: Record<string, string> = {
  unit_code: 'Group unit code of the recipient (e.g. T01)',
  insured_population: 'Insured residents registered there this fund year',
  baseline_admissions: 'Inpatient admissions of those insured in the year before (when that year’s claims are not in the system)',
};

export interface PopulationRow {
  org_unit_id: number;
  insured_population: number;
  baseline_admissions: number | null;
}

/** An insured-population row: a known unit code, counts as whole numbers ≥ 0. */
export function validatePopulation(raw: RawRow, units: Map<string, UnitRef>): { row: PopulationRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const code = cellText(raw.unit_code);
  const unit = units.get(code);
  if (!unit) problems.push(code ? rowProblem('unit_code', 'unknown_unit', { code }) : rowProblem('unit_code', 'required'));
  const count = (field: string, required: boolean) => {
    const t = cellText(raw[field]);
    if (!t) {
      if (required) problems.push(rowProblem(field, 'required'));
      return null;
    }
    const n = Number(t);
    if (!Number.isSafeInteger(n) || n < 0) problems.push(rowProblem(field, 'whole_not_negative'));
    return n;
  };
  const population = count('insured_population', true);
  const baseline = count('baseline_admissions', false);
  if (problems.length) return { problems };
  return { row: { org_unit_id: unit!.id, insured_population: population!, baseline_admissions: baseline } };
}
