import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const departmentList = lazyScreens(() => import('./DepartmentList'));
const departmentForm = lazyScreens(() => import('./DepartmentForm'));

export const departments: ResourceEntry = {
  name: 'departments',
  list: departmentList.DepartmentList,
  edit: departmentForm.DepartmentEdit,
  create: departmentForm.DepartmentCreate,
  icon: MeetingRoomIcon,
  recordRepresentation: 'name',
};
