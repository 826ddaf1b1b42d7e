// Performance pay's records as objection models. Money and points arrive from pg as decimal strings.
import { Model } from 'objection';
import type { PayDifferenceChange, PayGrade, PayPost, PayRunStatus, PayService, PayTitleLevel } from './enums';
import type { ServiceCount, WorkItem } from './rules';

/** A township's pay run for one month (月度绩效工资核算). */
export class PayRun extends Model {
  id!: number;
  org_unit_id!: number;
  month!: string;
  status!: PayRunStatus;
  budgeted_fund!: string;
  settlement_share!: string;
  settlement_run_id!: number | null;
  pool!: string | null;
  total_points!: string | null;
  point_value!: string | null;
  /** the medical-risk fund: the month's contributions, the year's returns (December), the net paid */
  risk_contributions!: string | null;
  risk_returns!: string | null;
  net_paid!: string | null;
  /** the top-ups the sending units pay the experts sent down (下派补助), beside the pool */
  rotation_top_ups!: string | null;
  scheme!: unknown;
  created_by!: number | null;
  calculated_by!: number | null;
  calculated_at!: string | null;
  reviewed_by!: number | null;
  reviewed_by_name!: string | null;
  reviewed_at!: string | null;
  approved_by!: number | null;
  approved_by_name!: string | null;
  approved_at!: string | null;
  locked_by!: number | null;
  locked_at!: string | null;
  /** 1, or n + 1 for the correction of version n */
  version!: number;
  /** the approved or locked run this correction supersedes */
  supersedes_id!: number | null;
  /** why the correction was made */
  reason!: string | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'pay_runs';
  static jsonAttributes = ['scheme'];
}

/** One person's line of a run, with every figure between their work and their amount. */
export class PayLine extends Model {
  id!: number;
  run_id!: number;
  staff_id!: number;
  /** null: someone on the payroll without a login */
  user_id!: number | null;
  name!: string;
  work_org_unit_id!: number;
  /** the base part (基础绩效): the post and title level it was paid for (null on lines calculated before it), its points */
  post!: PayPost | null;
  title_level!: PayTitleLevel | null;
  base_points!: string;
  by_service!: Partial<Record<PayService, ServiceCount>>;
  gross_points!: string;
  missed_tasks!: number;
  deduction_points!: string;
  control_rate!: string | null;
  quality_factor!: string;
  /** the unit whose quality score (质量得分, the year up to the month's end) adjusted the line — the work unit, else the township — its score and the points ± it gave; null: not inspected */
  quality_org_unit_id!: number | null;
  unit_quality_score!: string | null;
  unit_quality_points!: string;
  grade!: PayGrade;
  grade_factor!: string;
  points!: string;
  /** the gross amount: the person's share of the pool */
  amount!: string;
  risk_contribution!: string;
  risk_return!: string;
  /** amount − risk contribution + risk return */
  net_amount!: string;
  /** an expert sent down (下派): their rotation, the unit that sent them and its top-up (paid by it, not from the pool); else null, null, 0 */
  rotation_id!: number | null;
  home_org_unit_id!: number | null;
  rotation_top_up!: string;
  /** the department they were paid in (the HQ's and branches' runs); null on a township's */
  department_id!: number | null;
  static tableName = 'pay_lines';
  static jsonAttributes = ['by_service'];
}

/** A follow-up, contract or missed task behind a line (the drill-down), one of the line's list in pay_line_work: the work
 * item as calculated, its points as text, and `id` its place in the list from 1 (by date, then as recorded). */
export type PayLineWorkItem = Pick<WorkItem, 'kind' | 'ref_id' | 'on' | 'type' | 'mode' | 'attendees'> & { id: number; points: string };

/** An item as the drill-down reads it: its resident's name masked (张*), read then; null for a health-education session. */
export type PayLineItem = PayLineWorkItem & { resident: string | null };

/**
 * An item as pay_line_work keeps it (migration 20270119000100): its fields in a tuple, its `id` its place in the list —
 * half the bytes of the object, and the group's month writes a quarter of a million of them.
 */
export type PayLineWorkTuple = [
  kind: PayLineWorkItem['kind'],
  ref_id: string,
  on: string,
  type: string,
  mode: string | null,
  attendees: number | null,
  points: string,
];

export const workTuple = (i: Omit<PayLineWorkItem, 'id'>): PayLineWorkTuple => [i.kind, i.ref_id, i.on, i.type, i.mode, i.attendees, i.points];

/** The `k`-th tuple of a line's list (from 0) as its item. */
export const workItem = ([kind, ref_id, on, type, mode, attendees, points]: PayLineWorkTuple, k: number): PayLineWorkItem => ({
  id: k + 1,
  kind,
  ref_id,
  on,
  type,
  mode,
  attendees,
  points,
});

/** A person's difference between a correction and the version it supersedes (stored when the correction is calculated). */
export class PayRunDifference extends Model {
  id!: number;
  run_id!: number;
  staff_id!: number;
  name!: string;
  change!: PayDifferenceChange;
  amount_before!: string | null;
  amount_after!: string | null;
  points_before!: string | null;
  points_after!: string | null;
  net_before!: string | null;
  net_after!: string | null;
  static tableName = 'pay_run_differences';
}

/** A department of an HQ or branch run (科室绩效): its indicators of the month against the same month of last year, their scores, its share. */
export class PayRunDepartment extends Model {
  id!: number;
  run_id!: number;
  /** null: the people without a department */
  department_id!: number | null;
  name!: string;
  /** the month's figure and its target (last year's); null where there is none (the indicator then scores 100) */
  drug_share!: string | null;
  drug_share_target!: string | null;
  cost_per_stay!: string | null;
  cost_per_stay_target!: string | null;
  referrals!: number;
  referrals_target!: number | null;
  drug_share_score!: string;
  cost_per_stay_score!: string;
  referrals_score!: string;
  score!: string;
  people!: number;
  points!: string;
  amount!: string;
  static tableName = 'pay_run_departments';
}
