// The deliveries resource: its screens in DeliveryViews.tsx, loaded when first shown.
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const deliveryViews = lazyScreens(() => import('./DeliveryViews'));

export const deliveries: ResourceEntry = { name: 'deliveries', list: deliveryViews.DeliveryList, show: deliveryViews.DeliveryShow, icon: LocalShippingIcon };
