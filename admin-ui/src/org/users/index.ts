import PeopleIcon from '@mui/icons-material/People';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const userList = lazyScreens(() => import('./UserList'));
const userForm = lazyScreens(() => import('./UserForm'));

export const users: ResourceEntry = {
  name: 'users',
  list: userList.UserList,
  edit: userForm.UserEdit,
  create: userForm.UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'display_name',
};
