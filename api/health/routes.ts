// Health management routes: parse (zod) → service → respond.
import { z } from 'zod';
import { assertCan, deleteRow, getRow, type ResourceDef } from '../core/crud';
import { answerList } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, parse, isoDate, positiveId } from '../http/validate';
import { badRequest, notFound } from '../core/errors';
import type { Request, Response } from 'express';
import type { Model } from 'objection';
import { FollowupSchedule, ServicePackage } from './model';
import { SEX } from '../hr';
import {
  ADJUSTMENT,
  BREAKDOWN,
  CONDITION,
  DEREGISTRATION_REASON,
  DORSALIS_PEDIS,
  DOSE_UNIT,
  EXAM_ITEM,
  EXAM_RESULT,
  FOLLOWUP_MODE,
  FOLLOWUP_TYPE,
  GUIDANCE,
  HEALTH_SELF_ASSESSMENT,
  HYPOGLYCAEMIA,
  HOUSEHOLD_RELATION,
  INDICATOR,
  KEY_TAG,
  MEDICATION_ADHERENCE,
  MEMBER_ROLE,
  PACKAGE,
  RISK_ADVICE,
  SALT_INTAKE,
  SCREEN_RESULT,
  SELF_CARE_LEVEL,
  SYMPTOM,
  TERMINATION_REASON,
  URINE_PROTEIN,
} from './enums';
import { ELDERLY_RANGES, MEASUREMENT_RANGES, RECORD_RANGES } from './rules';
import { WHOLE_READINGS } from './ranges';
import {
  cancelTask,
  contractResource,
  createFollowup,
  createHousehold,
  createTarget,
  createResident,
  createTeam,
  deleteTeam,
  deregisterResident,
  followupResource,
  generateTasks,
  householdResource,
  indicatorsView,
  myTargets,
  readFollowup,
  readHousehold,
  readResident,
  readTarget,
  readTask,
  readTeam,
  renewContract,
  residentMeasurements,
  residentResource,
  residentView,
  revealResidentId,
  signContract,
  targetResource,
  targetsView,
  taskResource,
  taskSummary,
  teamResource,
  terminateContract,
  transferResident,
  updateHousehold,
  updateResident,
  updateSchedule,
  updateTarget,
  updateTeam,
  visitHousehold,
} from './service';

const day = isoDate;
const id = positiveId;

/** A list route on the simple-rest protocol, with an optional row mapper. */
function listRoute<M extends Model>(r: ApiRouter, def: ResourceDef<M>, label: string, view?: (row: M) => unknown) {
  r.get('/', { summary: `List ${label}`, list: true }, (req, res) => answerList(def, req, res, view && ((rows) => rows.map(view))));
}

// ---------------------------------------------------------------- residents

const condition = z.strictObject({ code: z.enum(CONDITION.values), diagnosed_on: day });
const residentFields = {
  org_unit_id: id,
  name: z.string().trim().min(1).max(60),
  sex: z.enum(SEX.values),
  birth_date: day,
  id_number: z.string().trim().min(1).max(20),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, 'digits, + and - only')
    .nullable(),
  household: z.string().trim().max(60).nullable(),
  household_relation: z.enum(HOUSEHOLD_RELATION.values).nullable(),
  insured: z.boolean(),
  conditions: z.array(condition).max(20),
  tags: z.array(z.enum(KEY_TAG.values)).max(KEY_TAG.values.length),
};
const createResidentBody = z.strictObject({
  ...residentFields,
  sex: residentFields.sex.optional(),
  birth_date: residentFields.birth_date.optional(),
  org_unit_id: id.optional(),
  phone: residentFields.phone.optional(),
  household: residentFields.household.optional(),
  household_relation: residentFields.household_relation.optional(),
  insured: residentFields.insured.optional(),
  conditions: residentFields.conditions.optional(),
  tags: residentFields.tags.optional(),
});
// the derived and read-only fields of a resident's read, which an edit sends back
const RESIDENT_ECHOED = [
  'age',
  'id_number_masked',
  'deregistered_on',
  'deregistration_reason',
  'death_cause',
  'transfers',
  'care_transfers',
  'managing_org_unit_id',
  'active_contract',
  // the household is set by its code (household); the list's "my patients" columns
  'household_id',
  'last_bp',
  'last_glucose',
  'control',
  'next_due_on',
  'overdue',
];
const updateResidentBody = z.strictObject(residentFields).partial();
const transferBody = z.strictObject({ to_org_unit_id: id, transferred_on: day.optional(), reason: z.string().trim().max(200).nullable().optional() });
/** a death's underlying cause (ICD-10, for the premature mortality of the four chronic diseases) */
const deregisterBody = z.strictObject({
  reason: z.enum(DEREGISTRATION_REASON.values),
  on: day.optional(),
  death_cause: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, 'an ICD-10 code such as I63.9')
    .nullable()
    .optional(),
});

export const residentRoutes = new ApiRouter('/residents', 'health');
listRoute(residentRoutes, residentResource, 'residents (health records)', (r) => residentView(r));
residentRoutes
  .get('/:id', { summary: 'A resident with transfers and the active contract' }, (req) => readResident(req.actor, idParam(req.params.id)))
  .get('/:id/id-number', { summary: 'The full ID number (audited)' }, (req) => revealResidentId(req.actor, idParam(req.params.id)))
  .get('/:id/measurements', { summary: 'The last measurements, oldest first (trend chart)' }, (req) => residentMeasurements(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Register a resident', body: createResidentBody }, (req) => createResident(req.actor, parse(createResidentBody, req.body)))
  .put('/:id', { summary: 'Edit a resident', body: updateResidentBody, echoed: RESIDENT_ECHOED }, (req) =>
    updateResident(req.actor, idParam(req.params.id), parse(updateResidentBody, req.body)),
  )
  .post('/:id/transfer', { summary: 'Move to another village (with history)', body: transferBody }, (req) =>
    transferResident(req.actor, idParam(req.params.id), parse(transferBody, req.body)),
  )
  .post('/:id/deregister', { summary: 'Close the record (death, moved away)', body: deregisterBody }, (req) =>
    deregisterResident(req.actor, idParam(req.params.id), parse(deregisterBody, req.body)),
  );

// ---------------------------------------------------------------- teams

const member = z.strictObject({ user_id: id, role: z.enum(MEMBER_ROLE.values), is_leader: z.boolean().optional() });
const teamFields = {
  org_unit_id: id,
  code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ and - only'),
  name: z.string().trim().min(1).max(100),
  active: z.boolean().optional(),
  village_ids: z.array(id).max(50),
  // members as echoed by the read (display_name…) are accepted and reduced to the three fields
  members: z.array(z.object({ user_id: id, role: z.enum(MEMBER_ROLE.values), is_leader: z.boolean().optional() }).transform((m) => member.parse(m))).max(30),
};
const createTeamBody = z.strictObject(teamFields);
const updateTeamBody = z.strictObject(teamFields).partial();

export const teamRoutes = new ApiRouter('/family-doctor-teams', 'health');
listRoute(teamRoutes, teamResource, 'family-doctor teams');
teamRoutes
  .get('/:id', { summary: 'A team with its villages and members' }, (req) => readTeam(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Create a team', body: createTeamBody }, (req) => createTeam(req.actor, parse(createTeamBody, req.body)))
  .put(
    '/:id',
    { summary: 'Edit a team (villages and members replaced when given)', body: updateTeamBody, echoed: ['member_count', 'leader_name', 'active_contracts'] },
    (req) => updateTeam(req.actor, idParam(req.params.id), parse(updateTeamBody, req.body)),
  )
  .delete('/:id', { summary: 'Delete a team that never had a contract' }, (req) => deleteTeam(req.actor, idParam(req.params.id)));

// ---------------------------------------------------------------- contracts

const signBody = z.strictObject({ resident_id: id, team_id: id, package_code: z.enum(PACKAGE.values), signed_on: day.optional(), start_on: day.optional() });
const renewBody = z.strictObject({ package_code: z.enum(PACKAGE.values).optional(), team_id: id.optional() });
const terminateBody = z.strictObject({
  reason: z.enum(TERMINATION_REASON.values),
  note: z.string().trim().max(200).nullable().optional(),
  terminated_on: day.optional(),
});

export const contractRoutes = new ApiRouter('/contracts', 'health');
listRoute(contractRoutes, contractResource, 'family-doctor contracts');
contractRoutes
  .get('/:id', { summary: 'A contract' }, (req) => {
    assertCan(req.actor, 'contracts', 'show');
    return getRow(contractResource, req.actor, idParam(req.params.id));
  })
  .post('/', { summary: 'Sign a contract (Idempotency-Key honoured)', body: signBody }, (req) => signContract(req.actor, parse(signBody, req.body)))
  .post('/:id/renew', { summary: 'Renew for another year', body: renewBody }, (req) =>
    renewContract(req.actor, idParam(req.params.id), parse(renewBody, req.body)),
  )
  .post('/:id/terminate', { summary: 'Terminate with a reason', body: terminateBody }, (req) =>
    terminateContract(req.actor, idParam(req.params.id), parse(terminateBody, req.body)),
  );

// ---------------------------------------------------------------- follow-ups

const measurement = (field: keyof typeof MEASUREMENT_RANGES) => {
  const base = WHOLE_READINGS.includes(field) ? z.number().int() : z.number();
  return base.nullable().optional().describe(`${MEASUREMENT_RANGES[field][0]}–${MEASUREMENT_RANGES[field][1]}`);
};
const ranged = (ranges: Record<string, readonly [number, number, string]>, field: string, int = false) =>
  (int ? z.number().int() : z.number()).nullable().optional().describe(`${ranges[field][0]}–${ranges[field][1]} ${ranges[field][2]}`);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .optional();
const medication = z.strictObject({
  name: z.string().trim().min(1).max(50),
  times_per_day: z.number().int().min(1).max(6),
  dose: z.number().positive().max(10_000),
  unit: z.enum(DOSE_UNIT.values),
});
const selfCareAnswer = z.enum(SELF_CARE_LEVEL.values);
/** 老年人健康管理: the check's own record (sent with type elderly_check). */
const elderlyCheckBody = z.strictObject({
  eating: selfCareAnswer,
  grooming: selfCareAnswer,
  dressing: selfCareAnswer,
  toileting: selfCareAnswer,
  activity: selfCareAnswer,
  health_self_assessment: z.enum(HEALTH_SELF_ASSESSMENT.values).nullable().optional(),
  cognition_screen: z.enum(SCREEN_RESULT.values).nullable().optional(),
  emotion_screen: z.enum(SCREEN_RESULT.values).nullable().optional(),
  temperature_c: ranged(ELDERLY_RANGES, 'temperature_c'),
  respiration_rate: ranged(ELDERLY_RANGES, 'respiration_rate', true),
  waist_cm: ranged(ELDERLY_RANGES, 'waist_cm'),
  exam_abnormal: z.array(z.enum(EXAM_ITEM.values)).max(EXAM_ITEM.values.length).optional(),
  exam_notes: text(500),
  haemoglobin: ranged(ELDERLY_RANGES, 'haemoglobin', true),
  wbc: ranged(ELDERLY_RANGES, 'wbc'),
  platelets: ranged(ELDERLY_RANGES, 'platelets', true),
  urine_protein: z.enum(URINE_PROTEIN.values).nullable().optional(),
  alt: ranged(ELDERLY_RANGES, 'alt', true),
  ast: ranged(ELDERLY_RANGES, 'ast', true),
  total_bilirubin: ranged(ELDERLY_RANGES, 'total_bilirubin'),
  creatinine: ranged(ELDERLY_RANGES, 'creatinine', true),
  urea: ranged(ELDERLY_RANGES, 'urea'),
  total_cholesterol: ranged(ELDERLY_RANGES, 'total_cholesterol'),
  triglycerides: ranged(ELDERLY_RANGES, 'triglycerides'),
  ldl: ranged(ELDERLY_RANGES, 'ldl'),
  hdl: ranged(ELDERLY_RANGES, 'hdl'),
  ecg: z.enum(EXAM_RESULT.values).nullable().optional(),
  ultrasound: z.enum(EXAM_RESULT.values).nullable().optional(),
  abnormal_notes: text(1000),
  guidance: z.array(z.enum(GUIDANCE.values)).max(GUIDANCE.values.length).optional(),
  risk_advice: z.array(z.enum(RISK_ADVICE.values)).max(RISK_ADVICE.values.length).optional(),
});
const followupBody = z.strictObject({
  resident_id: id.nullable().optional(),
  org_unit_id: id.optional(),
  type: z.enum(FOLLOWUP_TYPE.values),
  mode: z.enum(FOLLOWUP_MODE.values).optional(),
  visited_on: day,
  systolic: measurement('systolic'),
  diastolic: measurement('diastolic'),
  fasting_glucose: measurement('fasting_glucose'),
  weight_kg: measurement('weight_kg'),
  height_cm: measurement('height_cm'),
  heart_rate: measurement('heart_rate'),
  topic: z.string().trim().min(1).max(200).nullable().optional(),
  attendees: z.number().int().min(1).max(10_000).nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
  task_id: z.string().max(80).nullable().optional(),
  // the national hypertension / diabetes record (随访服务记录表)
  symptoms: z.array(z.enum(SYMPTOM.values)).max(SYMPTOM.values.length).nullable().optional(),
  symptoms_other: text(200),
  target_weight_kg: ranged(RECORD_RANGES, 'target_weight_kg'),
  dorsalis_pedis: z.enum(DORSALIS_PEDIS.values).nullable().optional(),
  signs_other: text(200),
  smoking_per_day: ranged(RECORD_RANGES, 'smoking_per_day', true),
  smoking_target: ranged(RECORD_RANGES, 'smoking_target', true),
  drinking_per_day: ranged(RECORD_RANGES, 'drinking_per_day'),
  drinking_target: ranged(RECORD_RANGES, 'drinking_target'),
  exercise_per_week: ranged(RECORD_RANGES, 'exercise_per_week', true),
  exercise_minutes: ranged(RECORD_RANGES, 'exercise_minutes', true),
  exercise_per_week_target: ranged(RECORD_RANGES, 'exercise_per_week_target', true),
  exercise_minutes_target: ranged(RECORD_RANGES, 'exercise_minutes_target', true),
  salt_intake: z.enum(SALT_INTAKE.values).nullable().optional(),
  salt_intake_target: z.enum(SALT_INTAKE.values).nullable().optional(),
  staple_food_g: ranged(RECORD_RANGES, 'staple_food_g', true),
  staple_food_target_g: ranged(RECORD_RANGES, 'staple_food_target_g', true),
  psychological_adjustment: z.enum(ADJUSTMENT.values).nullable().optional(),
  compliance: z.enum(ADJUSTMENT.values).nullable().optional(),
  hba1c: ranged(RECORD_RANGES, 'hba1c'),
  exams_other: text(500),
  medication_adherence: z.enum(MEDICATION_ADHERENCE.values).nullable().optional(),
  adverse_reaction: z.boolean().nullable().optional(),
  adverse_reaction_text: text(200),
  hypoglycaemia: z.enum(HYPOGLYCAEMIA.values).nullable().optional(),
  new_complication: z.boolean().nullable().optional(),
  complication_text: text(200),
  medications: z.array(medication).max(10).nullable().optional(),
  next_visit_on: day.nullable().optional(),
  // the elderly annual check's record (type elderly_check)
  elderly_check: elderlyCheckBody.nullable().optional(),
});

export const followupRoutes = new ApiRouter('/followups', 'health');
listRoute(followupRoutes, followupResource, 'follow-ups');
followupRoutes
  .get('/:id', { summary: 'A follow-up' }, (req) => readFollowup(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Log a follow-up; completes the matching task (send an Idempotency-Key on retries)', body: followupBody }, (req) => {
    const input = parse(followupBody, req.body);
    return createFollowup(req.actor, input);
  });

// ---------------------------------------------------------------- households

const householdFields = {
  org_unit_id: id,
  code: z.string().trim().min(1).max(60),
  address: z.string().trim().max(200).nullable(),
};
const createHouseholdBody = z.strictObject({ ...householdFields, org_unit_id: id.optional(), address: householdFields.address.optional() });
const updateHouseholdBody = z.strictObject(householdFields).partial();
// one member's visit: the follow-up's own fields (its form's inputs), the day and the way being the household visit's
const memberVisit = followupBody.omit({ org_unit_id: true, visited_on: true, mode: true }).extend({ resident_id: id });
const householdVisitBody = z.strictObject({
  visited_on: day,
  mode: z.enum(FOLLOWUP_MODE.values).optional(),
  visits: z.array(memberVisit).min(1).max(30),
});

export const householdRoutes = new ApiRouter('/households', 'health');
listRoute(householdRoutes, householdResource, 'households (filters member, due)');
householdRoutes
  .get('/:id', { summary: 'A household with its members and the tasks each can have done today' }, (req) => readHousehold(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Create a household in a village', body: createHouseholdBody }, (req) =>
    createHousehold(req.actor, parse(createHouseholdBody, req.body)),
  )
  .put(
    '/:id',
    { summary: 'Edit a household (members follow a new code)', body: updateHouseholdBody, echoed: ['member_count', 'head_name', 'due_count', 'members'] },
    (req) => updateHousehold(req.actor, idParam(req.params.id), parse(updateHouseholdBody, req.body)),
  )
  .post(
    '/:id/visits',
    { summary: 'One home visit: a follow-up per member, all saved in one transaction or none (send an Idempotency-Key on retries)', body: householdVisitBody },
    (req) => visitHousehold(req.actor, idParam(req.params.id), parse(householdVisitBody, req.body)),
  );

// ---------------------------------------------------------------- tasks

const taskIdParam = (raw: unknown) => {
  const s = String(raw);
  if (!/^\d+-[a-z0-9_]+-[0-9A-Z-]+$/.test(s)) throw badRequest('invalid id', [{ field: 'id', message: 'a task id: resident-schedule-period' }]);
  return s;
};
const cancelBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
const summaryQuery = z.strictObject({ type: z.enum(FOLLOWUP_TYPE.values).optional() });
const generateBody = z.strictObject({ from: day, to: day });

export const taskRoutes = new ApiRouter('/tasks', 'health');
listRoute(taskRoutes, taskResource, 'due tasks (filter bucket: today (due by today) | overdue | this_month | open)');
taskRoutes
  .get(
    '/summary',
    { summary: 'The counts of my tasks: today (due by today), overdue, this month, all open, due on today itself', query: summaryQuery },
    (req) => taskSummary(req.actor, parse(summaryQuery, req.query, 'query')),
  )
  .post('/generate', { summary: 'Generate the tasks of the periods overlapping [from, to] (idempotent)', body: generateBody }, async (req) => {
    assertCan(req.actor, 'tasks', 'generate');
    const body = parse(generateBody, req.body);
    if (body.to < body.from) throw badRequest('invalid to', [{ field: 'to', message: 'is before from' }]);
    return generateTasks(body);
  })
  .get('/:id', { summary: 'A task with its history' }, (req) => readTask(req.actor, taskIdParam(req.params.id)))
  .post('/:id/cancel', { summary: 'Cancel an open task with a reason', body: cancelBody }, (req) =>
    cancelTask(req.actor, taskIdParam(req.params.id), parse(cancelBody, req.body).reason),
  );

// ---------------------------------------------------------------- configuration

async function configList(req: Request, res: Response, resource: string, rows: () => Promise<{ code: string }[]>) {
  assertCan(req.actor, resource, 'list');
  const list = (await rows()).map((r) => ({ id: r.code, ...r }));
  res.setHeader('Content-Range', `${resource} 0-${Math.max(0, list.length - 1)}/${list.length}`);
  return list;
}
const scheduleBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  period_months: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(12)]).optional(),
  due_within_days: z.number().int().min(1).max(366).optional(),
  norm: z.string().max(300).nullable().optional(),
  active: z.boolean().optional(),
});

export const configRoutes = new ApiRouter('', 'health')
  .get('/service-packages', { summary: 'Service packages (服务包) and their yearly services', list: true }, (req, res) =>
    configList(req, res, 'service-packages', async () => (await ServicePackage.query().orderBy('code')).map((p) => p.toJSON() as ServicePackage)),
  )
  .get('/followup-schedules', { summary: 'Follow-up schedules (configuration)', list: true }, (req, res) =>
    configList(req, res, 'followup-schedules', async () => (await FollowupSchedule.query().orderBy('code')).map((p) => p.toJSON() as FollowupSchedule)),
  )
  .get('/followup-schedules/:code', { summary: 'A follow-up schedule' }, async (req) => {
    assertCan(req.actor, 'followup-schedules', 'show');
    const schedule = await FollowupSchedule.query().findById(String(req.params.code));
    if (!schedule) throw notFound('followup-schedules', String(req.params.code));
    return { id: schedule.code, ...schedule.toJSON() };
  })
  .put(
    '/followup-schedules/:code',
    {
      summary: 'Edit a follow-up schedule (takes effect at the next generation)',
      body: scheduleBody,
      echoed: ['code', 'trigger', 'followup_type', 'population'],
    },
    (req) => updateSchedule(req.actor, String(req.params.code), parse(scheduleBody, req.body)),
  );

// ---------------------------------------------------------------- targets

const goal = z.number().int().min(0).max(10_000).nullable();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const targetFields = { user_id: id, month, followups_goal: goal, contracts_goal: goal, checks_goal: goal, note: z.string().trim().max(200).nullable() };
const createTargetBody = z.strictObject({
  ...targetFields,
  followups_goal: goal.optional(),
  contracts_goal: goal.optional(),
  checks_goal: goal.optional(),
  note: targetFields.note.optional(),
});
const updateTargetBody = z.strictObject(targetFields).partial();

export const targetRoutes = new ApiRouter('/doctor-targets', 'health');
listRoute(targetRoutes, targetResource, "village doctors' monthly goals (a null goal is the default from the records)");
targetRoutes
  .get('/:id', { summary: "A doctor's goals for a month" }, (req) => readTarget(req.actor, idParam(req.params.id)))
  .post('/', { summary: "Set a village doctor's goals for a month", body: createTargetBody }, (req) =>
    createTarget(req.actor, parse(createTargetBody, req.body)),
  )
  .put('/:id', { summary: 'Change the goals (null: back to the default)', body: updateTargetBody, echoed: ['org_unit_id', 'doctor_name', 'username'] }, (req) =>
    updateTarget(req.actor, idParam(req.params.id), parse(updateTargetBody, req.body)),
  )
  .delete('/:id', { summary: 'Drop the goals set for the month (the defaults apply)' }, (req) => deleteRow(targetResource, req.actor, idParam(req.params.id)));

const targetsQuery = z.strictObject({ org_unit_id: z.coerce.number().int().positive().optional(), month: month.optional() });
const myTargetsQuery = z.strictObject({ month: month.optional() });

// ---------------------------------------------------------------- indicators

const indicatorQuery = z.strictObject({
  org_unit_id: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  breakdown: z.enum(BREAKDOWN.values).optional(),
  sort: z.enum(INDICATOR.values).optional(),
});

export const healthRoutes = new ApiRouter('/health', 'health')
  .get(
    '/indicators',
    {
      summary: 'Contract, key-population contract, standardised-management, control and task-completion rates of a unit and the units below, worst first',
      query: indicatorQuery,
    },
    (req) => indicatorsView(req.actor, parse(indicatorQuery, req.query, 'query')),
  )
  .get(
    '/targets',
    { summary: "Each village doctor's targets under a unit: done / goal this month and last (follow-ups, contracts, checks)", query: targetsQuery },
    (req) => targetsView(req.actor, parse(targetsQuery, req.query, 'query')),
  )
  .get('/targets/mine', { summary: "The calling village doctor's targets: done / goal this month and last", query: myTargetsQuery }, (req) =>
    myTargets(req.actor, parse(myTargetsQuery, req.query, 'query')),
  );

export const healthRouters = [
  residentRoutes,
  householdRoutes,
  teamRoutes,
  contractRoutes,
  followupRoutes,
  taskRoutes,
  targetRoutes,
  configRoutes,
  healthRoutes,
];
