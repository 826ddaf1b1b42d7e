// The system screens' records as the API answers them (api/audit/model.ts, api/jobs/model.ts).
import type { RaRecord } from 'react-admin';

/** GET /api/audit-log: one audited change */
export interface AuditEntry extends RaRecord {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  resource: string;
  record_id: string | null;
  before: unknown;
  after: unknown;
  client_ip: string | null;
}

/** GET /api/job-runs: one run of a scheduled job */
export interface JobRun extends RaRecord {
  id: number;
  job: string;
  run_key: string;
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  started_at: string;
  finished_at: string | null;
  result: unknown;
  error: string | null;
  triggered_by: string;
}
