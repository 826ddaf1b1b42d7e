// The requisitions resource: its screens in RequisitionViews.tsx, loaded when first shown.
import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const requisitionViews = lazyScreens(() => import('./RequisitionViews'));

export const requisitions: ResourceEntry = {
  name: 'requisitions',
  list: requisitionViews.RequisitionList,
  show: requisitionViews.RequisitionShow,
  create: requisitionViews.RequisitionCreate,
  icon: AssignmentIcon,
};
