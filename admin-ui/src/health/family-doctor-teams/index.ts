import GroupsIcon from '@mui/icons-material/Groups';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { TeamCreate, TeamEdit, TeamList, TeamShow } from './TeamViews';

export const familyDoctorTeams: ResourceEntry = {
  name: 'family-doctor-teams',
  list: TeamList,
  show: TeamShow,
  create: TeamCreate,
  edit: TeamEdit,
  icon: GroupsIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
