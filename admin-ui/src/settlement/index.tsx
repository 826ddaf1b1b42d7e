// 医保结算 (医保打包付费): the finance dashboard per fund year, the import of the insurer's claims
// and satisfaction scores, fund years (their configuration), insured populations per unit,
// claims, satisfaction scores and settlement runs.
import DashboardIcon from '@mui/icons-material/Insights';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import BiotechIcon from '@mui/icons-material/Biotech';
import type { DomainModule } from '../registry';
import { claims } from './claims';
import { fundYearPopulations } from './fund-year-populations';
import { fundYears } from './fund-years';
import { satisfactionScores } from './satisfaction-scores';
import { settlementRuns } from './settlement-runs';
import { lazyScreens } from '../shared/lazyScreens';

// pages and home widgets, each module fetched when first shown
const { ClaimsImport } = lazyScreens(() => import('./ClaimsImport'));
const { HealthSignoffs } = lazyScreens(() => import('./HealthSignoffs'));
const { SettlementDashboard } = lazyScreens(() => import('./SettlementDashboard'));
const { DiseaseSpectrum } = lazyScreens(() => import('./DiseaseSpectrum'));
const { FundYearHome, RunsAwaitingHome } = lazyScreens(() => import('./HomeWidgets'));

export const settlementDomain: DomainModule = {
  group: 'settlement',
  label: 'menu.groups.settlement',
  resources: [settlementRuns, fundYears, fundYearPopulations, claims, satisfactionScores],
  pages: [
    { path: '/settlement-dashboard', label: 'menu.settlement_dashboard', icon: DashboardIcon, element: <SettlementDashboard />, resource: 'fund-years' },
    // 病种谱: the top 20 diseases of the group's or a township's insured, this year against last
    { path: '/disease-spectrum', label: 'menu.disease_spectrum', icon: BiotechIcon, element: <DiseaseSpectrum />, resource: 'claims' },
    { path: '/claims-import', label: 'menu.claims_import', icon: UploadFileIcon, element: <ClaimsImport />, resource: 'claims' },
    // 健康数据审核: the village doctor, the township's director and group finance sign off a month's health data
    {
      path: '/health-signoffs',
      label: 'menu.health_signoffs',
      icon: FactCheckIcon,
      element: <HealthSignoffs />,
      resource: 'health-signoffs',
      messages: {
        module: 'settlement/signoffs',
        zh: () => import('./signoffs/messages').then((m) => m.zh),
        en: () => import('./signoffs/messages.en').then((m) => m.en),
      },
    },
  ],
  dashboardWidgets: [
    { resource: 'settlement-runs', roles: ['group_finance', 'group_admin'], todo: true, component: RunsAwaitingHome },
    { resource: 'fund-years', roles: ['group_finance'], component: FundYearHome },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
