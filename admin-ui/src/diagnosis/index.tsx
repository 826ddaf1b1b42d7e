// 诊断中心: diagnosis requests (the requesting doctor's list, the request page with its steps, the
// create form with its attachment), the centre's worklist, its duty roster and the figures; remote
// consultations (the list by state, the page with its steps, the invitation, the calendar, the settings).
import BiotechIcon from '@mui/icons-material/Biotech';
import ListAltIcon from '@mui/icons-material/ListAlt';
import InsightsIcon from '@mui/icons-material/Insights';
import EventNoteIcon from '@mui/icons-material/EventNote';
import VideoCallIcon from '@mui/icons-material/VideoCall';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import TuneIcon from '@mui/icons-material/Tune';
import type { RaRecord } from 'react-admin';
import type { DomainModule, ResourceEntry } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';

const { RequestList, Worklist } = lazyScreens(() => import('./RequestList'));
const { RequestShow } = lazyScreens(() => import('./RequestShow'));
const { RequestCreate } = lazyScreens(() => import('./RequestCreate'));
const { FiguresPage } = lazyScreens(() => import('./FiguresPage'));
const { DutyRoster } = lazyScreens(() => import('./DutyRoster'));
const { ConsultationList } = lazyScreens(() => import('./ConsultationList'));
const { ConsultationShow } = lazyScreens(() => import('./ConsultationShow'));
const { ConsultationCreate } = lazyScreens(() => import('./ConsultationCreate'));
const { ConsultationCalendar } = lazyScreens(() => import('./ConsultationCalendar'));
const { ConsultationSettingsPage } = lazyScreens(() => import('./ConsultationSettingsPage'));

export const diagnosisRequests: ResourceEntry = {
  name: 'diagnosis-requests',
  list: RequestList,
  show: RequestShow,
  create: RequestCreate,
  icon: BiotechIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id} ${r.patient_name}`,
};

/** 远程会诊: the list by state, the page with its steps, the invitation. */
export const diagnosisConsultations: ResourceEntry = {
  name: 'diagnosis-consultations',
  list: ConsultationList,
  show: ConsultationShow,
  create: ConsultationCreate,
  icon: VideoCallIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id} ${r.patient_name}`,
};

export const diagnosisDomain: DomainModule = {
  group: 'diagnosis',
  label: 'menu.groups.diagnosis',
  resources: [diagnosisRequests, diagnosisConsultations],
  pages: [
    {
      path: '/diagnosis-worklist',
      label: 'menu.diagnosis_worklist',
      icon: ListAltIcon,
      element: <Worklist />,
      resource: 'diagnosis-requests',
      action: 'accept',
    },
    {
      path: '/diagnosis-roster',
      label: 'menu.diagnosis_roster',
      icon: EventNoteIcon,
      element: <DutyRoster />,
      resource: 'diagnosis-centres',
      action: 'roster',
    },
    {
      path: '/consultation-calendar',
      label: 'menu.consultation_calendar',
      icon: CalendarMonthIcon,
      element: <ConsultationCalendar />,
      resource: 'diagnosis-consultations',
    },
    { path: '/diagnosis-figures', label: 'menu.diagnosis_figures', icon: InsightsIcon, element: <FiguresPage />, resource: 'diagnosis-requests' },
    {
      path: '/consultation-settings',
      label: 'menu.consultation_settings',
      icon: TuneIcon,
      element: <ConsultationSettingsPage />,
      resource: 'consultation-settings',
      action: 'show',
    },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
