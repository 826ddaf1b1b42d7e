import GroupsIcon from '@mui/icons-material/Groups';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const teamViews = lazyScreens(() => import('./TeamViews'));

export const familyDoctorTeams: ResourceEntry = {
  name: 'family-doctor-teams',
  list: teamViews.TeamList,
  show: teamViews.TeamShow,
  create: teamViews.TeamCreate,
  edit: teamViews.TeamEdit,
  icon: GroupsIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
