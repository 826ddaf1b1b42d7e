import ScheduleIcon from '@mui/icons-material/Schedule';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';
import type { JobRun } from '../records';

const jobRunList = lazyScreens(() => import('./JobRunList'));
const jobRunShow = lazyScreens(() => import('./JobRunShow'));

export const jobRuns: ResourceEntry = {
  name: 'job-runs',
  list: jobRunList.JobRunList,
  show: jobRunShow.JobRunShow,
  icon: ScheduleIcon,
  recordRepresentation: (run: JobRun) => `${run.job} ${run.run_key}`,
};
