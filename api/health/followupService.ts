// Follow-ups (随访 / 健康管理服务记录): measured, classified by the norms, completing the due
// task they answer. Logged by a doctor for residents of their own village only (org scope).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction, type Audit } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors';
import { unitInScope } from '../org';
import { ElderlyCheck, Followup, Task, TaskEvent } from './model';
import { CLASSIFICATION, FOLLOWUP_MODE, FOLLOWUP_TYPE } from './enums';
import {
  POPULATION_OF,
  RECORD_FIELDS,
  ageOn,
  recheckPlan,
  completes,
  elderlyProblems,
  isChronic,
  bmiProblems,
  deriveFollowup,
  measurementProblems,
  needsRecheck,
  nextVisitProblem,
  recordProblems,
  referralDraft,
  residentTags,
  type ElderlyNumber,
  type FieldProblem,
  type FollowupMode,
  type FollowupType,
  type Measurements,
  type NationalRecord,
  type ReferralDraft,
  type SelfCareAnswers,
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
      on_target: 'bool',
      next_visit_on: 'date',
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

/** The elderly annual check's own part (its follow-up row holds the date, readings and BMI). */
export type ElderlyCheckInput = SelfCareAnswers &
  Partial<Record<ElderlyNumber, number | null>> & {
    health_self_assessment?: string | null;
    cognition_screen?: string | null;
    emotion_screen?: string | null;
    exam_abnormal?: string[];
    exam_notes?: string | null;
    urine_protein?: string | null;
    ecg?: string | null;
    ultrasound?: string | null;
    abnormal_notes?: string | null;
    guidance?: string[];
    risk_advice?: string[];
  };

export interface FollowupInput extends Measurements, NationalRecord {
  resident_id?: number | null;
  org_unit_id?: number;
  type: FollowupType;
  mode?: FollowupMode;
  visited_on: string;
  topic?: string | null;
  attendees?: number | null;
  notes?: string | null;
  task_id?: string | null;
  /** with type elderly_check: the check's record (老年人健康管理) */
  elderly_check?: ElderlyCheckInput | null;
}

const invalid = (problems: FieldProblem[]) => badRequest(`invalid ${[...new Set(problems.map((p) => p.field))].join(', ')}`, problems);

/**
 * Logs a follow-up; completes the matching due task. A hypertension or diabetes visit is the
 * national record: classified by the norms against the resident's previous visit, with its next
 * visit date and, when it is not controlled, the two-week recheck task. An elderly check brings
 * its own record (self-care assessment, the check's items, findings and guidance).
 */
export function createFollowup(actor: Actor, input: FollowupInput) {
  assertCan(actor, 'followups', 'create');
  const today = clock.today();
  const problems = [...measurementProblems(input.type, input), ...recordProblems(input.type, input)];
  if (input.visited_on > today) problems.push({ field: 'visited_on', message: 'is in the future' });
  if (input.type === 'health_education' && input.resident_id != null)
    problems.push({ field: 'resident_id', message: 'health education is a group activity: no single resident' });
  if (input.type !== 'health_education' && input.resident_id == null)
    problems.push({ field: 'resident_id', message: `is required for a ${input.type} follow-up` });
  if (input.elderly_check && input.type !== 'elderly_check') problems.push({ field: 'elderly_check', message: `is not part of a ${input.type} follow-up` });
  if (problems.length) throw invalid(problems);
  const mode = input.mode ?? 'clinic';

  return inTransaction(actor, async (trx, audit) => {
    let unitId: number;
    let task: Task | undefined;
    let age: number | null = null;
    let sex: 'M' | 'F' = 'M';
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
      age = ageOn(resident.birth_date, input.visited_on);
      sex = resident.sex;
      task = await taskToComplete(trx, actor, input, mode);
    } else {
      unitId = input.org_unit_id ?? actor.orgUnitId;
      const unit = await unitInScope(unitId, actor.scopePath, ['id'], trx);
      if (!unit) throw notFound('org-units', unitId);
    }
    const chronic = isChronic(input.type) && input.resident_id != null;
    // "twice in a row" reads the resident's visit of this type before this one
    const previous = chronic
      ? await Followup.query(trx)
          .select('on_target', 'adverse_reaction')
          .where({ resident_id: input.resident_id!, type: input.type })
          .whereNotNull('on_target')
          .where('visited_on', '<=', input.visited_on)
          .orderBy([
            { column: 'visited_on', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
          .first()
      : undefined;
    // BMI from this visit's height, else the resident's last one measured
    const lastHeight =
      input.height_cm == null && input.resident_id != null && (input.weight_kg != null || input.target_weight_kg != null)
        ? (
            await Followup.query(trx)
              .select('height_cm')
              .where('resident_id', input.resident_id)
              .whereNotNull('height_cm')
              .orderBy('visited_on', 'desc')
              .first()
          )?.height_cm
        : undefined;
    const implausible = bmiProblems(input.height_cm ?? lastHeight, { weight_kg: input.weight_kg, target_weight_kg: input.target_weight_kg });
    if (implausible.length) throw invalid(implausible);
    const c = input.type === 'elderly_check' ? input.elderly_check : null;
    const derived = deriveFollowup(input, { age, sex, previous, height: lastHeight, elderly: c });
    const { assessment, bmi, target_bmi: targetBmi } = derived;

    let nextVisit: string | null = null;
    if (chronic && assessment.classification) {
      if (input.next_visit_on) {
        const problem = nextVisitProblem(input.visited_on, input.next_visit_on, assessment);
        if (problem) throw invalid([problem]);
      }
      nextVisit = derived.next_visit_on;
    }

    let elderly: Record<string, unknown> | undefined;
    if (c && derived.elderly) {
      const elderlyIssues = elderlyProblems(c, input, derived.elderly.findings);
      if (elderlyIssues.length) throw invalid(elderlyIssues);
      nextVisit = derived.next_visit_on;
      elderly = {
        ...c,
        exam_abnormal: c.exam_abnormal ?? [],
        guidance: c.guidance ?? [],
        risk_advice: c.risk_advice ?? [],
        ...derived.elderly,
      };
    }

    const record = Object.fromEntries(RECORD_FIELDS.map((f) => [f, (input as unknown as Record<string, unknown>)[f] ?? null]));
    const created = await Followup.query(trx).insertAndFetch({
      ...record,
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
      bmi,
      target_bmi: targetBmi,
      symptoms: input.symptoms ?? null,
      medications: input.medications ?? null,
      classification: assessment.classification,
      on_target: assessment.on_target,
      advice: assessment.advice,
      referral_reason: assessment.referral_reason,
      next_visit_on: nextVisit,
      topic: input.topic ?? null,
      attendees: input.attendees ?? null,
      notes: input.notes ?? null,
      task_id: task?.id ?? null,
      doctor_user_id: actor.id || null,
    });
    const elderlyCheck = elderly ? await ElderlyCheck.query(trx).insertAndFetch({ ...elderly, followup_id: created.id }) : undefined;
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
    // not controlled (or a referral advised): the norms' two-week recheck becomes a task
    const recheck =
      chronic && needsRecheck(assessment)
        ? (await activeSchedules(trx)).find((s) => s.trigger === 'uncontrolled' && s.followup_type === input.type)
        : undefined;
    if (recheck) await insertPlans(trx, [recheckPlan(recheck, input.resident_id!, input.visited_on)], new Map([[input.resident_id!, unitId]]), today);
    const after = { ...created.toJSON(), ...(elderlyCheck && { elderly_check: elderlyCheck.toJSON() }) };
    await audit({ action: 'create', resource: 'followups', recordId: created.id, after });
    return { ...after, task: completedTask };
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

/** One follow-up, with its elderly check's record when it has one. */
export async function readFollowup(actor: Actor, id: number) {
  assertCan(actor, 'followups', 'show');
  const f = await getRow(followupResource, actor, id);
  const elderly = f.type === 'elderly_check' ? await ElderlyCheck.query().findById(f.id) : undefined;
  return { ...f.toJSON(), elderly_check: elderly?.toJSON() ?? null };
}

/**
 * What a referral made from this visit's advice says (for the referrals domain's one-tap
 * up-referral): 404 outside the caller's scope, 409 once referred, 422 when the visit advises none.
 */
export async function followupReferralDraft(actor: Actor, id: number, trx: Knex.Transaction): Promise<ReferralDraft> {
  assertCan(actor, 'followups', 'show');
  await getRow(followupResource, actor, id, trx);
  await lockRow(trx, 'followups', id);
  const f = (await Followup.query(trx).findById(id))!;
  if (f.referral_id != null) throw conflict(`follow-up ${id} was already referred (referral ${f.referral_id})`, { referral_id: f.referral_id });
  const draft = referralDraft(f);
  if (!draft)
    throw unprocessable(`follow-up ${id} advises no referral`, [
      { field: 'followup_id', message: `the visit's advice is ${f.advice ?? 'none'}, not a referral` },
    ]);
  return draft;
}

/** Records on the follow-up the referral its advice led to (inside the referral's transaction). */
export async function linkFollowupReferral(trx: Knex.Transaction, id: number, referralId: number, audit: Audit) {
  const before = await Followup.query(trx).findById(id);
  const after = await Followup.query(trx).patchAndFetchById(id, { referral_id: referralId });
  await audit({
    action: 'update',
    resource: 'followups',
    recordId: id,
    before: { referral_id: before?.referral_id ?? null },
    after: { referral_id: after.referral_id },
  });
}
