// Follow-ups (随访 / 健康管理服务记录): measured, classified by the norms, completing the due
// task they answer. Logged by a doctor for residents of their own village only (org scope).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors';
import { unitInScope } from '../org';
import { Followup, Task, TaskEvent } from './model';
import { CLASSIFICATION, FOLLOWUP_MODE, FOLLOWUP_TYPE } from './enums';
import {
  POPULATION_OF,
  assess,
  recheckPlan,
  completes,
  measurementProblems,
  residentTags,
  type FollowupMode,
  type FollowupType,
  type Measurements,
} from './rules';
import { residentResource } from './residentService';
import { activeSchedules, insertPlans, taskResource } from './taskService';
import * as clock from '../core/clock';

export const followupResource: ResourceDef<Followup> = {
  name: 'followups',
  model: Followup,
  scope: scopeByUnit('followups.org_unit_id'),
  list: {
    fields: {
      org_unit_id: 'int',
      resident_id: 'int',
      type: FOLLOWUP_TYPE.values,
      mode: FOLLOWUP_MODE.values,
      visited_on: 'date',
      classification: CLASSIFICATION.values,
      doctor_user_id: 'int',
      task_id: 'text',
      created_at: 'timestamp',
    },
    search: ['residents.name', 'followups.topic'],
    defaultSort: ['visited_on', 'DESC'],
  },
  applyCustom: (qb) => {
    qb.leftJoin('residents', 'residents.id', 'followups.resident_id').select('residents.name as resident_name');
  },
};

export interface FollowupInput extends Measurements {
  resident_id?: number | null;
  org_unit_id?: number;
  type: FollowupType;
  mode?: FollowupMode;
  visited_on: string;
  topic?: string | null;
  attendees?: number | null;
  notes?: string | null;
  task_id?: string | null;
}

/** Logs a follow-up; completes the matching due task. */
export function createFollowup(actor: Actor, input: FollowupInput) {
  assertCan(actor, 'followups', 'create');
  const today = clock.today();
  const problems = measurementProblems(input.type, input);
  if (input.visited_on > today) problems.push({ field: 'visited_on', message: 'is in the future' });
  if (input.type === 'health_education' && input.resident_id != null)
    problems.push({ field: 'resident_id', message: 'health education is a group activity: no single resident' });
  if (input.type !== 'health_education' && input.resident_id == null)
    problems.push({ field: 'resident_id', message: `is required for a ${input.type} follow-up` });
  if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
  const mode = input.mode ?? 'clinic';

  return inTransaction(actor, async (trx, audit) => {
    let unitId: number;
    let task: Task | undefined;
    if (input.resident_id != null) {
      // outside the doctor's village the resident does not exist for them: 404
      const resident = await getRow(residentResource, actor, input.resident_id, trx);
      if (resident.deregistered_on) throw unprocessable(`resident ${resident.id} is deregistered`, [{ field: 'resident_id', message: 'deregistered' }]);
      if (input.visited_on < resident.birth_date) throw badRequest('invalid visited_on', [{ field: 'visited_on', message: 'is before the birth date' }]);
      const population = POPULATION_OF[input.type];
      if (population && !residentTags(resident, input.visited_on).includes(population)) {
        throw unprocessable(`resident ${resident.id} is not in the ${population} population; record the condition first`, [
          { field: 'type', message: `resident is not tagged ${population}` },
        ]);
      }
      unitId = resident.org_unit_id;
      task = await taskToComplete(trx, actor, input, mode);
    } else {
      unitId = input.org_unit_id ?? actor.orgUnitId;
      const unit = await unitInScope(unitId, actor.scopePath, ['id'], trx);
      if (!unit) throw notFound('org-units', unitId);
    }
    const { classification, advice } = assess(input.type, input);
    const created = await Followup.query(trx).insertAndFetch({
      org_unit_id: unitId,
      resident_id: input.resident_id ?? null,
      type: input.type,
      mode,
      visited_on: input.visited_on,
      systolic: input.systolic ?? null,
      diastolic: input.diastolic ?? null,
      fasting_glucose: input.fasting_glucose ?? null,
      weight_kg: input.weight_kg ?? null,
      height_cm: input.height_cm ?? null,
      heart_rate: input.heart_rate ?? null,
      classification,
      advice,
      topic: input.topic ?? null,
      attendees: input.attendees ?? null,
      notes: input.notes ?? null,
      task_id: task?.id ?? null,
      doctor_user_id: actor.id || null,
    });
    let completedTask: Task | null = null;
    if (task) {
      completedTask = await Task.query(trx).patchAndFetchById(task.id, {
        state: 'done',
        done_on: input.visited_on,
        followup_id: created.id,
        updated_at: clock.nowIso(),
      });
      await TaskEvent.query(trx).insert({
        task_id: task.id,
        from_state: task.state,
        to_state: 'done',
        actor_name: actor.username,
        followup_id: created.id,
        reason: 'follow-up logged',
      });
    }
    // not controlled: the norms' two-week recheck becomes a task
    const recheck =
      classification === 'uncontrolled' ? (await activeSchedules(trx)).find((s) => s.trigger === 'uncontrolled' && s.followup_type === input.type) : undefined;
    if (recheck) await insertPlans(trx, [recheckPlan(recheck, input.resident_id!, input.visited_on)], new Map([[input.resident_id!, unitId]]), today);
    await audit({ action: 'create', resource: 'followups', recordId: created.id, after: created });
    return { ...created.toJSON(), task: completedTask };
  });
}

/**
 * The task this visit completes: the one named (prefilled from "my tasks"), which must match,
 * or else the resident's open task of that type whose window holds the visit date.
 */
async function taskToComplete(trx: Knex.Transaction, actor: Actor, input: FollowupInput, mode: FollowupMode): Promise<Task | undefined> {
  const visit = { type: input.type, visited_on: input.visited_on, mode };
  if (input.task_id) {
    const named = await getRow(taskResource, actor, input.task_id, trx).catch(() => {
      throw unprocessable(`task ${input.task_id} does not exist`, [{ field: 'task_id', message: 'no such task' }]);
    });
    await lockRow(trx, 'tasks', named.id);
    const task = (await Task.query(trx).findById(named.id))!;
    if (task.resident_id !== input.resident_id)
      throw unprocessable('the task is for another resident', [{ field: 'task_id', message: 'belongs to another resident' }]);
    if (task.type !== input.type)
      throw unprocessable(`the task is a ${task.type} follow-up`, [{ field: 'type', message: `must be ${task.type} for this task` }]);
    if (!completes(task, visit)) {
      const why =
        task.state === 'done' || task.state === 'missed' || task.state === 'cancelled'
          ? `the task is already ${task.state}`
          : mode === 'phone'
            ? 'a phone call is not a face-to-face follow-up'
            : `the visit date is outside the task's window ${task.window_start}–${task.window_end}`;
      throw conflict(`this follow-up cannot complete task ${task.id}: ${why}`, {
        state: task.state,
        window_start: task.window_start,
        window_end: task.window_end,
      });
    }
    return task;
  }
  const candidates = await Task.query(trx)
    .where({ resident_id: input.resident_id!, type: input.type })
    .whereIn('state', ['upcoming', 'due'])
    .where('window_start', '<=', input.visited_on)
    .where('window_end', '>=', input.visited_on)
    .orderBy('due_on')
    .forUpdate();
  return candidates.find((t) => completes(t, visit));
}

export async function readFollowup(actor: Actor, id: number) {
  assertCan(actor, 'followups', 'show');
  return getRow(followupResource, actor, id);
}
