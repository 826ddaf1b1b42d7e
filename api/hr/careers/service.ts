// Posts and headcount (岗位设置), licences (执业证书) with their expiry, title promotions (职称晋升)
// and the annual assessment (年度考核) with its 优秀 quota and the lock on approval.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { db } from '../../db/knex';
import { scopeByUnit } from '../../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../../core/crud';
import { badRequest, conflict, unprocessable } from '../../core/errors';
import { addDays } from '../../core/clock';
import { Assessment, AssessmentYear, Licence, Post, TitlePromotion } from './model';
import { DEFAULT_EXCELLENT_SHARE, GRADES, LICENCE_KINDS, PROMOTION_TRANSITIONS, excellentQuota, gradeProblem, postStatus, promotionProblem } from './rules';
import { Staff } from '../staff/model';
import { CATEGORIES, TITLES } from '../staff/rules';
import { staffFor, staffIdsIn } from '../staff/service';
import { departmentById, isInSubtreeSql, unitsSql } from '../../org';
import { recordHistory } from '../shared';
import { ASSESSMENT_YEAR_STATUS, GRADE, POST_STATUS, LICENCE_STATUS, PROMOTION_STATUS } from '../enums';
import * as clock from '../../core/clock';

type Row = Record<string, unknown>;

const byStaffScope = (table: string) => (qb: Parameters<ResourceDef<Post>['scope']>[0], scopePath: string) =>
  qb.whereIn(`${table}.staff_id`, staffIdsIn(scopePath));
const staffName = (table: string) => db().raw(`(select s.name from staff s where s.id = ${table}.staff_id) as staff_name`);

// ---- posts ----

export const postResource: ResourceDef<Post> = {
  name: 'posts',
  model: Post,
  scope: scopeByUnit('posts.org_unit_id'),
  list: {
    fields: {
      org_unit_id: 'int',
      department_id: 'int',
      name: 'text',
      category: CATEGORIES,
      headcount: 'int',
      filled: 'int',
      status: POST_STATUS.values,
    },
    search: ['posts.name'],
    defaultSort: ['org_unit_id', 'ASC'],
  },
  unitOf: (data) => data.org_unit_id as number | undefined,
  prepareCreate: async (data, trx) => {
    await checkDepartment(trx, data.department_id, data.org_unit_id as number);
    return { ...data, filled: 0, status: postStatus(0, data.headcount as number, false) };
  },
  // headcount can shrink to the people on the post, not below; closing needs it empty
  prepareUpdate: async (data, current, trx) => {
    if (data.org_unit_id !== undefined && data.org_unit_id !== current.org_unit_id)
      throw badRequest('a post stays with its unit', [{ field: 'org_unit_id', message: 'cannot be changed' }]);
    const { filled: _f, status, ...rest } = data;
    const headcount = (rest.headcount as number | undefined) ?? current.headcount;
    if (headcount < current.filled)
      throw unprocessable(`headcount ${headcount} is below the ${current.filled} people on the post`, [
        { field: 'headcount', message: `at least ${current.filled}` },
      ]);
    const closed = status === undefined ? current.status === 'closed' : status === 'closed';
    if (closed && current.filled > 0)
      throw unprocessable(`the post still has ${current.filled} people; move them first`, [{ field: 'status', message: 'post not empty' }]);
    await checkDepartment(trx, rest.department_id, current.org_unit_id);
    return { ...rest, status: postStatus(current.filled, headcount, closed) };
  },
  beforeDelete: async (post) => {
    if (post.filled > 0) throw conflict(`post ${post.id} still has ${post.filled} people`);
  },
};

async function checkDepartment(trx: Knex.Transaction, departmentId: unknown, unitId: number) {
  if (departmentId == null) return;
  const dept = await departmentById(departmentId as number, ['org_unit_id'], trx);
  if (!dept || dept.org_unit_id !== unitId)
    throw unprocessable('the department belongs to another unit', [{ field: 'department_id', message: 'not a department of this unit' }]);
}

/** Sanctioned headcount, filled and vacant places per unit in the subtree of `unitId`. */
export async function vacancies(actor: Actor, unitId: number) {
  assertCan(actor, 'posts', 'list');
  await assertUnitInScope(actor, unitId);
  const { rows } = await db().raw<{
    rows: { org_unit_id: number; code: string; name: string; level: number; headcount: number; filled: number; vacant: number; posts: number }[];
  }>(
    `select u.id as org_unit_id, u.code, u.name, u.level,
            coalesce(sum(p.headcount), 0)::int as headcount, coalesce(sum(p.filled), 0)::int as filled,
            coalesce(sum(p.headcount - p.filled), 0)::int as vacant, count(p.id)::int as posts
       from ${unitsSql('u')} join posts p on p.org_unit_id = u.id and p.status <> 'closed'
      where ${isInSubtreeSql('u', '?')}
      group by u.id order by u.path`,
    [unitId],
  );
  return rows;
}

// ---- licences ----

export const licenceResource: ResourceDef<Licence> = {
  name: 'licences',
  model: Licence,
  scope: byStaffScope('licences'),
  list: {
    fields: { staff_id: 'int', org_unit_id: 'int', kind: LICENCE_KINDS, number: 'text', expires_on: 'date', issued_on: 'date', status: LICENCE_STATUS.values },
    search: ['licences.number'],
    defaultSort: ['expires_on', 'ASC'],
    // expiring_within: valid and ending within N days (the alert list uses 60); expired: valid but past its date
    custom: { expiring_within: 'int', expired: 'bool' },
  },
  applyCustom: (qb, custom) => {
    const day = clock.today();
    qb.select(staffName('licences'), db().raw('(licences.expires_on - ?::date) as days_left', [day]));
    if (custom.expiring_within !== undefined)
      qb.where('licences.status', 'valid').whereBetween('licences.expires_on', [day, addDays(day, custom.expiring_within as number)]);
    if (custom.expired !== undefined) qb.where('licences.status', 'valid').where('licences.expires_on', custom.expired ? '<' : '>=', day);
  },
  prepareCreate: async (data, trx, actor) => {
    const staff = await staffFor(actor, data.staff_id as number, trx);
    checkLicenceDates(data.issued_on as string, data.expires_on as string);
    return { ...data, org_unit_id: staff.employer_org_unit_id };
  },
  prepareUpdate: async (data, current) => {
    if (data.staff_id !== undefined && data.staff_id !== current.staff_id)
      throw badRequest('a licence stays with its holder', [{ field: 'staff_id', message: 'cannot be changed' }]);
    checkLicenceDates((data.issued_on as string) ?? current.issued_on, (data.expires_on as string) ?? current.expires_on);
    return data;
  },
};

function checkLicenceDates(issued: string, expires: string) {
  if (expires <= issued) throw unprocessable('expires_on must be after issued_on', [{ field: 'expires_on', message: 'after issued_on' }]);
}

// ---- title promotions (submitted → reviewed by unit → approved by group HR, or rejected) ----

export const promotionResource: ResourceDef<TitlePromotion> = {
  name: 'title-promotions',
  model: TitlePromotion,
  scope: byStaffScope('title_promotions'),
  list: {
    fields: {
      staff_id: 'int',
      org_unit_id: 'int',
      year: 'int',
      to_title: TITLES,
      status: PROMOTION_STATUS.values,
      created_at: 'timestamp',
    },
    defaultSort: ['created_at', 'DESC'],
  },
  applyCustom: (qb) => void qb.select(staffName('title_promotions')),
};

export function submitPromotion(actor: Actor, input: { staff_id: number; to_title: string; year?: number; note?: string | null }) {
  assertCan(actor, 'title-promotions', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const staff = await staffFor(actor, input.staff_id, trx);
    await lockRow(trx, 'staff', staff.id);
    if (staff.status === 'left') throw unprocessable(`${staff.name} has left`, [{ field: 'staff_id', message: 'not in service' }]);
    const problem = promotionProblem(staff.category, staff.title, input.to_title);
    if (problem) throw unprocessable(problem, [{ field: 'to_title', message: problem }]);
    const open = await TitlePromotion.query(trx).where('staff_id', staff.id).whereIn('status', ['submitted', 'reviewed']).first();
    if (open)
      throw conflict(`${staff.name} already has promotion application #${open.id} (${open.status})`, [
        { field: 'staff_id', message: `open application #${open.id}` },
      ]);
    const created = await TitlePromotion.query(trx).insertAndFetch({
      staff_id: staff.id,
      org_unit_id: staff.employer_org_unit_id,
      year: input.year ?? Number(clock.today().slice(0, 4)),
      from_title: staff.title,
      to_title: input.to_title,
      note: input.note ?? null,
      status: 'submitted',
      submitted_by: actor.username,
    });
    await audit({ action: 'create', resource: 'title-promotions', recordId: created.id, after: created });
    return created;
  });
}

async function movePromotion(
  actor: Actor,
  id: number,
  verb: 'review' | 'approve' | 'reject',
  to: TitlePromotion['status'],
  apply: (trx: Knex.Transaction, p: TitlePromotion) => Promise<Row>,
) {
  assertCan(actor, 'title-promotions', verb);
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(promotionResource, actor, id, trx);
    await lockRow(trx, 'title_promotions', id);
    const allowed = PROMOTION_TRANSITIONS[current.status];
    if (!allowed.includes(to))
      throw conflict(`a ${current.status} application cannot become ${to}; allowed: ${allowed.join(', ') || 'none'}`, [
        { field: 'status', message: `allowed: ${allowed.join(', ') || 'none'}` },
      ]);
    const patch = await apply(trx, current);
    const updated = await TitlePromotion.query(trx).patchAndFetchById(id, { ...patch, status: to, updated_at: clock.nowIso() });
    await audit({ action: verb, resource: 'title-promotions', recordId: id, before: current, after: updated });
    return updated;
  });
}

export const reviewPromotion = (actor: Actor, id: number, input: { unit_opinion?: string | null }) =>
  movePromotion(actor, id, 'review', 'reviewed', async () => ({
    unit_opinion: input.unit_opinion ?? null,
    reviewed_by: actor.username,
    reviewed_at: clock.nowIso(),
  }));

export const rejectPromotion = (actor: Actor, id: number, input: { reason: string }) =>
  movePromotion(actor, id, 'reject', 'rejected', async () => ({ reject_reason: input.reason, decided_by: actor.username, decided_at: clock.nowIso() }));

/** Group HR approves: the staff record takes the new title, effective on the given day, with history. */
export const approvePromotion = (actor: Actor, id: number, input: { effective_on?: string }) =>
  movePromotion(actor, id, 'approve', 'approved', async (trx, p) => {
    const staff = await Staff.query(trx).findById(p.staff_id).forUpdate();
    if (!staff || (staff.title ?? null) !== (p.from_title ?? null)) {
      throw conflict(`the title changed since the application (now ${staff?.title ?? 'none'}); reject it and apply again`, [
        { field: 'from_title', message: 'out of date' },
      ]);
    }
    const effective = input.effective_on ?? clock.today();
    const updated = await Staff.query(trx).patchAndFetchById(staff.id, { title: p.to_title, updated_at: clock.nowIso() });
    await recordHistory(trx, actor, staff.id, staff, updated, effective, `title promotion #${p.id}`);
    return { effective_on: effective, decided_by: actor.username, decided_at: clock.nowIso() };
  });

// ---- annual assessment (年度考核) ----

/** 409 for any change to an approved (locked) year, with the rule the UI words in Chinese. */
const yearLocked = (year: number) =>
  conflict(`assessment year ${year} is approved and locked`, [{ field: 'year', message: 'locked', rule: 'assessment_year_locked', params: { year } }]);

export const assessmentYearResource: ResourceDef<AssessmentYear> = {
  name: 'assessment-years',
  model: AssessmentYear,
  scope: (qb) => qb, // the group's assessment calendar
  list: { fields: { year: 'int', status: ASSESSMENT_YEAR_STATUS.values }, defaultSort: ['year', 'DESC'], columns: { id: 'assessment_years.year' } },
  prepareUpdate: async (data, current) => {
    if (current.status === 'approved') throw yearLocked(current.year);
    if (data.year !== undefined && data.year !== current.year) throw badRequest('the year cannot change', [{ field: 'year', message: 'cannot be changed' }]);
    return data;
  },
  beforeDelete: async (current, trx) => {
    const [{ n }] = await trx('assessments').where('year', current.year).count<{ n: number }[]>('* as n');
    if (Number(n) > 0) throw conflict(`assessment year ${current.year} has ${n} assessments`);
  },
};

/** Locks a year: no assessment of it changes afterwards (corrections are a later year's business). */
export function approveAssessmentYear(actor: Actor, year: number) {
  assertCan(actor, 'assessment-years', 'approve');
  return inTransaction(actor, async (trx, audit) => {
    await getRow(assessmentYearResource, actor, year, trx);
    const current = (await AssessmentYear.query(trx).findById(year).forUpdate())!;
    if (current.status === 'approved') throw conflict(`assessment year ${year} is already approved; allowed: none`);
    const updated = await AssessmentYear.query(trx).patchAndFetchById(year, {
      status: 'approved',
      approved_by: actor.username,
      approved_at: clock.nowIso(),
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'approve', resource: 'assessment-years', recordId: year, before: current, after: updated });
    return updated;
  });
}

async function checkAssessment(
  trx: Knex.Transaction,
  data: { staff_id: number; year: number; score: number; grade: string; org_unit_id: number },
  selfId?: number,
) {
  const year = await AssessmentYear.query(trx).findById(data.year).forUpdate();
  if (!year) throw unprocessable(`assessment year ${data.year} is not opened`, [{ field: 'year', message: 'open the year first (assessment-years)' }]);
  if (year.status === 'approved') throw yearLocked(data.year);
  const g = gradeProblem(data.score, data.grade);
  if (g) throw unprocessable(g, [{ field: 'grade', message: g }]);
  if (data.grade !== 'excellent') return;
  const [{ headcount }] = await trx('staff')
    .where('employer_org_unit_id', data.org_unit_id)
    .whereNot('status', 'left')
    .count<{ headcount: number }[]>('* as headcount');
  const [{ excellent }] = await trx('assessments')
    .where({ org_unit_id: data.org_unit_id, year: data.year, grade: 'excellent' })
    .whereNot('id', selfId ?? 0)
    .count<{ excellent: number }[]>('* as excellent');
  const quota = excellentQuota(Number(headcount), Number(year.excellent_share ?? DEFAULT_EXCELLENT_SHARE));
  if (Number(excellent) + 1 > quota) {
    throw unprocessable(
      `the unit already has ${excellent} ${GRADE.zh('excellent')} (excellent) of ${quota} allowed (${Number(year.excellent_share) * 100}% of ${headcount})`,
      [
        {
          field: 'grade',
          message: `quota ${quota} reached`,
          rule: 'excellent_quota',
          params: { excellent: Number(excellent), quota, headcount: Number(headcount), share: Math.round(Number(year.excellent_share) * 100) },
        },
      ],
    );
  }
}

export const assessmentResource: ResourceDef<Assessment> = {
  name: 'assessments',
  model: Assessment,
  scope: byStaffScope('assessments'),
  list: {
    fields: { staff_id: 'int', org_unit_id: 'int', year: 'int', grade: GRADES, score: 'decimal' },
    defaultSort: ['year', 'DESC'],
  },
  applyCustom: (qb) => void qb.select(staffName('assessments')),
  prepareCreate: async (data, trx, actor) => {
    const staff = await staffFor(actor, data.staff_id as number, trx);
    // the unit's 优秀 quota is counted per employer: serialise its assessments
    await trx.raw('select pg_advisory_xact_lock(?, ?)', [4, staff.employer_org_unit_id]);
    const row = { ...data, org_unit_id: staff.employer_org_unit_id } as Parameters<typeof checkAssessment>[1];
    await checkAssessment(trx, row);
    return row;
  },
  prepareUpdate: async (data, current, trx) => {
    for (const f of ['staff_id', 'year'] as const)
      if (data[f] !== undefined && data[f] !== current[f]) throw badRequest(`${f} cannot change`, [{ field: f, message: 'cannot be changed' }]);
    await trx.raw('select pg_advisory_xact_lock(?, ?)', [4, current.org_unit_id]);
    await checkAssessment(
      trx,
      {
        staff_id: current.staff_id,
        year: current.year,
        org_unit_id: current.org_unit_id,
        score: Number(data.score ?? current.score),
        grade: (data.grade as string | undefined) ?? current.grade,
      },
      current.id,
    );
    return data;
  },
  beforeDelete: async (current, trx) => {
    const year = await AssessmentYear.query(trx).findById(current.year);
    if (year?.status === 'approved') throw yearLocked(current.year);
  },
};
