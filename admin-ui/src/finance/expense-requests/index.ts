import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { ExpenseRequestCreate } from './ExpenseRequestCreate';
import { ExpenseRequestList } from './ExpenseRequestList';
import { ExpenseRequestShow } from './ExpenseRequestShow';

export const expenseRequests: ResourceEntry = {
  name: 'expense-requests',
  list: ExpenseRequestList,
  show: ExpenseRequestShow,
  create: ExpenseRequestCreate,
  icon: RequestQuoteIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id} ${r.purpose}`,
};
