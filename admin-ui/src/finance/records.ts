// The finance records as the API answers them: the API's own models (api/finance/model.ts) as JSON,
// never re-declared here (import type only: nothing of api/ reaches the bundle). Money as decimal strings.
import type { AnswerOf, Json } from '../../../api/core/json';
import type { Budget, ExpenseRequest, readRequest, ExpenseRequestStep as Step, LedgerEntry, RiskFundEntry, SpendingLimit } from '../../../api/finance';

/** GET /api/budgets */
export type BudgetRecord = Json<Budget>;

/** GET /api/expense-requests */
export type ExpenseRequestRecord = Json<ExpenseRequest>;

/** GET /api/expense-requests/:id: a request with its approval chain and whether the caller may decide its pending step */
export type ExpenseRequestDetail = AnswerOf<typeof readRequest>;

/** One step of a request's approval chain, with its approver's unit and decider named */
export type ExpenseRequestStep = Json<Step>;

/** GET /api/ledger-entries */
export type LedgerEntryRecord = Json<LedgerEntry>;

/** GET /api/spending-limits */
export type SpendingLimitRecord = Json<SpendingLimit>;

/** GET /api/risk-fund-entries */
export type RiskFundRecord = Json<RiskFundEntry>;
