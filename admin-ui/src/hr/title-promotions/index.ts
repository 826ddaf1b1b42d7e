// The titlePromotions resource: its screens in PromotionViews.tsx, loaded when first shown.
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const promotionViews = lazyScreens(() => import('./PromotionViews'));

export const titlePromotions: ResourceEntry = {
  name: 'title-promotions',
  list: promotionViews.PromotionList,
  create: promotionViews.PromotionCreate,
  icon: TrendingUpIcon,
};
