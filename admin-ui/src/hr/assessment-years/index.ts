// The assessmentYears resource: its screens in YearViews.tsx, loaded when first shown.
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const yearViews = lazyScreens(() => import('./YearViews'));

export const assessmentYears: ResourceEntry = {
  name: 'assessment-years',
  list: yearViews.YearList,
  create: yearViews.YearCreate,
  edit: yearViews.YearEdit,
  icon: EventAvailableIcon,
};
