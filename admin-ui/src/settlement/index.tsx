// 医保结算 (医保打包付费): the finance dashboard per fund year, the import of the insurer's claims
// and satisfaction scores, fund years (their configuration), insured populations per unit,
// claims, satisfaction scores and settlement runs.
import DashboardIcon from '@mui/icons-material/Insights';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { DomainModule } from '../registry';
import { claims } from './claims';
import { fundYearPopulations } from './fund-year-populations';
import { fundYears } from './fund-years';
import { satisfactionScores } from './satisfaction-scores';
import { settlementRuns } from './settlement-runs';
import { zh } from './messages';
import { lazyScreens } from '../shared/lazyScreens';

// pages and home widgets, each module fetched when first shown
const { ClaimsImport } = lazyScreens(() => import('./ClaimsImport'));
const { SettlementDashboard } = lazyScreens(() => import('./SettlementDashboard'));
const { FundYearHome, RunsAwaitingHome } = lazyScreens(() => import('./HomeWidgets'));

export const settlementDomain: DomainModule = {
  group: 'settlement',
  label: 'menu.groups.settlement',
  resources: [settlementRuns, fundYears, fundYearPopulations, claims, satisfactionScores],
  pages: [
    { path: '/settlement-dashboard', label: 'menu.settlement_dashboard', icon: DashboardIcon, element: <SettlementDashboard />, resource: 'fund-years' },
    { path: '/claims-import', label: 'menu.claims_import', icon: UploadFileIcon, element: <ClaimsImport />, resource: 'claims' },
  ],
  dashboardWidgets: [
    { resource: 'settlement-runs', roles: ['group_finance', 'group_admin'], todo: true, component: RunsAwaitingHome },
    { resource: 'fund-years', roles: ['group_finance'], component: FundYearHome },
  ],
  messages: { zh, en: () => import('./messages.en').then((m) => m.en) },
};
