import FlagIcon from '@mui/icons-material/Flag';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const views = lazyScreens(() => import('./TargetViews'));

export const doctorTargets: ResourceEntry = {
  name: 'doctor-targets',
  list: views.TargetList,
  create: views.TargetCreate,
  edit: views.TargetEdit,
  icon: FlagIcon,
};
