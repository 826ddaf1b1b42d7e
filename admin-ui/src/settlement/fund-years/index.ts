// The fundYears resource: its screens in FundYearEdit.tsx, FundYearViews.tsx, loaded when first shown.
import SavingsIcon from '@mui/icons-material/Savings';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const fundYearViews = lazyScreens(() => import('./FundYearViews'));
const fundYearEdit = lazyScreens(() => import('./FundYearEdit'));

export const fundYears: ResourceEntry = {
  name: 'fund-years',
  list: fundYearViews.FundYearList,
  edit: fundYearEdit.FundYearEdit,
  create: fundYearViews.FundYearCreate,
  icon: SavingsIcon,
  recordRepresentation: (r: { region: string; year: number }) => `${r.region} ${r.year}`,
};
