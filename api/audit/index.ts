// The audit domain's public face: whether an action was ever recorded (the login page), and its routes.
export { wasRecorded } from './recorded';
export { trailOf } from './service';
export { auditRoutes } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { AuditEntry } from './model';
