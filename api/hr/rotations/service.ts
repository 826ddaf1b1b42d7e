// Use-cases of rotations (下派驻点 / 上派进修) and yearly plans: create with the rules checked,
// edit, start, end, cancel; the plan's figures (quota vs filled, the balance per receiving unit);
// the daily step the job runs; the data of the rotation roster workbook.
import type { Knex } from 'knex';
import type { AnyQueryBuilder } from 'objection';
import type { Actor } from '../../core/actor';
import { inTransaction, type Audit } from '../../core/transaction';
import { trailOf } from '../../audit';
import { db } from '../../db/knex';
import { scopeByAnyUnit } from '../../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../../core/crud';
import { AppError, badRequest, conflict, notFound, unprocessable } from '../../core/errors';
import { addDays } from '../../core/clock';
import { Rotation, RotationPlan } from './model';
import {
  ROTATION_STATUSES,
  ROTATION_TYPES,
  balance,
  datesProblem,
  defaultPlannedEnd,
  directionFigures,
  directionProblem,
  dueSteps,
  endProblem,
  findOverlap,
  homeProblem,
  hostCandidates,
  overlapProblem,
  planCopyProblem,
  staffProblem,
  transitionProblem,
  type PlannedRotation,
  type Problem,
  type RotationType,
} from './rules';
import { Staff } from '../staff/model';
import { staffFor } from '../staff/service';
import { LEVEL_NAME, ROTATION_STATUS, ROTATION_TYPE, TITLE } from '../enums';
import { orgUnits, under, unitField } from '../../org';
import { recordHistory, unitsById } from '../shared';
import * as clock from '../../core/clock';

/** A rule problem as the API error: details carry `rule` and `params` for the UI's Chinese text. */
function raise(p: Problem): never {
  throw new AppError(p.kind, p.kind, p.message, [{ field: p.field, message: p.message, rule: p.rule, params: p.params }]);
}

/** A rotation is visible to a director when its home OR its host unit is in their subtree. */
export const rotationScope = scopeByAnyUnit('rotations.home_org_unit_id', 'rotations.host_org_unit_id');

/** Names and levels listed with each rotation (the planner's table and timeline need them). */
export function withNames<Q extends AnyQueryBuilder>(qb: Q): Q {
  return qb.select(
    db().raw('(select s.name from staff s where s.id = rotations.staff_id) as staff_name'),
    db().raw('(select s.title from staff s where s.id = rotations.staff_id) as staff_title'),
    unitField('name', 'rotations.home_org_unit_id', 'home_name'),
    unitField('name', 'rotations.host_org_unit_id', 'host_name'),
    unitField('level', 'rotations.home_org_unit_id', 'home_level'),
    unitField('level', 'rotations.host_org_unit_id', 'host_level'),
  );
}

export const rotationResource: ResourceDef<Rotation> = {
  name: 'rotations',
  model: Rotation,
  scope: rotationScope,
  list: {
    fields: {
      staff_id: 'int',
      type: ROTATION_TYPES,
      home_org_unit_id: 'int',
      host_org_unit_id: 'int',
      status: ROTATION_STATUSES,
      start_on: 'date',
      planned_end_on: 'date',
      actual_end_on: 'date',
    },
    defaultSort: ['start_on', 'ASC'],
    // year: starting that year; ending_within: active and due to end within N days
    custom: { year: 'int', ending_within: 'int' },
  },
  applyCustom: (qb, custom) => {
    withNames(qb);
    if (custom.year !== undefined) qb.whereBetween('rotations.start_on', [`${custom.year as number}-01-01`, `${custom.year as number}-12-31`]);
    if (custom.ending_within !== undefined) {
      const day = clock.today();
      qb.where('rotations.status', 'active').whereBetween('rotations.planned_end_on', [day, addDays(day, custom.ending_within as number)]);
    }
  },
};

export async function readRotation(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'rotations', 'show');
  const q = Rotation.query(trx).where('rotations.id', id).select('rotations.*');
  rotationScope(q, actor.scopePath);
  const row = await withNames(q).first();
  if (!row) throw notFound('rotations', id);
  return row;
}

/** The audit trail of one rotation (planned, re-planned, started, ended, cancelled), oldest first. */
export async function rotationHistory(actor: Actor, id: number) {
  await readRotation(actor, id); // the rotation must be readable by the caller
  return trailOf('rotations', id);
}

/** The active units in the caller's scope a person's rotation of `type` may go to, nearest level first. */
export async function hostOptions(actor: Actor, input: { staff_id: number; type: RotationType; home_org_unit_id?: number }) {
  assertCan(actor, 'rotations', 'create');
  const staff = await staffFor(actor, input.staff_id);
  const homeId = homeOf(staff, input.home_org_unit_id);
  const home = (await unitsById(db(), [homeId])).get(homeId);
  if (!home) throw unprocessable(`home_org_unit_id ${homeId} does not exist`, [{ field: 'home_org_unit_id', message: 'no such unit' }]);
  const units = await under(orgUnits(['id', 'code', 'name', 'level', 'path']), actor.scopePath).where('active', true);
  return {
    home: { id: home.id, code: home.code, name: home.name, level: home.level },
    hosts: hostCandidates(input.type, home, units).map(({ path: _p, ...u }) => u),
  };
}

export interface RotationInput {
  staff_id: number;
  type: RotationType;
  host_org_unit_id: number;
  home_org_unit_id?: number;
  start_on: string;
  planned_end_on?: string;
  purpose?: string | null;
}

/** The home (sending) unit: given, else where a 乡聘村用 doctor works, else the employer. */
const homeOf = (staff: Staff, given?: number) => given ?? (staff.employment_type === 'township_hired' ? staff.work_org_unit_id : staff.employer_org_unit_id);

/** The checks every new or re-planned rotation passes; returns the row to store. */
async function checked(trx: Knex.Transaction, actor: Actor, input: RotationInput, self?: Rotation) {
  const staff = await staffFor(actor, input.staff_id, trx);
  await lockRow(trx, 'staff', staff.id); // one person's rotations are planned one at a time
  const p = staffProblem(staff);
  if (p) raise(p);
  const home = homeOf(staff, input.home_org_unit_id);
  // a running rotation has already moved the working unit: its unchanged home stays valid
  const hp = self?.home_org_unit_id === home ? null : homeProblem(home, staff);
  if (hp) raise(hp);
  const units = await unitsById(trx, [home, input.host_org_unit_id]);
  const host = units.get(input.host_org_unit_id);
  if (!host) throw unprocessable(`host_org_unit_id ${input.host_org_unit_id} does not exist`, [{ field: 'host_org_unit_id', message: 'no such unit' }]);
  await assertUnitInScope(actor, host.id, 'host_org_unit_id', trx);
  const dp = directionProblem(input.type, units.get(home)!, host);
  if (dp) raise(dp);
  const plannedEnd = input.planned_end_on ?? defaultPlannedEnd(input.type, input.start_on);
  if (!plannedEnd) throw badRequest('an up_training rotation needs planned_end_on', [{ field: 'planned_end_on', message: 'required for up_training' }]);
  const dates = datesProblem(input.start_on, plannedEnd);
  if (dates) raise(dates);
  const row = {
    staff_id: staff.id,
    type: input.type,
    home_org_unit_id: home,
    host_org_unit_id: host.id,
    start_on: input.start_on,
    planned_end_on: plannedEnd,
    purpose: input.purpose ?? null,
  };
  const others = await withNames(Rotation.query(trx).select('rotations.*').where('staff_id', staff.id).whereNot('status', 'cancelled'));
  const other = findOverlap({ ...row, id: self?.id, status: 'planned' }, others) as (Rotation & { host_name: string }) | undefined;
  if (other) raise(overlapProblem(other));
  return { row, staff };
}

/** The database's own no-overlap constraint (a race between two requests) as the same 409. */
async function guardOverlap<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const code = (err as { code?: string; nativeError?: { code?: string } }).nativeError?.code ?? (err as { code?: string }).code;
    if (code === '23P01')
      throw conflict('overlaps another rotation of the same person', [
        { field: 'start_on', message: 'overlaps another rotation', rule: 'rotation_overlap', params: {} },
      ]);
    throw err;
  }
}

export function createRotation(actor: Actor, input: RotationInput) {
  assertCan(actor, 'rotations', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const { row } = await checked(trx, actor, input);
    const created = await guardOverlap(async () => await Rotation.query(trx).insertAndFetch({ ...row, status: 'planned' }));
    await audit({ action: 'create', resource: 'rotations', recordId: created.id, after: created });
    // a rotation starting today (or earlier) starts now rather than at tonight's job
    for (const step of dueSteps(created, clock.today())) await applyStep(trx, actor, audit, created.id, step, clock.today());
    return readRotation(actor, created.id, trx);
  });
}

/** Re-plan a planned rotation (dates, host, purpose); an active one may only move its planned end. */
export function updateRotation(actor: Actor, id: number, input: Partial<RotationInput>) {
  assertCan(actor, 'rotations', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(rotationResource, actor, id, trx);
    await lockRow(trx, 'rotations', id);
    if (current.status === 'completed' || current.status === 'cancelled') {
      throw conflict(`a ${current.status} rotation is closed and cannot be edited`, [
        { field: 'status', message: 'closed', rule: 'rotation_closed', params: { from: current.status } },
      ]);
    }
    const merged: RotationInput = {
      staff_id: current.staff_id,
      type: current.type,
      host_org_unit_id: current.host_org_unit_id,
      home_org_unit_id: current.home_org_unit_id,
      start_on: current.start_on,
      planned_end_on: current.planned_end_on,
      purpose: current.purpose,
      ...input,
    };
    if (current.status === 'active') {
      const moved = (['staff_id', 'type', 'host_org_unit_id', 'home_org_unit_id', 'start_on'] as const).filter((f) => String(merged[f]) !== String(current[f]));
      if (moved.length)
        throw conflict(
          `an active rotation can only change planned_end_on and purpose`,
          moved.map((field) => ({ field, message: 'fixed once the rotation is active', rule: 'active_rotation_fixed', params: {} })),
        );
    } else if (merged.staff_id !== current.staff_id) {
      throw badRequest('the person of a rotation cannot change; cancel it and plan a new one', [{ field: 'staff_id', message: 'cannot be changed' }]);
    }
    const { row } = await checked(trx, actor, merged, current);
    const updated = await guardOverlap(async () => await Rotation.query(trx).patchAndFetchById(id, { ...row, updated_at: clock.nowIso() }));
    await audit({ action: 'update', resource: 'rotations', recordId: id, before: current, after: updated });
    return readRotation(actor, id, trx);
  });
}

/** planned → active: the person works at the host from the start day. */
async function activate(trx: Knex.Transaction, actor: Actor, audit: Audit, r: Rotation) {
  const staff = await Staff.query(trx).findById(r.staff_id).forUpdate();
  const updated = await Rotation.query(trx).patchAndFetchById(r.id, { status: 'active', updated_at: clock.nowIso() });
  if (staff && staff.work_org_unit_id !== r.host_org_unit_id) {
    const moved = await Staff.query(trx).patchAndFetchById(staff.id, { work_org_unit_id: r.host_org_unit_id, updated_at: clock.nowIso() });
    await recordHistory(trx, actor, staff.id, staff, moved, r.start_on, `rotation #${r.id} started`);
  }
  await audit({ action: 'activate', resource: 'rotations', recordId: r.id, before: r, after: updated });
  return updated;
}

/** active → completed: back to the home unit. */
async function complete(trx: Knex.Transaction, actor: Actor, audit: Audit, r: Rotation, endOn: string, reason: string | null) {
  const updated = await Rotation.query(trx).patchAndFetchById(r.id, {
    status: 'completed',
    actual_end_on: endOn,
    end_reason: reason,
    updated_at: clock.nowIso(),
  });
  const staff = await Staff.query(trx).findById(r.staff_id).forUpdate();
  if (staff && staff.work_org_unit_id === r.host_org_unit_id) {
    const back = await Staff.query(trx).patchAndFetchById(staff.id, { work_org_unit_id: r.home_org_unit_id, updated_at: clock.nowIso() });
    await recordHistory(trx, actor, staff.id, staff, back, addDays(endOn, 1), `rotation #${r.id} ended`);
  }
  await audit({ action: 'complete', resource: 'rotations', recordId: r.id, before: r, after: updated });
  return updated;
}

async function applyStep(trx: Knex.Transaction, actor: Actor, audit: Audit, id: number, step: 'activate' | 'complete', day: string) {
  const r = await Rotation.query(trx).findById(id).forUpdate();
  if (!r) return;
  if (step === 'activate' && r.status === 'planned') await activate(trx, actor, audit, r);
  if (step === 'complete' && r.status === 'active') await complete(trx, actor, audit, r, r.planned_end_on < day ? r.planned_end_on : day, null);
}

/** Ends an active rotation (on a day, by default today); before the planned end it needs a reason. */
export function endRotation(actor: Actor, id: number, input: { actual_end_on?: string; end_reason?: string }) {
  assertCan(actor, 'rotations', 'end');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(rotationResource, actor, id, trx);
    await lockRow(trx, 'rotations', id);
    const t = transitionProblem(current.status, 'completed');
    if (t) raise(t);
    const endOn = input.actual_end_on ?? clock.today();
    const e = endProblem(current, endOn, input.end_reason);
    if (e) raise(e);
    await complete(trx, actor, audit, current, endOn, input.end_reason ?? null);
    return readRotation(actor, id, trx);
  });
}

/** Cancels a planned rotation, with a reason; a running one is ended instead. */
export function cancelRotation(actor: Actor, id: number, input: { reason: string }) {
  assertCan(actor, 'rotations', 'cancel');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(rotationResource, actor, id, trx);
    await lockRow(trx, 'rotations', id);
    const t = transitionProblem(current.status, 'cancelled');
    if (t) raise(t);
    const updated = await Rotation.query(trx).patchAndFetchById(id, { status: 'cancelled', end_reason: input.reason, updated_at: clock.nowIso() });
    await audit({ action: 'cancel', resource: 'rotations', recordId: id, before: current, after: updated });
    return readRotation(actor, id, trx);
  });
}

/**
 * The daily step: start rotations whose day has come, complete those past their planned end,
 * each in its own transaction; a second run on the same day finds nothing left to change.
 */
export async function runDailyRotations(actor: Actor, day: string) {
  const due = await Rotation.query()
    .select('id', 'status', 'start_on', 'planned_end_on', 'actual_end_on')
    .where((w) => w.where('status', 'planned').where('start_on', '<=', day))
    .orWhere((w) => w.where('status', 'active').where('planned_end_on', '<', day))
    .orderBy('id');
  const activated: number[] = [];
  const completed: number[] = [];
  for (const r of due) {
    const steps = dueSteps(r, day);
    await inTransaction(actor, async (trx, audit) => {
      for (const step of steps) await applyStep(trx, actor, audit, r.id, step, day);
    });
    if (steps.includes('activate')) activated.push(r.id);
    if (steps.includes('complete')) completed.push(r.id);
  }
  const endingSoon = await withNames(Rotation.query().select('rotations.id', 'rotations.staff_id', 'rotations.host_org_unit_id', 'rotations.planned_end_on'))
    .where('status', 'active')
    .whereBetween('planned_end_on', [day, addDays(day, 30)])
    .orderBy('planned_end_on');
  return {
    day,
    activated,
    completed,
    ending_within_30_days: endingSoon.map((r) => {
      const x = r as Rotation & { staff_name: string; host_name: string };
      return { id: x.id, staff: x.staff_name, host: x.host_name, planned_end_on: x.planned_end_on };
    }),
  };
}

// ---- yearly plans ----

export const rotationPlanResource: ResourceDef<RotationPlan> = {
  name: 'rotation-plans',
  model: RotationPlan,
  // plans are the group's: every role that may read them sees all of them
  scope: (qb) => qb,
  list: { fields: { year: 'int' }, defaultSort: ['year', 'DESC'] },
};

/** The rotations of a year (by start day) in the actor's scope, with unit levels. */
export async function rotationsOfYear(actor: Actor, year: number) {
  const q = Rotation.query()
    .select('rotations.*')
    .whereBetween('start_on', [`${year}-01-01`, `${year}-12-31`])
    .orderBy('start_on')
    .orderBy('id');
  rotationScope(q, actor.scopePath);
  return (await withNames(q)) as (Rotation & PlannedRotation & { staff_name: string; staff_title: string | null; home_name: string; host_name: string })[];
}

/** Quota vs filled per direction and, per receiving unit, experts received against trainees sent up. */
export async function planSummary(actor: Actor, id: number) {
  assertCan(actor, 'rotation-plans', 'show');
  const plan = await RotationPlan.query().findById(id);
  if (!plan) throw notFound('rotation-plans', id);
  return summaryOf(actor, plan);
}

/** A year's rotations in the actor's scope, the balance per receiving unit, and those units. */
async function yearFigures(actor: Actor, year: number) {
  const rotations = await rotationsOfYear(actor, year);
  const rows = balance(rotations);
  const units = await unitsById(
    db(),
    rows.map((b) => b.org_unit_id),
  );
  return { rotations, rows, units };
}

export async function summaryOf(actor: Actor, plan: RotationPlan) {
  const { rotations, rows, units } = await yearFigures(actor, plan.year);
  return {
    plan,
    directions: directionFigures(plan.quotas, rotations),
    balance: rows
      .map((b) => ({ ...b, code: units.get(b.org_unit_id)?.code, name: units.get(b.org_unit_id)?.name, level: units.get(b.org_unit_id)?.level }))
      .sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || String(a.code).localeCompare(String(b.code))),
    rotations: rotations.length,
  };
}

/** Next year's plan as a copy of this one (same directions and quotas): December is when HR plans. */
export function copyPlan(actor: Actor, id: number) {
  assertCan(actor, 'rotation-plans', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const from = await RotationPlan.query(trx).findById(id);
    if (!from) throw notFound('rotation-plans', id);
    const p = planCopyProblem(from, await RotationPlan.query(trx).findOne({ year: from.year + 1 }));
    if (p) raise(p);
    const created = await RotationPlan.query(trx).insertAndFetch({ year: from.year + 1, quotas: from.quotas, note: from.note });
    await audit({ action: 'copy', resource: 'rotation-plans', recordId: created.id, before: from, after: created });
    return created;
  });
}

export async function planOfYear(actor: Actor, year: number) {
  assertCan(actor, 'rotation-plans', 'show');
  const plan = await RotationPlan.query().findOne({ year });
  if (!plan) throw notFound('rotation-plans', `for ${year}`);
  return plan;
}

// ---- the rotation roster workbook's data ----

/** 下派 总院→分院 for down_hq_branch. */
export function directionZh(key: string) {
  const [dir, from, to] = key.split('_');
  const level = (name: string) => (LEVEL_NAME.has(name) ? LEVEL_NAME.zh(name) : name);
  return `${dir === 'down' ? '下派' : '上派进修'} ${level(from)}→${level(to)}`;
}

/** The rotation roster of a year, its labels in Chinese. */
export interface RotationRosterData {
  year: number;
  rotations: {
    id: number;
    staff_name: string;
    title: string;
    home: string;
    host: string;
    type: string;
    start_on: string;
    end_on: string;
    status: string;
    purpose: string | null;
  }[];
  directions: { direction: string; quota: number; filled: number }[];
  balance: { code: string; name: string; experts_received: number; trainees_sent: number; balance: number }[];
}

export async function rotationRosterData(actor: Actor, year: number): Promise<RotationRosterData> {
  assertCan(actor, 'rotations', 'export');
  const plan = await RotationPlan.query().findOne({ year });
  const { rotations, rows, units } = await yearFigures(actor, year);
  return {
    year,
    rotations: rotations.map((r) => ({
      id: r.id,
      staff_name: r.staff_name,
      title: r.staff_title && TITLE.has(r.staff_title) ? TITLE.zh(r.staff_title) : '',
      home: r.home_name,
      host: r.host_name,
      type: ROTATION_TYPE.zh(r.type),
      start_on: r.start_on,
      end_on: r.actual_end_on ?? r.planned_end_on,
      status: ROTATION_STATUS.zh(r.status),
      purpose: r.purpose,
    })),
    directions: directionFigures(plan?.quotas ?? {}, rotations).map((d) => ({ direction: directionZh(d.key), quota: d.quota, filled: d.filled })),
    balance: rows
      .map((b) => ({ ...b, code: units.get(b.org_unit_id)!.code, name: units.get(b.org_unit_id)!.name, path: units.get(b.org_unit_id)!.path }))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ path: _p, org_unit_id: _id, ...b }) => b),
  };
}
