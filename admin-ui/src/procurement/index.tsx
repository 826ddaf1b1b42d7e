// 药械采购中心: requisitions → consolidation → purchase orders → deliveries; catalogue and
// suppliers; savings; fixed assets and the idle-asset market.
import MergeTypeIcon from '@mui/icons-material/MergeType';
import TrendingDownIcon from '@mui/icons-material/TrendingDown';
import StorefrontIcon from '@mui/icons-material/Storefront';
import type { DomainModule } from '../registry';
import { deliveries } from './deliveries';
import { purchaseOrders } from './purchase-orders';
import { requisitions } from './requisitions';
import { procurementLists } from './lists';
import { lazyScreens } from '../shared/lazyScreens';

// pages, each module fetched when first shown
const { AssetMarket } = lazyScreens(() => import('./AssetMarket'));
const { Consolidation } = lazyScreens(() => import('./Consolidation'));
const { SavingsDashboard } = lazyScreens(() => import('./SavingsDashboard'));

export const procurementDomain: DomainModule = {
  group: 'procurement',
  label: 'menu.groups.procurement',
  resources: [requisitions, purchaseOrders, deliveries, ...procurementLists],
  pages: [
    { path: '/consolidation', label: 'menu.consolidation', icon: MergeTypeIcon, element: <Consolidation />, resource: 'purchase-orders', action: 'create' },
    { path: '/procurement-savings', label: 'menu.savings', icon: TrendingDownIcon, element: <SavingsDashboard />, resource: 'purchase-orders' },
    { path: '/asset-market', label: 'menu.asset_market', icon: StorefrontIcon, element: <AssetMarket />, resource: 'assets' },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
