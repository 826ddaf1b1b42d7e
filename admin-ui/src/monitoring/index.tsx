// 监测评价: the national monitoring indicators of the close-knit county group (紧密型县域医共体, 14 in
// 5 dimensions) for the county or a member's subtree, with the records behind each figure; the visits
// per unit and month they read (诊疗人次: entry and import); the managed chronic patients' admission rate per village.
import InsightsIcon from '@mui/icons-material/Insights';
import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import PeopleAltIcon from '@mui/icons-material/PeopleAlt';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { DomainModule, ResourceEntry } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';

const { IndicatorPage } = lazyScreens(() => import('./IndicatorPage'));
const { ChronicAdmissionsPage } = lazyScreens(() => import('./ChronicAdmissionsPage'));
const visitViews = lazyScreens(() => import('./visits/VisitViews'));
const { VisitImportPage } = lazyScreens(() => import('./visits/VisitImportPage'));

/** 诊疗人次: the visits per unit and month (entry; the import is a page of its own) */
const resources: ResourceEntry[] = [
  { name: 'visit-counts', list: visitViews.VisitList, create: visitViews.VisitCreate, edit: visitViews.VisitEdit, icon: PeopleAltIcon },
];

export const monitoringDomain: DomainModule = {
  group: 'monitoring',
  label: 'menu.groups.monitoring',
  resources,
  pages: [
    { path: '/monitoring-indicators', label: 'menu.monitoring_indicators', icon: InsightsIcon, element: <IndicatorPage />, resource: 'monitoring-indicators' },
    {
      path: '/chronic-admissions',
      label: 'menu.chronic_admissions',
      icon: LocalHospitalIcon,
      element: <ChronicAdmissionsPage />,
      resource: 'monitoring-indicators',
    },
    { path: '/visit-import', label: 'menu.visit_import', icon: UploadFileIcon, element: <VisitImportPage />, resource: 'visit-counts', action: 'import' },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
