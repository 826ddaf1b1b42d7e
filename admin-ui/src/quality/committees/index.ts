// The committees resource and the meetings list: their screens in CommitteeViews.tsx, loaded when first shown.
import GroupsIcon from '@mui/icons-material/Groups';
import EventNoteIcon from '@mui/icons-material/EventNote';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';
import type { CommitteeRecord } from '../records';

const views = lazyScreens(() => import('./CommitteeViews'));

export const committees: ResourceEntry = {
  name: 'committees',
  list: views.CommitteeList,
  show: views.CommitteeShow,
  create: views.CommitteeCreate,
  edit: views.CommitteeEdit,
  icon: GroupsIcon,
  recordRepresentation: (r: CommitteeRecord) => r.name,
};
export const meetings: ResourceEntry = { name: 'committee-meetings', list: views.MeetingList, icon: EventNoteIcon };
