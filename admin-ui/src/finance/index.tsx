// 财务管理中心: budgets and budget vs actual, expense requests with my approvals inbox, the
// ledger and closed periods, the spending-limit matrix, chief accountants, the risk fund.
import BarChartIcon from '@mui/icons-material/BarChart';
import InboxIcon from '@mui/icons-material/Inbox';
import type { DomainModule } from '../registry';
import { budgets } from './budgets';
import { expenseRequests } from './expense-requests';
import { financeLists } from './lists';
import { lazyScreens } from '../shared/lazyScreens';

// pages and home widgets, each module fetched when first shown
const { ApprovalsInbox } = lazyScreens(() => import('./expense-requests/ExpenseRequestList'));
const { BudgetExecution } = lazyScreens(() => import('./BudgetExecution'));
const { BudgetHome, ExpenseApprovalsHome } = lazyScreens(() => import('./HomeWidgets'));

export const financeDomain: DomainModule = {
  group: 'finance',
  label: 'menu.groups.finance',
  resources: [expenseRequests, budgets, ...financeLists],
  pages: [
    { path: '/approvals', label: 'menu.approvals', icon: InboxIcon, element: <ApprovalsInbox />, resource: 'expense-requests' },
    { path: '/budget-execution', label: 'menu.budget_execution', icon: BarChartIcon, element: <BudgetExecution />, resource: 'budgets' },
  ],
  dashboardWidgets: [
    { resource: 'expense-requests', roles: ['group_finance', 'group_admin', 'director'], todo: true, component: ExpenseApprovalsHome },
    { resource: 'budgets', roles: ['director'], component: BudgetHome },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
