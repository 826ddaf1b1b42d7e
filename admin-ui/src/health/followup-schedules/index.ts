// The followupSchedules resource: its screens in ScheduleViews.tsx, loaded when first shown.
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const scheduleViews = lazyScreens(() => import('./ScheduleViews'));

export const followupSchedules: ResourceEntry = {
  name: 'followup-schedules',
  list: scheduleViews.ScheduleList,
  edit: scheduleViews.ScheduleEdit,
  icon: EventRepeatIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
