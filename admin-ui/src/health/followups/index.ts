import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const followupList = lazyScreens(() => import('./FollowupList'));
const followupCreate = lazyScreens(() => import('./FollowupCreate'));

export const followups: ResourceEntry = {
  name: 'followups',
  list: followupList.FollowupList,
  show: followupList.FollowupShow,
  create: followupCreate.FollowupCreate,
  icon: MonitorHeartIcon,
};
