import { useRecordContext, useTranslate } from 'react-admin';
import type { JobRun } from '../records';
import { jobName } from './labels';

/** A run as its page's title names it: the job by its name in the user's language, then the run's key. */
export const JobRunTitle = () => {
  const run = useRecordContext<JobRun>();
  const translate = useTranslate();
  return run ? `${jobName(translate, run.job)} ${run.run_key}` : null;
};
