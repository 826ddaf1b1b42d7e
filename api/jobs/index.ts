// The jobs domain's public face: domains define their scheduled jobs and tests run them.
export { listJobs, runJob, type JobDef } from './service';
export { idempotencyPurgeJob } from './housekeeping';
export { jobRoutes } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { JobRun } from './model';
