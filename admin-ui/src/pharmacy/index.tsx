// 处方点评: the chief pharmacist's prescription review — the units' prescriptions imported with their
// flags, the review and the actions against a prescriber, and the figures per unit against targets.
import MedicationIcon from '@mui/icons-material/Medication';
import GavelIcon from '@mui/icons-material/Gavel';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import InsightsIcon from '@mui/icons-material/Insights';
import RuleIcon from '@mui/icons-material/Rule';
import type { DomainModule, ResourceEntry } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';
import type { ActionRecord, PrescriptionRecord } from './records';

const prescriptionViews = lazyScreens(() => import('./prescriptions/PrescriptionViews'));
const actionViews = lazyScreens(() => import('./actions/ActionViews'));
const { ImportPage } = lazyScreens(() => import('./ImportPage'));
const { FiguresPage } = lazyScreens(() => import('./FiguresPage'));
const { RulesPage } = lazyScreens(() => import('./RulesPage'));

const resources: ResourceEntry[] = [
  {
    name: 'prescriptions',
    list: prescriptionViews.PrescriptionList,
    show: prescriptionViews.PrescriptionShow,
    icon: MedicationIcon,
    recordRepresentation: (r: PrescriptionRecord) => r.prescription_no,
  },
  {
    name: 'prescriber-actions',
    list: actionViews.ActionList,
    show: actionViews.ActionShow,
    icon: GavelIcon,
    recordRepresentation: (r: ActionRecord) => `#${r.id} ${r.prescriber_name}`,
  },
];

export const pharmacyDomain: DomainModule = {
  group: 'pharmacy',
  label: 'menu.groups.pharmacy',
  resources,
  pages: [
    {
      path: '/prescription-import',
      label: 'menu.prescription_import',
      icon: UploadFileIcon,
      element: <ImportPage />,
      resource: 'prescriptions',
      action: 'import',
    },
    { path: '/prescription-figures', label: 'menu.prescription_figures', icon: InsightsIcon, element: <FiguresPage />, resource: 'prescription-figures' },
    { path: '/prescription-rules', label: 'menu.prescription_rules', icon: RuleIcon, element: <RulesPage />, resource: 'prescription-rules' },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
