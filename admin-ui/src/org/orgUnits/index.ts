import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { OrgUnitCreate } from './OrgUnitCreate';
import { OrgUnitEdit } from './OrgUnitEdit';
import { OrgUnitList } from './OrgUnitList';
import { OrgUnitShow } from './OrgUnitShow';

export const orgUnits: ResourceEntry = {
  name: 'org-units',
  list: OrgUnitList,
  show: OrgUnitShow,
  edit: OrgUnitEdit,
  create: OrgUnitCreate,
  icon: CorporateFareIcon,
  recordRepresentation: (unit: RaRecord) => `${unit.name} (${unit.code})`,
};
