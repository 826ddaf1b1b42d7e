import BadgeIcon from '@mui/icons-material/Badge';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { StaffCreate, StaffEdit } from './StaffForms';
import { StaffList } from './StaffList';
import { StaffShow } from './StaffShow';

export const staff: ResourceEntry = {
  name: 'staff',
  list: StaffList,
  show: StaffShow,
  create: StaffCreate,
  edit: StaffEdit,
  icon: BadgeIcon,
  recordRepresentation: (s: RaRecord) => s.name,
};
