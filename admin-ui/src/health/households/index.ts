import HomeIcon from '@mui/icons-material/Home';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const lists = lazyScreens(() => import('./HouseholdList'));
const shows = lazyScreens(() => import('./HouseholdShow'));

export const households: ResourceEntry = {
  name: 'households',
  list: lists.HouseholdList,
  show: shows.HouseholdShow,
  create: lists.HouseholdCreate,
  edit: lists.HouseholdEdit,
  icon: HomeIcon,
  recordRepresentation: (r: RaRecord) => String(r.code),
};
