// Use-cases of two-way referrals (双向转诊): refer a patient, answer and follow the referral
// through its states (each an event on its timeline), the configuration, and the figures the
// group office and settlement read. Slots are in ./slots.ts, the escalation job in ./jobs.ts.
import type { Knex } from 'knex';
import type { ModelObject } from 'objection';
import { systemActor, type Actor } from '../core/actor';
import { inTransaction, withinTransaction } from '../core/transaction';
import { withinScope } from '../auth';
import { can } from '../core/access';
import { db } from '../db/knex';
import { inFixedSet } from '../db/fixedSet';
import { scopeByAnyUnit } from '../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../core/crud';
import { AppError, badRequest, conflict, forbidden, unprocessable } from '../core/errors';
import { joinUser, usersSql } from '../auth';
import { careTransfers, followupReferralDraft, linkFollowupReferral, residentsForReferral, transferCare } from '../health';
import { inSubtree, orgDepartments, orgUnits, subtreeIdsSql, under, unitById, unitIdsUnderSql, unitsByIds } from '../org';
import { toFen } from '../shared/money';
import { Referral, ReferralEscalation, ReferralEvent } from './model';
import { currentSettings } from './settings';
import { resolvePatient, type PatientInput } from './patients';
import { bookSlot, releaseSlot } from './slots';
import { noticeOfEscalation, noticeOfTransition } from './notices';
import {
  DIRECTIONS,
  INBOX_STATUSES,
  receivesAtHomeVisit,
  visitTimeProblem,
  OPEN_STATUSES,
  PURPOSES,
  STATUSES,
  URGENCIES,
  actingSide,
  allowedActions,
  computeFees,
  storedFees,
  directionProblem,
  dueAt,
  referralNext,
  sankeyOf,
  type Direction,
  type Purpose,
  type ReferralAction,
  type LevelFlow,
  type ReferralFigures,
  type Status,
  type Urgency,
} from './rules';
import * as clock from '../core/clock';

export type { ReferralFigures } from './rules';

// ---------------------------------------------------------------- the resource

export const referralResource: ResourceDef<Referral> = {
  name: 'referrals',
  model: Referral,
  // a referral belongs to both ends: the sending unit and the receiving one see it
  scope: scopeByAnyUnit('referrals.from_org_unit_id', 'referrals.to_org_unit_id'),
  list: {
    fields: {
      status: STATUSES,
      direction: DIRECTIONS,
      urgency: URGENCIES,
      purpose: PURPOSES,
      from_org_unit_id: 'int',
      to_org_unit_id: 'int',
      to_department_id: 'int',
      resident_id: 'int',
      from_level: 'int',
      to_level: 'int',
      patient_name: 'text',
      diagnosis_code: 'text',
      requested_at: 'timestamp',
      due_at: 'timestamp',
      accepted_at: 'timestamp',
      appointment_at: 'timestamp',
      completed_at: 'timestamp',
      escalated_at: 'timestamp',
    },
    search: [
      'referrals.patient_name',
      'referrals.diagnosis_code',
      'referrals.diagnosis_text',
      'referrals.patient_id_number_masked',
      'referrals.to_unit_name',
      'referrals.from_unit_name',
    ],
    defaultSort: ['requested_at', 'DESC'],
    custom: { inbox: 'int', inbox_all: 'bool', outbox: 'int', overdue: 'bool' },
  },
  // what the inbox, outbox and list show; the referral page (GET /:id) has the rest — reason,
  // summary, fees, timeline — and the protected ID number's hash and cipher are never listed
  listColumns: [
    'id',
    'resident_id',
    'patient_name',
    'patient_id_number_masked',
    'from_org_unit_id',
    'from_unit_name',
    'to_org_unit_id',
    'to_unit_name',
    'to_department_name',
    'direction',
    'urgency',
    'diagnosis_code',
    'diagnosis_text',
    'status',
    'requested_at',
    'due_at',
    'appointment_at',
    'escalated_at',
  ],
  applyCustom: (qb, custom, actor) => {
    // a unit's inbox: requests to answer (first) and accepted patients to come, the green channel on top;
    // or every receiving unit's in the caller's scope (the group referral office, which coordinates
    // all units and answers those out of the group) — narrowed by to_org_unit_id to one or several
    if (custom.inbox !== undefined) qb.where('referrals.to_org_unit_id', custom.inbox as number);
    else if (custom.inbox_all === true && !actor.scopeIsWholeGroup) qb.whereRaw(`referrals.to_org_unit_id in ${unitIdsUnderSql('?')}`, [actor.scopePath]);
    if (custom.inbox !== undefined || custom.inbox_all === true) {
      qb.where(inFixedSet('referrals.status', INBOX_STATUSES)).orderByRaw("(referrals.status <> 'requested')").orderBy('referrals.urgency_rank');
    }
    if (custom.outbox !== undefined) qb.where('referrals.from_org_unit_id', custom.outbox as number);
    if (custom.overdue === true) qb.where(inFixedSet('referrals.status', ['requested'])).where('referrals.due_at', '<', clock.now());
    if (custom.overdue === false) qb.where((w) => w.where(inFixedSet('referrals.status', ['requested'], true)).orWhere('referrals.due_at', '>=', clock.now()));
  },
};

// ---------------------------------------------------------------- refer

export interface ReferralInput extends PatientInput {
  from_org_unit_id?: number;
  to_org_unit_id?: number | null;
  to_department_id?: number | null;
  to_external_name?: string | null;
  direction: Direction;
  urgency: Urgency;
  purpose?: Purpose;
  diagnosis_code: string;
  diagnosis_text: string;
  reason: string;
  summary?: string | null;
  previous_referral_id?: number | null;
  threshold_paid_before?: string | null;
  /** the diagnosis request the referral was started from (a chest-pain case's STEMI ECG; set by the diagnosis domain, not by the route) */
  diagnosis_request_id?: number | null;
  /** the remote consultation the referral was started from (set by the diagnosis domain, not by the route) */
  consultation_id?: number | null;
}

interface UnitFacts {
  id: number;
  name: string;
  level: number;
  path: string;
  active: boolean;
}

const unitFacts = (trx: Knex.Transaction, id: number): Promise<UnitFacts | undefined> => unitById(id, ['id', 'name', 'level', 'path', 'active'], trx);

/** Refers a patient: checks direction and patient, computes the fees and the answer-by time. */
/** A referral's status (another domain's step that follows it: the chest-pain arrival), or undefined. */
export async function referralStatus(id: number, conn: Knex = db()): Promise<Status | undefined> {
  return (await Referral.query(conn).findById(id).select('status'))?.status;
}

export function createReferral(actor: Actor, input: ReferralInput) {
  assertCan(actor, 'referrals', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const fromId = input.from_org_unit_id ?? actor.orgUnitId;
    await assertUnitInScope(actor, fromId, 'from_org_unit_id', trx);
    const from = await unitFacts(trx, fromId);
    if (!from?.active) throw unprocessable(`unit ${fromId} is not an active member`, [{ field: 'from_org_unit_id', message: 'not an active member unit' }]);

    const to = input.to_org_unit_id == null ? null : await unitFacts(trx, input.to_org_unit_id);
    if (input.to_org_unit_id != null && !to?.active) {
      throw unprocessable(`unit ${input.to_org_unit_id} is not an active member`, [{ field: 'to_org_unit_id', message: 'not an active member unit' }]);
    }
    const dirProblem = directionProblem(input.direction, from, to ?? null);
    if (dirProblem) throw unprocessable(dirProblem.message, [dirProblem]);
    if (input.direction === 'out' && !input.to_external_name?.trim()) {
      throw badRequest('invalid to_external_name', [{ field: 'to_external_name', message: 'name the hospital outside the county' }]);
    }
    let department: { id: number; name: string } | undefined;
    if (input.to_department_id != null) {
      department = await orgDepartments(['id', 'name'], trx)
        .where({ id: input.to_department_id, org_unit_id: to?.id ?? -1, active: true })
        .first();
      if (!department)
        throw unprocessable('the department is not one of the receiving unit', [{ field: 'to_department_id', message: 'not a department of to_org_unit_id' }]);
    }

    const patient = await resolvePatient(trx, actor, input);
    const open = await trx('referrals')
      .select('id')
      .whereIn('status', OPEN_STATUSES as string[])
      .where((w) => (patient.resident_id ? w.where('resident_id', patient.resident_id) : w.where('patient_id_number_hash', patient.patient_id_number_hash)))
      .first<Pick<Referral, 'id'> | undefined>();
    if (open) throw conflict(`the patient already has an open referral ${open.id}; cancel or complete it first`, { referral_id: open.id });

    const paidBefore = await thresholdPaidBefore(trx, actor, input, patient, fromId);
    const settings = await currentSettings(trx);
    const purpose = input.purpose ?? (input.direction === 'down' ? 'rehabilitation' : 'treatment');
    const fees = computeFees({ direction: input.direction, purpose, toLevel: to?.level ?? null, thresholdPaidBefore: paidBefore }, settings);
    const now = clock.now();
    const created = await Referral.query(trx).insertAndFetch({
      ...patient,
      from_org_unit_id: from.id,
      from_unit_name: from.name,
      from_level: from.level,
      from_doctor_id: actor.id || null,
      from_doctor_name: actor.displayName,
      to_org_unit_id: to?.id ?? null,
      to_unit_name: to?.name ?? input.to_external_name!.trim(),
      to_level: to?.level ?? null,
      to_department_id: department?.id ?? null,
      to_department_name: department?.name ?? null,
      to_external_name: input.direction === 'out' ? input.to_external_name!.trim() : null,
      direction: input.direction,
      urgency: input.urgency,
      purpose,
      diagnosis_code: input.diagnosis_code,
      diagnosis_text: input.diagnosis_text,
      reason: input.reason,
      summary: input.summary ?? null,
      previous_referral_id: input.previous_referral_id ?? null,
      diagnosis_request_id: input.diagnosis_request_id ?? null,
      consultation_id: input.consultation_id ?? null,
      status: 'requested',
      fees: storedFees(fees),
      requested_at: now.toISOString(),
      due_at: dueAt(now, input.urgency, settings).toISOString(),
    });
    await addEvent(trx, actor, created.id, 'requested', null, 'requested', input.reason, { urgency: input.urgency, due_at: created.due_at });
    await audit({ action: 'create', resource: 'referrals', recordId: created.id, after: created });
    return created;
  });
}

export interface FollowupReferralInput {
  followup_id: number;
  to_org_unit_id?: number | null;
  to_department_id?: number | null;
}

/**
 * 一键转诊: the up-referral a hypertension or diabetes visit's advice calls for (two uncontrolled
 * visits in a row, a persisting adverse reaction, a new complication, a critical reading). The
 * health domain drafts it from the visit — resident, diagnosis, reason with the readings, summary
 * — and it goes to the unit above the visit's village (its township centre) unless another is
 * named; the follow-up records the referral, all in one transaction.
 */
export function referFromFollowup(actor: Actor, input: FollowupReferralInput) {
  assertCan(actor, 'referrals', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const draft = await followupReferralDraft(actor, input.followup_id, trx);
    const from = await unitById(draft.from_org_unit_id, ['id', 'parent_id'], trx);
    const to = input.to_org_unit_id ?? from?.parent_id ?? null;
    if (to == null) throw unprocessable('the visit’s unit has none above it: name the receiving unit', [{ field: 'to_org_unit_id', message: 'required' }]);
    const referral = await withinTransaction(trx, () =>
      createReferral(actor, { ...draft, to_org_unit_id: to, to_department_id: input.to_department_id ?? null }),
    );
    await linkFollowupReferral(trx, input.followup_id, referral.id, audit);
    return referral;
  });
}

/**
 * The inpatient threshold already paid at the sending unit in this episode: as stated by the
 * sender, else — when this referral continues an earlier one that brought the patient here —
 * the threshold that one made due here.
 */
async function thresholdPaidBefore(
  trx: Knex.Transaction,
  actor: Actor,
  input: ReferralInput,
  patient: { resident_id: number | null; patient_id_number_hash: string | null },
  fromId: number,
) {
  let fromPrevious = 0n;
  if (input.previous_referral_id != null) {
    const prev = await getRow(referralResource, actor, input.previous_referral_id, trx).catch((err) => {
      if (err instanceof AppError && err.kind === 'not_found')
        throw unprocessable('previous_referral_id is not a referral you can see', [{ field: 'previous_referral_id', message: 'not found' }]);
      throw err;
    });
    const samePatient = patient.resident_id ? prev.resident_id === patient.resident_id : prev.patient_id_number_hash === patient.patient_id_number_hash;
    if (!samePatient) throw unprocessable('the previous referral is of another patient', [{ field: 'previous_referral_id', message: 'another patient' }]);
    if (prev.to_org_unit_id === fromId && prev.status === 'completed') fromPrevious = toFen(prev.fees.threshold_due);
  }
  if (input.threshold_paid_before != null) return toFen(input.threshold_paid_before);
  return fromPrevious;
}

// ---------------------------------------------------------------- transitions

export interface TransitionInput {
  slot_id?: number | null;
  /** the home visit, when a village clinic (no slots) accepts */
  appointment_at?: string | null;
  reason?: string | null;
  note?: string | null;
}

/** May the actor act for the side of the referral this action belongs to? */
function assertSide(actor: Actor, r: Referral, action: ReferralAction, paths: { from: string; to: string | null }) {
  // the group referral office (双向转诊办公室) acts for every unit
  if (actor.roles.includes('referral_coordinator')) return;
  const side = actingSide(action);
  if (side === 'sending') {
    if (!withinScope(paths.from, actor.scopePath)) throw forbidden(`only the sending unit may ${action} this referral`);
    return;
  }
  // out of the group: the referral office answers; the sending unit records arrival and completion
  if (r.direction === 'out') {
    if ((action === 'arrive' || action === 'complete') && withinScope(paths.from, actor.scopePath)) return;
    throw forbidden(`only the group referral office may ${action} a referral out of the group`);
  }
  if (!paths.to || !withinScope(paths.to, actor.scopePath)) throw forbidden(`only the receiving unit may ${action} this referral`);
}

/** accept | reject | arrive | complete | cancel: one step of the state machine, one event. */
export function transition(actor: Actor, id: number, action: ReferralAction, input: TransitionInput) {
  assertCan(actor, 'referrals', action);
  return inTransaction(actor, async (trx, audit) => {
    await lockRow(trx, 'referrals', id);
    const current = await getRow(referralResource, actor, id, trx);
    const paths = await unitPaths(trx, current);
    assertSide(actor, current, action, paths);
    const next = referralNext(current, action);
    if ('problem' in next) throw conflict(next.problem, { status: current.status, allowed: next.allowed });
    if ((action === 'reject' || action === 'cancel') && !input.reason?.trim()) {
      throw badRequest('invalid reason', [{ field: 'reason', message: `required to ${action}` }]);
    }
    const homeVisit = action === 'accept' && receivesAtHomeVisit(current);
    if (input.appointment_at && !homeVisit) {
      throw badRequest('invalid appointment_at', [
        { field: 'appointment_at', message: 'only a village clinic accepting a patient names a home visit; others book a slot' },
      ]);
    }
    const now = clock.now();
    const patch: Record<string, unknown> = { status: next.to, updated_at: now.toISOString() };
    const data: Record<string, unknown> = {};
    switch (action) {
      case 'accept': {
        Object.assign(patch, { answered_at: now, accepted_at: now });
        if (input.slot_id != null) {
          const slot = await bookSlot(trx, current, input.slot_id, now);
          Object.assign(patch, {
            slot_id: slot.id,
            appointment_at: slot.starts_at,
            to_department_id: slot.department_id,
            to_department_name: slot.department_name,
          });
          Object.assign(data, { slot_id: slot.id, appointment_at: slot.starts_at, department: slot.department_name });
        } else if (current.urgency === 'emergency' || current.direction === 'out') {
          // green channel: received at once, no appointment to wait for
          patch.appointment_at = now;
          data.appointment_at = now;
        } else if (homeVisit) {
          const visitAt = input.appointment_at ? new Date(input.appointment_at) : undefined;
          const problem = visitAt ? visitTimeProblem(visitAt, now) : 'required: a village clinic publishes no slots, so it names the time of the home visit';
          if (problem) throw badRequest('invalid appointment_at', [{ field: 'appointment_at', message: problem }]);
          patch.appointment_at = visitAt;
          data.appointment_at = visitAt;
        } else {
          throw badRequest('invalid slot_id', [
            { field: 'slot_id', message: `required to accept a ${current.urgency} referral (only the green channel is received without a slot)` },
          ]);
        }
        break;
      }
      case 'reject':
        Object.assign(patch, { answered_at: now, closed_at: now, status_reason: input.reason!.trim() });
        break;
      case 'cancel':
        Object.assign(patch, { closed_at: now, status_reason: input.reason!.trim() });
        if (current.slot_id) await releaseSlot(trx, current.slot_id, current.direction === 'up');
        break;
      case 'arrive': {
        patch.arrived_at = now;
        // the green channel's patient came before the answer: the arrival answers it
        if (current.status === 'requested') Object.assign(patch, { answered_at: now, accepted_at: now, appointment_at: now });
        // the resident's managing unit follows the referral to a member unit
        // (the health record's managing unit, set through the health service, which keeps the history)
        if (current.resident_id && current.to_org_unit_id) {
          const moved = await transferCare(trx, current.resident_id, current.to_org_unit_id, id, actor);
          if (moved) Object.assign(data, { managing_unit_from: moved.from_org_unit_id, managing_unit_to: moved.to_org_unit_id });
        }
        break;
      }
      case 'complete':
        patch.completed_at = now;
        break;
    }
    const updated = await Referral.query(trx).patchAndFetchById(id, patch);
    await addEvent(
      trx,
      actor,
      id,
      next.to,
      current.status,
      next.to,
      input.reason?.trim() || input.note?.trim() || null,
      Object.keys(data).length ? data : null,
    );
    await noticeOfTransition(trx, actor, updated, action);
    await audit({ action, resource: 'referrals', recordId: id, before: current, after: updated });
    return updated;
  });
}

async function unitPaths(trx: Knex.Transaction, r: Referral) {
  const rows = await unitsByIds(
    [r.from_org_unit_id, r.to_org_unit_id].filter((x): x is number => x != null),
    ['id', 'path'],
    trx,
  );
  const path = (id: number | null) => rows.find((u) => u.id === id)?.path ?? null;
  return { from: path(r.from_org_unit_id)!, to: path(r.to_org_unit_id) };
}

async function addEvent(
  trx: Knex.Transaction,
  actor: Actor,
  referralId: number,
  kind: string,
  fromStatus: Status | null,
  toStatus: Status | null,
  note: string | null,
  data: unknown,
) {
  await ReferralEvent.query(trx).insert({
    referral_id: referralId,
    kind,
    from_status: fromStatus,
    to_status: toStatus,
    actor_id: actor.id || null,
    actor_name: actor.displayName || actor.username,
    note,
    data: data ?? null,
  });
}

// ---------------------------------------------------------------- the referral page

/** A referral's events in order, each with the name its actor goes by now (not a login). */
const timeline = (id: number) =>
  joinUser(ReferralEvent.query(), 'u', 'referral_events.actor_id', 'leftJoin')
    .select(['id', 'referral_id', 'kind', 'from_status', 'to_status', 'actor_id', 'at', 'note', 'data'].map((c) => `referral_events.${c}`))
    .select(db().raw('coalesce(u.display_name, referral_events.actor_name) as actor_name'))
    .where('referral_events.referral_id', id)
    .orderBy([{ column: 'referral_events.at' }, { column: 'referral_events.id' }]);

/** One referral with its timeline, what the caller may do next, and the patient's unit history. */
export async function referralPage(actor: Actor, id: number) {
  assertCan(actor, 'referrals', 'show');
  const r = await getRow(referralResource, actor, id);
  const [events, history, escalation] = await Promise.all([
    timeline(id),
    r.resident_id ? careTransfers({ referralId: id }) : Promise.resolve([]),
    db()('referral_escalations').where('referral_id', id).first<ModelObject<ReferralEscalation> | undefined>(),
  ]);
  const paths = await db().transaction((trx) => unitPaths(trx, r));
  const mayDo = allowedActions(r).filter((a) => {
    if (!can(actor.roles, 'referrals', a)) return false;
    try {
      assertSide(actor, r, a, paths);
      return true;
    } catch {
      return false;
    }
  });
  const [resident] = r.resident_id ? await residentsForReferral([r.resident_id]) : [];
  return {
    ...r.toJSON(),
    events,
    unit_history: history,
    patient_managing_org_unit_id: resident?.managing_org_unit_id ?? null,
    escalation: escalation ?? null,
    allowed_actions: mayDo,
  };
}

// ---------------------------------------------------------------- figures

export interface Period {
  from: string;
  to: string;
}

/** [from 00:00, to + 1 day 00:00) in Asia/Shanghai as bind values. */
const periodBounds = (q: Period) => [`${q.from}T00:00:00+08:00`, `${q.to}T00:00:00+08:00`];
const PERIOD_SQL = "r.requested_at >= ?::timestamptz and r.requested_at < ?::timestamptz + interval '1 day'";

/**
 * Per sending unit, referrals created in [from, to] (dates inclusive, Asia/Shanghai): up, down,
 * out, completed, and completed up-referrals (the up-referral rate's numerator for settlement).
 * Every unit asked for (or every member unit) has a row, zeros included.
 */
export async function referralFigures(q: { from: string; to: string; orgUnitIds?: number[] }): Promise<ReferralFigures[]> {
  const units = orgUnits(['id']);
  if (q.orgUnitIds) units.whereIn('id', q.orgUnitIds);
  const { rows } = await db().raw<{ rows: ReferralFigures[] }>(
    `select u.id as org_unit_id,
            count(r.id) filter (where r.direction = 'up')::int as up,
            count(r.id) filter (where r.direction = 'down')::int as down,
            count(r.id) filter (where r.direction = 'out')::int as out,
            count(r.id) filter (where r.status = 'completed')::int as completed,
            count(r.id) filter (where r.status = 'completed' and r.direction = 'up')::int as up_completed
       from (${units.toQuery()}) u
       left join referrals r on r.from_org_unit_id = u.id and ${PERIOD_SQL}
      group by u.id
      order by u.id`,
    periodBounds(q),
  );
  return rows;
}

async function scopedUnits(actor: Actor, orgUnitId?: number) {
  const q = under(orgUnits(['id', 'code', 'name', 'level', 'path']), actor.scopePath).orderBy('path');
  if (orgUnitId !== undefined) {
    await assertUnitInScope(actor, orgUnitId);
    inSubtree(q, orgUnitId);
  }
  return await q;
}

/** The office table: per unit in scope, sent up/down/out, completed, and received. */
export async function unitTable(actor: Actor, q: Period & { org_unit_id?: number }) {
  assertCan(actor, 'referrals', 'list');
  const units = await scopedUnits(actor, q.org_unit_id);
  const ids = units.map((u) => u.id);
  const [sent, received] = await Promise.all([
    referralFigures({ from: q.from, to: q.to, orgUnitIds: ids }),
    db().raw<{ rows: { id: number; received: number; received_completed: number }[] }>(
      `select r.to_org_unit_id as id, count(*)::int as received, count(*) filter (where r.status = 'completed')::int as received_completed
         from referrals r where r.to_org_unit_id = any(?) and ${PERIOD_SQL} group by r.to_org_unit_id`,
      [ids, ...periodBounds(q)],
    ),
  ]);
  const bySent = new Map(sent.map((s) => [s.org_unit_id, s]));
  const byReceived = new Map<number, { received: number; received_completed: number }>(received.rows.map((r) => [r.id, r]));
  return units
    .map((u) => ({
      code: u.code,
      name: u.name,
      level: u.level,
      ...bySent.get(u.id)!,
      received: byReceived.get(u.id)?.received ?? 0,
      received_completed: byReceived.get(u.id)?.received_completed ?? 0,
    }))
    .filter((row) => row.up + row.down + row.out + row.received > 0 || q.org_unit_id !== undefined);
}

/** Flows between levels in the period (within the caller's scope), with the Sankey shape. */
export async function levelFlows(actor: Actor, q: Period & { org_unit_id?: number }) {
  assertCan(actor, 'referrals', 'list');
  const units = await scopedUnits(actor, q.org_unit_id);
  const { rows } = await db().raw<{ rows: (LevelFlow & { completed: number })[] }>(
    `select r.from_level, r.to_level, count(*)::int as count,
            count(*) filter (where r.status = 'completed')::int as completed
       from referrals r
      where (r.from_org_unit_id = any(?) or r.to_org_unit_id = any(?)) and ${PERIOD_SQL}
      group by r.from_level, r.to_level
      order by r.from_level, r.to_level nulls last`,
    [units.map((u) => u.id), units.map((u) => u.id), ...periodBounds(q)],
  );
  return { flows: rows, sankey: sankeyOf(rows) };
}

/**
 * Timeliness per receiving unit: requests in the period, answered (accepted or rejected), the
 * median minutes to accept, and the share answered within the service level among those that
 * are due (answered, or still open past their time). Referrals out of the group are left out.
 */
export async function timeliness(actor: Actor, q: Period & { org_unit_id?: number }) {
  assertCan(actor, 'referrals', 'list');
  const units = await scopedUnits(actor, q.org_unit_id);
  const byId = new Map(units.map((u) => [u.id, u]));
  const { rows } = await db().raw<{
    rows: {
      org_unit_id: number;
      requests: number;
      answered: number;
      accepted: number;
      within: number;
      overdue_open: number;
      median_minutes_to_accept: number | null;
      emergency: number;
      median_minutes_emergency: number | null;
    }[];
  }>(
    `select r.to_org_unit_id as org_unit_id,
            count(*)::int as requests,
            count(r.answered_at)::int as answered,
            count(r.accepted_at)::int as accepted,
            count(*) filter (where r.answered_at is not null and r.answered_at <= r.due_at)::int as within,
            count(*) filter (where r.answered_at is null and r.status = 'requested' and r.due_at < ?)::int as overdue_open,
            percentile_cont(0.5) within group (order by extract(epoch from r.accepted_at - r.requested_at) / 60)
              filter (where r.accepted_at is not null) as median_minutes_to_accept,
            count(*) filter (where r.urgency = 'emergency')::int as emergency,
            percentile_cont(0.5) within group (order by extract(epoch from r.accepted_at - r.requested_at) / 60)
              filter (where r.accepted_at is not null and r.urgency = 'emergency') as median_minutes_emergency
       from referrals r
      where r.to_org_unit_id = any(?) and ${PERIOD_SQL}
      group by r.to_org_unit_id`,
    [clock.now(), units.map((u) => u.id), ...periodBounds(q)],
  );
  return rows
    .map((row) => {
      const due = row.answered + row.overdue_open;
      const u = byId.get(row.org_unit_id)!;
      return {
        ...row,
        code: u.code,
        name: u.name,
        level: u.level,
        median_minutes_to_accept: row.median_minutes_to_accept == null ? null : Math.round(Number(row.median_minutes_to_accept) * 10) / 10,
        median_minutes_emergency: row.median_minutes_emergency == null ? null : Math.round(Number(row.median_minutes_emergency) * 10) / 10,
        share_within: due ? Math.round((Number(row.within) / due) * 10000) / 10000 : null,
      };
    })
    .sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}

/**
 * 转入待办 per receiving unit in scope (the home page of the referral office and directors):
 * requests waiting for an answer, how many of them are past their service level, the oldest.
 * Requests out of the county (answered by the referral office) are one row without a unit.
 * Busiest first: overdue, then waiting. Units with nothing waiting are left out.
 */
export async function inboxSummary(actor: Actor) {
  assertCan(actor, 'referrals', 'list');
  const units = await scopedUnits(actor);
  const byId = new Map(units.map((u) => [u.id, u]));
  const ids = units.map((u) => u.id);
  const { rows } = await db().raw<{ rows: { org_unit_id: number | null; waiting: number; overdue: number; oldest_requested_at: Date }[] }>(
    `select r.to_org_unit_id as org_unit_id, count(*)::int as waiting,
            count(*) filter (where r.due_at < ?)::int as overdue, min(r.requested_at) as oldest_requested_at
       from referrals r
      where r.status = 'requested' and (r.to_org_unit_id = any(?) or (r.to_org_unit_id is null and r.from_org_unit_id = any(?)))
      group by r.to_org_unit_id
      order by overdue desc, waiting desc, min(r.requested_at)`,
    [clock.now(), ids, ids],
  );
  return rows.map((row) => {
    const u = row.org_unit_id === null ? undefined : byId.get(row.org_unit_id);
    return { ...row, code: u?.code ?? null, name: u?.name ?? null };
  });
}

// ---------------------------------------------------------------- escalation

/**
 * Escalates every request still unanswered past its service level, once: the escalation row
 * (unique per referral) names the receiving unit's directors and the group referral office,
 * and the referral's timeline gets an `escalated` event. Re-running escalates nothing twice.
 */
export function escalateOverdue(now: Date, runKey: string) {
  const actor = systemActor('referrals.escalate');
  return inTransaction(actor, async (trx, audit) => {
    const { rows: escalated } = await trx.raw<{
      rows: Pick<ReferralEscalation, 'referral_id' | 'org_unit_id' | 'overdue_minutes' | 'notify_user_ids'>[];
    }>(
      `insert into referral_escalations (referral_id, org_unit_id, due_at, escalated_at, overdue_minutes, notify_user_ids, run_key)
       select r.id, r.to_org_unit_id, r.due_at, ?::timestamptz,
              floor(extract(epoch from (?::timestamptz - r.due_at)) / 60)::int,
              array(select u.id from ${usersSql('u')}
                     where u.active and ((u.org_unit_id = r.to_org_unit_id and 'director' = any(u.roles)) or 'referral_coordinator' = any(u.roles))
                     order by u.id),
              ?
         from referrals r
        where r.status = 'requested' and r.due_at < ?::timestamptz
          and not exists (select 1 from referral_escalations e where e.referral_id = r.id)
        order by r.due_at
       on conflict (referral_id) do nothing
       returning referral_id, org_unit_id, overdue_minutes, notify_user_ids`,
      [now, now, runKey, now],
    );
    if (escalated.length) {
      await trx('referrals')
        .whereIn(
          'id',
          escalated.map((e) => e.referral_id),
        )
        .update({ escalated_at: now });
      await trx('referral_events').insert(
        escalated.map((e) => ({
          referral_id: e.referral_id,
          kind: 'escalated',
          actor_name: actor.username,
          at: now,
          note: `unanswered ${e.overdue_minutes} min past the service level`,
          data: JSON.stringify({ notify_user_ids: e.notify_user_ids }),
        })),
      );
      for (const e of escalated) {
        await noticeOfEscalation(trx, e);
        await audit({ action: 'escalate', resource: 'referrals', recordId: e.referral_id, after: e });
      }
    }
    return { escalated: escalated.length, referral_ids: escalated.map((e) => e.referral_id) };
  });
}

export const escalationResource: ResourceDef<ReferralEscalation> = {
  name: 'referral-escalations',
  model: ReferralEscalation,
  // visible to whoever sees the referral
  scope: (qb, scopePath, hint) =>
    qb.whereIn('referral_escalations.referral_id', referralResource.scope(Referral.query().select('referrals.id'), scopePath, hint)),
  list: {
    fields: { referral_id: 'int', org_unit_id: 'int', escalated_at: 'timestamp', overdue_minutes: 'int', run_key: 'text' },
    defaultSort: ['escalated_at', 'DESC'],
  },
};

// ---------------------------------------------------------------- report

/** The rows of the referrals workbook (scope and period applied), in id order, a page at a time. */
export async function* reportRows(actor: Actor, q: Period & { org_unit_id?: number }, pageSize = 2000): AsyncGenerator<Referral> {
  let after = 0;
  for (;;) {
    const qb = Referral.query()
      .select('referrals.*')
      .whereRaw(PERIOD_SQL.replaceAll('r.', 'referrals.'), periodBounds(q))
      .where('referrals.id', '>', after)
      .orderBy('referrals.id')
      .limit(pageSize);
    referralResource.scope(qb, actor.scopePath, actor);
    if (q.org_unit_id !== undefined) {
      const within = `in ${subtreeIdsSql('?')}`;
      qb.where((w) => w.whereRaw(`referrals.from_org_unit_id ${within}`, [q.org_unit_id]).orWhereRaw(`referrals.to_org_unit_id ${within}`, [q.org_unit_id]));
    }
    const page = await qb;
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].id;
  }
}

/**
 * The referrals workbook's data, all of it in the caller's scope: the parameters are checked and
 * the tables read before anything is streamed; the rows are then read a page at a time.
 */
export async function referralsReport(actor: Actor, q: Period & { org_unit_id?: number }) {
  assertCan(actor, 'referrals', 'export');
  if (q.org_unit_id !== undefined) await assertUnitInScope(actor, q.org_unit_id);
  const [units, timely] = await Promise.all([unitTable(actor, q), timeliness(actor, q)]);
  return { rows: reportRows(actor, q), units, timeliness: timely };
}

/**
 * Where a referral can go: every active member unit with its level and clinical departments
 * (a village doctor refers beyond their own scope, so this is not the scoped org-units list).
 */
export async function referralTargets(actor: Actor) {
  assertCan(actor, 'referrals', 'create');
  const [units, departments] = await Promise.all([
    orgUnits(['id', 'code', 'name', 'kind', 'level', 'parent_id']).where('active', true).orderBy('path'),
    orgDepartments(['id', 'org_unit_id', 'name']).where({ active: true, kind: 'clinical' }).orderBy('name'),
  ]);
  const byUnit = new Map<number, { id: number; name: string }[]>();
  for (const d of departments) byUnit.set(d.org_unit_id, [...(byUnit.get(d.org_unit_id) ?? []), { id: d.id, name: d.name }]);
  return units.map((u: { id: number }) => ({ ...u, departments: byUnit.get(u.id) ?? [] }));
}
