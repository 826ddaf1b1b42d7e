import HomeIcon from '@mui/icons-material/Home';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { HouseholdCreate, HouseholdEdit, HouseholdList } from './HouseholdList';
import { HouseholdShow } from './HouseholdShow';

export const households: ResourceEntry = {
  name: 'households',
  list: HouseholdList,
  show: HouseholdShow,
  create: HouseholdCreate,
  edit: HouseholdEdit,
  icon: HomeIcon,
  recordRepresentation: (r: RaRecord) => String(r.code),
};
