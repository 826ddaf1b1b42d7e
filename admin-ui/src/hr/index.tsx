// 人力资源: the staff registry, rotations, and the rotation planner group HR lives in.
import TimelineIcon from '@mui/icons-material/Timeline';
import type { DomainModule } from '../registry';
import { assessmentYears } from './assessment-years';
import { assessments } from './assessments';
import { licences } from './licences';
import { posts } from './posts';
import { rotations } from './rotations';
import { titlePromotions } from './title-promotions';
import { villageDoctorContracts } from './village-doctor-contracts';
import { staff } from './staff';
import { lazyScreens } from '../shared/lazyScreens';

// pages and home widgets, each module fetched when first shown
const { HrHome } = lazyScreens(() => import('./HomeWidgets'));
const { RotationPlanner } = lazyScreens(() => import('./RotationPlanner'));

export const hrDomain: DomainModule = {
  group: 'hr',
  label: 'menu.groups.hr',
  resources: [staff, posts, licences, titlePromotions, assessments, assessmentYears, villageDoctorContracts, rotations],
  pages: [{ path: '/rotation-planner', label: 'menu.rotation_planner', icon: TimelineIcon, element: <RotationPlanner />, resource: 'rotation-plans' }],
  dashboardWidgets: [{ resource: 'rotation-plans', roles: ['group_hr'], component: HrHome }],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
