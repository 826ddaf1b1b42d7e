// 健康管理: residents, family-doctor teams and contracts, follow-ups and due tasks — first of all
// the village doctor's phone screens (my tasks, the follow-up form) — and the indicators view.
import AssessmentIcon from '@mui/icons-material/Assessment';
import TrackChangesIcon from '@mui/icons-material/TrackChanges';
import type { DomainModule } from '../registry';
import { contracts } from './contracts';
import { familyDoctorTeams } from './family-doctor-teams';
import { followupSchedules } from './followup-schedules';
import { followups } from './followups';
import { households } from './households';
import { doctorTargets } from './doctor-targets';
import { residents } from './residents';
import { tasks } from './tasks';
import { startHealthSync } from './sync';
import { lazyScreens } from '../shared/lazyScreens';

// pages and home widgets, each module fetched when first shown
const { IndicatorsPage } = lazyScreens(() => import('./IndicatorsPage'));
const { IndicatorsHome, OutboxHome, SyncHome, TasksHome } = lazyScreens(() => import('./HomeWidgets'));
const { TargetsPage } = lazyScreens(() => import('./TargetsPage'));
const { TargetsHome } = lazyScreens(() => import('./TargetsHome'));

export const healthDomain: DomainModule = {
  group: 'health',
  label: 'menu.groups.health',
  resources: [tasks, residents, households, followups, contracts, familyDoctorTeams, followupSchedules, doctorTargets],
  pages: [
    { path: '/health-indicators', label: 'menu.health_indicators', icon: AssessmentIcon, element: <IndicatorsPage />, resource: 'health-indicators' },
    { path: '/health-targets', label: 'menu.health_targets', icon: TrackChangesIcon, element: <TargetsPage />, resource: 'doctor-targets' },
  ],
  dashboardWidgets: [
    { resource: 'tasks', roles: ['village_doctor'], todo: true, component: TasksHome },
    { resource: 'followups', roles: ['village_doctor'], todo: true, component: OutboxHome },
    { resource: 'followups', roles: ['village_doctor'], component: SyncHome },
    { resource: 'health-indicators', roles: ['director'], component: IndicatorsHome },
    { resource: 'doctor-targets', roles: ['village_doctor'], component: TargetsHome },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
  // the village doctor's day starts here: my tasks before the org chart's menus
  firstFor: ['village_doctor'],
  // offline-first: the village's copy answers offline, the outbox is sent from app start on
  start: startHealthSync,
};
