// 监测评价: the national monitoring indicators of the close-knit county group (紧密型县域医共体, 14 in
// 5 dimensions) for the county or a member's subtree, with the records behind each figure.
import InsightsIcon from '@mui/icons-material/Insights';
import type { DomainModule } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';

const { IndicatorPage } = lazyScreens(() => import('./IndicatorPage'));

export const monitoringDomain: DomainModule = {
  group: 'monitoring',
  label: 'menu.groups.monitoring',
  resources: [],
  pages: [
    { path: '/monitoring-indicators', label: 'menu.monitoring_indicators', icon: InsightsIcon, element: <IndicatorPage />, resource: 'monitoring-indicators' },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
