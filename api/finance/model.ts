import { Model } from 'objection';
import type { EnumValue } from '../core/enums';
import type { FUND_KIND, OVER_BUDGET, STEP_STATUS } from './enums';

/** An account of the small chart every unit budgets and books against. */
export class Account extends Model {
  id!: number;
  code!: string;
  name!: string;
  kind!: string;
  over_budget!: EnumValue<typeof OVER_BUDGET>;
  sort!: number;
  active!: boolean;
  static tableName = 'accounts';
}

/** An approved yearly budget (核定收支) of a unit on an account; a revision is a new version. */
export class Budget extends Model {
  id!: number;
  org_unit_id!: number;
  year!: number;
  account!: string;
  amount!: string;
  monthly!: string[];
  version!: number;
  previous_id!: number | null;
  status!: 'active' | 'superseded';
  reason!: string | null;
  created_by!: number | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'budgets';
}

/** A row of the spending-limit matrix (支出限额授权). */
export class SpendingLimit extends Model {
  id!: number;
  unit_level!: number | null;
  account!: string | null;
  min_amount!: string;
  max_amount!: string | null;
  steps!: string[];
  description!: string | null;
  active!: boolean;
  static tableName = 'spending_limits';
}

export class ExpenseRequestStep extends Model {
  id!: number;
  request_id!: number;
  seq!: number;
  kind!: string;
  approver_role!: string;
  approver_unit_id!: number | null;
  /** the approving unit's name, joined from org when read */
  approver_unit_name?: string | null;
  status!: EnumValue<typeof STEP_STATUS>;
  decided_by!: number | null;
  decided_by_name!: string | null;
  decided_at!: string | null;
  comment!: string | null;
  static tableName = 'expense_request_steps';
}

export class ExpenseRequest extends Model {
  id!: number;
  org_unit_id!: number;
  account!: string;
  amount!: string;
  purpose!: string;
  attachments!: { name: string; url?: string }[];
  request_date!: string;
  status!: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'paid';
  current_step!: number | null;
  requested_by!: number | null;
  budget_note!: string | null;
  override_reason!: string | null;
  override_by!: number | null;
  decided_at!: string | null;
  paid_at!: string | null;
  created_at!: string;
  updated_at!: string;
  steps?: ExpenseRequestStep[];
  static tableName = 'expense_requests';
  static jsonAttributes = ['attachments'];
}

/** A double-entry-style ledger entry: one amount debited to one account and credited to another. */
export class LedgerEntry extends Model {
  id!: number;
  org_unit_id!: number;
  entry_date!: string;
  debit_account!: string;
  credit_account!: string;
  amount!: string;
  memo!: string | null;
  source_type!: string;
  source_id!: number | null;
  reverses_id!: number | null;
  created_by!: number | null;
  created_at!: string;
  static tableName = 'ledger_entries';
}

/** A closed month: no entry may be dated into it any more. */
export class LedgerPeriod extends Model {
  id!: number;
  period!: string;
  status!: 'closed';
  closed_by!: number | null;
  closed_at!: string;
  static tableName = 'ledger_periods';
}

/** A finance user of the group posted to a member as its chief accountant (总会计师委派). */
export class ChiefAccountantPosting extends Model {
  id!: number;
  user_id!: number;
  org_unit_id!: number;
  starts_on!: string;
  ends_on!: string | null;
  note!: string | null;
  static tableName = 'chief_accountant_postings';
}

/** Medical-risk fund (医疗风险金): monthly contributions, payouts for disputes, year-end returns. */
export class RiskFundEntry extends Model {
  id!: number;
  org_unit_id!: number;
  fund_year!: number;
  kind!: EnumValue<typeof FUND_KIND>;
  staff_id!: number | null;
  entry_date!: string;
  amount!: string;
  dispute_ref!: string | null;
  memo!: string | null;
  ledger_entry_id!: number | null;
  created_by!: number | null;
  created_at!: string;
  static tableName = 'risk_fund_entries';
}
