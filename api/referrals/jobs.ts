// Cron: requests past their service level are escalated to the receiving director and the
// group referral office. Advisory-locked and recorded in job_runs by defineJob; safe to re-run.
import { defineJob } from '../jobs';
import { escalateOverdue } from './service';

export const escalationJob = defineJob({
  name: 'referrals.escalate',
  schedule: '*/5 * * * *',
  description: '双向转诊: escalate referral requests unanswered past their service level (once each)',
  run: ({ now, runKey }) => escalateOverdue(now, runKey),
});
