// The budgets resource: its screens in BudgetForms.tsx, BudgetList.tsx, BudgetShow.tsx, loaded when first shown.
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const budgetList = lazyScreens(() => import('./BudgetList'));
const budgetShow = lazyScreens(() => import('./BudgetShow'));
const budgetForms = lazyScreens(() => import('./BudgetForms'));

export const budgets: ResourceEntry = {
  name: 'budgets',
  list: budgetList.BudgetList,
  show: budgetShow.BudgetShow,
  create: budgetForms.BudgetCreate,
  edit: budgetForms.BudgetRevise,
  icon: AccountBalanceWalletIcon,
};
