import CorporateFareIcon from '@mui/icons-material/CorporateFare';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const orgUnitList = lazyScreens(() => import('./OrgUnitList'));
const orgUnitShow = lazyScreens(() => import('./OrgUnitShow'));
const orgUnitEdit = lazyScreens(() => import('./OrgUnitEdit'));
const orgUnitCreate = lazyScreens(() => import('./OrgUnitCreate'));

export const orgUnits: ResourceEntry = {
  name: 'org-units',
  list: orgUnitList.OrgUnitList,
  show: orgUnitShow.OrgUnitShow,
  edit: orgUnitEdit.OrgUnitEdit,
  create: orgUnitCreate.OrgUnitCreate,
  icon: CorporateFareIcon,
  recordRepresentation: (unit: RaRecord) => `${unit.name} (${unit.code})`,
};
