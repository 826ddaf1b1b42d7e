import MonitorHeartIcon from '@mui/icons-material/MonitorHeart';
import type { ResourceEntry } from '../../registry';
import { FollowupCreate } from './FollowupCreate';
import { FollowupList, FollowupShow } from './FollowupList';

export const followups: ResourceEntry = { name: 'followups', list: FollowupList, show: FollowupShow, create: FollowupCreate, icon: MonitorHeartIcon };
