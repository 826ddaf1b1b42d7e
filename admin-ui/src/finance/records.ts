// The finance records as the API answers them (api/finance/model.ts): money as decimal strings.
import type { RaRecord } from 'react-admin';

/** GET /api/budgets */
export interface BudgetRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  year: number;
  account: string;
  amount: string;
  monthly: string[];
  version: number;
  previous_id: number | null;
  status: 'active' | 'superseded';
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

/** GET /api/expense-requests */
export interface ExpenseRequestRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  account: string;
  amount: string;
  purpose: string;
  attachments: { name: string; url?: string }[];
  request_date: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'paid';
  current_step: number | null;
  requested_by: number | null;
  budget_note: string | null;
  override_reason: string | null;
  /** the approval chain: on the request's own read (GET /api/expense-requests/:id), not on list rows */
  steps?: ExpenseRequestStep[];
}

/** One step of a request's approval chain, with its approver's unit and decider named */
export interface ExpenseRequestStep {
  id: number;
  seq: number;
  kind: string;
  approver_role: string;
  approver_unit_id: number | null;
  approver_unit_name: string | null;
  status: string;
  decided_by_name: string | null;
  decided_at: string | null;
  comment: string | null;
}

/** GET /api/ledger-entries */
export interface LedgerEntryRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  entry_date: string;
  debit_account: string;
  credit_account: string;
  amount: string;
  memo: string | null;
  source_type: string;
  source_id: number | null;
}

/** GET /api/ledger-periods */
/** GET /api/spending-limits */
export interface SpendingLimitRecord extends RaRecord {
  id: number;
  unit_level: number | null;
  account: string | null;
  min_amount: string;
  max_amount: string | null;
  steps: string[];
  description: string | null;
  active: boolean;
}

/** GET /api/risk-fund-entries */
export interface RiskFundRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  fund_year: number;
  kind: string;
  staff_id: number | null;
  entry_date: string;
  amount: string;
  dispute_ref: string | null;
  memo: string | null;
}
