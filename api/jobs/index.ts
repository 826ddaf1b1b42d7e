// The jobs domain's public face: domains define their scheduled jobs and tests run them.
export { listJobs, runJob, type JobDef } from './service';
export { idempotencyPurgeJob } from './housekeeping';
export { jobRoutes } from './routes';
