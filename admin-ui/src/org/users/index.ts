import PeopleIcon from '@mui/icons-material/People';
import type { ResourceEntry } from '../../registry';
import { UserCreate, UserEdit } from './UserForm';
import { UserList } from './UserList';

export const users: ResourceEntry = {
  name: 'users',
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'display_name',
};
