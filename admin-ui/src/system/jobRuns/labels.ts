// A job run's job and trigger in the user's language: the API stores the job's code
// (referrals.escalate) and who triggered it ('cron', or the login that ran it by hand).
import { useTranslate } from 'react-admin';
import type { Translate } from '../../shared/exporter';

export const jobName = (translate: Translate, code: string) => translate(`enums.job.${code}`);
export const jobTrigger = (translate: Translate, by: string) => (by === 'cron' ? translate('enums.job_trigger.cron') : by);

export function useJobLabels() {
  const translate = useTranslate();
  return { job: (code: string) => jobName(translate, code), trigger: (by: string) => jobTrigger(translate, by) };
}
