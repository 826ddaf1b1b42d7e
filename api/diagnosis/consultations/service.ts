// Use-cases of the remote consultation (远程会诊): the invitation with its patient and attachments, each
// step of its state machine (an event on its timeline and an audit row in its transaction, the side
// that may act checked), the booking that refuses an expert's or a room's overlap, the page with its
// late flags and allowed steps, the configuration, and the one step to an up-referral.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction, withinTransaction } from '../../core/transaction';
import { can } from '../../core/access';
import { db } from '../../db/knex';
import { scopeByAnyUnit } from '../../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../../core/crud';
import { badRequest, conflict, forbidden, unprocessable } from '../../core/errors';
import { revealIdNumber } from '../../core/personalId';
import * as clock from '../../core/clock';
import { withinScope } from '../../auth';
import { orgDepartments, unitById, unitsByIds } from '../../org';
import { staffQualifications } from '../../hr';
import { createReferral, resolvePatient, type PatientInput, type Urgency as ReferralUrgency } from '../../referrals';
import { addTimelineEvent, required, storeAttachment, storedAttachment, type IncomingFile } from '../service';
import { ConsultationEvent, ConsultationSettingsRow, DiagnosisConsultation } from './model';
import {
  BOOKED_STATUSES,
  CONSULTATION_STATUSES,
  DEFAULT_CONSULTATION_SETTINGS,
  MATERIAL_STATUSES,
  actingSide,
  allowedActions,
  cancelProblem,
  clashOf,
  consultationFee,
  expertProblem,
  nextStatus,
  opinionDueAt,
  readyDueAt,
  referralProblem,
  rescheduleProblem,
  slotEnd,
  slotProblem,
  timingOf,
  unitsProblem,
  type Booking,
  type ConsultationAction,
  type ConsultationSettings,
  type ConsultationStatus,
} from './rules';

const RESOURCE = 'diagnosis-consultations';

export const consultationResource: ResourceDef<DiagnosisConsultation> = {
  name: RESOURCE,
  model: DiagnosisConsultation,
  // both ends see it: the inviting unit and the host
  scope: scopeByAnyUnit('diagnosis_consultations.from_org_unit_id', 'diagnosis_consultations.host_org_unit_id'),
  list: {
    fields: {
      status: CONSULTATION_STATUSES,
      from_org_unit_id: 'int',
      host_org_unit_id: 'int',
      expert_staff_id: 'int',
      resident_id: 'int',
      patient_name: 'text',
      room: 'text',
      invited_at: 'timestamp',
      slot_start: 'timestamp',
    },
    search: ['diagnosis_consultations.patient_name', 'diagnosis_consultations.from_unit_name', 'diagnosis_consultations.expert_name'],
    defaultSort: ['invited_at', 'DESC'],
  },
  listColumns: [
    'id',
    'status',
    'patient_name',
    'patient_id_number_masked',
    'from_org_unit_id',
    'from_unit_name',
    'from_doctor_name',
    'host_org_unit_id',
    'host_unit_name',
    'host_department_name',
    'expert_staff_id',
    'expert_name',
    'invited_at',
    'slot_start',
    'slot_end',
    'half_hours',
    'room',
    'fee',
    'ready_due_at',
    'ready_at',
    'opinion_due_at',
    'opinion_at',
    'evaluation_score',
    'referral_id',
  ],
};

/** The list's rows with their late flags and the time left to the step they wait for. */
export const withTiming = (rows: DiagnosisConsultation[]) => {
  const now = clock.now();
  return rows.map((r) => ({ ...r.toJSON(), ...timingOf(r, now) }));
};

// ---------------------------------------------------------------- settings

export async function currentConsultationSettings(conn: Knex = db()): Promise<ConsultationSettings> {
  const row = await ConsultationSettingsRow.query(conn).findById(1);
  return row ? { fee_per_half_hour: row.fee_per_half_hour, opinion_hours: row.opinion_hours, ready_minutes: row.ready_minutes } : DEFAULT_CONSULTATION_SETTINGS;
}

export async function readConsultationSettings(actor: Actor) {
  assertCan(actor, 'consultation-settings', 'show');
  return currentConsultationSettings();
}

/** The fee per half hour and the norms apply to consultations scheduled from now on. */
export function updateConsultationSettings(actor: Actor, settings: ConsultationSettings) {
  assertCan(actor, 'consultation-settings', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const before = await currentConsultationSettings(trx);
    await trx('diagnosis_consultation_settings')
      .insert({ id: 1, ...settings, updated_by: actor.id || null, updated_at: clock.now() })
      .onConflict('id')
      .merge();
    const after = await currentConsultationSettings(trx);
    await audit({ action: 'update', resource: 'consultation-settings', recordId: 1, before, after });
    return after;
  });
}

// ---------------------------------------------------------------- invite

export interface InviteInput extends PatientInput {
  from_org_unit_id?: number;
  host_org_unit_id: number;
  host_department_id?: number | null;
  expert_staff_id?: number | null;
  question: string;
}

async function expertOf(trx: Knex.Transaction, staffId: number, hostUnitId: number) {
  const [person] = await staffQualifications({ ids: [staffId] }, clock.today(), trx);
  if (!person) throw unprocessable(`no staff ${staffId}`, [{ field: 'expert_staff_id', message: 'not in the staff registry' }]);
  const problem = expertProblem(person, hostUnitId);
  if (problem) throw unprocessable(problem, [{ field: 'expert_staff_id', message: problem }]);
  return person;
}

/** Who may be invited by name at a host unit: its active doctors, attending physician and above, licensed (HR registry). */
export async function consultationExperts(actor: Actor, hostUnitId: number) {
  assertCan(actor, RESOURCE, 'create');
  const people = await staffQualifications({ workOrgUnitId: hostUnitId }, clock.today());
  return people.filter((p) => expertProblem(p, hostUnitId) === null).map((p) => ({ id: p.id, name: p.name, title: p.title }));
}

/** 邀请: a branch or township invites a department or a named expert of a unit above it about a patient. */
export function invite(actor: Actor, input: InviteInput) {
  assertCan(actor, RESOURCE, 'create');
  return inTransaction(actor, async (trx, audit) => {
    const fromId = input.from_org_unit_id ?? actor.orgUnitId;
    await assertUnitInScope(actor, fromId, 'from_org_unit_id', trx);
    const [from, host] = await Promise.all([
      unitById(fromId, ['id', 'name', 'level', 'active'], trx),
      unitById(input.host_org_unit_id, ['id', 'name', 'level', 'active'], trx),
    ]);
    if (!from?.active) throw unprocessable(`unit ${fromId} is not an active member`, [{ field: 'from_org_unit_id', message: 'not an active member unit' }]);
    if (!host?.active) throw unprocessable('no such host', [{ field: 'host_org_unit_id', message: 'not an active member unit' }]);
    const units = unitsProblem(from, host);
    if (units) throw unprocessable(units.message, [units]);
    if (input.host_department_id == null && input.expert_staff_id == null)
      throw badRequest('name a department or an expert', [{ field: 'host_department_id', message: 'give host_department_id or expert_staff_id' }]);
    let department: { id: number; name: string } | undefined;
    if (input.host_department_id != null) {
      department = await orgDepartments(['id', 'name'], trx).where({ id: input.host_department_id, org_unit_id: host.id, active: true }).first();
      if (!department)
        throw unprocessable('the department is not one of the host', [{ field: 'host_department_id', message: 'not a department of host_org_unit_id' }]);
    }
    const expert = input.expert_staff_id == null ? null : await expertOf(trx, input.expert_staff_id, host.id);
    const patient = await resolvePatient(trx, actor, input);
    const now = clock.nowIso();
    const created = await DiagnosisConsultation.query(trx).insertAndFetch({
      ...patient,
      status: 'invited',
      from_org_unit_id: from.id,
      from_unit_name: from.name,
      from_level: from.level,
      from_doctor_id: actor.id || null,
      from_doctor_name: actor.displayName,
      question: input.question,
      host_org_unit_id: host.id,
      host_unit_name: host.name,
      host_department_id: department?.id ?? null,
      host_department_name: department?.name ?? null,
      expert_staff_id: expert?.id ?? null,
      expert_name: expert?.name ?? null,
      expert_title: expert?.title ?? null,
      invited_at: now,
    });
    await addEvent(trx, actor, created.id, 'invited', null, 'invited', input.question, null);
    await audit({ action: 'create', resource: RESOURCE, recordId: created.id, after: created });
    return created;
  });
}

// ---------------------------------------------------------------- sides

async function sidePaths(conn: Knex, c: Pick<DiagnosisConsultation, 'from_org_unit_id' | 'host_org_unit_id'>) {
  const rows = await unitsByIds([c.from_org_unit_id, c.host_org_unit_id], ['id', 'path'], conn);
  const path = (id: number) => rows.find((u) => u.id === id)!.path;
  return { from: path(c.from_org_unit_id), host: path(c.host_org_unit_id) };
}

/**
 * Why the actor may not act for the side `action` belongs to, or null. The host's side: its scope
 * holds the host. The inviting side: the inviting doctor, or someone whose scope holds the inviting
 * unit but not the host (the HQ's staff see a township's consultation, yet do not evaluate their own).
 */
function sideProblem(actor: Actor, c: DiagnosisConsultation, side: 'host' | 'inviter', paths: { from: string; host: string }): string | null {
  const host = withinScope(paths.host, actor.scopePath);
  if (side === 'host') return host ? null : 'only the host unit’s staff do this step';
  return actor.id === c.from_doctor_id || (withinScope(paths.from, actor.scopePath) && !host) ? null : 'only the inviting unit does this step';
}

/** The consultation locked for a step of the inviting side, or a 403 with `refusal`. */
async function lockedForInviter(trx: Knex.Transaction, actor: Actor, id: number, refusal: string) {
  await lockRow(trx, 'diagnosis_consultations', id);
  const c = await getRow(consultationResource, actor, id, trx);
  if (sideProblem(actor, c, 'inviter', await sidePaths(trx, c))) throw forbidden(refusal);
  return c;
}

// ---------------------------------------------------------------- attachments

/** The inviting side adds material while the consultation is invited or returned. */
export function attachToConsultation(actor: Actor, id: number, file: IncomingFile) {
  assertCan(actor, RESOURCE, 'create');
  return inTransaction(actor, async (trx, audit) => {
    const c = await lockedForInviter(trx, actor, id, 'only the inviting unit attaches material');
    if (!MATERIAL_STATUSES.includes(c.status))
      throw conflict(`cannot attach to a ${c.status} consultation; only while ${MATERIAL_STATUSES.join(' or ')}`, {
        status: c.status,
        allowed: MATERIAL_STATUSES,
      });
    const row = await storeAttachment(trx, actor, 'diagnosis_consultation_attachments', { consultation_id: id }, file);
    await addEvent(trx, actor, id, 'attached', null, null, row.filename, { attachment_id: row.id, size: row.size, content_type: row.content_type });
    await audit({ action: 'attach', resource: RESOURCE, recordId: id, after: row });
    return row;
  });
}

export async function consultationAttachment(actor: Actor, id: number, attachmentId: number) {
  assertCan(actor, RESOURCE, 'show');
  await getRow(consultationResource, actor, id);
  return storedAttachment('diagnosis_consultation_attachments', { consultation_id: id }, attachmentId);
}

// ---------------------------------------------------------------- the steps

export interface ConsultationStepInput {
  reason?: string | null;
  note?: string | null;
  question?: string | null;
  slot_start?: string | null;
  half_hours?: number | null;
  room?: string | null;
  room_person?: string | null;
  equipment_check?: string | null;
  participants?: string | null;
  opinion?: string | null;
  score?: number | null;
  cancel_reason?: string | null;
}

type Row = Record<string, unknown>;

/** The other bookings of the expert or the room around `wanted` (under a lock: two bookings at once are seen one after the other). */
async function clash(trx: Knex.Transaction, c: DiagnosisConsultation, wanted: Booking) {
  await trx.raw("select pg_advisory_xact_lock(hashtext('diagnosis_consultations.slots'))");
  const others = await trx('diagnosis_consultations')
    .select<Booking[]>('id', 'slot_start', 'slot_end', 'expert_staff_id', 'room')
    .whereIn('status', BOOKED_STATUSES as string[])
    .whereNot('id', c.id)
    .where('slot_start', '<', wanted.slot_end)
    .where('slot_end', '>', wanted.slot_start)
    .where((w) => {
      if (wanted.expert_staff_id != null) w.orWhere('expert_staff_id', wanted.expert_staff_id);
      w.orWhere((r) => r.where('host_org_unit_id', c.host_org_unit_id).where('room', wanted.room));
    })
    .orderBy('slot_start');
  return clashOf(wanted, others);
}

/** check | return | resend | schedule | reschedule | ready | hold | opinion | evaluate | cancel: one step, one event, one audit row. */
export function consultationStep(actor: Actor, id: number, action: ConsultationAction, input: ConsultationStepInput) {
  assertCan(actor, RESOURCE, action);
  return inTransaction(actor, async (trx, audit) => {
    await lockRow(trx, 'diagnosis_consultations', id);
    const current = await getRow(consultationResource, actor, id, trx);
    const side = sideProblem(actor, current, actingSide(action), await sidePaths(trx, current));
    if (side) throw forbidden(side);
    const next = nextStatus(current.status, action);
    if ('problem' in next) throw conflict(next.problem, { status: current.status, allowed: next.allowed });
    const now = clock.now();
    const patch: Row = { status: next.to, updated_at: now.toISOString() };
    const data: Row = {};
    let note = input.note?.trim() || null;
    switch (action) {
      case 'check':
        Object.assign(patch, { checked_at: now, checked_by_name: actor.displayName });
        break;
      case 'return':
        note = required('reason', input.reason, 'return');
        Object.assign(patch, { returned_at: now, return_reason: note });
        break;
      case 'resend':
        // the fixed material: the question rewritten if need be (files are attached beside)
        if (input.question?.trim()) patch.question = input.question.trim();
        break;
      case 'schedule':
      case 'reschedule': {
        const start = new Date(required('slot_start', input.slot_start, action));
        const halfHours = input.half_hours ?? (action === 'reschedule' ? current.half_hours! : 1);
        const room = input.room?.trim() || (action === 'reschedule' ? current.room! : required('room', input.room, action));
        const problem = action === 'schedule' ? slotProblem(start, halfHours, now) : rescheduleProblem(current, { start, halfHours, room }, now);
        if (problem) throw unprocessable(problem.message, [problem]);
        const end = slotEnd(start, halfHours);
        const found = await clash(trx, current, { id: current.id, slot_start: start, slot_end: end, expert_staff_id: current.expert_staff_id, room });
        if (found)
          throw conflict(found.message, {
            field: found.field,
            consultation_id: found.booking.id,
            slot_start: new Date(found.booking.slot_start).toISOString(),
            slot_end: new Date(found.booking.slot_end).toISOString(),
          });
        const settings = await currentConsultationSettings(trx);
        // a moved slot keeps the rate it was booked at; the norms are today's
        const rate = action === 'reschedule' ? current.fee_per_half_hour! : settings.fee_per_half_hour;
        Object.assign(patch, {
          slot_start: start,
          slot_end: end,
          half_hours: halfHours,
          room,
          fee_per_half_hour: rate,
          fee: consultationFee(rate, halfHours),
          ready_due_at: readyDueAt(start, settings),
          opinion_due_at: opinionDueAt(end, settings),
        });
        if (action === 'schedule') patch.scheduled_at = now;
        else {
          // the room is checked again before the new slot
          Object.assign(patch, { reschedules: current.reschedules + 1, ready_at: null, room_person: null, equipment_check: null });
          data.from = { slot_start: new Date(current.slot_start!).toISOString(), half_hours: current.half_hours, room: current.room };
        }
        Object.assign(data, { slot_start: start.toISOString(), half_hours: halfHours, room, fee: patch.fee });
        break;
      }
      case 'cancel': {
        const problem = cancelProblem(required('cancel_reason', input.cancel_reason ?? null, 'cancel'), note);
        if (problem) throw unprocessable(problem.message, [problem]);
        Object.assign(patch, { cancel_reason: input.cancel_reason, cancel_note: note, cancelled_at: now, cancelled_by_name: actor.displayName });
        data.reason = input.cancel_reason;
        break;
      }
      case 'ready': {
        const person = required('room_person', input.room_person, 'ready the room');
        const check = required('equipment_check', input.equipment_check, 'ready the room');
        Object.assign(patch, { room_person: person, equipment_check: check, ready_at: now });
        data.late = now.getTime() > new Date(current.ready_due_at!).getTime();
        note = `${person}: ${check}`;
        break;
      }
      case 'hold':
        Object.assign(patch, { held_at: now, participants: input.participants?.trim() || null });
        break;
      case 'opinion': {
        const opinion = required('opinion', input.opinion, 'upload the opinion');
        Object.assign(patch, { opinion, opinion_at: now, opinion_by_name: actor.displayName });
        data.late = now.getTime() > new Date(current.opinion_due_at!).getTime();
        note = opinion;
        break;
      }
      case 'evaluate': {
        if (input.score == null) throw badRequest('invalid score', [{ field: 'score', message: 'required to evaluate' }]);
        Object.assign(patch, { evaluation_score: input.score, evaluation_note: note, evaluated_at: now, evaluated_by_name: actor.displayName });
        data.score = input.score;
        break;
      }
    }
    const updated = await DiagnosisConsultation.query(trx).patchAndFetchById(id, patch);
    await addEvent(trx, actor, id, action, current.status, next.to, note, Object.keys(data).length ? data : null);
    await audit({ action, resource: RESOURCE, recordId: id, before: current, after: updated });
    return { ...updated.toJSON(), ...timingOf(updated, now) };
  });
}

// ---------------------------------------------------------------- one step to a referral

export interface ReferInput {
  diagnosis_code: string;
  diagnosis_text: string;
  urgency?: ReferralUrgency;
  to_department_id?: number | null;
}

/** 一键转诊: the up-referral to the host, made by the referrals domain and carrying the consultation. */
export function referConsultation(actor: Actor, id: number, input: ReferInput) {
  assertCan(actor, RESOURCE, 'refer');
  return inTransaction(actor, async (trx, audit) => {
    const c = await lockedForInviter(trx, actor, id, 'only the inviting unit refers the patient');
    const problem = referralProblem(c);
    if (problem) throw conflict(problem, { status: c.status, referral_id: c.referral_id });
    const patient = c.resident_id
      ? { resident_id: c.resident_id }
      : { patient_name: c.patient_name, patient_id_number: revealIdNumber(c.patient_id_number_cipher!) };
    const referral = await withinTransaction(trx, () =>
      createReferral(actor, {
        ...patient,
        from_org_unit_id: c.from_org_unit_id,
        to_org_unit_id: c.host_org_unit_id,
        to_department_id: input.to_department_id ?? c.host_department_id,
        direction: 'up',
        urgency: input.urgency ?? 'routine',
        diagnosis_code: input.diagnosis_code,
        diagnosis_text: input.diagnosis_text,
        reason: `远程会诊 #${c.id} 专家建议上转`,
        summary: `会诊问题：${c.question}${c.opinion ? `\n会诊意见（${c.expert_name ?? c.host_department_name}）：${c.opinion}` : ''}`,
        consultation_id: c.id,
      }),
    );
    const updated = await DiagnosisConsultation.query(trx).patchAndFetchById(id, { referral_id: referral.id, updated_at: clock.nowIso() });
    await addEvent(trx, actor, id, 'referred', null, null, `转诊 #${referral.id} → ${referral.to_unit_name}`, { referral_id: referral.id });
    await audit({ action: 'refer', resource: RESOURCE, recordId: id, before: c, after: updated });
    return { ...updated.toJSON(), referral };
  });
}

// ---------------------------------------------------------------- the page

const addEvent = (
  trx: Knex.Transaction,
  actor: Actor,
  consultationId: number,
  kind: string,
  fromStatus: ConsultationStatus | null,
  toStatus: ConsultationStatus | null,
  note: string | null,
  data: unknown,
) =>
  addTimelineEvent(
    trx,
    actor,
    'diagnosis_consultation_events',
    { consultation_id: consultationId },
    { kind, from_status: fromStatus, to_status: toStatus, note, data },
  );

/** One consultation with its timeline, attachments, late flags, the time left and the steps open to the caller. */
export async function consultationPage(actor: Actor, id: number) {
  assertCan(actor, RESOURCE, 'show');
  const c = await getRow(consultationResource, actor, id);
  const [events, attachments, paths] = await Promise.all([
    ConsultationEvent.query()
      .where('consultation_id', id)
      .orderBy([{ column: 'at' }, { column: 'id' }]),
    db()('diagnosis_consultation_attachments')
      .select<{ id: number; filename: string; content_type: string; size: number; uploaded_by_name: string; uploaded_at: string }[]>(
        'id',
        'filename',
        'content_type',
        'size',
        'uploaded_by_name',
        'uploaded_at',
      )
      .where('consultation_id', id)
      .orderBy('id'),
    sidePaths(db(), c),
  ]);
  const mayAttach = MATERIAL_STATUSES.includes(c.status) && can(actor.roles, RESOURCE, 'create') && sideProblem(actor, c, 'inviter', paths) === null;
  const mayRefer =
    referralProblem(c) === null &&
    can(actor.roles, RESOURCE, 'refer') &&
    can(actor.roles, 'referrals', 'create') &&
    sideProblem(actor, c, 'inviter', paths) === null;
  return {
    ...c.toJSON(),
    ...timingOf(c, clock.now()),
    events,
    attachments,
    can_attach: mayAttach,
    can_refer: mayRefer,
    allowed_actions: allowedActions(c.status).filter((a) => can(actor.roles, RESOURCE, a) && sideProblem(actor, c, actingSide(a), paths) === null),
  };
}
