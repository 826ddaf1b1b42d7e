import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import type { ResourceEntry } from '../../registry';
import { DepartmentCreate, DepartmentEdit } from './DepartmentForm';
import { DepartmentList } from './DepartmentList';

export const departments: ResourceEntry = {
  name: 'departments',
  list: DepartmentList,
  edit: DepartmentEdit,
  create: DepartmentCreate,
  icon: MeetingRoomIcon,
  recordRepresentation: 'name',
};
