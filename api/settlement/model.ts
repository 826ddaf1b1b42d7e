// Settlement tables as objection models. Money columns arrive from pg as decimal strings.
import { Model } from 'objection';

/** A county's resident-insurance fund year and its settlement configuration. */
export class FundYear extends Model {
  id!: number;
  region!: string;
  year!: number;
  insured_count!: number;
  premium_total!: string;
  catastrophic_pool!: string;
  outpatient_pool!: string;
  bundle_ratio!: string;
  overspend_tiers!: import('./rules').OverspendTier[];
  gates!: import('./rules').GatesConfig;
  indicator_thresholds!: import('./rules').IndicatorThresholds;
  allocation!: import('./rules').AllocationConfig;
  monthly_profile!: number[];
  created_at!: string;
  updated_at!: string;

  static tableName = 'fund_years';
  static jsonAttributes = ['overspend_tiers', 'gates', 'indicator_thresholds', 'allocation', 'monthly_profile'];
}

/** Insured residents registered in a unit for a fund year (allocation weights). */
export class FundYearPopulation extends Model {
  id!: number;
  fund_year_id!: number;
  org_unit_id!: number;
  insured_population!: number;
  baseline_admissions!: number | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'fund_year_populations';
}

/** One settled visit or stay of an insured resident. */
export class Claim extends Model {
  id!: number;
  fund_year_id!: number;
  claim_no!: string;
  id_number_hash!: string;
  id_number_masked!: string;
  id_number_cipher!: string;
  insured_name!: string | null;
  insured_unit_id!: number | null;
  provider_class!: string;
  org_unit_id!: number | null;
  provider_name!: string | null;
  care_type!: string;
  visit_on!: string;
  discharged_on!: string | null;
  settled_on!: string;
  period_month!: number;
  total_cost!: string;
  fund_paid!: string;
  self_pay!: string;
  self_funded!: string;
  drug_cost!: string;
  consumables_cost!: string;
  diagnosis!: string | null;
  referred_up!: boolean;
  created_at!: string;
  updated_at!: string;

  static tableName = 'claims';

  // the ID number leaves the server masked only
  $formatJson(json: Record<string, unknown>) {
    const { id_number_hash: _h, id_number_cipher: _c, ...rest } = super.$formatJson(json);
    return rest;
  }
}

export class SatisfactionScore extends Model {
  id!: number;
  fund_year_id!: number;
  month!: number;
  score!: string;
  respondents!: number;
  created_at!: string;
  updated_at!: string;

  static tableName = 'satisfaction_scores';
}

export class SettlementRun extends Model {
  id!: number;
  fund_year_id!: number;
  period!: string;
  kind!: 'provisional' | 'final';
  through_month!: number;
  status!: import('./rules').RunStatus;
  version!: number;
  figures!: import('./calculation').RunFigures | null;
  reason!: string | null;
  supersedes_id!: number | null;
  superseded_by_id!: number | null;
  created_by!: number | null;
  calculated_by!: number | null;
  calculated_at!: string | null;
  reviewed_by!: number | null;
  reviewed_by_name!: string | null;
  reviewed_at!: string | null;
  approved_by!: number | null;
  approved_by_name!: string | null;
  approved_at!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'settlement_runs';
  static jsonAttributes = ['figures'];
}

export class SettlementRunVersion extends Model {
  id!: number;
  run_id!: number;
  version!: number;
  figures!: import('./calculation').RunFigures;
  reason!: string | null;
  calculated_by!: number | null;
  calculated_by_name!: string | null;
  calculated_at!: string;

  static tableName = 'settlement_run_versions';
  static jsonAttributes = ['figures'];
}

export class SettlementRunEvent extends Model {
  id!: number;
  run_id!: number;
  action!: string;
  version!: number | null;
  comment!: string | null;
  actor_id!: number | null;
  actor_name!: string;
  at!: string;

  static tableName = 'settlement_run_events';
}

/** Every intermediate figure of one recipient's share of one pool, per run version. */
export class SurplusAllocation extends Model {
  id!: number;
  run_id!: number;
  version!: number;
  pool!: string;
  pool_amount!: string;
  org_unit_id!: number;
  raw_values!: Record<string, number | null>;
  normalised_values!: Record<string, number>;
  score!: string;
  population!: number;
  weight!: string;
  share!: string;
  amount!: string;

  static tableName = 'surplus_allocations';
  static jsonAttributes = ['raw_values', 'normalised_values'];
}
