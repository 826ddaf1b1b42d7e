// The payRuns resource: its screens in PayRunViews.tsx and PayRunShow.tsx, loaded when first shown.
import PaymentsIcon from '@mui/icons-material/Payments';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const views = lazyScreens(() => import('./PayRunViews'));
const show = lazyScreens(() => import('./PayRunShow'));

export const payRuns: ResourceEntry = {
  name: 'pay-runs',
  list: views.PayRunList,
  create: views.PayRunCreate,
  show: show.PayRunShow,
  icon: PaymentsIcon,
  recordRepresentation: 'month',
};
