// Village doctors' monthly targets (随访目标), as community-health tools give their workers: per
// doctor and month a goal for follow-ups, contracts and checks, and what was done against it this
// month and last. A goal nobody set is derived from the records (the village's tasks whose window
// is open in the month, spread over their windows' months; its contracts ending in it); a township GP or director sets one as configuration
// (doctor_targets, a null goal keeping the default).
//
// Counts, per doctor (a village doctor works in one village) and month:
// - follow-ups: goal = the village's tasks other than checks, not cancelled, spread evenly over the
//   months of their windows (rules.ts monthlyShares: a quarter's tasks a third each month, though
//   their due dates sit in its first 60 days); done = the doctor's follow-ups in the month that
//   completed a task, other than checks;
// - checks (体检: elderly annual check, child check): the same for those types — every such visit counts;
// - contracts: goal = the village's contracts ending in the month, not terminated (to renew);
//   done = contracts the doctor signed in the month (new or renewed).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../core/errors';
import { scopeByUnit } from '../core/scope';
import { db } from '../db/knex';
import { joinUser, userById, usersSql } from '../auth';
import { isUnderSql, joinUnitSql, unitAtPath, unitInScope } from '../org';
import { DoctorTarget } from './model';
import { TARGET_METRIC, type TargetMetric } from './enums';
import { CHECK_TYPES, monthProgress, monthlyShares, targetMonthProblem, type MetricProgress } from './rules';
import { monthKey, monthRange, previousMonth } from '../core/clock';
import * as clock from '../core/clock';

export const targetResource: ResourceDef<DoctorTarget> = {
  name: 'doctor-targets',
  model: DoctorTarget,
  scope: scopeByUnit('doctor_targets.org_unit_id'),
  list: {
    fields: {
      user_id: 'int',
      org_unit_id: 'int',
      month: 'text',
      followups_goal: 'int',
      contracts_goal: 'int',
      checks_goal: 'int',
      updated_at: 'timestamp',
    },
    defaultSort: ['month', 'DESC'],
  },
  applyCustom: (qb) => {
    joinUser(qb, 'u', 'doctor_targets.user_id', 'leftJoin').select('u.display_name as doctor_name', 'u.username');
  },
};

/** A village doctor in the caller's scope, or a 422 naming user_id. */
async function doctorInScope(actor: Actor, userId: number, trx: Knex.Transaction) {
  const user = await userById(userId, ['id', 'roles', 'org_unit_id', 'active'], trx);
  const inScope = user && (await unitInScope(user.org_unit_id, actor.scopePath, ['id'], trx));
  if (!user || !inScope || !user.active || !user.roles.includes('village_doctor'))
    throw unprocessable(`no active village doctor ${userId} in your organisation`, [
      { field: 'user_id', message: 'must be an active village doctor of a unit you manage' },
    ]);
  return user;
}

export interface TargetInput {
  user_id?: number;
  month?: string;
  followups_goal?: number | null;
  contracts_goal?: number | null;
  checks_goal?: number | null;
  note?: string | null;
}

const GOALS = ['followups_goal', 'contracts_goal', 'checks_goal', 'note'] as const;
const pickGoals = (input: TargetInput) => Object.fromEntries(GOALS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));

/** Sets a doctor's goals for a month (one row per doctor and month: 409 naming the existing one). */
export function createTarget(actor: Actor, input: TargetInput & { user_id: number; month: string }) {
  assertCan(actor, 'doctor-targets', 'create');
  const problem = targetMonthProblem(input.month, clock.today());
  if (problem) throw badRequest(`invalid month: ${problem.message}`, [problem]);
  return inTransaction(actor, async (trx, audit) => {
    const doctor = await doctorInScope(actor, input.user_id, trx);
    const existing = await DoctorTarget.query(trx).where({ user_id: input.user_id, month: input.month }).first();
    if (existing)
      throw conflict(`targets for doctor ${input.user_id} in ${input.month} exist already: #${existing.id}; edit them`, {
        field: 'month',
        existing_id: existing.id,
      });
    const created = await DoctorTarget.query(trx).insertAndFetch({
      user_id: input.user_id,
      org_unit_id: doctor.org_unit_id,
      month: input.month,
      ...pickGoals(input),
    });
    await audit({ action: 'create', resource: 'doctor-targets', recordId: created.id, after: created });
    return created;
  });
}

/** Changes the goals (a null goal goes back to the default); the doctor and the month stay. */
export function updateTarget(actor: Actor, id: number, input: TargetInput) {
  assertCan(actor, 'doctor-targets', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(targetResource, actor, id, trx);
    await lockRow(trx, 'doctor_targets', id);
    for (const field of ['user_id', 'month'] as const) {
      if (input[field] !== undefined && input[field] !== current[field])
        throw badRequest(`cannot change ${field}`, [{ field, message: 'set the targets of another doctor or month as a new record' }]);
    }
    const updated = await DoctorTarget.query(trx).patchAndFetchById(id, { ...pickGoals(input), updated_at: clock.nowIso() });
    await audit({ action: 'update', resource: 'doctor-targets', recordId: id, before: current, after: updated });
    return updated;
  });
}

export async function readTarget(actor: Actor, id: number) {
  assertCan(actor, 'doctor-targets', 'show');
  return getRow(targetResource, actor, id);
}

export interface Doctor {
  user_id: number;
  username: string;
  display_name: string;
  village_id: number;
  village_code: string;
  village: string;
}

export interface MonthTargets {
  month: string;
  /** the doctor_targets row of the month, if goals were set */
  target_id: number | null;
  metrics: Record<TargetMetric, MetricProgress>;
}

/** The active village doctors of the villages under an org path, village by village. */
async function doctorsUnder(path: string, conn: Knex = db()): Promise<Doctor[]> {
  const { rows } = await conn.raw<{ rows: Doctor[] }>(
    `SELECT u.id AS user_id, u.username, u.display_name, v.id AS village_id, v.code AS village_code, v.name AS village
       FROM ${usersSql('u')} ${joinUnitSql('v', 'u.org_unit_id')}
      WHERE 'village_doctor' = ANY(u.roles) AND u.active AND v.kind = 'village' AND ${isUnderSql('v', '?')}
      ORDER BY v.path, u.username`,
    [path],
  );
  return rows;
}

const n = (v: unknown) => Number(v ?? 0);

/**
 * The default goals from tasks per village and month: the village's tasks (not cancelled) whose
 * window overlaps [from, to], counted per window, each window's count spread over its months.
 */
async function taskGoals(villages: readonly number[], from: string, to: string, conn: Knex) {
  const { rows } = await conn.raw<{ rows: { org_unit_id: number; window_start: string; window_end: string; is_check: boolean; n: number }[] }>(
    `SELECT org_unit_id, to_char(window_start, 'YYYY-MM-DD') AS window_start, to_char(window_end, 'YYYY-MM-DD') AS window_end,
            type = ANY(:checks::text[]) AS is_check, count(*)::int AS n
       FROM tasks
      WHERE org_unit_id = ANY(:villages::int[]) AND window_start <= :to::date AND window_end >= :from::date AND state <> 'cancelled'
      GROUP BY 1, 2, 3, 4`,
    { villages: [...villages], from, to, checks: [...CHECK_TYPES] },
  );
  const goals = new Map<string, { followups: number; checks: number }>();
  for (const w of rows) {
    for (const [month, share] of monthlyShares(w.window_start, w.window_end, w.n)) {
      const key = `${w.org_unit_id}:${month}`;
      const goal = goals.get(key) ?? { followups: 0, checks: 0 };
      goal[w.is_check ? 'checks' : 'followups'] += share;
      goals.set(key, goal);
    }
  }
  return goals;
}

/**
 * Done, defaults and the goals set, for each doctor and month: the counts done and the contracts'
 * and goals set in one statement, each grouped once over the doctors' villages and the months'
 * span (off the follow-ups' and contracts' unit indexes), then read per doctor and month; the
 * tasks' defaults beside it (taskGoals).
 */
export async function targetProgress(doctors: readonly Doctor[], months: readonly string[], today = clock.today(), conn: Knex = db()) {
  const out = new Map<number, MonthTargets[]>();
  if (!doctors.length || !months.length) return out;
  const sorted = [...months].sort();
  const params = {
    users: doctors.map((d) => d.user_id),
    villages: doctors.map((d) => d.village_id),
    months: [...months],
    from: monthRange(sorted[0]).start,
    to: monthRange(sorted[sorted.length - 1]).end,
    checks: [...CHECK_TYPES],
  };
  const [{ rows }, goals] = await Promise.all([
    // counts, goals and ids read by name below, through n()
    conn.raw<{ rows: Record<string, unknown>[] }>(
      `WITH d AS (SELECT * FROM unnest(:users::int[], :villages::int[]) AS d(user_id, village_id)),
          m AS (SELECT unnest(:months::text[]) AS month),
          fu AS (SELECT doctor_user_id, to_char(visited_on, 'YYYY-MM') AS month,
                        count(*) FILTER (WHERE type <> ALL(:checks::text[]) AND task_id IS NOT NULL) AS followups,
                        count(*) FILTER (WHERE type = ANY(:checks::text[])) AS checks
                   FROM followups
                  WHERE org_unit_id = ANY(:villages::int[]) AND doctor_user_id = ANY(:users::int[]) AND visited_on BETWEEN :from::date AND :to::date
                  GROUP BY 1, 2),
          ending AS (SELECT org_unit_id, to_char(end_on, 'YYYY-MM') AS month, count(*) AS n
                       FROM contracts
                      WHERE org_unit_id = ANY(:villages::int[]) AND end_on BETWEEN :from::date AND :to::date AND status <> 'terminated'
                      GROUP BY 1, 2),
          signed AS (SELECT signed_by_user_id, to_char(signed_on, 'YYYY-MM') AS month, count(*) AS n
                       FROM contracts
                      WHERE signed_by_user_id = ANY(:users::int[]) AND signed_on BETWEEN :from::date AND :to::date
                      GROUP BY 1, 2)
     SELECT d.user_id, d.village_id, m.month, coalesce(ending.n, 0) AS contracts_default,
            coalesce(fu.followups, 0) AS followups_done, coalesce(fu.checks, 0) AS checks_done, coalesce(signed.n, 0) AS contracts_done,
            dt.id AS target_id, dt.followups_goal, dt.contracts_goal, dt.checks_goal
       FROM d CROSS JOIN m
       LEFT JOIN fu ON fu.doctor_user_id = d.user_id AND fu.month = m.month
       LEFT JOIN ending ON ending.org_unit_id = d.village_id AND ending.month = m.month
       LEFT JOIN signed ON signed.signed_by_user_id = d.user_id AND signed.month = m.month
       LEFT JOIN doctor_targets dt ON dt.user_id = d.user_id AND dt.month = m.month`,
      params,
    ),
    taskGoals(params.villages, params.from, params.to, conn),
  ]);
  for (const r of rows) {
    const goal = goals.get(`${n(r.village_id)}:${String(r.month)}`);
    r.followups_default = goal?.followups ?? 0;
    r.checks_default = goal?.checks ?? 0;
    const metric = (k: string) => Object.fromEntries(TARGET_METRIC.values.map((m) => [m, n(r[`${m}_${k}`])])) as Record<TargetMetric, number>;
    const set = Object.fromEntries(TARGET_METRIC.values.map((m) => [m, r[`${m}_goal`] == null ? null : n(r[`${m}_goal`])]));
    const month = String(r.month);
    const entry: MonthTargets = {
      month,
      target_id: r.target_id == null ? null : n(r.target_id),
      metrics: monthProgress(month, today, metric('done'), metric('default'), set),
    };
    const list = out.get(n(r.user_id)) ?? [];
    list.push(entry);
    out.set(n(r.user_id), list);
  }
  return out;
}

/** This month's and last month's targets of each doctor. */
async function withProgress(doctors: Doctor[], month: string) {
  const last = previousMonth(month);
  const progress = await targetProgress(doctors, [month, last]);
  return doctors.map((d) => {
    const months = progress.get(d.user_id) ?? [];
    return { ...d, this_month: months.find((m) => m.month === month)!, last_month: months.find((m) => m.month === last)! };
  });
}

const currentMonth = () => monthKey(clock.today());

/** The targets of every village doctor under a unit in scope (the caller's own unit by default): the township GP's view. */
export async function targetsView(actor: Actor, q: { org_unit_id?: number; month?: string }) {
  assertCan(actor, 'doctor-targets', 'list');
  const columns = ['id', 'code', 'name', 'kind', 'path'] as const;
  const unit = q.org_unit_id ? await unitInScope(q.org_unit_id, actor.scopePath, columns) : await unitAtPath(actor.scopePath, columns);
  if (!unit) throw notFound('org-units', q.org_unit_id);
  const month = q.month ?? currentMonth();
  return {
    org_unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    month,
    previous_month: previousMonth(month),
    doctors: await withProgress(await doctorsUnder(unit.path), month),
  };
}

/** The caller's own targets, for a village doctor's home page. */
export async function myTargets(actor: Actor, q: { month?: string }) {
  assertCan(actor, 'doctor-targets', 'list');
  if (!actor.roles.includes('village_doctor')) throw forbidden('targets are a village doctor’s: see GET /api/health/targets for the doctors of a unit');
  const month = q.month ?? currentMonth();
  const mine = (await doctorsUnder(actor.scopePath)).filter((d) => d.user_id === actor.id);
  if (!mine.length) throw notFound('village doctor', actor.id);
  const [row] = await withProgress(mine, month);
  return { month, previous_month: previousMonth(month), ...row };
}
