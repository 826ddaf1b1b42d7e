import ScheduleIcon from '@mui/icons-material/Schedule';
import { createElement } from 'react';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';
import { JobRunTitle } from './JobRunTitle';

const jobRunList = lazyScreens(() => import('./JobRunList'));
const jobRunShow = lazyScreens(() => import('./JobRunShow'));

export const jobRuns: ResourceEntry = {
  name: 'job-runs',
  list: jobRunList.JobRunList,
  show: jobRunShow.JobRunShow,
  icon: ScheduleIcon,
  recordRepresentation: createElement(JobRunTitle),
};
