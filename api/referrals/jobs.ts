// Cron: requests past their service level are escalated to the receiving director and the
// group referral office. Advisory-locked and recorded in job_runs by runJob; safe to re-run.
import type { JobDef } from '../jobs';
import { escalateOverdue } from './service';

export const escalationJob: JobDef = {
  name: 'referrals.escalate',
  schedule: '*/5 * * * *',
  description: '双向转诊: escalate referral requests unanswered past their service level (once each)',
  run: ({ now, runKey }) => escalateOverdue(now, runKey),
};
