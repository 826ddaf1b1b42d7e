import PersonIcon from '@mui/icons-material/Person';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { ResidentCreate, ResidentEdit } from './ResidentForm';
import { ResidentList } from './ResidentList';
import { ResidentShow } from './ResidentShow';

export const residents: ResourceEntry = {
  name: 'residents',
  list: ResidentList,
  show: ResidentShow,
  create: ResidentCreate,
  edit: ResidentEdit,
  icon: PersonIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
