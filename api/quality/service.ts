// Quality management's use-cases: committees with members and meetings, checklists, inspections
// scored per item, findings rectified by their unit and verified by the inspector (整改闭环), the
// escalation of overdue findings, and the units' quality scores per period.
import type { Knex } from 'knex';
import { systemActor, type Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { scopeByAnyUnit } from '../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, forbidden, notFound, unprocessable, unsupportedMedia } from '../core/errors';
import { sniffType } from '../shared/fileType';
import { accounts, withinScope } from '../auth';
import { notify } from '../notifications';
import { staffNames } from '../hr';
import { unitById, unitsByIds } from '../org';
import * as clock from '../core/clock';
import {
  Checklist,
  ChecklistItem,
  Committee,
  CommitteeMeeting,
  CommitteeMember,
  Finding,
  FindingEvent,
  FindingFile,
  Inspection,
  InspectionScore,
} from './model';
import { COMMITTEE_KIND, COMMITTEE_ROLE, FINDING_STATUS, INSPECTION_KIND, INSPECTION_STATUS, MEETING_KIND, SEVERITY } from './enums';
import {
  allowedFindingActions,
  asOfDay,
  findingSide,
  FINDING_FILE_STATUSES,
  FINDING_FILE_TYPES,
  inspectionScore,
  MAX_FINDING_FILES,
  nextFindingStatus,
  qualityScore,
  scoreProblems,
  type FindingAction,
  type QualityScore,
  type Severity,
} from './rules';

// ---------------------------------------------------------------- committees, members, meetings

export const committeeResource: ResourceDef<Committee> = {
  name: 'committees',
  model: Committee,
  scope: (qb) => qb,
  list: { fields: { name: 'text', kind: COMMITTEE_KIND.values, active: 'bool' }, search: ['quality_committees.name'], defaultSort: ['id', 'ASC'] },
};

/** Adds each committee's member count. */
export async function withMemberCounts(rows: Committee[]) {
  const counts = await CommitteeMember.query()
    .select('committee_id')
    .count('* as n')
    .whereIn(
      'committee_id',
      rows.map((r) => r.id),
    )
    .groupBy('committee_id');
  const n = new Map(counts.map((c) => [c.committee_id, Number((c as unknown as { n: number }).n)]));
  return rows.map((r) => ({ ...r.toJSON(), member_count: n.get(r.id) ?? 0 }));
}

async function assertStaff(staffId: number, trx: Knex.Transaction) {
  if (!(await staffNames([staffId], trx)).has(staffId))
    throw unprocessable(`staff ${staffId} is not in the HR registry`, [{ field: 'staff_id', message: 'no such staff member' }]);
}

export const memberResource: ResourceDef<CommitteeMember> = {
  name: 'committee-members',
  model: CommitteeMember,
  scope: (qb) => qb,
  list: { fields: { committee_id: 'int', staff_id: 'int', role: COMMITTEE_ROLE.values }, defaultSort: ['id', 'ASC'] },
  prepareCreate: async (data, trx) => {
    await assertStaff(data.staff_id as number, trx);
    return data;
  },
  prepareUpdate: async (data, _current, trx) => {
    if (data.staff_id !== undefined) await assertStaff(data.staff_id as number, trx);
    return data;
  },
};

/** Adds each member's name from the HR registry. */
export async function withStaffNames(rows: CommitteeMember[]) {
  const names = await staffNames(rows.map((r) => r.staff_id));
  return rows.map((r) => ({ ...r.toJSON(), staff_name: names.get(r.staff_id) ?? null }));
}

export const meetingResource: ResourceDef<CommitteeMeeting> = {
  name: 'committee-meetings',
  model: CommitteeMeeting,
  scope: (qb) => qb,
  list: {
    fields: { committee_id: 'int', kind: MEETING_KIND.values, held_on: 'date' },
    search: ['quality_meetings.topic', 'quality_meetings.decisions'],
    defaultSort: ['held_on', 'DESC'],
  },
};

// ---------------------------------------------------------------- checklists (configuration)

export const checklistResource: ResourceDef<Checklist> = {
  name: 'checklists',
  model: Checklist,
  scope: (qb) => qb,
  list: { fields: { name: 'text', committee_id: 'int', active: 'bool' }, search: ['quality_checklists.name'], defaultSort: ['id', 'ASC'] },
};

const itemsOf = (checklistIds: number[], conn?: Knex | Knex.Transaction) =>
  ChecklistItem.query(conn).whereIn('checklist_id', checklistIds).orderBy(['checklist_id', 'seq']);

/** Adds each checklist's items and their total maximum. */
export async function withItems(rows: Checklist[], trx?: Knex.Transaction) {
  const items = await itemsOf(
    rows.map((r) => r.id),
    trx,
  );
  return rows.map((r) => {
    const own = items.filter((i) => i.checklist_id === r.id);
    return { ...r.toJSON(), items: own, max_total: (own.reduce((s, i) => s + Math.round(Number(i.max_score) * 100), 0) / 100).toFixed(2) };
  });
}

export async function readChecklist(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'checklists', 'show');
  return (await withItems([await getRow(checklistResource, actor, id, trx)], trx))[0];
}

export function createChecklist(actor: Actor, input: { name: string; committee_id?: number | null; items: { title: string; max_score: string }[] }) {
  assertCan(actor, 'checklists', 'create');
  return inTransaction(actor, async (trx, audit) => {
    if (input.committee_id != null && !(await Committee.query(trx).findById(input.committee_id)))
      throw unprocessable('no such committee', [{ field: 'committee_id', message: 'no such committee' }]);
    const list = await Checklist.query(trx).insertAndFetch({ name: input.name, committee_id: input.committee_id ?? null });
    await trx(ChecklistItem.tableName).insert(input.items.map((it, i) => ({ checklist_id: list.id, seq: i + 1, title: it.title, max_score: it.max_score })));
    const full = await readChecklist(actor, list.id, trx);
    await audit({ action: 'create', resource: 'checklists', recordId: list.id, after: full });
    return full;
  });
}

// ---------------------------------------------------------------- inspections

/** A row of a member unit is seen by the unit's side and, for a cross-inspection, by the inspecting unit's. */
const inspectionScope = scopeByAnyUnit('quality_inspections.org_unit_id', 'quality_inspections.inspector_org_unit_id');

export const inspectionResource: ResourceDef<Inspection> = {
  name: 'quality-inspections',
  model: Inspection,
  scope: inspectionScope,
  list: {
    fields: {
      kind: INSPECTION_KIND.values,
      status: INSPECTION_STATUS.values,
      committee_id: 'int',
      org_unit_id: 'int',
      inspector_org_unit_id: 'int',
      inspected_on: 'date',
    },
    search: ['quality_inspections.summary'],
    defaultSort: ['inspected_on', 'DESC'],
  },
};

/** May the actor act as this inspection's inspector: the quality office for any, a unit's side for its cross-inspections. */
function assertInspector(actor: Actor, inspection: Pick<Inspection, 'kind' | 'inspector_org_unit_id'>, inspectorPath: string | null, what: string) {
  if (actor.roles.includes('group_admin')) return;
  if (inspection.kind === 'cross' && inspectorPath && withinScope(inspectorPath, actor.scopePath)) return;
  throw forbidden(`only the ${inspection.kind === 'cross' ? 'inspecting unit' : 'committee (the quality office)'} may ${what}`);
}

/** The inspector's side of a finding (verify, reject), never taken by the unit that rectifies: the HQ's scope holds the branch that inspects it. */
function assertSignOff(actor: Actor, inspection: Inspection, inspectorPath: string | null, ownerUnitId: number, what: string) {
  assertInspector(actor, inspection, inspectorPath, what);
  if (!actor.roles.includes('group_admin') && actor.orgUnitId === ownerUnitId)
    throw forbidden('the unit that rectifies may not verify or reject its own rectification');
}

async function pathOf(id: number | null, conn: Knex | Knex.Transaction) {
  return id == null ? null : ((await unitById(id, ['path'], conn))?.path ?? null);
}

export interface InspectionInput {
  kind: 'committee' | 'cross';
  committee_id?: number | null;
  inspector_org_unit_id?: number | null;
  org_unit_id: number;
  checklist_id: number;
  inspected_on: string;
  summary?: string | null;
}

export function createInspection(actor: Actor, input: InspectionInput) {
  assertCan(actor, 'quality-inspections', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const committee = input.kind === 'committee' ? (input.committee_id ?? null) : null;
    const inspector = input.kind === 'cross' ? (input.inspector_org_unit_id ?? null) : null;
    if (input.kind === 'committee' && committee == null)
      throw badRequest('invalid committee_id', [{ field: 'committee_id', message: 'a committee inspection names its committee' }]);
    if (input.kind === 'cross' && inspector == null)
      throw badRequest('invalid inspector_org_unit_id', [{ field: 'inspector_org_unit_id', message: 'a cross-inspection names the inspecting unit' }]);
    if (input.kind === 'committee' && input.inspector_org_unit_id != null)
      throw badRequest('invalid inspector_org_unit_id', [{ field: 'inspector_org_unit_id', message: 'a committee inspection has no inspecting unit' }]);
    if (input.kind === 'cross' && input.committee_id != null)
      throw badRequest('invalid committee_id', [{ field: 'committee_id', message: 'a cross-inspection is made by a unit, not a committee' }]);
    if (inspector === input.org_unit_id)
      throw unprocessable('a unit does not cross-inspect itself', [{ field: 'inspector_org_unit_id', message: 'the same unit as org_unit_id' }]);
    const units = await unitsByIds([input.org_unit_id, ...(inspector ? [inspector] : [])], ['id', 'path', 'active'], trx);
    const inspected = units.find((u) => u.id === input.org_unit_id);
    if (!inspected?.active) throw unprocessable('no such active unit', [{ field: 'org_unit_id', message: 'no such active member unit' }]);
    const inspectorUnit = inspector ? units.find((u) => u.id === inspector) : undefined;
    if (inspector && !inspectorUnit?.active)
      throw unprocessable('no such active unit', [{ field: 'inspector_org_unit_id', message: 'no such active member unit' }]);
    assertInspector(actor, { kind: input.kind, inspector_org_unit_id: inspector }, inspectorUnit?.path ?? null, 'start this inspection');
    if (committee != null && !(await Committee.query(trx).findById(committee).where('active', true)))
      throw unprocessable('no such committee', [{ field: 'committee_id', message: 'no such active committee' }]);
    if (!(await Checklist.query(trx).findById(input.checklist_id).where('active', true)))
      throw unprocessable('no such checklist', [{ field: 'checklist_id', message: 'no such active checklist' }]);
    if (input.inspected_on > clock.today()) throw unprocessable('inspected in the future', [{ field: 'inspected_on', message: 'after today' }]);
    const created = await Inspection.query(trx).insertAndFetch({
      kind: input.kind,
      committee_id: committee,
      inspector_org_unit_id: inspector,
      org_unit_id: input.org_unit_id,
      checklist_id: input.checklist_id,
      inspected_on: input.inspected_on,
      summary: input.summary ?? null,
      status: 'open',
      created_by: actor.id || null,
    });
    await audit({ action: 'create', resource: 'quality-inspections', recordId: created.id, after: created });
    return created;
  });
}

/** An inspection with its checklist's items and their scores, its findings, and what the caller may do. */
export async function inspectionPage(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'quality-inspections', 'show');
  const inspection = await getRow(inspectionResource, actor, id, trx);
  // (one after another: inside a transaction they share its connection)
  const items = await itemsOf([inspection.checklist_id], trx);
  const scores = await InspectionScore.query(trx).where('inspection_id', id);
  const findings = await Finding.query(trx).where('inspection_id', id).orderBy('id');
  const today = clock.today();
  return {
    ...inspection.toJSON(),
    items: items.map((it) => {
      const s = scores.find((x) => x.item_id === it.id);
      return { item_id: it.id, seq: it.seq, title: it.title, max_score: it.max_score, score: s?.score ?? null, note: s?.note ?? null };
    }),
    findings: findings.map((f) => ({ ...f.toJSON(), overdue: f.status === 'open' && f.deadline < today })),
  };
}

async function lockedInspection(trx: Knex.Transaction, actor: Actor, id: number) {
  await getRow(inspectionResource, actor, id, trx);
  await lockRow(trx, Inspection.tableName, id);
  return (await Inspection.query(trx).findById(id))!;
}

/** Scores items of an open inspection (each given once; a later call replaces an item's score). */
export function scoreInspection(actor: Actor, id: number, input: { scores: { item_id: number; score: string; note?: string | null }[] }) {
  assertCan(actor, 'quality-inspections', 'score');
  return inTransaction(actor, async (trx, audit) => {
    const inspection = await lockedInspection(trx, actor, id);
    assertInspector(actor, inspection, await pathOf(inspection.inspector_org_unit_id, trx), 'score this inspection');
    if (inspection.status !== 'open')
      throw conflict(`inspection ${id} is ${inspection.status}; only an open inspection is scored`, { status: inspection.status, allowed: [] });
    const items = await itemsOf([inspection.checklist_id], trx);
    const problems = input.scores.flatMap((s, i) => {
      const item = items.find((it) => it.id === s.item_id);
      if (!item) return [{ field: `scores.${i}.item_id`, message: 'not an item of the inspection checklist' }];
      if (input.scores.findIndex((o) => o.item_id === s.item_id) !== i) return [{ field: `scores.${i}.item_id`, message: 'item given twice' }];
      return scoreProblems([{ item_id: item.id, max_score: item.max_score, score: s.score }]).map((p) => ({ ...p, field: `scores.${i}.score` }));
    });
    if (problems.length) throw unprocessable(`invalid scores: ${problems.map((p) => p.field).join(', ')}`, problems);
    const before = await InspectionScore.query(trx).where('inspection_id', id);
    await trx(InspectionScore.tableName)
      .insert(input.scores.map((s) => ({ inspection_id: id, item_id: s.item_id, score: s.score, note: s.note ?? null })))
      .onConflict(['inspection_id', 'item_id'])
      .merge(['score', 'note']);
    await trx(Inspection.tableName).where('id', id).update({ updated_at: clock.now() });
    const page = await inspectionPage(actor, id, trx);
    await audit({ action: 'score', resource: 'quality-inspections', recordId: id, before, after: page.items });
    return page;
  });
}

/** Completes an open inspection: every item scored, its score on 100 kept. */
export function completeInspection(actor: Actor, id: number, input: { summary?: string | null }) {
  assertCan(actor, 'quality-inspections', 'complete');
  return inTransaction(actor, async (trx, audit) => {
    const inspection = await lockedInspection(trx, actor, id);
    assertInspector(actor, inspection, await pathOf(inspection.inspector_org_unit_id, trx), 'complete this inspection');
    if (inspection.status !== 'open')
      throw conflict(`inspection ${id} is ${inspection.status}; allowed from ${inspection.status}: none`, { status: inspection.status, allowed: [] });
    const page = await inspectionPage(actor, id, trx);
    const score = inspectionScore(page.items);
    if (score === null) {
      const missing = page.items.filter((it) => it.score == null).map((it) => it.seq);
      throw unprocessable(`items not scored: ${missing.join(', ')}`, [{ field: 'scores', message: `items ${missing.join(', ')} are not scored` }]);
    }
    const updated = await Inspection.query(trx).patchAndFetchById(id, {
      status: 'completed',
      score: score.toFixed(2),
      completed_at: clock.nowIso(),
      summary: input.summary ?? inspection.summary,
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'complete', resource: 'quality-inspections', recordId: id, before: inspection, after: updated });
    return inspectionPage(actor, id, trx);
  });
}

// ---------------------------------------------------------------- findings and their rectification

const findingScope = scopeByAnyUnit('quality_findings.org_unit_id', 'quality_findings.inspector_org_unit_id');
export const findingResource: ResourceDef<Finding> = {
  name: 'quality-findings',
  model: Finding,
  scope: findingScope,
  list: {
    fields: {
      inspection_id: 'int',
      org_unit_id: 'int',
      severity: SEVERITY.values,
      status: FINDING_STATUS.values,
      deadline: 'date',
      created_at: 'timestamp',
      escalated_at: 'timestamp',
    },
    search: ['quality_findings.title'],
    custom: { overdue: 'bool' },
    defaultSort: ['deadline', 'ASC'],
  },
  applyCustom: (qb, custom) => {
    const today = clock.today();
    if (custom.overdue === true) qb.where('quality_findings.status', 'open').where('quality_findings.deadline', '<', today);
    if (custom.overdue === false) qb.where((w) => w.whereNot('quality_findings.status', 'open').orWhere('quality_findings.deadline', '>=', today));
  },
};

/** Marks each finding overdue or not, as of today. */
export function withOverdue(rows: Finding[]) {
  const today = clock.today();
  return rows.map((f) => ({ ...f.toJSON(), overdue: f.status === 'open' && f.deadline < today }));
}

export interface FindingInput {
  inspection_id: number;
  severity: Severity;
  title: string;
  description?: string | null;
  deadline: string;
  /** the unit that rectifies: the inspected unit unless another is named (e.g. a village clinic below it) */
  org_unit_id?: number;
}

export function createFinding(actor: Actor, input: FindingInput) {
  assertCan(actor, 'quality-findings', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const inspection = await lockedInspection(trx, actor, input.inspection_id).catch((e: unknown) => {
      throw e instanceof Error && 'kind' in e && (e as { kind: string }).kind === 'not_found'
        ? unprocessable('no such inspection', [{ field: 'inspection_id', message: 'no such inspection' }])
        : e;
    });
    assertInspector(actor, inspection, await pathOf(inspection.inspector_org_unit_id, trx), 'record a finding of this inspection');
    const owner = input.org_unit_id ?? inspection.org_unit_id;
    if (owner !== inspection.org_unit_id) {
      const inspected = await pathOf(inspection.org_unit_id, trx);
      const ownerPath = await pathOf(owner, trx);
      if (!ownerPath || !inspected || !withinScope(ownerPath, inspected))
        throw unprocessable('owner outside the inspected unit', [{ field: 'org_unit_id', message: 'the owner is the inspected unit or a unit below it' }]);
    }
    if (input.deadline < inspection.inspected_on)
      throw unprocessable('deadline before the inspection', [{ field: 'deadline', message: `before the inspection day ${inspection.inspected_on}` }]);
    const created = await Finding.query(trx).insertAndFetch({
      inspection_id: inspection.id,
      org_unit_id: owner,
      inspector_org_unit_id: inspection.inspector_org_unit_id,
      severity: input.severity,
      title: input.title,
      description: input.description ?? null,
      deadline: input.deadline,
      status: 'open',
      created_by: actor.id || null,
    });
    await addEvent(trx, actor, created.id, 'create', null, 'open', null);
    await audit({ action: 'create', resource: 'quality-findings', recordId: created.id, after: created });
    return created;
  });
}

async function addEvent(trx: Knex.Transaction, actor: Actor, findingId: number, kind: string, from: string | null, to: string | null, note: string | null) {
  await FindingEvent.query(trx).insert({
    finding_id: findingId,
    kind,
    from_status: from,
    to_status: to,
    actor_id: actor.id || null,
    actor_name: actor.displayName || actor.username,
    note,
    at: clock.nowIso(),
  });
}

/** A finding with its timeline, whether it is overdue, and the steps the caller may take. */
export async function findingPage(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'quality-findings', 'show');
  const f = await getRow(findingResource, actor, id, trx);
  const events = await FindingEvent.query(trx)
    .where('finding_id', id)
    .orderBy([{ column: 'at' }, { column: 'id' }]);
  const inspection = await Inspection.query(trx).findById(f.inspection_id);
  const ownerPath = await pathOf(f.org_unit_id, trx ?? db());
  const inspectorPath = await pathOf(f.inspector_org_unit_id, trx ?? db());
  const actions = allowedFindingActions(f.status).filter((a) => mayAct(actor, a, inspection!, ownerPath, inspectorPath, f.org_unit_id));
  const files = await FindingFile.query(trx)
    .select('id', 'filename', 'content_type', 'size', 'uploaded_by_name', 'uploaded_at')
    .where('finding_id', id)
    .orderBy('id');
  // the owner unit adds evidence while it rectifies
  const may_attach =
    (FINDING_FILE_STATUSES as readonly string[]).includes(f.status) &&
    mayAct(actor, 'report', inspection!, ownerPath, inspectorPath, f.org_unit_id) &&
    files.length < MAX_FINDING_FILES;
  return { ...f.toJSON(), overdue: f.status === 'open' && f.deadline < clock.today(), events, actions, files: files.map((x) => x.toJSON()), may_attach };
}

/**
 * POST /api/quality-findings/:id/files: the owner unit attaches a file of evidence to its rectification
 * while the finding is open (a PNG, JPEG or PDF by its bytes, at most MAX_FINDING_FILES); an event and an audit row.
 */
export function attachFindingFile(actor: Actor, id: number, file: { originalname: string; size: number; content: Buffer }) {
  assertCan(actor, 'quality-findings', 'report');
  return inTransaction(actor, async (trx, audit) => {
    await getRow(findingResource, actor, id, trx);
    await lockRow(trx, Finding.tableName, id);
    const f = (await Finding.query(trx).findById(id))!;
    const ownerPath = await pathOf(f.org_unit_id, trx);
    if (!ownerPath || !withinScope(ownerPath, actor.scopePath)) throw forbidden('only the owner unit adds evidence to its rectification');
    if (!(FINDING_FILE_STATUSES as readonly string[]).includes(f.status))
      throw conflict(`cannot add evidence to a ${f.status} finding`, { status: f.status, allowed: [...FINDING_FILE_STATUSES] });
    const type = sniffType(file.content.subarray(0, 132));
    if (!type || !FINDING_FILE_TYPES.includes(type))
      throw unsupportedMedia(`${file.originalname} is not one of ${FINDING_FILE_TYPES.join(', ')}`, [
        { field: 'file', message: `not a PNG, JPEG or PDF file (${FINDING_FILE_TYPES.join(', ')})` },
      ]);
    const count = await FindingFile.query(trx).where('finding_id', id).resultSize();
    if (count >= MAX_FINDING_FILES)
      throw unprocessable(`at most ${MAX_FINDING_FILES} files a finding`, [{ field: 'file', message: `at most ${MAX_FINDING_FILES} files` }]);
    const row = await FindingFile.query(trx)
      .insert({
        finding_id: id,
        filename: file.originalname.slice(0, 200),
        content_type: type,
        size: file.size,
        content: file.content,
        uploaded_by: actor.id || null,
        uploaded_by_name: actor.displayName,
        uploaded_at: clock.nowIso(),
      })
      .returning(['id', 'finding_id', 'filename', 'content_type', 'size', 'uploaded_by_name', 'uploaded_at']);
    await addEvent(trx, actor, id, 'attach', f.status, f.status, row.filename);
    await audit({
      action: 'attach',
      resource: 'quality-findings',
      recordId: id,
      after: { file_id: row.id, filename: row.filename, size: row.size, content_type: type },
    });
    return row;
  });
}

/** GET /api/quality-findings/:id/files/:fileId: a file's bytes, for whoever sees the finding. */
export async function findingFileContent(actor: Actor, id: number, fileId: number) {
  assertCan(actor, 'quality-findings', 'show');
  await getRow(findingResource, actor, id);
  const file = await FindingFile.query().findOne({ id: fileId, finding_id: id });
  if (!file) throw notFound('file', fileId);
  return file;
}

function mayAct(actor: Actor, action: FindingAction, inspection: Inspection, ownerPath: string | null, inspectorPath: string | null, ownerUnitId: number) {
  if (!actor.roles.some((r) => r !== 'auditor') || !canDo(actor, action)) return false;
  if (findingSide(action) === 'owner') return !!ownerPath && withinScope(ownerPath, actor.scopePath);
  try {
    assertSignOff(actor, inspection, inspectorPath, ownerUnitId, action);
    return true;
  } catch {
    return false;
  }
}

const canDo = (actor: Actor, action: FindingAction) => {
  try {
    assertCan(actor, 'quality-findings', action);
    return true;
  } catch {
    return false;
  }
};

export interface StepInput {
  rectification?: string;
  evidence?: string | null;
  note?: string | null;
  reason?: string;
}

/** report | verify | reject: one step of the closed loop, one event, one audit row. */
export function findingStep(actor: Actor, id: number, action: FindingAction, input: StepInput) {
  assertCan(actor, 'quality-findings', action);
  return inTransaction(actor, async (trx, audit) => {
    await getRow(findingResource, actor, id, trx);
    await lockRow(trx, Finding.tableName, id);
    const current = (await Finding.query(trx).findById(id))!;
    const inspection = (await Inspection.query(trx).findById(current.inspection_id))!;
    if (findingSide(action) === 'owner') {
      const ownerPath = await pathOf(current.org_unit_id, trx);
      if (!ownerPath || !withinScope(ownerPath, actor.scopePath)) throw forbidden('only the owner unit reports its rectification');
    } else {
      assertSignOff(actor, inspection, await pathOf(inspection.inspector_org_unit_id, trx), current.org_unit_id, `${action} this rectification`);
    }
    const next = nextFindingStatus(current.status, action);
    if ('problem' in next) throw conflict(next.problem, { status: current.status, allowed: next.allowed });
    const now = clock.nowIso();
    const patch: Partial<Finding> = { status: next.to, updated_at: now };
    let note: string | null = null;
    switch (action) {
      case 'report':
        if (!input.rectification?.trim()) throw badRequest('invalid rectification', [{ field: 'rectification', message: 'required: what the unit did' }]);
        Object.assign(patch, { rectification: input.rectification.trim(), evidence: input.evidence?.trim() || null, reported_at: now });
        note = input.rectification.trim();
        break;
      case 'verify':
        patch.closed_at = now;
        note = input.note?.trim() || null;
        break;
      case 'reject':
        if (!input.reason?.trim()) throw badRequest('invalid reason', [{ field: 'reason', message: 'required to reject' }]);
        patch.rejections = current.rejections + 1;
        note = input.reason.trim();
        break;
    }
    const updated = await Finding.query(trx).patchAndFetchById(id, patch);
    await addEvent(trx, actor, id, action, current.status, next.to, note);
    await audit({ action, resource: 'quality-findings', recordId: id, before: current, after: updated });
    return findingPage(actor, id, trx);
  });
}

export const ESCALATION_NOTICE = 'quality_finding_escalated';

/**
 * Escalates each finding still open after its deadline, once: the event and audit row, and a notice
 * to the owner unit's directors and the quality office (集团管理员). Safe to re-run.
 */
export function escalateOverdue(now: Date, runKey: string) {
  const actor = systemActor('quality.escalate');
  return inTransaction(actor, async (trx, audit) => {
    const today = clock.dayKey(now);
    const due = await Finding.query(trx).where('status', 'open').where('deadline', '<', today).whereNull('escalated_at').orderBy('id').forUpdate();
    if (!due.length) return { escalated: 0, finding_ids: [] as number[] };
    await trx(Finding.tableName)
      .whereIn(
        'id',
        due.map((f) => f.id),
      )
      .update({ escalated_at: now });
    const units = await unitsByIds(
      due.map((f) => f.org_unit_id),
      ['id', 'name'],
      trx,
    );
    const users = await accounts(['id', 'org_unit_id', 'roles'], trx)
      .where('active', true)
      .where((w) =>
        w
          .whereRaw("'group_admin' = any(roles)")
          .orWhere((d) => d.whereRaw("'director' = any(roles)").whereIn('org_unit_id', [...new Set(due.map((f) => f.org_unit_id))])),
      );
    for (const f of due) {
      const days = clock.daysBetween(f.deadline, today);
      await addEvent(trx, actor, f.id, 'escalate', 'open', 'open', `overdue ${days} days past ${f.deadline} (${runKey})`);
      const to = users.filter((u) => u.roles.includes('group_admin') || u.org_unit_id === f.org_unit_id).map((u) => u.id);
      await notify(trx, to, {
        kind: ESCALATION_NOTICE,
        resource: 'quality-findings',
        record_id: f.id,
        data: { title: f.title, unit_name: units.find((u) => u.id === f.org_unit_id)?.name ?? '', days },
      });
      await audit({ action: 'escalate', resource: 'quality-findings', recordId: f.id, after: { escalated_at: now, overdue_days: days, notified: to } });
    }
    return { escalated: due.length, finding_ids: due.map((f) => f.id) };
  });
}

// ---------------------------------------------------------------- the units' quality scores

export interface UnitQualityScore extends QualityScore {
  org_unit_id: number;
  from: string;
  to: string;
  as_of: string;
}

/**
 * The quality score of each unit of `unitIds` for the period [from, to] (see `qualityScore` in
 * rules.ts): what performance pay reads as its quality factor (score / 100; null when the unit
 * was not inspected in the period). No scope: the caller decides whose units it asks for.
 */
export async function unitQualityScores(
  unitIds: readonly number[],
  from: string,
  to: string,
  conn: Knex | Knex.Transaction = db(),
): Promise<UnitQualityScore[]> {
  const asOf = asOfDay(to, clock.today());
  const ids = [...new Set(unitIds)];
  const inspections = await conn(Inspection.tableName)
    .select('org_unit_id', 'score')
    .whereIn('org_unit_id', ids)
    .where('status', 'completed')
    .whereBetween('inspected_on', [from, to]);
  const findings = await conn(Finding.tableName)
    .select(
      'org_unit_id',
      'severity',
      'deadline',
      conn.raw("to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as created_on"),
      conn.raw("to_char(closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as closed_on"),
    )
    .whereIn('org_unit_id', ids)
    .whereRaw("(closed_at is null or closed_at >= (?::date)::timestamp at time zone 'Asia/Shanghai')", [from]);
  return ids.map((id) => ({
    org_unit_id: id,
    from,
    to,
    as_of: asOf,
    ...qualityScore(
      inspections.filter((i: { org_unit_id: number }) => i.org_unit_id === id),
      findings.filter((f: { org_unit_id: number }) => f.org_unit_id === id),
      asOf,
    ),
  }));
}

/** The scores of the units in the caller's scope that were inspected or hold findings (one unit when named). */
export async function qualityScores(actor: Actor, q: { from: string; to: string; org_unit_id?: number }) {
  assertCan(actor, 'quality-scores', 'list');
  if (q.to < q.from) throw badRequest('invalid to', [{ field: 'to', message: 'before from' }]);
  const candidates: number[] = q.org_unit_id
    ? [q.org_unit_id]
    : (
        await db()(Inspection.tableName)
          .select('org_unit_id')
          .whereBetween('inspected_on', [q.from, q.to])
          .union((u) => u.select('org_unit_id').from(Finding.tableName).whereNull('closed_at'))
      ).map((r: { org_unit_id: number }) => r.org_unit_id);
  const units = (await unitsByIds(candidates, ['id', 'code', 'name', 'path'])).filter((u) => withinScope(u.path, actor.scopePath));
  if (q.org_unit_id && !units.length) throw notFound('org-units', q.org_unit_id);
  const scores = await unitQualityScores(
    units.map((u) => u.id),
    q.from,
    q.to,
  );
  return scores
    .map((s) => {
      const u = units.find((x) => x.id === s.org_unit_id)!;
      return { id: u.id, unit_code: u.code, unit_name: u.name, ...s };
    })
    .sort((a, b) => (a.score ?? -1) - (b.score ?? -1) || a.unit_code.localeCompare(b.unit_code));
}

/**
 * The quality workbook's data (GET /api/reports/quality.xlsx): the inspections of the period in the
 * caller's scope with their units, committee, checklist and score; their findings with severity,
 * deadline, rectification state and overdue mark; and the units' quality scores for the period.
 */
export async function qualityReport(actor: Actor, q: { from: string; to: string }) {
  assertCan(actor, 'quality-inspections', 'list');
  assertCan(actor, 'quality-findings', 'list');
  const scores = await qualityScores(actor, q);
  const inspections = await inspectionScope(Inspection.query().whereBetween('inspected_on', [q.from, q.to]), actor.scopePath).orderBy([
    { column: 'inspected_on' },
    { column: 'id' },
  ]);
  const findings = inspections.length
    ? await findingScope(
        Finding.query().whereIn(
          'inspection_id',
          inspections.map((i) => i.id),
        ),
        actor.scopePath,
      ).orderBy('id')
    : [];
  const unitIds = [...inspections.flatMap((i) => [i.org_unit_id, i.inspector_org_unit_id]), ...findings.map((f) => f.org_unit_id)].filter(
    (x): x is number => x != null,
  );
  const units = new Map((await unitsByIds(unitIds, ['id', 'name'])).map((u) => [u.id, u.name]));
  const committees = new Map((await Committee.query().select('id', 'name')).map((c) => [c.id, c.name]));
  const checklists = new Map((await Checklist.query().select('id', 'name')).map((c) => [c.id, c.name]));
  const today = clock.today();
  return {
    ...q,
    inspections: inspections.map((i) => ({
      id: i.id,
      kind: i.kind,
      inspected_on: i.inspected_on,
      unit_name: units.get(i.org_unit_id) ?? '',
      inspector: i.committee_id ? (committees.get(i.committee_id) ?? '') : (units.get(i.inspector_org_unit_id ?? 0) ?? ''),
      checklist: checklists.get(i.checklist_id) ?? '',
      status: i.status,
      score: i.score,
      findings: findings.filter((f) => f.inspection_id === i.id).length,
    })),
    findings: findings.map((f) => ({
      id: f.id,
      inspection_id: f.inspection_id,
      unit_name: units.get(f.org_unit_id) ?? '',
      title: f.title,
      severity: f.severity,
      deadline: f.deadline,
      status: f.status,
      overdue: f.status === 'open' && f.deadline < today,
      rejections: f.rejections,
      rectification: f.rectification,
      reported_at: f.reported_at,
      closed_at: f.closed_at,
      escalated_at: f.escalated_at,
    })),
    scores,
  };
}
