// The licences resource: its screens in LicenceViews.tsx, loaded when first shown.
import CardMembershipIcon from '@mui/icons-material/CardMembership';
import type { LicenceRecord } from '../records';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const licenceViews = lazyScreens(() => import('./LicenceViews'));

export const licences: ResourceEntry = {
  name: 'licences',
  list: licenceViews.LicenceList,
  create: licenceViews.LicenceCreate,
  edit: licenceViews.LicenceEdit,
  icon: CardMembershipIcon,
  recordRepresentation: (l: LicenceRecord) => l.number,
};
