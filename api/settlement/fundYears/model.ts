// Fund years and their insured populations as objection models. Money columns arrive from pg as decimal strings.
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
