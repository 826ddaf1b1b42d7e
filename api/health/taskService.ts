// Due tasks (待办任务): generated from the follow-up schedules, completed by follow-ups, moved on
// by the daily job (upcoming → due → missed). Every state change leaves a task_events row.
import type { Knex } from 'knex';
import type { AnyQueryBuilder } from 'objection';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { inFixedSet } from '../db/fixedSet';
import { scopeByUnit } from '../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { conflict, notFound } from '../core/errors';
import { FollowupSchedule, Resident, Task, TaskEvent } from './model';
import { FOLLOWUP_TYPE, TASK_BUCKET, TASK_STATE, type FollowupType } from './enums';
import type { TaskSummary } from './buckets';
import {
  OPEN_STATES,
  TASK_TRANSITIONS,
  addDays,
  monthOf,
  openStateOn,
  planTasks,
  taskPlanner,
  type ResidentForTasks,
  type Schedule,
  type TaskPlan,
  type TaskState,
} from './rules';
import * as clock from '../core/clock';

/** How far ahead the daily job creates tasks: the next period's tasks show as upcoming a month before. */
export const LOOKAHEAD_DAYS = 31;

export const taskResource: ResourceDef<Task> = {
  name: 'tasks',
  model: Task,
  scope: scopeByUnit('tasks.org_unit_id'),
  list: {
    fields: {
      id: 'text', // resident-schedule-period
      org_unit_id: 'int',
      resident_id: 'int',
      schedule_code: 'text',
      type: FOLLOWUP_TYPE.values,
      state: TASK_STATE.values,
      period: 'text',
      due_on: 'date',
      window_start: 'date',
      window_end: 'date',
    },
    columns: { id: 'tasks.id' },
    search: ['residents.name'],
    defaultSort: ['due_on', 'ASC'],
    // my tasks: today / overdue / this month / all open (buckets.ts); overdue is computed from dates here
    custom: { bucket: TASK_BUCKET.values, overdue: 'bool' },
  },
  // what "my tasks" and a resident's task list show, read as plain rows (the hot phone list);
  // the task page (GET /:id) adds the follow-up, the dates and the history
  listColumns: ['id', 'org_unit_id', 'resident_id', 'schedule_code', 'type', 'period', 'due_on', 'window_start', 'window_end', 'state', 'done_on'],
  // the resident's name, for the page (and for a search by name); the total counts tasks alone
  listLookup: (qb) => void qb.leftJoin('residents', 'residents.id', 'tasks.resident_id').select('residents.name as resident_name'),
  applyCustom: (qb, custom) => {
    const today = clock.today();
    qb.select(db().raw(`(tasks.state in ('upcoming','due') and tasks.due_on < ?::date) as overdue`, [today]));
    const open = () => qb.where(inFixedSet('tasks.state', OPEN_STATES));
    // (buckets.ts inBucket says the same for the phone's offline copy)
    switch (custom.bucket) {
      case 'today':
        open().where('tasks.due_on', '<=', today);
        break;
      case 'overdue':
        open().where('tasks.due_on', '<', today);
        break;
      case 'this_month':
        open().whereBetween('tasks.due_on', [monthOf(today).start, monthOf(today).end]);
        break;
      case 'open':
        open();
        break;
    }
    if (custom.overdue === true) open().where('tasks.due_on', '<', today);
    if (custom.overdue === false) qb.where((w) => w.where(inFixedSet('tasks.state', OPEN_STATES, true)).orWhere('tasks.due_on', '>=', today));
  },
};

/**
 * The village doctor's counts (buckets.ts): today (due by today), overdue, this month, all open,
 * and the tasks due on today itself — in the caller's scope, of one type if asked. One statement.
 */
export async function taskSummary(actor: Actor, filter: { type?: FollowupType } = {}): Promise<TaskSummary & { as_of: string }> {
  assertCan(actor, 'tasks', 'list');
  const today = clock.today();
  const month = monthOf(today);
  const qb = db()('tasks').where(inFixedSet('tasks.state', OPEN_STATES));
  taskResource.scope(qb as unknown as AnyQueryBuilder, actor.scopePath, actor);
  if (filter.type) qb.where('tasks.type', filter.type);
  const [row] = await qb.select<TaskSummary[]>(
    db().raw(
      `count(*) filter (where due_on <= ?::date) as today,
       count(*) filter (where due_on < ?::date) as overdue,
       count(*) filter (where due_on between ?::date and ?::date) as this_month,
       count(*) as open,
       count(*) filter (where due_on = ?::date) as due_today`,
      [today, today, month.start, month.end, today],
    ),
  );
  return { overdue: row.overdue, today: row.today, this_month: row.this_month, open: row.open, due_today: row.due_today, as_of: today };
}

/** One task with its computed `overdue`, the resident's name and its history (creation first). */
export async function readTask(actor: Actor, id: string) {
  assertCan(actor, 'tasks', 'show');
  const task = await getRow(taskResource, actor, id);
  const [resident, events] = await Promise.all([
    db()('residents').select('name', 'sex', 'birth_date').where('id', task.resident_id).first<Pick<Resident, 'name' | 'sex' | 'birth_date'> | undefined>(),
    TaskEvent.query().where('task_id', id).orderBy('id'),
  ]);
  const created = {
    task_id: id,
    from_state: null,
    to_state: events[0]?.from_state ?? task.state,
    at: task.created_at,
    actor_name: 'system',
    followup_id: null,
    reason: 'generated',
  };
  return {
    ...task.toJSON(),
    overdue: OPEN_STATES.includes(task.state as TaskState) && task.due_on < clock.today(),
    resident_name: resident?.name,
    history: [created, ...events.map((e) => e.toJSON())],
  };
}

export async function activeSchedules(trx: Knex | Knex.Transaction): Promise<Schedule[]> {
  return (await FollowupSchedule.query(trx).where('active', true)) as unknown as Schedule[];
}

/** Inserts planned tasks that do not exist yet (deterministic ids); the row is its creation record. */
export async function insertPlans(trx: Knex | Knex.Transaction, plans: TaskPlan[], unitOf: Map<number, number>, today: string): Promise<number> {
  let created = 0;
  for (let i = 0; i < plans.length; i += 20_000) {
    const chunk = plans.slice(i, i + 20_000);
    const col = <K extends keyof TaskPlan>(k: K) => chunk.map((p) => p[k]);
    const { rows } = await trx.raw<{ rows: unknown[] }>(
      `INSERT INTO tasks (id, org_unit_id, resident_id, schedule_code, type, period, window_start, window_end, due_on, state)
       SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::date[], ?::text[])
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        col('id'),
        chunk.map((p) => unitOf.get(p.resident_id)!),
        col('resident_id'),
        col('schedule_code'),
        col('type'),
        col('period'),
        col('window_start'),
        col('window_end'),
        col('due_on'),
        chunk.map((p) => openStateOn(p, today)),
      ],
    );
    created += rows.length;
  }
  return created;
}

/**
 * Generates the tasks of every period overlapping [from, to] for all registered residents
 * (or the given ones). Safe to re-run: existing ids are left alone.
 */
export async function generateTasks(opts: { from: string; to: string; today?: string; residentIds?: number[]; trx?: Knex.Transaction }) {
  const conn = opts.trx ?? db();
  const today = opts.today ?? clock.today();
  const q = conn('residents').select('id', 'org_unit_id', 'birth_date', 'tags').whereNull('deregistered_on');
  if (opts.residentIds) q.whereIn('id', opts.residentIds);
  const [residents, schedules] = await Promise.all([q as Promise<(ResidentForTasks & { org_unit_id: number })[]>, activeSchedules(conn)]);
  const unitOf = new Map(residents.map((r) => [r.id, r.org_unit_id]));
  const plan = taskPlanner(schedules, opts.from, opts.to);
  const plans = residents.flatMap(plan);
  const created = await insertPlans(conn, plans, unitOf, today);
  return { residents: residents.length, planned: plans.length, created };
}

/** Moves open tasks by their dates: upcoming → due once the window opens, → missed once it closed. */
export async function advanceTaskStates(today: string, actorName = 'system', conn: Knex | Knex.Transaction = db()) {
  const moved: Record<string, number> = {};
  for (const [to, cond] of [
    ['missed', `state in ('upcoming','due') and window_end < ?::date`],
    ['due', `state = 'upcoming' and window_start <= ?::date`],
  ] as const) {
    const { rows } = await conn.raw<{ rows: { task_id: string }[] }>(
      `WITH old AS (SELECT id, state FROM tasks WHERE ${cond} FOR UPDATE),
            upd AS (UPDATE tasks t SET state = ?, updated_at = now() FROM old WHERE t.id = old.id RETURNING t.id, old.state AS from_state)
       INSERT INTO task_events (task_id, from_state, to_state, actor_name, reason)
       SELECT id, from_state, ?, ?, 'schedule' FROM upd RETURNING task_id`,
      [today, to, to, actorName],
    );
    moved[to] = rows.length;
  }
  return moved;
}

/**
 * Brings one resident's open tasks in line with their key populations after a change
 * (conditions, pregnancy, birth date): creates the missing ones, cancels those no longer due.
 */
export async function syncResidentTasks(trx: Knex.Transaction, residentId: number, today: string, actorName: string) {
  const to = addDays(today, LOOKAHEAD_DAYS);
  const resident = await trx('residents')
    .select('id', 'org_unit_id', 'birth_date', 'tags', 'deregistered_on')
    .where('id', residentId)
    .first<Pick<Resident, 'id' | 'org_unit_id' | 'birth_date' | 'tags' | 'deregistered_on'> | undefined>();
  if (!resident) throw notFound('residents', residentId);
  const schedules = await activeSchedules(trx);
  const plans = resident.deregistered_on ? [] : planTasks(resident, schedules, today, to);
  const created = await insertPlans(trx, plans, new Map([[resident.id, resident.org_unit_id]]), today);
  const cancelled = await cancelOpenTasks(
    trx,
    residentId,
    actorName,
    resident.deregistered_on ? 'deregistered' : 'no longer in the population',
    plans.map((p) => p.id),
  );
  return { created, cancelled };
}

/** Cancels a resident's open tasks (except `keep`), with history. */
export async function cancelOpenTasks(trx: Knex.Transaction, residentId: number, actorName: string, reason: string, keep: string[] = []) {
  const { rows } = await trx.raw<{ rows: { task_id: string }[] }>(
    `WITH old AS (SELECT id, state FROM tasks WHERE resident_id = ? AND state in ('upcoming','due') AND NOT (id = ANY(?::text[])) FOR UPDATE),
          upd AS (UPDATE tasks t SET state = 'cancelled', updated_at = now() FROM old WHERE t.id = old.id RETURNING t.id, old.state AS from_state)
     INSERT INTO task_events (task_id, from_state, to_state, actor_name, reason)
     SELECT id, from_state, 'cancelled', ?, ? FROM upd RETURNING task_id`,
    [residentId, keep, actorName, reason],
  );
  return rows.length;
}

/** A person cancels one open task with a reason (e.g. the resident is in hospital the whole quarter). */
export function cancelTask(actor: Actor, id: string, reason: string) {
  assertCan(actor, 'tasks', 'cancel');
  return inTransaction(actor, async (trx, audit) => {
    const task = await getRow(taskResource, actor, id, trx);
    await lockRow(trx, 'tasks', id);
    const fresh = await Task.query(trx).findById(id);
    const from = fresh!.state as TaskState;
    if (!TASK_TRANSITIONS[from].includes('cancelled')) {
      throw conflict(`a ${from} task cannot be cancelled; allowed from ${from}: ${TASK_TRANSITIONS[from].join(', ') || 'none'}`, {
        state: from,
        allowed: TASK_TRANSITIONS[from],
      });
    }
    const updated = await Task.query(trx).patchAndFetchById(id, { state: 'cancelled', updated_at: clock.nowIso() });
    await TaskEvent.query(trx).insert({ task_id: id, from_state: from, to_state: 'cancelled', actor_name: actor.username, reason });
    await audit({ action: 'cancel', resource: 'tasks', recordId: id, before: task, after: updated });
    return updated;
  });
}

/** The daily job's work: generate the next tasks, then move states by date. Idempotent. */
export async function dailyTaskRun(today: string, actorName = 'job:health-daily') {
  const generated = await generateTasks({ from: today, to: addDays(today, LOOKAHEAD_DAYS), today });
  const moved = await advanceTaskStates(today, actorName);
  return { ...generated, ...moved };
}

/** Edits a follow-up schedule (admin); existing tasks stay, the next generation uses the new rule. */
export function updateSchedule(
  actor: Actor,
  code: string,
  patch: Partial<Pick<Schedule, 'period_months' | 'due_within_days'>> & { name?: string; norm?: string | null; active?: boolean },
) {
  assertCan(actor, 'followup-schedules', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await FollowupSchedule.query(trx).findById(code).forUpdate();
    if (!current) throw notFound('followup-schedules', code);
    const updated = await FollowupSchedule.query(trx).patchAndFetchById(code, patch);
    await audit({ action: 'update', resource: 'followup-schedules', recordId: code, before: current, after: updated });
    return { id: updated.code, ...updated.toJSON() };
  });
}
