// 质量管理: the group's professional committees with their members and meetings, inspections with
// their checklists, the findings and their rectification (整改闭环), and each unit's quality score.
import AssessmentIcon from '@mui/icons-material/Assessment';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import ChecklistIcon from '@mui/icons-material/Checklist';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import type { DomainModule, ResourceEntry } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';
import { committees, meetings } from './committees';
import type { ChecklistRecord, FindingRecord } from './records';

const inspectionViews = lazyScreens(() => import('./inspections/InspectionViews'));
const findingViews = lazyScreens(() => import('./findings/FindingViews'));
const { ScorePage } = lazyScreens(() => import('./ScorePage'));

const resources: ResourceEntry[] = [
  committees,
  meetings,
  {
    name: 'quality-inspections',
    list: inspectionViews.InspectionList,
    show: inspectionViews.InspectionShow,
    create: inspectionViews.InspectionCreate,
    icon: FactCheckIcon,
    recordRepresentation: (r: { id: number; inspected_on: string }) => `#${r.id} ${r.inspected_on}`,
  },
  {
    name: 'quality-findings',
    list: findingViews.FindingList,
    show: findingViews.FindingShow,
    icon: ReportProblemIcon,
    recordRepresentation: (r: FindingRecord) => r.title,
  },
  {
    name: 'checklists',
    list: inspectionViews.ChecklistList,
    create: inspectionViews.ChecklistCreate,
    icon: ChecklistIcon,
    recordRepresentation: (r: ChecklistRecord) => r.name,
  },
];

export const qualityDomain: DomainModule = {
  group: 'quality',
  label: 'menu.groups.quality',
  resources,
  pages: [{ path: '/quality-scores', label: 'menu.quality_scores', icon: AssessmentIcon, element: <ScorePage />, resource: 'quality-scores' }],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
