// The settlementRuns resource: its screens in RunShow.tsx, RunViews.tsx, loaded when first shown.
import CalculateIcon from '@mui/icons-material/Calculate';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const runViews = lazyScreens(() => import('./RunViews'));
const runShow = lazyScreens(() => import('./RunShow'));

export const settlementRuns: ResourceEntry = {
  name: 'settlement-runs',
  list: runViews.RunList,
  show: runShow.RunShow,
  create: runViews.RunCreate,
  icon: CalculateIcon,
  recordRepresentation: 'period',
};
