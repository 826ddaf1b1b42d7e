// Actions against a prescriber (约谈, 停用 a drug, 处罚), tracked to closure: one audit row per step.
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../../core/crud';
import { badRequest, conflict, unprocessable } from '../../core/errors';
import { scopeByUnit } from '../../core/scope';
import * as clock from '../../core/clock';
import { staffNames } from '../../hr';
import { PRESCRIBER_ACTION_KIND, PRESCRIBER_ACTION_STATUS } from '../enums';
import { PrescriberAction } from '../model';
import { actionMachine, actionProblems } from '../rules';
import { prescriptionResource } from './prescriptions';

export const actionResource: ResourceDef<PrescriberAction> = {
  name: 'prescriber-actions',
  model: PrescriberAction,
  scope: scopeByUnit('prescriber_actions.org_unit_id'),
  list: {
    fields: {
      kind: PRESCRIBER_ACTION_KIND.values,
      status: PRESCRIBER_ACTION_STATUS.values,
      org_unit_id: 'int',
      prescriber_staff_id: 'int',
      prescriber_name: 'text',
      prescription_id: 'int',
      due_on: 'date',
      created_at: 'timestamp',
    },
    search: ['prescriber_actions.prescriber_name', 'prescriber_actions.reason', 'prescriber_actions.drug_name'],
    defaultSort: ['created_at', 'DESC'],
  },
};

export interface ActionInput {
  kind: 'interview' | 'suspend' | 'penalty';
  prescription_id?: number | null;
  org_unit_id?: number | null;
  prescriber_name?: string | null;
  prescriber_staff_id?: number | null;
  drug_name?: string | null;
  amount?: string | null;
  reason: string;
  due_on?: string | null;
}

/** Opens an action against a prescriber: from one of their prescriptions, or naming the unit and the prescriber. */
export function createAction(actor: Actor, input: ActionInput) {
  assertCan(actor, 'prescriber-actions', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const problems = actionProblems(input);
    let who: Pick<PrescriberAction, 'org_unit_id' | 'prescriber_name' | 'prescriber_staff_id'>;
    if (input.prescription_id != null) {
      if (input.org_unit_id != null || input.prescriber_name != null || input.prescriber_staff_id != null)
        problems.push({ field: 'prescription_id', message: 'the prescription names the unit and the prescriber: give one or the other' });
      const rx = await getRow(prescriptionResource, actor, input.prescription_id, trx);
      who = { org_unit_id: rx.org_unit_id, prescriber_name: rx.prescriber_name, prescriber_staff_id: rx.prescriber_staff_id };
    } else {
      if (input.org_unit_id == null) problems.push({ field: 'org_unit_id', message: 'the unit, or prescription_id' });
      if (!input.prescriber_name) problems.push({ field: 'prescriber_name', message: 'the prescriber, or prescription_id' });
      who = { org_unit_id: input.org_unit_id!, prescriber_name: input.prescriber_name!, prescriber_staff_id: input.prescriber_staff_id ?? null };
    }
    if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
    await assertUnitInScope(actor, who.org_unit_id, 'org_unit_id', trx);
    if (who.prescriber_staff_id != null && !(await staffNames([who.prescriber_staff_id], trx)).has(who.prescriber_staff_id))
      throw unprocessable('no such staff member', [{ field: 'prescriber_staff_id', message: 'not in the HR registry' }]);
    const created = await PrescriberAction.query(trx).insertAndFetch({
      kind: input.kind,
      ...who,
      prescription_id: input.prescription_id != null ? String(input.prescription_id) : null,
      drug_name: input.drug_name ?? null,
      amount: input.amount ?? null,
      reason: input.reason,
      due_on: input.due_on ?? null,
      status: 'open',
      created_by: actor.id || null,
    });
    await audit({ action: 'create', resource: 'prescriber-actions', recordId: created.id, after: created });
    return created;
  });
}

/** Closes an action with its outcome (a suspension is lifted), or cancels it; any other step from its status is a 409 naming the allowed ones. */
export function actionStep(actor: Actor, id: number, step: 'close' | 'cancel', input: { outcome: string }) {
  assertCan(actor, 'prescriber-actions', step);
  return inTransaction(actor, async (trx, audit) => {
    await getRow(actionResource, actor, id, trx);
    await lockRow(trx, PrescriberAction.tableName, id);
    const current = (await PrescriberAction.query(trx).findById(id))!;
    const next = actionMachine.nextStatus(current.status, step);
    if ('problem' in next) throw conflict(next.problem, { status: current.status, allowed: next.allowed });
    const after = await PrescriberAction.query(trx).patchAndFetchById(id, {
      status: next.to,
      outcome: input.outcome,
      closed_at: clock.nowIso(),
      closed_by: actor.id || null,
      updated_at: clock.nowIso(),
    });
    await audit({ action: step, resource: 'prescriber-actions', recordId: id, before: current, after });
    return after;
  });
}

export async function readAction(actor: Actor, id: number) {
  assertCan(actor, 'prescriber-actions', 'show');
  const a = await getRow(actionResource, actor, id);
  return { ...a.toJSON(), allowed: actionMachine.allowedActions(a.status) };
}
