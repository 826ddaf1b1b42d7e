// The settlement API's answers as the screens read them (amounts are decimal strings).
import type { AdvancesView, RunFigures } from '../../../api/settlement';
export type { AdvancesView } from '../../../api/settlement';
// the run's figures are the API's own type (api/settlement/runs/calculation.ts), never re-declared here
export type { Indicator, RunFigures } from '../../../api/settlement';
export type Gate = RunFigures['gates'][number];
export type Allocation = RunFigures['allocations'][number];
export type SpendingCell = RunFigures['spending']['by_class_and_care'][number];
export interface RunSummary {
  id: number;
  fund_year_id: number;
  period: string;
  kind: string;
  through_month: number;
  status: string;
  version: number;
  superseded_by_id: number | null;
  supersedes_id: number | null;
  reason: string | null;
  budget: string | null;
  spending: string | null;
  surplus: string | null;
  surplus_rate: number | null;
  retained: string | null;
  calculated_at: string | null;
  reviewed_by_name: string | null;
  approved_by_name: string | null;
}
export interface RunDetail extends Omit<RunSummary, 'budget' | 'spending' | 'surplus' | 'surplus_rate' | 'retained'> {
  figures: RunFigures | null;
  /** the final run's advances and 清算 (null for a month) */
  advances?: AdvancesView | null;
  allowed: string[];
  reviewed_by: number | null;
  versions: {
    id: number;
    version: number;
    reason: string | null;
    calculated_by_name: string | null;
    calculated_at: string;
    surplus: string;
    retained: string;
    surplus_rate: number | null;
    spending: string;
  }[];
  events: { id: number; action: string; version: number | null; comment: string | null; actor_name: string; at: string }[];
}
export interface FundYearRecord {
  id: number;
  region: string;
  year: number;
  budget: string;
  insured_count: number;
}
export interface Dashboard {
  fund_year: FundYearRecord;
  months: { month: number; budget: string; spending: string; claims: number; cumulative_budget: string; cumulative_spending: string }[];
  /** the year's advances, planned against paid, with the 清算 once the final run is calculated (null for who may not read advances) */
  advances: AdvancesView | null;
  runs: RunSummary[];
  latest: (RunSummary & { figures: RunFigures }) | null;
}
export interface UnitSummaryRow {
  provider_class: string;
  care_type: string;
  claims: number;
  total_cost: string;
  fund_paid: string;
  self_pay: string;
  self_funded: string;
  drug_cost: string;
  consumables_cost: string;
}
export interface UnitSummary {
  unit: { id: number; code: string; name: string };
  provided: UnitSummaryRow[];
  insured: UnitSummaryRow[];
}
export interface ImportResult {
  accepted: number;
  rejected: { row: number; field: string; message: string }[];
  rejected_rows: number;
  committed: boolean;
  dry_run: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** 0.1027 → "10.27%" */
export const pct = (r: number | null | undefined, places = 2) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(places)}%`);
/** NumberField options for amounts in yuan: ¥1,234.50 */
export { YUAN } from '../shared/columnFields';
/** Member units as the group is drawn: by level (HQ, branches, townships), then code. */
export const byLevelThenCode = <U extends { level: number; code: string }>(units: readonly U[]) =>
  [...units].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
/** GET /api/claims: an insurance claim (api/settlement/claims/model.ts; the full ID number is never answered) */
export interface ClaimRecord {
  id: number;
  fund_year_id: number;
  claim_no: string;
  id_number_masked: string;
  insured_name: string | null;
  insured_unit_id: number | null;
  provider_class: string;
  org_unit_id: number | null;
  provider_name: string | null;
  care_type: string;
  visit_on: string;
  discharged_on: string | null;
  settled_on: string;
  period_month: number;
  total_cost: string;
  fund_paid: string;
  self_pay: string;
  self_funded: string;
  drug_cost: string;
  consumables_cost: string;
  diagnosis: string | null;
  referred_up: boolean;
}
