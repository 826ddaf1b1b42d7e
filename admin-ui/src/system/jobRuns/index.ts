import ScheduleIcon from '@mui/icons-material/Schedule';
import type { ResourceEntry } from '../../registry';
import { JobRunList } from './JobRunList';
import { JobRunShow } from './JobRunShow';

export const jobRuns: ResourceEntry = {
  name: 'job-runs',
  list: JobRunList,
  show: JobRunShow,
  icon: ScheduleIcon,
  recordRepresentation: (run) => `${run.job} ${run.run_key}`,
};
