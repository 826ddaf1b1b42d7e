// The purchaseOrders resource: its screens in OrderViews.tsx, loaded when first shown.
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const orderViews = lazyScreens(() => import('./OrderViews'));

export const purchaseOrders: ResourceEntry = {
  name: 'purchase-orders',
  list: orderViews.OrderList,
  show: orderViews.OrderShow,
  icon: ShoppingCartIcon,
  recordRepresentation: 'number',
};
