// Expense requests (支出申请) walking the chain the spending-limit matrix gives them: the budget
// check on submission and on final approval (stop or warn; an override needs a role and a
// reason), approval steps decided by eligible approvers only, payment posting to the ledger.
import type { PartialModelObject } from 'objection';
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction, type Audit } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import { db } from '../db/knex';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, forbidden, unprocessable } from '../core/errors';
import { fromFen, toFen, type Fen } from '../shared/money';
import { postEntry } from './ledgerService';
import { usersSql } from '../auth';
import { isAncestorOrSelfSql, joinUnit, unitsSql } from '../org';
import { Account, ExpenseRequest, ExpenseRequestStep, SpendingLimit } from './model';
import { budgetFigures, postedUnitIds } from './service';
import {
  OVERRIDE_ROLES,
  REQUEST_STATES,
  allowedTransitions,
  canTransition,
  checkBudget,
  mayDecide,
  pickLimitRule,
  resolveSteps,
  type RequestState,
  type UnitNode,
} from './rules';
import * as clock from '../core/clock';

export const expenseResource: ResourceDef<ExpenseRequest> = {
  name: 'expense-requests',
  model: ExpenseRequest,
  scope: scopeByUnit('expense_requests.org_unit_id'),
  list: {
    fields: {
      org_unit_id: 'int',
      account: 'text',
      status: REQUEST_STATES,
      request_date: 'date',
      requested_by: 'int',
      amount: 'decimal',
      created_at: 'timestamp',
    },
    search: ['expense_requests.purpose'],
    defaultSort: ['created_at', 'DESC'],
    custom: { awaiting_me: 'bool', mine: 'bool' },
  },
  // "my approvals": the pending step is one this user may decide, and the request is not theirs
  applyCustom: (qb, custom, actor) => {
    if (custom.mine) qb.where('expense_requests.requested_by', actor.id);
    if (!custom.awaiting_me) return;
    qb.whereNot('expense_requests.requested_by', actor.id).whereExists((s) =>
      s
        .from('expense_request_steps as s')
        .whereRaw('s.request_id = expense_requests.id')
        .where('s.status', 'pending')
        .where((w) => {
          if (actor.roles.includes('director')) w.orWhere((d) => d.where('s.approver_role', 'director').where('s.approver_unit_id', actor.orgUnitId));
          w.orWhereIn(
            's.approver_role',
            actor.roles.filter((r) => r !== 'director'),
          );
          w.orWhere((c) =>
            c
              .where('s.approver_role', 'chief_accountant')
              .whereRaw(
                's.approver_unit_id in (select org_unit_id from chief_accountant_postings where user_id = ? and starts_on <= ? and (ends_on is null or ends_on >= ?))',
                [actor.id, clock.today(), clock.today()],
              ),
          );
        }),
    );
  },
};

/** Attaches each request's steps (ordered, with the approving unit's name) in one query. */
export async function withSteps(requests: ExpenseRequest[], trx?: Knex.Transaction) {
  if (!requests.length) return requests;
  // the approving unit's name too: a requester may not be able to read the unit above
  const steps = await joinUnit(
    ExpenseRequestStep.query(trx).select('expense_request_steps.*', 'u.name as approver_unit_name'),
    'u',
    'expense_request_steps.approver_unit_id',
    'leftJoin',
  )
    .whereIn(
      'request_id',
      requests.map((r) => r.id),
    )
    .orderBy(['request_id', 'seq']);
  for (const r of requests) r.steps = steps.filter((s) => s.request_id === r.id);
  return requests;
}

/** A request with its steps and whether this actor may decide its pending step (the page shows the buttons by it). */
export async function readRequest(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'expense-requests', 'show');
  const [request] = await withSteps([await getRow(expenseResource, actor, id, trx)], trx);
  const pending = request.steps!.find((s) => s.status === 'pending');
  const who = {
    id: actor.id,
    roles: actor.roles,
    orgUnitId: actor.orgUnitId,
    postedUnitIds: pending ? await postedUnitIds(trx ?? db(), actor.id, clock.today()) : [],
  };
  return Object.assign(request, { can_decide: !!pending && mayDecide(pending, who, request.requested_by) });
}

/** The requesting unit and its ancestors (nearest first) with their directors. */
async function unitChain(trx: Knex.Transaction, unitId: number): Promise<UnitNode[]> {
  const { rows } = await trx.raw<{ rows: UnitNode[] }>(
    `select u.id, u.level, coalesce(array_agg(d.id) filter (where d.id is not null), '{}') as directors
       from ${unitsSql('u')}
       left join ${usersSql('d')} on d.org_unit_id = u.id and d.active and 'director' = any(d.roles)
      where ${isAncestorOrSelfSql('u', '?')}
      group by u.id, u.level order by u.level desc`,
    [unitId],
  );
  return rows;
}

/** Serialises budget checks of one unit, year and account (two requests racing for the last yuan). */
const budgetLock = (trx: Knex.Transaction, unitId: number, year: number, account: string) =>
  trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`budget:${unitId}:${year}:${account}`]);

/**
 * Checks the remaining budget for `amount`: a stop account refuses (422 with the figures)
 * unless the actor holds an override role and gives a reason; a warn account notes the overrun.
 */
async function budgetGate(
  trx: Knex.Transaction,
  audit: Audit,
  actor: Actor,
  req: { id?: number; org_unit_id: number; account: string; request_date: string },
  amount: Fen,
  overrideReason: string | undefined,
) {
  const year = Number(req.request_date.slice(0, 4));
  await budgetLock(trx, req.org_unit_id, year, req.account);
  const account = (await Account.query(trx).findOne({ code: req.account }))!;
  const figures = await budgetFigures(trx, req.org_unit_id, year, req.account);
  const check = checkBudget(figures, amount, account.over_budget, `${req.account} ${year} at unit ${req.org_unit_id}`);
  if (check.outcome === 'ok') return { budget_note: null };
  if (check.outcome === 'warn') return { budget_note: `warning: ${check.message}` };
  if (!overrideReason)
    throw unprocessable(check.message, { ...check.figures, over_budget: 'stop', override: `roles ${OVERRIDE_ROLES.join(', ')} may override with a reason` });
  if (!actor.roles.some((r) => OVERRIDE_ROLES.includes(r)))
    throw forbidden(`only ${OVERRIDE_ROLES.join(' or ')} may override a budget stop (${check.message})`);
  await audit({
    action: 'budget_override',
    resource: 'expense-requests',
    recordId: req.id ?? null,
    after: { ...check.figures, reason: overrideReason, account: req.account, org_unit_id: req.org_unit_id },
  });
  return { budget_note: `override: ${check.message}`, override_reason: overrideReason, override_by: actor.id || null };
}

export interface RequestInput {
  org_unit_id: number;
  account: string;
  amount: Fen;
  purpose: string;
  attachments?: { name: string; url?: string }[];
  request_date?: string;
  override_reason?: string;
}

/** Submits a request: budget check, the chain from the matrix, the first step pending. */
export function createRequest(actor: Actor, input: RequestInput) {
  assertCan(actor, 'expense-requests', 'create');
  if (input.override_reason !== undefined && !actor.roles.some((r) => OVERRIDE_ROLES.includes(r))) {
    throw forbidden(`only ${OVERRIDE_ROLES.join(' or ')} may override a budget stop`);
  }
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const account = await Account.query(trx).findOne({ code: input.account, active: true });
    if (!account || account.kind !== 'expense')
      throw unprocessable(`account ${input.account} is not an active expense account`, [{ field: 'account', message: 'must be an active expense account' }]);
    const request_date = input.request_date ?? clock.today();
    const chain = await unitChain(trx, input.org_unit_id);
    const rules = (await SpendingLimit.query(trx).where('active', true)).map((r) => ({
      ...r,
      min_amount: toFen(r.min_amount),
      max_amount: r.max_amount === null ? null : toFen(r.max_amount),
    }));
    const rule = pickLimitRule(rules, { level: chain[0].level, account: input.account, amount: input.amount });
    if (!rule) throw unprocessable(`no spending-limit rule covers ${fromFen(input.amount)} on ${input.account} at level ${chain[0].level}`);
    const posted = await trx('chief_accountant_postings')
      .select<{ org_unit_id: number }[]>('org_unit_id')
      .whereIn(
        'org_unit_id',
        chain.map((u) => u.id),
      )
      .where('starts_on', '<=', request_date)
      .where((w) => w.whereNull('ends_on').orWhere('ends_on', '>=', request_date));
    const postedUnit = chain.find((u) => posted.some((p) => p.org_unit_id === u.id));
    const resolved = resolveSteps(rule.steps, chain, actor.id, postedUnit?.id ?? null);
    if ('problem' in resolved) throw unprocessable(`cannot route the request: ${resolved.problem}`);

    const gate = await budgetGate(trx, audit, actor, { ...input, request_date }, input.amount, input.override_reason);
    const request = await ExpenseRequest.query(trx).insertAndFetch({
      org_unit_id: input.org_unit_id,
      account: input.account,
      amount: fromFen(input.amount),
      purpose: input.purpose,
      attachments: input.attachments ?? [],
      request_date,
      status: 'pending',
      current_step: 1,
      requested_by: actor.id || null,
      ...gate,
    });
    await ExpenseRequestStep.query(trx).insert(
      resolved.map((s): PartialModelObject<ExpenseRequestStep> => ({ ...s, request_id: request.id, status: s.seq === 1 ? 'pending' : 'waiting' })),
    );
    const [full] = await withSteps([request], trx);
    await audit({ action: 'create', resource: 'expense-requests', recordId: request.id, after: full });
    return full;
  });
}

function assertTransition(request: ExpenseRequest, to: RequestState) {
  if (!canTransition(request.status, to)) {
    const allowed = allowedTransitions(request.status);
    throw conflict(`expense request ${request.id} is ${request.status}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`, {
      status: request.status,
      allowed,
    });
  }
}

async function lockedRequest(trx: Knex.Transaction, actor: Actor, id: number) {
  await getRow(expenseResource, actor, id, trx);
  await lockRow(trx, 'expense_requests', id);
  const [request] = await withSteps([(await ExpenseRequest.query(trx).findById(id))!], trx);
  return request;
}

/** The pending step, checked to be one this actor may decide. */
async function decidableStep(trx: Knex.Transaction, actor: Actor, request: ExpenseRequest) {
  const step = request.steps!.find((s) => s.status === 'pending')!;
  if (request.requested_by === actor.id) throw forbidden(`you raised expense request ${request.id}: nobody approves their own request`);
  const who = { id: actor.id, roles: actor.roles, orgUnitId: actor.orgUnitId, postedUnitIds: await postedUnitIds(trx, actor.id, clock.today()) };
  if (!mayDecide(step, who, request.requested_by)) {
    throw forbidden(`step ${step.seq} (${step.kind}) waits for ${step.approver_role}${step.approver_unit_id ? ` of unit ${step.approver_unit_id}` : ''}`);
  }
  return step;
}

async function decideStep(trx: Knex.Transaction, actor: Actor, step: ExpenseRequestStep, status: 'approved' | 'rejected', comment: string | undefined) {
  return ExpenseRequestStep.query(trx).patchAndFetchById(step.id, {
    status,
    decided_by: actor.id || null,
    decided_by_name: actor.displayName,
    decided_at: clock.nowIso(),
    comment: comment ?? null,
  });
}

export function approveRequest(actor: Actor, id: number, input: { comment?: string; override_reason?: string }) {
  assertCan(actor, 'expense-requests', 'approve');
  return inTransaction(actor, async (trx, audit) => {
    const request = await lockedRequest(trx, actor, id);
    assertTransition(request, 'approved');
    const step = await decidableStep(trx, actor, request);
    await decideStep(trx, actor, step, 'approved', input.comment);
    const next = request.steps!.find((s) => s.seq === step.seq + 1);
    let patch: Partial<ExpenseRequest>;
    if (next) {
      await ExpenseRequestStep.query(trx).patchAndFetchById(next.id, { status: 'pending' });
      patch = { current_step: next.seq };
    } else {
      // the last approval commits the money: the budget is checked again at this moment
      const gate = request.override_reason ? {} : await budgetGate(trx, audit, actor, request, toFen(request.amount), input.override_reason);
      patch = { ...gate, status: 'approved', current_step: null, decided_at: clock.nowIso() };
    }
    await ExpenseRequest.query(trx)
      .patch({ ...patch, updated_at: clock.nowIso() })
      .where('id', id);
    const after = await readRequest(actor, id, trx);
    await audit({ action: 'approve', resource: 'expense-requests', recordId: id, before: request, after });
    return after;
  });
}

export function rejectRequest(actor: Actor, id: number, input: { comment: string }) {
  assertCan(actor, 'expense-requests', 'reject');
  return inTransaction(actor, async (trx, audit) => {
    const request = await lockedRequest(trx, actor, id);
    assertTransition(request, 'rejected');
    const step = await decidableStep(trx, actor, request);
    await decideStep(trx, actor, step, 'rejected', input.comment);
    await ExpenseRequestStep.query(trx).patch({ status: 'skipped' }).where('request_id', id).where('status', 'waiting');
    await ExpenseRequest.query(trx).patch({ status: 'rejected', current_step: null, decided_at: clock.nowIso(), updated_at: clock.nowIso() }).where('id', id);
    const after = await readRequest(actor, id, trx);
    await audit({ action: 'reject', resource: 'expense-requests', recordId: id, before: request, after });
    return after;
  });
}

/** The requester (or group finance) withdraws a pending request or releases an unpaid approval. */
export function cancelRequest(actor: Actor, id: number, input: { reason: string }) {
  assertCan(actor, 'expense-requests', 'cancel');
  return inTransaction(actor, async (trx, audit) => {
    const request = await lockedRequest(trx, actor, id);
    assertTransition(request, 'cancelled');
    if (request.requested_by !== actor.id && !actor.roles.includes('group_finance'))
      throw forbidden('only the requester or group finance may cancel a request');
    await ExpenseRequestStep.query(trx).patch({ status: 'skipped' }).where('request_id', id).whereIn('status', ['waiting', 'pending']);
    await ExpenseRequest.query(trx).patch({ status: 'cancelled', current_step: null, budget_note: input.reason, updated_at: clock.nowIso() }).where('id', id);
    const after = await readRequest(actor, id, trx);
    await audit({ action: 'cancel', resource: 'expense-requests', recordId: id, before: request, after });
    return after;
  });
}

/** Payment: the commitment becomes a posted ledger entry (debit the expense account, credit bank). */
export function payRequest(actor: Actor, id: number, input: { paid_on?: string }) {
  assertCan(actor, 'expense-requests', 'pay');
  return inTransaction(actor, async (trx, audit) => {
    const request = await lockedRequest(trx, actor, id);
    assertTransition(request, 'paid');
    const paidOn = input.paid_on ?? clock.today();
    if (paidOn < request.request_date)
      throw badRequest('paid_on is before the request date', [{ field: 'paid_on', message: `must be on or after ${request.request_date}` }]);
    const entry = await postEntry(trx, audit, actor, {
      org_unit_id: request.org_unit_id,
      entry_date: paidOn,
      debit_account: request.account,
      credit_account: 'bank',
      amount: toFen(request.amount),
      memo: `支出申请 #${id}：${request.purpose}`,
      source_type: 'expense-requests',
      source_id: id,
    });
    await ExpenseRequest.query(trx).patch({ status: 'paid', paid_at: clock.nowIso(), updated_at: clock.nowIso() }).where('id', id);
    const after = await readRequest(actor, id, trx);
    await audit({ action: 'pay', resource: 'expense-requests', recordId: id, before: request, after: { ...after, ledger_entry_id: entry.id } });
    return { ...after, ledger_entry_id: entry.id };
  });
}
