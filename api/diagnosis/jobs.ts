// Cron: critical values not acknowledged in time are escalated (./critical.ts). Advisory-locked and
// recorded in job_runs by runJob; safe to re-run (one escalation row per step).
import type { JobDef } from '../jobs';
import { escalateCritical } from './critical';

export const criticalValueJob: JobDef = {
  name: 'diagnosis.critical',
  schedule: '* * * * *',
  description: '危急值: escalate critical reports unacknowledged past the centre’s minutes (requesting director, then the centre’s head)',
  run: ({ now, runKey }) => escalateCritical(now, runKey),
};
