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
import { IndicatorsPage } from './IndicatorsPage';
import { IndicatorsHome, TasksHome } from './HomeWidgets';
import { TargetsPage } from './TargetsPage';
import { TargetsHome } from './TargetsHome';
import { en, zh } from './messages';

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
    { resource: 'health-indicators', roles: ['director'], component: IndicatorsHome },
    { resource: 'doctor-targets', roles: ['village_doctor'], component: TargetsHome },
  ],
  messages: { zh, en },
};
