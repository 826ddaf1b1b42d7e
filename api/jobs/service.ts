// Runs scheduled jobs once across all API replicas: a PostgreSQL advisory lock per job,
// held on one connection for the run, and a job_runs row recording what happened.
// Jobs themselves are idempotent (safe to re-run); the lock only keeps replicas from racing.
import cron from 'node-cron';
import type { Actor } from '../core/actor';
import { poolConnections } from '../db/knex';
import { assertCan, type ResourceDef } from '../core/crud';
import { logger } from '../http/logger';
import { notFound } from '../core/errors';
import { JobRun } from './model';
import { lockKey } from './rules';
import * as clock from '../core/clock';
import { dayKey } from '../core/clock';

export interface JobContext {
  /** the moment the run is for (tests pass a fixed day) */
  now: Date;
  runKey: string;
}

export interface JobDef {
  name: string;
  /** node-cron expression, Asia/Shanghai time */
  schedule: string;
  description: string;
  run: (ctx: JobContext) => Promise<unknown>;
}

let jobs = new Map<string, JobDef>();

/** Installs every domain's jobs (see api/domains.ts). */
export function useJobs(defs: JobDef[]) {
  jobs = new Map(defs.map((def) => [def.name, def]));
}

export const listJobs = () => [...jobs.values()].map(({ name, schedule, description }) => ({ name, schedule, description }));

/** Runs one job now under its advisory lock; a replica that cannot take the lock records a skip. */
export async function runJob(name: string, opts: { now?: Date; triggeredBy?: string } = {}) {
  const job = jobs.get(name);
  if (!job) throw notFound('job', name);
  const now = opts.now ?? clock.now();
  const ctx: JobContext = { now, runKey: dayKey(now) };
  const pool = poolConnections();
  const conn = await pool.acquireConnection();
  try {
    const { rows } = await conn.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [lockKey(name)]);
    const base = { job: name, run_key: ctx.runKey, triggered_by: opts.triggeredBy ?? 'cron' };
    if (!rows[0].locked) {
      return JobRun.query().insertAndFetch({ ...base, status: 'skipped', finished_at: clock.nowIso(), result: { reason: 'running elsewhere' } });
    }
    const run = await JobRun.query().insertAndFetch({ ...base, status: 'running' });
    try {
      const result = await job.run(ctx);
      return await run.$query().patchAndFetch({ status: 'succeeded', finished_at: clock.nowIso(), result: result ?? null });
    } catch (err) {
      logger.error({ err, job: name }, 'job failed');
      return await run.$query().patchAndFetch({ status: 'failed', finished_at: clock.nowIso(), error: String((err as Error).message ?? err) });
    } finally {
      await conn.query('SELECT pg_advisory_unlock($1)', [lockKey(name)]);
    }
  } finally {
    await pool.releaseConnection(conn);
  }
}

/** Starts every defined job on its schedule; returns a stop function. */
export function startSchedules(): () => void {
  const tasks = [...jobs.values()].map((job) =>
    cron.schedule(job.schedule, () => void runJob(job.name).catch((err) => logger.error({ err, job: job.name }, 'job crashed')), {
      timezone: 'Asia/Shanghai',
      name: job.name,
    }),
  );
  return () => tasks.forEach((t) => t.stop());
}

export const jobRunResource: ResourceDef<JobRun> = {
  name: 'job-runs',
  model: JobRun,
  // job runs are group-wide facts; visibility is by role, not by unit
  scope: (qb) => qb,
  list: {
    fields: { job: 'text', run_key: 'text', status: ['running', 'succeeded', 'failed', 'skipped'], started_at: 'timestamp', triggered_by: 'text' },
    search: ['job_runs.job'],
    defaultSort: ['started_at', 'DESC'],
  },
};

/** Runs a job by hand (group_admin), recorded as triggered by the actor. */
export function triggerJob(actor: Actor, name: string) {
  assertCan(actor, 'job-runs', 'create');
  return runJob(name, { triggeredBy: actor.username });
}
