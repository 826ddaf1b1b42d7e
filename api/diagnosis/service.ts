// Use-cases of the diagnosis centres (五大诊断中心): the centres and their services (configuration),
// requests from any unit with their attachments, each step of the request's state machine (an
// event on its timeline, audited in its transaction), the request page and the worklist.
// The critical-value escalation is in ./critical.ts, the figures in ./figures.ts, the sample in ./samples.ts.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { can } from '../core/access';
import { db } from '../db/knex';
import { inFixedSet } from '../db/fixedSet';
import { scopeByAnyUnit } from '../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, unsupportedMedia, conflict, forbidden, notFound, unprocessable } from '../core/errors';
import { withinScope, accounts } from '../auth';
import { fromFen } from '../shared/money';
import { unitById, unitsByIds } from '../org';
import { staffQualifications } from '../hr';
import { notify } from '../notifications';
import { resolvePatient, type PatientInput } from '../referrals';
import * as clock from '../core/clock';
import { assertOnDuty, onDuty } from './duties';
import { DiagnosisAttachment, DiagnosisCentre, DiagnosisEvent, DiagnosisRequest, DiagnosisService } from './model';
import {
  ACCEPTED_TYPES,
  CENTRE_KINDS,
  MAX_ATTACHMENTS,
  OPEN_STATUSES,
  STATUSES,
  URGENCIES,
  actingSide,
  allowedActions,
  cosignProblem,
  evaluationProblem,
  reportStatus,
  defaultNorms,
  dueAt,
  isLate,
  minutesLeft,
  nextStatus,
  normFor,
  readerProblem,
  sniffType,
  type DxAction,
  type Status,
  type Urgency,
} from './rules';

type Row = Record<string, unknown>;

// ---------------------------------------------------------------- centres and services

/** Every unit sees the centres (a village doctor chooses where to send); group_admin configures them. */
export const centreResource: ResourceDef<DiagnosisCentre> = {
  name: 'diagnosis-centres',
  model: DiagnosisCentre,
  scope: (qb) => qb,
  list: {
    fields: { kind: CENTRE_KINDS, host_org_unit_id: 'int', active: 'bool', name: 'text' },
    search: ['diagnosis_centres.name'],
    defaultSort: ['id', 'ASC'],
  },
  unitOf: (d) => d.host_org_unit_id as number | undefined,
  prepareCreate: async (d, trx) => {
    await servedUnitsExist(trx, d.served_unit_ids as number[] | undefined);
    return { ...d, served_unit_ids: d.served_unit_ids ?? [] };
  },
  prepareUpdate: async (d, _c, trx) => {
    await servedUnitsExist(trx, d.served_unit_ids as number[] | undefined);
    return d;
  },
};

async function servedUnitsExist(trx: Knex.Transaction, ids: number[] | undefined) {
  if (!ids?.length) return;
  const found = await unitsByIds(ids, ['id'], trx);
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length) throw unprocessable(`no unit ${missing.join(', ')}`, [{ field: 'served_unit_ids', message: `no such unit: ${missing.join(', ')}` }]);
}

/** A service's fee comes in as yuan (`fee`, checked as fen by the route) and is kept as a decimal; norms left out take the national defaults of its kind and modality. */
export const serviceResource: ResourceDef<DiagnosisService> = {
  name: 'diagnosis-services',
  model: DiagnosisService,
  scope: (qb) => qb,
  list: {
    fields: { centre_id: 'int', active: 'bool', code: 'text', name: 'text', modality: 'text' },
    search: ['diagnosis_services.name', 'diagnosis_services.code'],
    defaultSort: ['id', 'ASC'],
  },
  prepareCreate: async (d, trx) => {
    const centre = await DiagnosisCentre.query(trx).findById(d.centre_id as number);
    if (!centre) throw unprocessable('no such centre', [{ field: 'centre_id', message: 'not a diagnosis centre' }]);
    const norms = defaultNorms(centre.kind, d.modality as string | undefined);
    const { fee, ...rest } = d;
    return {
      ...rest,
      fee: fromFen(fee as bigint),
      norm_emergency_minutes: d.norm_emergency_minutes === undefined ? norms.emergency : d.norm_emergency_minutes,
      norm_routine_minutes: d.norm_routine_minutes === undefined ? norms.routine : d.norm_routine_minutes,
    };
  },
  prepareUpdate: async (d) => {
    const { fee, ...rest } = d;
    return fee === undefined ? rest : { ...rest, fee: fromFen(fee as bigint) };
  },
};

/** The staff of a centre's unit who may read its reports (the seniors who may re-read them, who is on duty today), from the HR registry. */
export async function centreReaders(actor: Actor, centreId: number) {
  assertCan(actor, 'diagnosis-centres', 'show');
  const centre = await DiagnosisCentre.query().findById(centreId);
  if (!centre) throw notFound('diagnosis-centres', centreId);
  const [people, duty] = await Promise.all([
    staffQualifications({ workOrgUnitId: centre.host_org_unit_id }, clock.today()),
    onDuty(db(), centre.id, clock.today()),
  ]);
  // on_duty: on today's roster; null when the centre keeps none today
  return people
    .filter((p) => readerProblem(p, centre) === null)
    .map((p) => ({
      id: p.id,
      name: p.name,
      title: p.title,
      senior: readerProblem(p, centre, true) === null,
      on_duty: duty.length ? duty.includes(p.id) : null,
    }));
}

// ---------------------------------------------------------------- the requests resource

/** Past the norm (red on the worklist) and the minutes left, as of the clock. */
const TIMING_SQL =
  '(coalesce(diagnosis_requests.reported_at, ?::timestamptz) > diagnosis_requests.due_at) as late, ' +
  'case when diagnosis_requests.reported_at is null then floor(extract(epoch from diagnosis_requests.due_at - ?::timestamptz) / 60)::int end as minutes_left';

export const requestResource: ResourceDef<DiagnosisRequest> = {
  name: 'diagnosis-requests',
  model: DiagnosisRequest,
  // a request belongs to both ends: the requesting unit and the centre's unit see it; a STEMI's, the PCI hospital receiving the patient too
  scope: scopeByAnyUnit('diagnosis_requests.from_org_unit_id', 'diagnosis_requests.centre_org_unit_id', 'diagnosis_requests.receiving_org_unit_id'),
  list: {
    fields: {
      status: STATUSES,
      urgency: URGENCIES,
      kind: CENTRE_KINDS,
      centre_id: 'int',
      service_id: 'int',
      from_org_unit_id: 'int',
      from_doctor_id: 'int',
      resident_id: 'int',
      critical: 'bool',
      patient_name: 'text',
      submitted_at: 'timestamp',
      due_at: 'timestamp',
      reported_at: 'timestamp',
    },
    search: [
      'diagnosis_requests.patient_name',
      'diagnosis_requests.service_name',
      'diagnosis_requests.from_unit_name',
      'diagnosis_requests.patient_id_number_masked',
    ],
    defaultSort: ['submitted_at', 'DESC'],
    custom: { worklist: 'int', late: 'bool', unacknowledged: 'bool' },
  },
  listColumns: [
    'id',
    'centre_id',
    'kind',
    'service_name',
    'patient_name',
    'patient_id_number_masked',
    'from_org_unit_id',
    'from_unit_name',
    'from_level',
    'from_doctor_name',
    'urgency',
    'status',
    'submitted_at',
    'due_at',
    'reported_at',
    'reader_name',
    'critical',
    'acknowledged_at',
    'escalation_level',
  ],
  applyCustom: (qb, custom) => {
    const now = clock.now();
    qb.select(db().raw(TIMING_SQL, [now, now]));
    // a centre's worklist: what is still to check, assign or report, emergencies first, the nearest due time first
    if (custom.worklist !== undefined) {
      qb.where('diagnosis_requests.centre_id', custom.worklist as number)
        .where(inFixedSet('diagnosis_requests.status', OPEN_STATUSES))
        .orderBy('diagnosis_requests.urgency_rank')
        .orderBy('diagnosis_requests.due_at');
    }
    if (custom.late === true) qb.whereRaw('coalesce(diagnosis_requests.reported_at, ?::timestamptz) > diagnosis_requests.due_at', [now]);
    if (custom.late === false) qb.whereRaw('coalesce(diagnosis_requests.reported_at, ?::timestamptz) <= diagnosis_requests.due_at', [now]);
    if (custom.unacknowledged === true) qb.where('diagnosis_requests.critical', true).where('diagnosis_requests.status', 'reported');
  },
};

// ---------------------------------------------------------------- request

export interface RequestInput extends PatientInput {
  service_id: number;
  from_org_unit_id?: number;
  urgency: Urgency;
  clinical_question: string;
}

/** Sends a request to the centre of the service: the centre must serve the unit, the service be offered at the urgency. */
export function createRequest(actor: Actor, input: RequestInput) {
  assertCan(actor, 'diagnosis-requests', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const fromId = input.from_org_unit_id ?? actor.orgUnitId;
    await assertUnitInScope(actor, fromId, 'from_org_unit_id', trx);
    const from = await unitById(fromId, ['id', 'name', 'level', 'path', 'active'], trx);
    if (!from?.active) throw unprocessable(`unit ${fromId} is not an active member`, [{ field: 'from_org_unit_id', message: 'not an active member unit' }]);
    const service = await DiagnosisService.query(trx).findById(input.service_id);
    const centre = service && (await DiagnosisCentre.query(trx).findById(service.centre_id));
    if (!service?.active || !centre?.active)
      throw unprocessable('no such service', [{ field: 'service_id', message: 'not an active service of an active centre' }]);
    if (centre.served_unit_ids.length) {
      const served = await unitsByIds(centre.served_unit_ids, ['path'], trx);
      if (!served.some((u) => withinScope(from.path, u.path)))
        throw unprocessable(`${centre.name} does not serve ${from.name}`, [{ field: 'service_id', message: 'the centre does not serve your unit' }]);
    }
    const norm = normFor({ emergency: service.norm_emergency_minutes, routine: service.norm_routine_minutes }, input.urgency);
    if ('problem' in norm) throw unprocessable(norm.problem, [{ field: 'urgency', message: norm.problem }]);
    const patient = await resolvePatient(trx, actor, input);
    const now = clock.now();
    const created = await DiagnosisRequest.query(trx).insertAndFetch({
      ...patient,
      centre_id: centre.id,
      centre_org_unit_id: centre.host_org_unit_id,
      kind: centre.kind,
      service_id: service.id,
      service_name: service.name,
      from_org_unit_id: from.id,
      from_unit_name: from.name,
      from_level: from.level,
      from_doctor_id: actor.id || null,
      from_doctor_name: actor.displayName,
      clinical_question: input.clinical_question,
      urgency: input.urgency,
      status: 'submitted',
      fee: service.fee,
      norm_minutes: norm.minutes,
      submitted_at: now.toISOString(),
      due_at: dueAt(now, norm.minutes).toISOString(),
    });
    await addEvent(trx, actor, created.id, 'submitted', null, 'submitted', input.clinical_question, { urgency: input.urgency, due_at: created.due_at });
    await audit({ action: 'create', resource: 'diagnosis-requests', recordId: created.id, after: created });
    return created;
  });
}

// ---------------------------------------------------------------- attachments

export interface IncomingFile {
  originalname: string;
  size: number;
  content: Buffer;
}

/** Attaches a file to a request still being checked: the requesting side only, a type the centres take (by its bytes), at most MAX_ATTACHMENTS. */
export function attach(actor: Actor, id: number, file: IncomingFile) {
  assertCan(actor, 'diagnosis-requests', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await lockRow(trx, 'diagnosis_requests', id);
    const r = await getRow(requestResource, actor, id, trx);
    const paths = await unitPaths(trx, r);
    if (!withinScope(paths.from, actor.scopePath)) throw forbidden('only the requesting unit attaches material');
    if (r.status !== 'submitted') throw conflict(`cannot attach to a ${r.status} request; only while submitted`, { status: r.status, allowed: ['submitted'] });
    const row = await storeAttachment(trx, actor, 'diagnosis_attachments', { request_id: id }, file);
    await addEvent(trx, actor, id, 'attached', null, null, row.filename, { attachment_id: row.id, size: row.size, content_type: row.content_type });
    await audit({ action: 'attach', resource: 'diagnosis-requests', recordId: id, after: row });
    return row;
  });
}

/**
 * Stores a file of a request or a consultation (`owner`: its column and id): a type the centres take
 * (by its bytes, else a 415 naming the field), at most MAX_ATTACHMENTS; the size limit (413) is the route's.
 */
export async function storeAttachment(
  trx: Knex.Transaction,
  actor: Actor,
  table: 'diagnosis_attachments' | 'diagnosis_consultation_attachments',
  owner: Record<string, number>,
  file: IncomingFile,
) {
  const type = sniffType(file.content.subarray(0, 132));
  if (!type)
    throw unsupportedMedia(`${file.originalname} is not one of ${ACCEPTED_TYPES.join(', ')}`, [
      { field: 'file', message: `not a PNG, JPEG, PDF or DICOM file (${ACCEPTED_TYPES.join(', ')})` },
    ]);
  const count = await trx(table).where(owner).count<{ n: string }[]>('* as n');
  if (Number(count[0].n) >= MAX_ATTACHMENTS)
    throw unprocessable(`at most ${MAX_ATTACHMENTS} files`, [{ field: 'file', message: `at most ${MAX_ATTACHMENTS} files` }]);
  const [row] = await trx(table)
    .insert({
      ...owner,
      filename: file.originalname.slice(0, 200),
      content_type: type,
      size: file.size,
      content: file.content,
      uploaded_by: actor.id || null,
      uploaded_by_name: actor.displayName,
      uploaded_at: clock.now(),
    })
    .returning<
      { id: number; filename: string; content_type: string; size: number; uploaded_by: number | null; uploaded_by_name: string; uploaded_at: string }[]
    >([...Object.keys(owner), 'id', 'filename', 'content_type', 'size', 'uploaded_by', 'uploaded_by_name', 'uploaded_at']);
  return row;
}

/** A stored file's bytes (`owner`: its request or consultation), or a 404. */
export async function storedAttachment(
  table: 'diagnosis_attachments' | 'diagnosis_consultation_attachments',
  owner: Record<string, number>,
  attachmentId: number,
) {
  const row = await db()(table)
    .where({ ...owner, id: attachmentId })
    .first<{ filename: string; content_type: string; content: Buffer } | undefined>('filename', 'content_type', 'content');
  if (!row) throw notFound('attachment', attachmentId);
  return row;
}

/** An attachment's bytes, for whoever sees the request. */
export async function attachmentContent(actor: Actor, id: number, attachmentId: number) {
  assertCan(actor, 'diagnosis-requests', 'show');
  await getRow(requestResource, actor, id);
  return storedAttachment('diagnosis_attachments', { request_id: id }, attachmentId);
}

// ---------------------------------------------------------------- transitions

export interface StepInput {
  reason?: string | null;
  note?: string | null;
  reader_staff_id?: number | null;
  findings?: string | null;
  conclusion?: string | null;
  critical?: boolean;
  critical_note?: string | null;
}

export async function unitPaths(trx: Knex.Transaction, r: Pick<DiagnosisRequest, 'from_org_unit_id' | 'centre_org_unit_id'>) {
  const rows = await unitsByIds([r.from_org_unit_id, r.centre_org_unit_id], ['id', 'path'], trx);
  const path = (id: number) => rows.find((u) => u.id === id)!.path;
  return { from: path(r.from_org_unit_id), centre: path(r.centre_org_unit_id) };
}

/** May the actor act for the side of the request this step belongs to? */
function sideProblem(actor: Actor, r: DiagnosisRequest, action: DxAction, paths: { from: string; centre: string }): string | null {
  if (actingSide(action) === 'centre') return withinScope(paths.centre, actor.scopePath) ? null : `only the centre's unit may ${action} this request`;
  // the requesting doctor, or the requesting unit (its director, a colleague on duty)
  return actor.id === r.from_doctor_id || withinScope(paths.from, actor.scopePath) ? null : `only the requesting unit may ${action} this request`;
}

/** The trimmed text of a step's field it cannot do without, or a 400 naming the field. */
export const required = (field: string, value: string | null | undefined, action: string) => {
  if (!value?.trim()) throw badRequest(`invalid ${field}`, [{ field, message: `required to ${action}` }]);
  return value.trim();
};

/** A reader the HR registry qualifies for the centre and on its roster today (when it keeps one), or a 422 naming `field`. */
async function qualifiedReader(trx: Knex.Transaction, centre: DiagnosisCentre, staffId: number, field: string, senior = false) {
  const [person] = await staffQualifications({ ids: [staffId] }, clock.today(), trx);
  if (!person) throw unprocessable(`no staff ${staffId}`, [{ field, message: 'not in the staff registry' }]);
  const problem = readerProblem(person, centre, senior);
  if (problem) throw unprocessable(problem, [{ field, message: problem }]);
  await assertOnDuty(trx, centre.id, person.id, field);
  return person;
}

/** The signed version of a report, kept for good (a correction adds the next). */
async function addVersion(trx: Knex.Transaction, r: DiagnosisRequest, signedAt: Date) {
  await trx('diagnosis_report_versions').insert({
    request_id: r.id,
    version: r.report_version,
    findings: r.findings,
    conclusion: r.conclusion,
    critical: r.critical,
    critical_note: r.critical_note,
    signer_staff_id: r.signer_staff_id,
    signer_name: r.signer_name,
    second_signer_staff_id: r.second_signer_staff_id,
    second_signer_name: r.second_signer_name,
    reason: r.report_version > 1 ? r.correction_reason : null,
    signed_at: signedAt,
  });
}

/** The report's final fields: signed now, a critical value's acknowledgement window started, the next version. */
const finalFields = (current: DiagnosisRequest, centre: DiagnosisCentre, critical: boolean, now: Date) => ({
  critical,
  ack_due_at: critical ? new Date(now.getTime() + centre.critical_ack_minutes * 60_000) : null,
  reported_at: current.reported_at ?? now,
  acknowledged_at: null,
  acknowledged_by: null,
  acknowledged_by_name: null,
  report_version: current.report_version + 1,
});

/** accept | return | assign | report | cosign | correct | acknowledge: one step of the state machine, one event, one audit row. */
export function step(actor: Actor, id: number, action: DxAction, input: StepInput) {
  assertCan(actor, 'diagnosis-requests', action);
  return inTransaction(actor, async (trx, audit) => {
    await lockRow(trx, 'diagnosis_requests', id);
    const current = await getRow(requestResource, actor, id, trx);
    const side = sideProblem(actor, current, action, await unitPaths(trx, current));
    if (side) throw forbidden(side);
    const next = nextStatus(current.status, action);
    if ('problem' in next) throw conflict(next.problem, { status: current.status, allowed: next.allowed });
    const centre = (await DiagnosisCentre.query(trx).findById(current.centre_id))!;
    const service = (await DiagnosisService.query(trx).findById(current.service_id))!;
    const to = reportStatus(next.to, action, service.second_signature);
    const now = clock.now();
    const patch: Row = { status: to, updated_at: now.toISOString() };
    const data: Row = {};
    let note = input.note?.trim() || null;
    switch (action) {
      case 'accept':
        patch.accepted_at = now;
        break;
      case 'return':
        note = required('reason', input.reason, 'return');
        Object.assign(patch, { returned_at: now, return_reason: note });
        break;
      case 'assign': {
        if (input.reader_staff_id == null) throw badRequest('invalid reader_staff_id', [{ field: 'reader_staff_id', message: 'required to assign' }]);
        const reader = await qualifiedReader(trx, centre, input.reader_staff_id, 'reader_staff_id');
        Object.assign(patch, { reader_staff_id: reader.id, reader_name: reader.name, assigned_at: now });
        Object.assign(data, { reader_staff_id: reader.id, reader_name: reader.name, title: reader.title });
        break;
      }
      case 'report':
      case 'correct': {
        const conclusion = required('conclusion', input.conclusion, action);
        const reason = action === 'correct' ? required('reason', input.reason, 'correct a signed report') : null;
        // the assigned reader signs; their qualification is checked again on the day of the report
        const signer = await qualifiedReader(trx, centre, current.reader_staff_id!, 'reader_staff_id');
        const critical = input.critical === true;
        if (critical) required('critical_note', input.critical_note, 'flag a critical value');
        Object.assign(patch, {
          findings: input.findings?.trim() || null,
          conclusion,
          signer_staff_id: signer.id,
          signer_name: signer.name,
          second_signer_staff_id: null,
          second_signer_name: null,
          reported_by: actor.id || null,
          // preliminary: the flag waits in the note for the second signature
          critical_note: critical ? input.critical_note!.trim() : null,
          ...(action === 'correct' ? { correction_reason: reason } : {}),
          ...(to === 'preliminary' ? { critical: false, ack_due_at: null } : finalFields(current, centre, critical, now)),
        });
        Object.assign(data, {
          critical,
          preliminary: to === 'preliminary',
          late: isLate({ due_at: current.due_at, reported_at: current.reported_at ?? now.toISOString() }, now),
        });
        if (reason) data.reason = reason;
        note = reason ? `${reason} → ${conclusion}` : conclusion;
        break;
      }
      case 'cosign': {
        if (input.reader_staff_id == null) throw badRequest('invalid reader_staff_id', [{ field: 'reader_staff_id', message: 'required to co-sign' }]);
        const second = await qualifiedReader(trx, centre, input.reader_staff_id, 'reader_staff_id');
        const problem = cosignProblem(current.signer_staff_id, second.id);
        if (problem) throw unprocessable(problem, [{ field: 'reader_staff_id', message: problem }]);
        Object.assign(patch, {
          second_signer_staff_id: second.id,
          second_signer_name: second.name,
          ...finalFields(current, centre, current.critical_note != null, now),
        });
        Object.assign(data, { second_signer_staff_id: second.id, second_signer_name: second.name });
        note = current.conclusion;
        break;
      }
      case 'acknowledge':
        Object.assign(patch, { acknowledged_at: now, acknowledged_by: actor.id || null, acknowledged_by_name: actor.displayName });
        if (current.critical && current.ack_due_at)
          data.minutes_to_acknowledge = Math.round((now.getTime() - new Date(current.reported_at!).getTime()) / 60_000);
        break;
    }
    const updated = await DiagnosisRequest.query(trx).patchAndFetchById(id, patch);
    if (updated.report_version > current.report_version) await addVersion(trx, updated, now);
    const kind = action === 'correct' ? 'corrected' : action === 'cosign' ? 'cosigned' : to;
    await addEvent(trx, actor, id, kind, current.status, to, note, Object.keys(data).length ? data : null);
    await noticeOf(trx, updated, action);
    await audit({ action, resource: 'diagnosis-requests', recordId: id, before: current, after: updated });
    return updated;
  });
}

export interface EvaluationInput {
  score: number;
  comment?: string | null;
}

/** The requesting side's evaluation of a final report (1–5 and a comment), once. */
export function evaluate(actor: Actor, id: number, input: EvaluationInput) {
  assertCan(actor, 'diagnosis-requests', 'evaluate');
  return inTransaction(actor, async (trx, audit) => {
    await lockRow(trx, 'diagnosis_requests', id);
    const current = await getRow(requestResource, actor, id, trx);
    const paths = await unitPaths(trx, current);
    if (!(actor.id === current.from_doctor_id || withinScope(paths.from, actor.scopePath))) throw forbidden('only the requesting unit evaluates the report');
    const problem = evaluationProblem(current);
    if (problem) throw conflict(problem, { status: current.status, evaluated_at: current.evaluated_at });
    const now = clock.now();
    const updated = await DiagnosisRequest.query(trx).patchAndFetchById(id, {
      evaluation_score: input.score,
      evaluation_comment: input.comment?.trim() || null,
      evaluated_at: now.toISOString(),
      evaluated_by: actor.id || null,
      evaluated_by_name: actor.displayName,
      updated_at: now.toISOString(),
    });
    await addEvent(trx, actor, id, 'evaluated', null, null, updated.evaluation_comment, { score: input.score });
    await audit({ action: 'evaluate', resource: 'diagnosis-requests', recordId: id, before: current, after: updated });
    return updated;
  });
}

/** The requesting doctor hears of a return and of the report; a critical value is its own, urgent notice. */
async function noticeOf(trx: Knex.Transaction, r: DiagnosisRequest, action: DxAction) {
  // a report is heard of once final (signed twice where the service needs it); a correction as such
  if (!['return', 'report', 'cosign', 'correct'].includes(action) || r.status === 'preliminary' || !r.from_doctor_id) return;
  const kind =
    action === 'return' ? 'diagnosis_returned' : r.critical ? 'diagnosis_critical' : action === 'correct' ? 'diagnosis_corrected' : 'diagnosis_reported';
  await notify(trx, [r.from_doctor_id], {
    kind,
    resource: 'diagnosis-requests',
    record_id: r.id,
    data: { patient_name: r.patient_name, service_name: r.service_name, reason: r.return_reason, conclusion: r.conclusion, critical_note: r.critical_note },
  });
}

export function addEvent(
  trx: Knex.Transaction,
  actor: Actor,
  requestId: number,
  kind: string,
  fromStatus: Status | null,
  toStatus: Status | null,
  note: string | null,
  data: unknown,
) {
  return addTimelineEvent(trx, actor, 'diagnosis_events', { request_id: requestId }, { kind, from_status: fromStatus, to_status: toStatus, note, data });
}

/** One event on the timeline of a request or a consultation (`owner`: its column and id), by the actor, now. */
export async function addTimelineEvent(
  trx: Knex.Transaction,
  actor: Actor,
  table: 'diagnosis_events' | 'diagnosis_consultation_events',
  owner: Record<string, number>,
  e: { kind: string; from_status: string | null; to_status: string | null; note: string | null; data: unknown },
) {
  await trx(table).insert({
    ...owner,
    ...e,
    data: e.data == null ? null : JSON.stringify(e.data),
    actor_id: actor.id || null,
    actor_name: actor.displayName || actor.username,
    at: clock.nowIso(),
  });
}

// ---------------------------------------------------------------- the request page

/** One request with its timeline, attachments, escalations, timing and the steps open to the caller. */
export async function requestPage(actor: Actor, id: number) {
  assertCan(actor, 'diagnosis-requests', 'show');
  const r = await getRow(requestResource, actor, id);
  const [events, attachments, escalations, centre, versions] = await Promise.all([
    DiagnosisEvent.query()
      .where('request_id', id)
      .orderBy([{ column: 'at' }, { column: 'id' }]),
    db()('diagnosis_attachments')
      .select<Omit<DiagnosisAttachment, 'request_id' | 'uploaded_by'>[]>('id', 'filename', 'content_type', 'size', 'uploaded_by_name', 'uploaded_at')
      .where('request_id', id)
      .orderBy('id'),
    db()('diagnosis_escalations')
      .select<{ level: number; escalated_at: string; notify_user_ids: number[] }[]>('level', 'escalated_at', 'notify_user_ids')
      .where('request_id', id)
      .orderBy('level'),
    DiagnosisCentre.query().findById(r.centre_id),
    db()('diagnosis_report_versions')
      .select<Row[]>('version', 'findings', 'conclusion', 'critical', 'critical_note', 'signer_name', 'second_signer_name', 'reason', 'signed_at')
      .where('request_id', id)
      .orderBy('version'),
  ]);
  const paths = await db().transaction((trx) => unitPaths(trx, r));
  const now = clock.now();
  return {
    ...r.toJSON(),
    centre_name: centre!.name,
    late: isLate(r, now),
    minutes_left: minutesLeft(r, now),
    events,
    attachments,
    escalations,
    versions,
    can_evaluate: can(actor.roles, 'diagnosis-requests', 'evaluate') && evaluationProblem(r) === null && sideProblem(actor, r, 'acknowledge', paths) === null,
    allowed_actions: allowedActions(r.status).filter((a) => can(actor.roles, 'diagnosis-requests', a) && sideProblem(actor, r, a, paths) === null),
  };
}

/** Who is told: users by role at a unit (the escalation's recipients). */
export const directorsOf = (trx: Knex.Transaction, unitId: number) =>
  accounts(['id'], trx).where('org_unit_id', unitId).where('active', true).whereRaw("'director' = any(roles)").orderBy('id').pluck('id') as unknown as Promise<
    number[]
  >;
