// Cron: findings still open after their deadline are escalated to the owner unit's directors and the
// quality office, once each. Advisory-locked and recorded in job_runs by runJob; safe to re-run.
import type { JobDef } from '../jobs';
import { escalateOverdue } from './service';

export const escalationJob: JobDef = {
  name: 'quality.escalate',
  schedule: '30 7 * * *',
  description: '质量管理: escalate findings not rectified by their deadline (once each)',
  run: ({ now, runKey }) => escalateOverdue(now, runKey),
};
