// Budgets (核定收支) and budget vs actual, plus the configuration resources of finance:
// accounts, the spending-limit matrix and chief-accountant postings.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import { db } from '../db/knex';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, unprocessable } from '../core/errors';
import { fromFen, toFen, type Fen } from '../shared/money';
import { userById } from '../auth';
import { subtreeUnitIds, unitsSql } from '../org';
import { openCommitmentsSql } from './commitments';
import { Account, Budget, ChiefAccountantPosting, SpendingLimit } from './model';
import { evenMonthly, monthlyProblem, type BudgetFigures } from './rules';
import * as clock from '../core/clock';

export const accountResource: ResourceDef<Account> = {
  name: 'accounts',
  model: Account,
  scope: (qb) => qb,
  list: {
    fields: { code: 'text', name: 'text', kind: 'text', over_budget: 'text', active: 'bool', sort: 'int' },
    search: ['accounts.name', 'accounts.code'],
    defaultSort: ['sort', 'ASC'],
  },
};

export const spendingLimitResource: ResourceDef<SpendingLimit> = {
  name: 'spending-limits',
  model: SpendingLimit,
  scope: (qb) => qb,
  list: {
    fields: { unit_level: 'int', account: 'text', active: 'bool', min_amount: 'decimal' },
    search: ['spending_limits.description'],
    defaultSort: ['unit_level', 'ASC'],
  },
  prepareCreate: async (data, trx) => checkLimitAccount(data, trx),
  prepareUpdate: async (data, _c, trx) => checkLimitAccount(data, trx),
};

async function checkLimitAccount(data: Record<string, unknown>, trx: Knex.Transaction) {
  if (typeof data.account === 'string' && data.account) await expenseAccount(trx, data.account);
  for (const k of ['min_amount', 'max_amount'] as const) if (typeof data[k] === 'bigint') data[k] = fromFen(data[k]);
  return data;
}

export const postingResource: ResourceDef<ChiefAccountantPosting> = {
  name: 'chief-accountant-postings',
  model: ChiefAccountantPosting,
  scope: scopeByUnit('chief_accountant_postings.org_unit_id'),
  list: { fields: { user_id: 'int', org_unit_id: 'int', starts_on: 'date', ends_on: 'date' }, defaultSort: ['starts_on', 'DESC'] },
  unitOf: (data) => data.org_unit_id as number | undefined,
  prepareCreate: (data, trx) => checkPosting(data, trx),
  prepareUpdate: (data, current, trx) => checkPosting({ ...current, ...data }, trx, current.id).then(() => data),
};

/** A posting is of a finance user of the group, and a unit has one chief accountant at a time. */
async function checkPosting(data: Record<string, unknown>, trx: Knex.Transaction, selfId?: number) {
  const user = await userById(data.user_id as number, ['roles'], trx);
  if (!user || !user.roles.includes('group_finance')) {
    throw unprocessable('a chief accountant is a group finance user', [{ field: 'user_id', message: 'must be a user with role group_finance' }]);
  }
  const overlap = await trx('chief_accountant_postings')
    .where('org_unit_id', data.org_unit_id as number)
    .whereNot('id', selfId ?? 0)
    .whereRaw("daterange(starts_on, coalesce(ends_on, 'infinity'::date), '[]') && daterange(?::date, coalesce(?::date, 'infinity'::date), '[]')", [
      data.starts_on as string,
      (data.ends_on as string | null) ?? null,
    ])
    .first<Pick<ChiefAccountantPosting, 'id' | 'starts_on'> | undefined>();
  if (overlap) throw conflict(`unit ${data.org_unit_id as number} already has a chief accountant from ${overlap.starts_on} (posting ${overlap.id})`);
  return data;
}

/** Units (this one first, then ancestors) where a user is posted as chief accountant on `day`. */
export async function postedUnitIds(trx: Knex | Knex.Transaction, userId: number, day: string): Promise<number[]> {
  const rows = await trx('chief_accountant_postings')
    .select<{ org_unit_id: number }[]>('org_unit_id')
    .where('user_id', userId)
    .where('starts_on', '<=', day)
    .where((w) => w.whereNull('ends_on').orWhere('ends_on', '>=', day));
  return rows.map((r) => r.org_unit_id);
}

// ---- budgets ---------------------------------------------------------------------------

export const budgetResource: ResourceDef<Budget> = {
  name: 'budgets',
  model: Budget,
  scope: scopeByUnit('budgets.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', year: 'int', account: 'text', status: ['active', 'superseded'], version: 'int', previous_id: 'int' },
    defaultSort: ['org_unit_id', 'ASC'],
  },
};

async function expenseAccount(trx: Knex.Transaction | Knex, code: string, kinds = ['expense']) {
  const account = await Account.query(trx).findOne({ code, active: true });
  if (!account || !kinds.includes(account.kind)) {
    throw unprocessable(`account ${code} is not an active ${kinds.join(' or ')} account`, [
      { field: 'account', message: `must be an active ${kinds.join('/')} account` },
    ]);
  }
  return account;
}

function budgetAmounts(amount: Fen, monthly: Fen[] | undefined) {
  const months = monthly ?? evenMonthly(amount);
  const problem = monthlyProblem(amount, months);
  if (problem) throw badRequest(problem, [{ field: 'monthly', message: problem }]);
  return { amount: fromFen(amount), monthly: months.map(fromFen) };
}

export interface BudgetInput {
  org_unit_id: number;
  year: number;
  account: string;
  amount: Fen;
  monthly?: Fen[];
  reason?: string;
}

export function createBudget(actor: Actor, input: BudgetInput) {
  assertCan(actor, 'budgets', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    await expenseAccount(trx, input.account, ['expense', 'income']);
    const existing = await Budget.query(trx).findOne({ org_unit_id: input.org_unit_id, year: input.year, account: input.account, status: 'active' });
    if (existing) throw conflict(`unit ${input.org_unit_id} already has a ${input.year} budget on ${input.account} (budget ${existing.id}); revise it instead`);
    const created = await Budget.query(trx).insertAndFetch({
      org_unit_id: input.org_unit_id,
      year: input.year,
      account: input.account,
      ...budgetAmounts(input.amount, input.monthly),
      reason: input.reason ?? null,
      created_by: actor.id || null,
    });
    await audit({ action: 'create', resource: 'budgets', recordId: created.id, after: created });
    return created;
  });
}

/** A revision: a new version linked to the old, which is kept as superseded. */
export function reviseBudget(actor: Actor, id: number, input: { amount: Fen; monthly?: Fen[]; reason: string }) {
  assertCan(actor, 'budgets', 'revise');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(budgetResource, actor, id, trx);
    await lockRow(trx, 'budgets', id);
    const fresh = await Budget.query(trx).findById(id);
    if (fresh!.status !== 'active') throw conflict(`budget ${id} is superseded; revise the active version`, { allowed: [] });
    const old = await Budget.query(trx).patchAndFetchById(id, { status: 'superseded', updated_at: clock.nowIso() });
    const next = await Budget.query(trx).insertAndFetch({
      org_unit_id: current.org_unit_id,
      year: current.year,
      account: current.account,
      ...budgetAmounts(input.amount, input.monthly),
      version: current.version + 1,
      previous_id: id,
      reason: input.reason,
      created_by: actor.id || null,
    });
    await audit({ action: 'supersede', resource: 'budgets', recordId: id, before: current, after: old });
    await audit({ action: 'revise', resource: 'budgets', recordId: next.id, after: next });
    return next;
  });
}

const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

/** Budget, posted spending and open commitments of one unit (its own, not rolled up) on one account. */
export async function budgetFigures(trx: Knex.Transaction, unitId: number, year: number, account: string): Promise<BudgetFigures> {
  const [from, to] = yearRange(year);
  const { rows } = await trx.raw<{ rows: { budget: string; posted: string; committed: string }[] }>(
    `select
       (select coalesce(sum(amount), 0) from budgets where org_unit_id = :unit and year = :year and account = :account and status = 'active')::text as budget,
       (select coalesce(sum(case when debit_account = :account then amount else -amount end), 0) from ledger_entries
         where org_unit_id = :unit and entry_date >= :from and entry_date < :to and (debit_account = :account or credit_account = :account))::text as posted,
       ((select coalesce(sum(amount), 0) from expense_requests where org_unit_id = :unit and account = :account and status = 'approved' and request_date >= :from and request_date < :to)
        + (select coalesce(sum(amount), 0) from (${openCommitmentsSql(':unit', ':from', ':to')}) pc where pc.account = :account))::text as committed`,
    { unit: unitId, year, account, from, to },
  );
  return { budget: toFen(rows[0].budget), posted: toFen(rows[0].posted), committed: toFen(rows[0].committed) };
}

export interface ExecutionRow {
  org_unit_id: number;
  code: string;
  name: string;
  level: number;
  parent_id: number | null;
  account: string;
  account_name: string;
  kind: 'expense' | 'income';
  budget: string;
  posted: string;
  committed: string;
}

/**
 * Budget vs actual rolled up the hierarchy: for the unit and its descendants down to `depth`
 * levels below it, every expense and income account with the sums of the unit's whole
 * subtree. One grouped statement: facts per unit and account first, then the roll-up.
 */
export async function executionRows(year: number, rootId: number, depth: number): Promise<ExecutionRow[]> {
  const [from, to] = yearRange(year);
  // the subtree's ids as a constant array: the planner then sees how much of the ledger it covers
  const ids = await subtreeUnitIds(rootId);
  const { rows } = await db().raw<{ rows: ExecutionRow[] }>(
    `with root as (select path from ${unitsSql('u')} where u.id = ?),
     facts as (
       select org_unit_id, account, sum(budget) as budget, sum(posted) as posted, sum(committed) as committed from (
         select org_unit_id, account, amount as budget, 0::numeric as posted, 0::numeric as committed
           from budgets where year = ? and status = 'active' and org_unit_id = any(?::int[])
         union all
         -- one pass over the year's entries grouped by both accounts, then each side signed
         select l.org_unit_id, x.account, 0, sum(x.amount), 0
           from (select org_unit_id, debit_account, credit_account, sum(amount) as amount
                   from ledger_entries
                  where entry_date >= ? and entry_date < ? and org_unit_id = any(?::int[])
                  group by 1, 2, 3) l
           cross join lateral (values (l.debit_account, l.amount), (l.credit_account, -l.amount)) x(account, amount)
          group by 1, 2
         union all
         select org_unit_id, account, 0, 0, sum(amount) from expense_requests
          where status = 'approved' and request_date >= ? and request_date < ? and org_unit_id = any(?::int[])
          group by 1, 2
         union all
         select org_unit_id, account, 0, 0, amount from (${openCommitmentsSql('select unnest(?::int[])')}) pc
       ) f group by 1, 2),
     targets as (
       select u.id, u.code, u.name, u.level, u.parent_id, u.path from ${unitsSql('u')}
        where u.path <@ (select path from root) and nlevel(u.path) <= nlevel((select path from root)) + ?),
     rolled as (
       select t.id, f.account, sum(f.budget) as budget, sum(f.posted) as posted, sum(f.committed) as committed
         from targets t join ${unitsSql('m')} on m.path <@ t.path join facts f on f.org_unit_id = m.id
        group by t.id, f.account)
     select t.id as org_unit_id, t.code, t.name, t.level, t.parent_id, a.code as account, a.name as account_name, a.kind,
            coalesce(r.budget, 0)::text as budget,
            (case when a.kind = 'expense' then coalesce(r.posted, 0) else -coalesce(r.posted, 0) end)::text as posted,
            coalesce(r.committed, 0)::text as committed
       from targets t cross join accounts a
       left join rolled r on r.id = t.id and r.account = a.code
      where a.kind in ('expense', 'income') and a.active
      order by t.path, a.sort`,
    [rootId, year, ids, from, to, ids, from, to, ids, from, to, ids, depth],
  );
  return rows;
}

export interface AccountExecution {
  account: string;
  name: string;
  kind: string;
  budget: string;
  posted: string;
  committed: string;
  consumed: string;
  remaining: string;
  /** consumed / budget, 4 decimals; null without a budget */
  rate: number | null;
}

function figures(r: ExecutionRow): AccountExecution {
  const [budget, posted, committed] = [toFen(r.budget), toFen(r.posted), toFen(r.committed)];
  const consumed = posted + committed;
  return {
    account: r.account,
    name: r.account_name,
    kind: r.kind,
    budget: fromFen(budget),
    posted: fromFen(posted),
    committed: fromFen(committed),
    consumed: fromFen(consumed),
    remaining: fromFen(budget - consumed),
    rate: budget === 0n ? null : Number((consumed * 10000n) / budget) / 10000,
  };
}

function totals(accounts: AccountExecution[], kind: string) {
  const of = accounts.filter((a) => a.kind === kind);
  const sum = (k: 'budget' | 'consumed') => of.reduce((s, a) => s + toFen(a[k]), 0n);
  const budget = sum('budget');
  const consumed = sum('consumed');
  return {
    budget: fromFen(budget),
    consumed: fromFen(consumed),
    remaining: fromFen(budget - consumed),
    rate: budget === 0n ? null : Number((consumed * 10000n) / budget) / 10000,
  };
}

/** Groups execution rows per unit, with expense and income totals. */
export function executionByUnit(rows: ExecutionRow[]) {
  const units = new Map<number, { id: number; code: string; name: string; level: number; parent_id: number | null; accounts: AccountExecution[] }>();
  for (const r of rows) {
    const u = units.get(r.org_unit_id) ?? { id: r.org_unit_id, code: r.code, name: r.name, level: r.level, parent_id: r.parent_id, accounts: [] };
    u.accounts.push(figures(r));
    units.set(r.org_unit_id, u);
  }
  return [...units.values()].map((u) => ({ ...u, expense: totals(u.accounts, 'expense'), income: totals(u.accounts, 'income') }));
}

/** The workbook's answer: every unit of the subtree (each rolled up) per account, the root first; only a unit of the caller's scope. */
export async function executionReport(actor: Actor, q: { year: number; org_unit_id?: number }) {
  assertCan(actor, 'budgets', 'export');
  const rootId = q.org_unit_id ?? actor.orgUnitId;
  await assertUnitInScope(actor, rootId);
  return executionByUnit(await executionRows(q.year, rootId, 100));
}

/** The screen's answer: a unit (rolled up) and its child units (each rolled up), per account. */
export async function execution(actor: Actor, q: { year: number; org_unit_id?: number }) {
  assertCan(actor, 'budgets', 'list');
  const rootId = q.org_unit_id ?? actor.orgUnitId;
  if (q.org_unit_id !== undefined) await assertUnitInScope(actor, rootId);
  const [unit, ...children] = executionByUnit(await executionRows(q.year, rootId, 1));
  return { year: q.year, unit, children };
}
