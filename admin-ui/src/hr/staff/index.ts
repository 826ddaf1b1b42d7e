import BadgeIcon from '@mui/icons-material/Badge';
import type { StaffRecord } from '../records';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const staffList = lazyScreens(() => import('./StaffList'));
const staffShow = lazyScreens(() => import('./StaffShow'));
const staffForms = lazyScreens(() => import('./StaffForms'));

export const staff: ResourceEntry = {
  name: 'staff',
  list: staffList.StaffList,
  show: staffShow.StaffShow,
  create: staffForms.StaffCreate,
  edit: staffForms.StaffEdit,
  icon: BadgeIcon,
  recordRepresentation: (s: StaffRecord) => s.name,
};
