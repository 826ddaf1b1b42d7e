import PersonIcon from '@mui/icons-material/Person';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const residentList = lazyScreens(() => import('./ResidentList'));
const residentShow = lazyScreens(() => import('./ResidentShow'));
const residentForm = lazyScreens(() => import('./ResidentForm'));

export const residents: ResourceEntry = {
  name: 'residents',
  list: residentList.ResidentList,
  show: residentShow.ResidentShow,
  create: residentForm.ResidentCreate,
  edit: residentForm.ResidentEdit,
  icon: PersonIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
