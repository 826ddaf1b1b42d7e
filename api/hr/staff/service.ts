// Use-cases of the staff registry: hire, edit, transfer, status changes, posts, the audited
// reveal of an ID number, the per-unit headcount, and the history; what other domains read of the
// staff (finance's risk fund) and the data of the staff roster workbook.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { db } from '../../db/knex';
import { scopeByAnyUnit } from '../../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../../core/crud';
import type { Enum } from '../../core/enums';
import { badRequest, conflict, notFound, unprocessable } from '../../core/errors';
import { hashIdNumber, idNumberFacts, idNumberProblem, normaliseIdNumber, protectIdNumber, revealIdNumber } from '../../core/personalId';
import { Staff, StaffHistory } from './model';
import type { Rotation } from '../rotations/model';
import {
  CATEGORIES,
  EMPLOYMENT_TYPES,
  LEAVE_REASONS,
  STAFF_STATUSES,
  STATUS_TRANSITIONS,
  TITLES,
  addDays,
  placementProblem,
  titleProblem,
  type StaffStatus,
} from './rules';
import { Post } from '../careers/model';
import { EXPIRY_ALERT_DAYS, fillProblem, postStatus } from '../careers/rules';
import { userById } from '../../auth';
import { departmentById, departmentsSql, isInSubtreeSql, isUnderSql, joinUnitSql, subtreeIdsSql, unitField, unitIdsAtLevelSql, unitsSql } from '../../org';
import { TRACKED, recordHistory, unitsById } from '../shared';
import { SEX } from '../enums';
import { STAFF_LIST_COLUMNS, STAFF_ROSTER_COLUMNS } from './fields';
import * as clock from '../../core/clock';

type Row = Record<string, unknown>;

/** A person is in a director's scope when employed OR working inside it (乡聘村用, rotations). */
export const staffScope = scopeByAnyUnit('staff.employer_org_unit_id', 'staff.work_org_unit_id');

/** Subquery: ids of the staff the scope path reaches (for tables hanging off a person). */
export const staffIdsIn = (scopePath: string) => staffScope(db()('staff').select('staff.id'), scopePath);

export const staffResource: ResourceDef<Staff> = {
  name: 'staff',
  model: Staff,
  scope: staffScope,
  // the registry's list and pickers: plain rows of the columns they show (no ID-number cipher/hash)
  listColumns: STAFF_LIST_COLUMNS,
  list: {
    fields: {
      name: 'text',
      sex: SEX.values,
      birth_date: 'date',
      category: CATEGORIES,
      title: TITLES,
      employment_type: EMPLOYMENT_TYPES,
      employer_org_unit_id: 'int',
      work_org_unit_id: 'int',
      department_id: 'int',
      post_id: 'int',
      status: STAFF_STATUSES,
      hire_date: 'date',
      user_id: 'int',
      leave_reason: LEAVE_REASONS,
    },
    search: ['staff.name', 'staff.phone'],
    searchRank: 'staff.name', // typing 王芳 lists 王芳 before 王芳涛
    defaultSort: ['name', 'ASC'],
    // org_unit_id: employed or working in that unit or below; level: of the employer unit;
    // licence_expiring: a valid licence ends within 60 days; id_number: exact look-up by hash
    custom: { org_unit_id: 'int', level: 'int', licence_expiring: 'bool', licence_expired: 'bool', on_rotation: 'bool', id_number: 'text' },
  },
  applyCustom: (qb, custom) => {
    const day = clock.today();
    // every listed person carries the licence flags (an expired licence is flagged wherever listed)
    qb.select(
      db().raw('exists (select 1 from licences l where l.staff_id = staff.id and l.status = ? and l.expires_on < ?) as licence_expired', ['valid', day]),
      db().raw('(select min(l.expires_on) from licences l where l.staff_id = staff.id and l.status = ? and l.expires_on >= ?) as licence_expires_on', [
        'valid',
        day,
      ]),
      // pickers tell namesakes apart by their units
      unitField('name', 'staff.employer_org_unit_id', 'employer_name'),
      unitField('name', 'staff.work_org_unit_id', 'work_unit_name'),
    );
    if (custom.org_unit_id !== undefined) {
      const unit = custom.org_unit_id as number;
      qb.whereRaw(`(staff.employer_org_unit_id in ${subtreeIdsSql('?')} or staff.work_org_unit_id in ${subtreeIdsSql('?')})`, [unit, unit]);
    }
    if (custom.level !== undefined) qb.whereRaw(`staff.employer_org_unit_id in ${unitIdsAtLevelSql('?')}`, [custom.level as number]);
    const validLicence = (cond: string, params: string[]) =>
      db()('licences as l').select(db().raw('1')).whereRaw("l.staff_id = staff.id and l.status = 'valid'").whereRaw(cond, params);
    if (custom.licence_expiring !== undefined) {
      qb[custom.licence_expiring ? 'whereExists' : 'whereNotExists'](
        validLicence('l.expires_on between ?::date and ?::date', [day, addDays(day, EXPIRY_ALERT_DAYS)]),
      );
    }
    if (custom.licence_expired !== undefined) qb[custom.licence_expired ? 'whereExists' : 'whereNotExists'](validLicence('l.expires_on < ?::date', [day]));
    if (custom.on_rotation !== undefined)
      qb.whereRaw(`${custom.on_rotation ? '' : 'not '}exists (select 1 from rotations r where r.staff_id = staff.id and r.status = 'active')`);
    if (custom.id_number !== undefined) qb.where('staff.id_number_hash', hashIdNumber(normaliseIdNumber(custom.id_number as string)));
  },
};

/** The person a record is about, inside the actor's scope (a 422 naming staff_id otherwise). */
export async function staffFor(actor: Actor, staffId: number, trx?: Knex.Transaction): Promise<Staff> {
  return getRow(staffResource, actor, staffId, trx).catch(() => {
    throw unprocessable(`staff_id ${staffId} does not exist`, [{ field: 'staff_id', message: 'no such person in your scope' }]);
  });
}

/** Checks the units, department and title of a (new or changed) record; throws 422 naming the field. */
async function checkPlacement(trx: Knex.Transaction, data: Row) {
  const units = await unitsById(trx, [data.employer_org_unit_id as number, data.work_org_unit_id as number]);
  const employer = units.get(data.employer_org_unit_id as number);
  const work = units.get(data.work_org_unit_id as number);
  if (!employer) throw unprocessable('employer_org_unit_id does not exist', [{ field: 'employer_org_unit_id', message: 'no such unit' }]);
  if (!work) throw unprocessable('work_org_unit_id does not exist', [{ field: 'work_org_unit_id', message: 'no such unit' }]);
  const placed = placementProblem(String(data.employment_type), employer, work);
  if (placed) throw unprocessable(placed.message, [placed]);
  const title = titleProblem(String(data.category), data.title as string | null);
  if (title) throw unprocessable(title, [{ field: 'title', message: title }]);
  if (data.department_id != null) {
    const dept = await departmentById(data.department_id as number, ['org_unit_id'], trx);
    if (!dept || (dept.org_unit_id !== employer.id && dept.org_unit_id !== work.id)) {
      throw unprocessable('the department belongs to another unit', [{ field: 'department_id', message: 'not a department of the employer or working unit' }]);
    }
  }
}

async function checkUserLink(trx: Knex.Transaction, userId: unknown, staffId?: number) {
  if (userId == null) return;
  const id = userId as number; // as the schema parsed it
  const user = await userById(id, ['id'], trx);
  if (!user) throw unprocessable('user_id does not exist', [{ field: 'user_id', message: 'no such user' }]);
  const other = await trx('staff')
    .select('id', 'name')
    .where('user_id', id)
    .whereNot('id', staffId ?? 0)
    .first<Pick<Staff, 'id' | 'name'> | undefined>();
  if (other)
    throw conflict(`user ${id} is already linked to staff #${other.id} ${other.name}`, [{ field: 'user_id', message: `linked to staff #${other.id}` }]);
}

/** Hires a person into the registry: ID number protected, placement checked, first history rows written. */
export function createStaff(actor: Actor, input: Row) {
  assertCan(actor, 'staff', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const { id_number: raw, ...rest } = input;
    const idNumber = normaliseIdNumber(String(raw));
    const bad = idNumberProblem(idNumber);
    if (bad) throw badRequest('invalid id_number', [{ field: 'id_number', message: bad, rule: 'id_number_invalid' }]);
    const facts = idNumberFacts(idNumber);
    for (const [field, fromId] of [
      ['sex', facts.sex],
      ['birth_date', facts.birthDate],
    ] as const) {
      if (rest[field] != null && rest[field] !== fromId)
        throw unprocessable(`${field} does not match the ID number`, [{ field, message: `the ID number says ${fromId}` }]);
    }
    const dup = await trx('staff').select('id', 'name').where('id_number_hash', hashIdNumber(idNumber)).first<Pick<Staff, 'id' | 'name'> | undefined>();
    if (dup)
      throw conflict(`this ID number is already registered: staff #${dup.id} ${dup.name}`, [
        { field: 'id_number', message: `already registered as staff #${dup.id}`, rule: 'id_number_duplicate', params: { id: dup.id, name: dup.name } },
      ]);
    const data: Row = {
      ...rest,
      sex: facts.sex,
      birth_date: facts.birthDate,
      work_org_unit_id: rest.work_org_unit_id ?? rest.employer_org_unit_id,
      status: 'active',
      ...protectIdNumber(idNumber),
    };
    await assertUnitInScope(actor, data.employer_org_unit_id as number, 'employer_org_unit_id', trx);
    await checkPlacement(trx, data);
    await checkUserLink(trx, data.user_id);
    const created = await Staff.query(trx).insertAndFetch(data);
    await recordHistory(trx, actor, created.id, null, created, created.hire_date, 'hired');
    await audit({ action: 'create', resource: 'staff', recordId: created.id, after: created });
    return created;
  });
}

/** Plain edits (name, phone, category…). Units, posts, titles and status have their own actions. */
export function updateStaff(actor: Actor, id: number, input: Row) {
  assertCan(actor, 'staff', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(staffResource, actor, id, trx);
    await lockRow(trx, 'staff', id);
    const how: Record<string, string> = {
      employer_org_unit_id: 'POST /api/staff/:id/transfer',
      work_org_unit_id: 'POST /api/staff/:id/transfer',
      department_id: 'POST /api/staff/:id/transfer',
      employment_type: 'POST /api/staff/:id/transfer',
      post_id: 'POST /api/staff/:id/assign-post',
      status: 'POST /api/staff/:id/change-status',
      title: 'an approved title promotion',
    };
    const changed = TRACKED.filter(
      (f) => input[f] !== undefined && String((input[f] as string | number | null | undefined) ?? '') !== String(current[f] ?? ''),
    );
    if (changed.length)
      throw badRequest(
        `cannot change ${changed.join(', ')} here`,
        changed.map((field) => ({ field, message: `use ${how[field]}` })),
      );
    const data = Object.fromEntries(Object.entries(input).filter(([k]) => !(TRACKED as readonly string[]).includes(k)));
    if (data.category !== undefined) {
      const t = titleProblem(data.category as string, current.title);
      if (t) throw unprocessable(t, [{ field: 'category', message: t }]);
    }
    await checkUserLink(trx, data.user_id, id);
    const updated = await Staff.query(trx).patchAndFetchById(id, { ...data, updated_at: clock.nowIso() });
    await audit({ action: 'update', resource: 'staff', recordId: id, before: current, after: updated });
    return updated;
  });
}

async function activeRotation(trx: Knex.Transaction, staffId: number, statuses = ['active']) {
  return trx('rotations')
    .select('id', 'status', 'start_on')
    .where('staff_id', staffId)
    .whereIn('status', statuses)
    .orderBy('start_on')
    .first<Pick<Rotation, 'id' | 'status' | 'start_on'> | undefined>();
}

/** Moves a person to another employer / working unit / department (调配), effective on a date. */
export function transferStaff(
  actor: Actor,
  id: number,
  input: {
    employer_org_unit_id?: number;
    work_org_unit_id?: number;
    department_id?: number | null;
    employment_type?: string;
    effective_on?: string;
    reason?: string;
  },
) {
  assertCan(actor, 'staff', 'transfer');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(staffResource, actor, id, trx);
    await lockRow(trx, 'staff', id);
    if (current.status === 'left') throw conflict(`staff #${id} has left; a transfer needs an active or on-leave person`);
    const onRotation = await activeRotation(trx, id);
    if (onRotation)
      throw conflict(`staff #${id} is on rotation #${onRotation.id}; end it before a transfer`, [
        { field: 'work_org_unit_id', message: `on rotation #${onRotation.id}` },
      ]);
    const next: Row = {
      employer_org_unit_id: input.employer_org_unit_id ?? current.employer_org_unit_id,
      work_org_unit_id: input.work_org_unit_id ?? input.employer_org_unit_id ?? current.work_org_unit_id,
      department_id: input.department_id === undefined ? (input.employer_org_unit_id ? null : current.department_id) : input.department_id,
      employment_type: input.employment_type ?? current.employment_type,
      category: current.category,
      title: current.title,
    };
    await assertUnitInScope(actor, next.employer_org_unit_id as number, 'employer_org_unit_id', trx);
    await assertUnitInScope(actor, next.work_org_unit_id as number, 'work_org_unit_id', trx);
    await checkPlacement(trx, next);
    // a post belongs to the employer: moving employer vacates it
    if (current.post_id && next.employer_org_unit_id !== current.employer_org_unit_id) {
      await releasePost(trx, current.post_id);
      next.post_id = null;
    }
    const { category: _c, title: _t, ...patch } = next;
    const updated = await Staff.query(trx).patchAndFetchById(id, { ...patch, updated_at: clock.nowIso() });
    await recordHistory(trx, actor, id, current, updated, input.effective_on ?? clock.today(), input.reason ?? 'transfer');
    await audit({ action: 'transfer', resource: 'staff', recordId: id, before: current, after: updated });
    return updated;
  });
}

/** active ⇄ on_leave, → left with a coded reason. Refused while a rotation is planned or running. */
export function changeStaffStatus(actor: Actor, id: number, input: { status: StaffStatus; leave_reason?: string; effective_on?: string; reason?: string }) {
  assertCan(actor, 'staff', 'change-status');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(staffResource, actor, id, trx);
    await lockRow(trx, 'staff', id);
    const allowed = STATUS_TRANSITIONS[current.status];
    if (!allowed.includes(input.status)) {
      throw conflict(`a staff member who is ${current.status} cannot become ${input.status}; allowed: ${allowed.join(', ') || 'none'}`, [
        { field: 'status', message: `allowed: ${allowed.join(', ') || 'none'}` },
      ]);
    }
    if (input.status === 'left' && !input.leave_reason)
      throw badRequest('leaving needs a coded reason', [{ field: 'leave_reason', message: `one of ${LEAVE_REASONS.join(', ')}` }]);
    const effective = input.effective_on ?? clock.today();
    if (input.status !== 'active') {
      const rotation = await activeRotation(trx, id, ['planned', 'active']);
      if (rotation)
        throw conflict(`staff #${id} has ${rotation.status} rotation #${rotation.id}; end or cancel it first`, [
          { field: 'status', message: `rotation #${rotation.id} is ${rotation.status}` },
        ]);
    }
    if (input.status === 'left') {
      const contract = await trx('village_doctor_contracts').select('id').where({ staff_id: id, status: 'active' }).first<{ id: number } | undefined>();
      if (contract)
        throw conflict(`staff #${id} has active village-doctor contract #${contract.id}; exit it (POST /api/village-doctor-contracts/${contract.id}/exit)`, [
          { field: 'status', message: `contract #${contract.id} is active` },
        ]);
    }
    const patch: Row =
      input.status === 'left' ? { status: 'left', leave_reason: input.leave_reason, left_on: effective, post_id: null } : { status: input.status };
    if (input.status === 'left' && current.post_id) await releasePost(trx, current.post_id);
    const updated = await Staff.query(trx).patchAndFetchById(id, { ...patch, updated_at: clock.nowIso() });
    await recordHistory(trx, actor, id, current, updated, effective, input.reason ?? input.leave_reason ?? null);
    await audit({ action: 'change-status', resource: 'staff', recordId: id, before: current, after: updated });
    return updated;
  });
}

/** The village-doctor contract exit (准入退出) leaves the registry in the same transaction. */
export async function leaveInTransaction(trx: Knex.Transaction, actor: Actor, staff: Staff, reason: string, effective: string) {
  if (staff.post_id) await releasePost(trx, staff.post_id);
  const updated = await Staff.query(trx).patchAndFetchById(staff.id, {
    status: 'left',
    leave_reason: reason,
    left_on: effective,
    post_id: null,
    updated_at: clock.nowIso(),
  });
  await recordHistory(trx, actor, staff.id, staff, updated, effective, reason);
  return updated;
}

async function releasePost(trx: Knex.Transaction, postId: number) {
  const post = (await trx('posts').where('id', postId).forUpdate().first<Pick<Post, 'filled' | 'headcount' | 'status'> | undefined>())!;
  const filled = Math.max(0, post.filled - 1);
  await trx('posts')
    .where('id', postId)
    .update({ filled, status: postStatus(filled, post.headcount, post.status === 'closed'), updated_at: clock.nowIso() });
}

/** Puts a person on a post of their employer (or off any post with null); beyond headcount is a 422. */
export function assignPost(actor: Actor, id: number, input: { post_id: number | null; effective_on?: string }) {
  assertCan(actor, 'staff', 'assign-post');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(staffResource, actor, id, trx);
    await lockRow(trx, 'staff', id);
    if (current.status === 'left') throw conflict(`staff #${id} has left and holds no post`);
    if (input.post_id === current.post_id) return current;
    if (input.post_id != null) {
      const post = await Post.query(trx).findById(input.post_id).forUpdate();
      if (!post) throw unprocessable(`post ${input.post_id} does not exist`, [{ field: 'post_id', message: 'no such post' }]);
      if (post.org_unit_id !== current.employer_org_unit_id)
        throw unprocessable('the post belongs to another unit than the employer', [{ field: 'post_id', message: 'post of another unit' }]);
      const full = fillProblem(post);
      if (full) throw unprocessable(full, [{ field: 'post_id', message: full }]);
      const filled = post.filled + 1;
      await post.$query(trx).patch({ filled, status: postStatus(filled, post.headcount, false), updated_at: clock.nowIso() });
    }
    if (current.post_id) await releasePost(trx, current.post_id);
    const updated = await Staff.query(trx).patchAndFetchById(id, { post_id: input.post_id, updated_at: clock.nowIso() });
    await recordHistory(trx, actor, id, current, updated, input.effective_on ?? clock.today(), 'post');
    await audit({ action: 'assign-post', resource: 'staff', recordId: id, before: current, after: updated });
    return updated;
  });
}

/** The full ID number; reading it is itself audited. */
export function revealStaffIdNumber(actor: Actor, id: number) {
  assertCan(actor, 'staff', 'reveal');
  return inTransaction(actor, async (trx, audit) => {
    const staff = await getRow(staffResource, actor, id, trx);
    await audit({ action: 'reveal-id-number', resource: 'staff', recordId: id });
    return { id, id_number: revealIdNumber(staff.id_number_cipher) };
  });
}

/** One person with the licence flags (the show page). */
export async function readStaff(actor: Actor, id: number) {
  assertCan(actor, 'staff', 'show');
  const q = Staff.query().where('staff.id', id).select('staff.*');
  staffResource.scope(q, actor.scopePath, actor);
  staffResource.applyCustom!(q, {}, actor);
  const row = await q.first();
  if (!row) throw notFound('staff', id);
  return row;
}

export const staffHistoryResource: ResourceDef<StaffHistory> = {
  name: 'staff-history',
  model: StaffHistory,
  scope: (qb, scopePath) => qb.whereIn('staff_history.staff_id', staffIdsIn(scopePath)),
  list: {
    fields: { staff_id: 'int', field: 'text', effective_on: 'date', changed_at: 'timestamp', changed_by_name: 'text' },
    defaultSort: ['effective_on', 'DESC'],
  },
};

/**
 * Headcount of a unit: employed there (home headcount, people away on rotation included) and
 * working there (host working staff, people here on rotation included), plus its posts.
 */
export async function unitSummary(actor: Actor, unitId: number) {
  assertCan(actor, 'staff', 'list');
  await assertUnitInScope(actor, unitId);
  const [counts] = (
    await db().raw<{ rows: { employed: number; working: number; rotated_out: number; rotated_in: number }[] }>(
      `select
         count(*) filter (where employer_org_unit_id = :u) as employed,
         count(*) filter (where work_org_unit_id = :u) as working,
         count(*) filter (where employer_org_unit_id = :u and work_org_unit_id <> :u and exists (select 1 from rotations r where r.staff_id = staff.id and r.status = 'active')) as rotated_out,
         count(*) filter (where work_org_unit_id = :u and employer_org_unit_id <> :u and exists (select 1 from rotations r where r.staff_id = staff.id and r.status = 'active')) as rotated_in
       from staff where status <> 'left' and (employer_org_unit_id = :u or work_org_unit_id = :u)`,
      { u: unitId },
    )
  ).rows;
  const [posts] = (
    await db().raw<{ rows: { headcount: number; filled: number; vacant: number; vacant_posts: number }[] }>(
      `select coalesce(sum(headcount), 0)::int as headcount, coalesce(sum(filled), 0)::int as filled,
              coalesce(sum(headcount - filled), 0)::int as vacant, count(*) filter (where status = 'vacant')::int as vacant_posts
         from posts where org_unit_id = ? and status <> 'closed'`,
      [unitId],
    )
  ).rows;
  const n = (v: unknown) => Number(v);
  return {
    org_unit_id: unitId,
    employed: n(counts.employed),
    working: n(counts.working),
    rotated_out: n(counts.rotated_out),
    rotated_in: n(counts.rotated_in),
    posts,
  };
}

// ---- what other domains read of the staff (finance's risk fund): the SQL of HR's tables stays here ----

type Conn = Knex | Knex.Transaction;

/** Ids of the staff employed at the unit and active now. */
export async function activeStaffIds(employerUnitId: number, conn: Conn = db()): Promise<number[]> {
  return conn(Staff.tableName).where({ employer_org_unit_id: employerUnitId, status: 'active' }).pluck('id');
}

/** The names of the staff of `ids`, by id. */
export async function staffNames(ids: readonly number[], conn: Conn = db()): Promise<Map<number, string>> {
  const rows = await Staff.query(conn)
    .select('id', 'name')
    .whereIn('id', [...ids]);
  return new Map(rows.map((s) => [s.id, s.name]));
}

/**
 * The registry's people named in files by unit and name (a prescription's prescriber): unit id →
 * name → staff id, for a name that exactly one person not yet left bears among the unit's working staff.
 */
export async function staffByUnitAndName(pairs: readonly { unitId: number; name: string }[], conn: Conn = db()): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (!pairs.length) return out;
  const rows = await Staff.query(conn)
    .select('work_org_unit_id', 'name')
    .min('id as id')
    .count('* as n')
    .whereIn('work_org_unit_id', [...new Set(pairs.map((p) => p.unitId))])
    .whereIn('name', [...new Set(pairs.map((p) => p.name))])
    .whereNot('status', 'left')
    .groupBy('work_org_unit_id', 'name');
  for (const r of rows as unknown as { work_org_unit_id: number; name: string; id: number; n: string }[]) {
    if (Number(r.n) !== 1) continue;
    if (!out.has(r.work_org_unit_id)) out.set(r.work_org_unit_id, new Map());
    out.get(r.work_org_unit_id)!.set(r.name, r.id);
  }
  return out;
}

// ---- the staff roster of a unit (人员花名册), read in keyset pages so that the streamed workbook never holds the whole registry ----

/** Checks the request before anything is streamed (a JSON error cannot follow sent headers). */
export async function staffRosterUnit(actor: Actor, unitId: number) {
  assertCan(actor, 'staff', 'export');
  await assertUnitInScope(actor, unitId);
  return (await unitsById(db(), [unitId])).get(unitId)!;
}

/** A roster row: the record's roster columns (coded values in Chinese) and the licence flags. */
export type StaffRosterRow = Record<string, unknown> & { licence_expires_on: string | null; licence_expired: boolean };

const PAGE = 2000;

/** A coded value in Chinese (an empty cell for none, an unknown code as it is). */
const zhOf = (list: Enum<string>, code: unknown) =>
  code == null ? '' : list.has(code) ? list.zh(code) : typeof code === 'string' || typeof code === 'number' ? String(code) : JSON.stringify(code);
const rosterLabels = (r: StaffRosterRow): StaffRosterRow => ({
  ...r,
  ...Object.fromEntries(STAFF_ROSTER_COLUMNS.flatMap((c) => (c.coded ? [[c.key, zhOf(c.coded, r[c.key])]] : []))),
});

/** Everyone employed or working in the unit or below (and in the actor's scope), page by page. */
export async function* staffRosterRows(actor: Actor, unitId: number): AsyncGenerator<StaffRosterRow> {
  const day = clock.today();
  let after = 0;
  for (;;) {
    const { rows } = await db().raw<{ rows: (StaffRosterRow & { id: number })[] }>(
      `with sub as (select u.id from ${unitsSql('u')} where ${isInSubtreeSql('u', ':unit')} and ${isUnderSql('u', ':scope')})
       select ${STAFF_ROSTER_COLUMNS.map((c) => `${c.sql} as ${c.key}`).join(', ')},
              (select min(l.expires_on) from licences l where l.staff_id = s.id and l.status = 'valid' and l.expires_on >= :day) as licence_expires_on,
              exists (select 1 from licences l where l.staff_id = s.id and l.status = 'valid' and l.expires_on < :day) as licence_expired
         from staff s
         ${joinUnitSql('e', 's.employer_org_unit_id')}
         ${joinUnitSql('w', 's.work_org_unit_id')}
         left join ${departmentsSql('d')} on d.id = s.department_id
        where s.id > :after and (s.employer_org_unit_id in (select id from sub) or s.work_org_unit_id in (select id from sub))
        order by s.id limit ${PAGE}`,
      { unit: unitId, scope: actor.scopePath, day, after },
    );
    for (const r of rows) {
      yield rosterLabels(r);
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}
