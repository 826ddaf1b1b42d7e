// Settlement runs, their versions, history and surplus allocations as objection models. Money columns arrive from pg as decimal strings.
import { Model } from 'objection';

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
  /** the weight each of the pool's indicators counted with (0: left out); null for versions calculated before pools had their own */
  indicator_weights!: Record<string, number> | null;
  score!: string;
  population!: number;
  weight!: string;
  share!: string;
  amount!: string;

  static tableName = 'surplus_allocations';
  static jsonAttributes = ['raw_values', 'normalised_values', 'indicator_weights'];
}
