// The fundYearPopulations resource: its screens in PopulationViews.tsx, loaded when first shown.
import GroupsIcon from '@mui/icons-material/Groups';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const populationViews = lazyScreens(() => import('./PopulationViews'));

export const fundYearPopulations: ResourceEntry = {
  name: 'fund-year-populations',
  list: populationViews.PopulationList,
  edit: populationViews.PopulationEdit,
  create: populationViews.PopulationCreate,
  icon: GroupsIcon,
};
