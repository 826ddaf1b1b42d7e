// The system screens' records as the API answers them (api/audit/model.ts, api/jobs/model.ts as JSON, imported as types only).
import type { Json } from '../../../api/core/json';
import type { AuditEntry as Entry } from '../../../api/audit';
import type { JobRun as Run } from '../../../api/jobs';

/** GET /api/audit-log: one audited change */
export type AuditEntry = Json<Entry>;

/** GET /api/job-runs: one run of a scheduled job */
export type JobRun = Json<Run>;
