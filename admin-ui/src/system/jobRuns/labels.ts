// A job run's job and trigger in the user's language: the API stores the job's code
// (referrals.escalate) and who triggered it ('cron', or the login that ran it by hand).
import { useTranslate } from 'react-admin';

export function useJobLabels() {
  const translate = useTranslate();
  return {
    job: (code: string) => translate(`enums.job.${code}`),
    trigger: (by: string) => (by === 'cron' ? translate('enums.job_trigger.cron') : by),
  };
}
