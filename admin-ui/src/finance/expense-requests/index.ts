import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const expenseRequestList = lazyScreens(() => import('./ExpenseRequestList'));
const expenseRequestShow = lazyScreens(() => import('./ExpenseRequestShow'));
const expenseRequestCreate = lazyScreens(() => import('./ExpenseRequestCreate'));

export const expenseRequests: ResourceEntry = {
  name: 'expense-requests',
  list: expenseRequestList.ExpenseRequestList,
  show: expenseRequestShow.ExpenseRequestShow,
  create: expenseRequestCreate.ExpenseRequestCreate,
  icon: RequestQuoteIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id} ${r.purpose}`,
};
