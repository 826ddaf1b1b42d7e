// The finance domain's public face: the ledger and open commitments other domains post to and
// report, budget execution for the workbooks, and the rules the demo loader plans a year with.
export { periodClosed, postEntry } from './ledgerService';
export { countCommitments, type CommitmentsSql } from './commitments';
export { executionReport, type AccountExecution } from './service';
export { evenMonthly, pickLimitRule, resolveSteps, riskFundReturns, type LimitRule, type UnitNode } from './rules';
export { financeGrants } from './rules';
export { riskFundYearEnd } from './jobs';
// a person's own entries of the fund, beside what their pay runs withheld (api/pay/personFund.ts)
export { personFundEntries, type PersonFundEntry } from './riskFundService';
export { financeRouters } from './routes';
export { ACCOUNT_KIND, EXECUTION_COLUMN, FINANCE_ENUMS } from './enums';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { Budget, ExpenseRequest, ExpenseRequestStep, LedgerEntry, RiskFundEntry, SpendingLimit } from './model';
export type { readRequest } from './expenseService';
// the national monitoring indicators' reads of the ledger (api/monitoring)
export { personnelEntries, personnelSpendingByTier, type PersonnelEntry } from './monitoring';
