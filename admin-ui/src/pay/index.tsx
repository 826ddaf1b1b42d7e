// 绩效工资: the townships' monthly pay runs (核算 → 院长审核 → 财务批准 → 锁定) with each person's
// line and the work behind it, and the village doctor's 本月健康管理绩效 card on the home page.
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import TuneIcon from '@mui/icons-material/Tune';
import type { DomainModule } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';
import { payRuns } from './pay-runs';

const { PayStatementHome } = lazyScreens(() => import('./PayStatementHome'));
const { PayIncomeChange } = lazyScreens(() => import('./income/PayIncomeChange'));
const { SchemePage } = lazyScreens(() => import('./scheme/SchemePage'));

export const payDomain: DomainModule = {
  group: 'pay',
  label: 'menu.groups.pay',
  resources: [payRuns],
  pages: [
    // 收入变化: performance pay per role against the same months of last year (finance, admin, auditor; a director their township)
    { path: '/pay-income-change', label: 'menu.pay_income_change', icon: TrendingUpIcon, element: <PayIncomeChange />, resource: 'pay-income-change' },
    // 绩效方案: the scheme's points, factors, bands and the department scheme (group finance edits, the others read)
    { path: '/pay-scheme', label: 'menu.pay_scheme', icon: TuneIcon, element: <SchemePage />, resource: 'pay-scheme' },
  ],
  dashboardWidgets: [{ resource: 'pay-statement', roles: ['village_doctor'], component: PayStatementHome }],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
