import FlagIcon from '@mui/icons-material/Flag';
import type { ResourceEntry } from '../../registry';
import { TargetCreate, TargetEdit, TargetList } from './TargetViews';

export const doctorTargets: ResourceEntry = { name: 'doctor-targets', list: TargetList, create: TargetCreate, edit: TargetEdit, icon: FlagIcon };
