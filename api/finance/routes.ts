import { z } from 'zod';
import { answerList, mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, isoDate, moneyInput, parse, positiveId } from '../http/validate';
import { balances, closePeriod, createEntry, ledgerPeriodResource, ledgerResource, reverseEntry } from './ledgerService';
import { approveRequest, cancelRequest, createRequest, expenseResource, payRequest, readRequest, rejectRequest, withSteps } from './expenseService';
import { contributeMonth, payout, riskFundResource, summary, yearEndReturn } from './riskFundService';
import { accountResource, budgetResource, createBudget, execution, postingResource, reviseBudget, spendingLimitResource } from './service';
import { OVER_BUDGET_MODES, STEP_KINDS } from './rules';

const date = isoDate;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const year = z.coerce.number().int().min(2000).max(2100);
const id = positiveId;
const positive = moneyInput.refine((f) => f > 0n, 'must be greater than 0');
const nonNegative = moneyInput.refine((f) => f >= 0n, 'cannot be negative');

// ---- accounts and configuration ---------------------------------------------------------

export const accountRoutes = mountCrud(new ApiRouter('/accounts', 'finance'), accountResource, {
  label: 'accounts',
  update: z
    .strictObject({ name: z.string().trim().min(1).max(100), over_budget: z.enum(OVER_BUDGET_MODES), active: z.boolean(), sort: z.number().int() })
    .partial(),
  echoed: ['code', 'kind'],
  readOnly: true,
});

const limitFields = {
  unit_level: z.number().int().min(1).max(9).nullable(),
  account: z.string().nullable(),
  min_amount: nonNegative,
  max_amount: positive.nullable(),
  steps: z.array(z.enum(STEP_KINDS)).min(1).max(6),
  description: z.string().max(200).nullable().optional(),
  active: z.boolean().optional(),
};
export const spendingLimitRoutes = mountCrud(new ApiRouter('/spending-limits', 'finance'), spendingLimitResource, {
  label: 'spending-limit rules',
  create: z.strictObject(limitFields),
  update: z.strictObject(limitFields).partial(),
});

const postingFields = { user_id: id, org_unit_id: id, starts_on: date, ends_on: date.nullable().optional(), note: z.string().max(200).nullable().optional() };
export const postingRoutes = mountCrud(new ApiRouter('/chief-accountant-postings', 'finance'), postingResource, {
  label: 'chief accountant postings',
  create: z.strictObject(postingFields),
  update: z.strictObject(postingFields).partial(),
});

// ---- budgets ---------------------------------------------------------------------------

const budgetBody = z.strictObject({
  org_unit_id: id,
  year,
  account: z.string().min(1),
  amount: nonNegative,
  monthly: z.array(nonNegative).optional(),
  reason: z.string().max(500).optional(),
});
const reviseBody = z.strictObject({ amount: nonNegative, monthly: z.array(nonNegative).optional(), reason: z.string().trim().min(1).max(500) });
const executionQuery = z.object({ year, org_unit_id: z.coerce.number().int().positive().optional() });

export const budgetRoutes = new ApiRouter('/budgets', 'finance')
  .get('/execution', { summary: 'Budget vs actual of a unit and its child units, rolled up, per account', query: executionQuery }, (req) =>
    execution(req.actor, parse(executionQuery, req.query, 'query')),
  )
  .post('/', { summary: 'Approve a yearly budget of a unit on an account (monthly split adds up to the year)', body: budgetBody }, (req) =>
    createBudget(req.actor, parse(budgetBody, req.body)),
  )
  .post('/:id/revise', { summary: 'Revise a budget: a new version linked to the old', body: reviseBody }, (req) =>
    reviseBudget(req.actor, idParam(req.params.id), parse(reviseBody, req.body)),
  );
mountCrud(budgetRoutes, budgetResource, { label: 'budgets', readOnly: true });

// ---- expense requests -------------------------------------------------------------------

const requestBody = z.strictObject({
  org_unit_id: id,
  account: z.string().min(1),
  amount: positive,
  purpose: z.string().trim().min(1).max(500),
  attachments: z
    .array(z.strictObject({ name: z.string().min(1).max(200), url: z.string().max(500).optional() }))
    .max(20)
    .optional(),
  request_date: date.optional(),
  override_reason: z.string().trim().min(1).max(500).optional(),
});
const approveBody = z.strictObject({ comment: z.string().max(500).optional(), override_reason: z.string().trim().min(1).max(500).optional() });
const rejectBody = z.strictObject({ comment: z.string().trim().min(1, 'a rejection needs a comment').max(500) });
const cancelBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
const payBody = z.strictObject({ paid_on: date.optional() });

export const expenseRoutes = new ApiRouter('/expense-requests', 'finance')
  .get('/', { summary: 'List expense requests (filter awaiting_me=true: my approvals inbox)', list: true }, (req, res) =>
    answerList(expenseResource, req, res, withSteps),
  )
  .get('/:id', { summary: 'Read an expense request with its approval chain' }, (req) => readRequest(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Submit an expense request: budget check, then the chain of the spending-limit matrix', body: requestBody }, (req) =>
    createRequest(req.actor, parse(requestBody, req.body)),
  )
  .post('/:id/approve', { summary: 'Approve the pending step (the last one commits the money)', body: approveBody }, (req) =>
    approveRequest(req.actor, idParam(req.params.id), parse(approveBody, req.body ?? {})),
  )
  .post('/:id/reject', { summary: 'Reject at the pending step, with a comment', body: rejectBody }, (req) =>
    rejectRequest(req.actor, idParam(req.params.id), parse(rejectBody, req.body)),
  )
  .post('/:id/cancel', { summary: 'Withdraw a pending or unpaid request', body: cancelBody }, (req) =>
    cancelRequest(req.actor, idParam(req.params.id), parse(cancelBody, req.body)),
  )
  .post('/:id/pay', { summary: 'Pay an approved request: posts the ledger entry', body: payBody }, (req) =>
    payRequest(req.actor, idParam(req.params.id), parse(payBody, req.body ?? {})),
  );

// ---- ledger ----------------------------------------------------------------------------

const entryBody = z.strictObject({
  org_unit_id: id,
  entry_date: date,
  debit_account: z.string().min(1),
  credit_account: z.string().min(1),
  amount: positive,
  memo: z.string().max(500).nullable().optional(),
});
const reverseBody = z.strictObject({ entry_date: date, memo: z.string().max(500).optional() });
const balanceQuery = z.object({ org_unit_id: z.coerce.number().int().positive(), from: date, to: date });

export const ledgerRoutes = new ApiRouter('/ledger-entries', 'finance')
  .get('/balances', { summary: 'Debit, credit and balance per account for a unit and below', query: balanceQuery }, (req) =>
    balances(req.actor, parse(balanceQuery, req.query, 'query')),
  )
  .post('/', { summary: 'Post a manual entry (409 into a closed month)', body: entryBody }, (req) => createEntry(req.actor, parse(entryBody, req.body)))
  .post('/:id/reverse', { summary: 'Reverse an entry by a linked correction in an open month', body: reverseBody }, (req) =>
    reverseEntry(req.actor, idParam(req.params.id), parse(reverseBody, req.body)),
  );
mountCrud(ledgerRoutes, ledgerResource, { label: 'ledger entries', readOnly: true });

const closeBody = z.strictObject({ period: month });
export const ledgerPeriodRoutes = new ApiRouter('/ledger-periods', 'finance').post(
  '/',
  { summary: 'Close a month: later entries into it are refused', body: closeBody },
  (req) => closePeriod(req.actor, parse(closeBody, req.body).period),
);
mountCrud(ledgerPeriodRoutes, ledgerPeriodResource, { label: 'closed ledger periods', readOnly: true });

// ---- medical-risk fund --------------------------------------------------------------------

const contributeBody = z.strictObject({ org_unit_id: id, month, amount: positive });
const payoutBody = z.strictObject({
  org_unit_id: id,
  entry_date: date,
  amount: positive,
  dispute_ref: z.string().trim().min(1).max(100),
  memo: z.string().max(500).optional(),
});
const returnBody = z.strictObject({ org_unit_id: id, fund_year: year, return_date: date.optional() });
const summaryQuery = z.object({ org_unit_id: z.coerce.number().int().positive(), fund_year: year });

export const riskFundRoutes = new ApiRouter('/risk-fund-entries', 'finance')
  .get('/summary', { summary: "A unit's fund for a year: contributions, payouts, returned, balance", query: summaryQuery }, (req) =>
    summary(req.actor, parse(summaryQuery, req.query, 'query')),
  )
  .post('/contributions', { summary: "One month's contribution of every active staff member employed by the unit", body: contributeBody }, (req) =>
    contributeMonth(req.actor, parse(contributeBody, req.body)),
  )
  .post('/payouts', { summary: 'Pay a settled dispute from the fund', body: payoutBody }, (req) => payout(req.actor, parse(payoutBody, req.body)))
  .post('/year-end-return', { summary: 'Return the year’s balance to contributors pro rata (exact to the fen)', body: returnBody }, (req) =>
    yearEndReturn(req.actor, parse(returnBody, req.body)),
  );
mountCrud(riskFundRoutes, riskFundResource, { label: 'risk-fund entries', readOnly: true });

export const financeRouters = [
  accountRoutes,
  budgetRoutes,
  expenseRoutes,
  ledgerRoutes,
  ledgerPeriodRoutes,
  spendingLimitRoutes,
  postingRoutes,
  riskFundRoutes,
];
