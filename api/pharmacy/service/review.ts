// The pharmacist's review of a prescription (rational, or irrational with its kind) and its reopening: one audit row each.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { assertCan, getRow, lockRow } from '../../core/crud';
import { badRequest, conflict } from '../../core/errors';
import * as clock from '../../core/clock';
import { Prescription } from '../model';
import { reviewMachine, reviewProblems, type RxIrrationalReason, type RxOutcome } from '../rules';
import { prescriptionPage, prescriptionResource } from './prescriptions';

async function lockedPrescription(trx: Knex.Transaction, actor: Actor, id: number) {
  await getRow(prescriptionResource, actor, id, trx);
  await lockRow(trx, Prescription.tableName, id);
  return (await Prescription.query(trx).findById(id))!;
}

/** The pharmacist's review: rational, or irrational with its kind (and a note). */
export function reviewPrescription(actor: Actor, id: number, input: { outcome: RxOutcome; reason?: RxIrrationalReason | null; note?: string | null }) {
  assertCan(actor, 'prescriptions', 'review');
  return inTransaction(actor, async (trx, audit) => {
    const rx = await lockedPrescription(trx, actor, id);
    const step = reviewMachine.nextStatus(rx.review_status, 'review');
    if ('problem' in step) throw conflict(step.problem, { status: rx.review_status, allowed: step.allowed });
    const problems = reviewProblems(input);
    if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
    const after = await Prescription.query(trx).patchAndFetchById(id, {
      review_status: step.to,
      outcome: input.outcome,
      reason: input.reason ?? null,
      review_note: input.note ?? null,
      reviewed_by: actor.id || null,
      reviewed_at: clock.nowIso(),
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'review', resource: 'prescriptions', recordId: id, before: pick(rx), after: pick(after) });
    return prescriptionPage(actor, id, trx);
  });
}

/** Reopens a reviewed prescription (its outcome withdrawn, the reason kept in the audit trail). */
export function reopenPrescription(actor: Actor, id: number, input: { reason: string }) {
  assertCan(actor, 'prescriptions', 'reopen');
  return inTransaction(actor, async (trx, audit) => {
    const rx = await lockedPrescription(trx, actor, id);
    const step = reviewMachine.nextStatus(rx.review_status, 'reopen');
    if ('problem' in step) throw conflict(step.problem, { status: rx.review_status, allowed: step.allowed });
    const after = await Prescription.query(trx).patchAndFetchById(id, {
      review_status: step.to,
      outcome: null,
      reason: null,
      review_note: null,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'reopen', resource: 'prescriptions', recordId: id, before: pick(rx), after: { ...pick(after), reopen_reason: input.reason } });
    return prescriptionPage(actor, id, trx);
  });
}

const pick = (rx: Prescription) => ({ review_status: rx.review_status, outcome: rx.outcome, reason: rx.reason, review_note: rx.review_note });
