// 双向转诊: the referrals resource, the receiving unit's inbox, the sending unit's outbox, the
// departments' appointment slots, the group referral office's view of flows and timeliness, and
// the referral settings.
import AltRouteIcon from '@mui/icons-material/AltRoute';
import CallMadeIcon from '@mui/icons-material/CallMade';
import InboxIcon from '@mui/icons-material/MoveToInbox';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import SettingsIcon from '@mui/icons-material/Tune';
import SsidChartIcon from '@mui/icons-material/SsidChart';
import type { RaRecord } from 'react-admin';
import type { DomainModule, ResourceEntry } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';

// the screens, each module fetched when first shown
const { DirectorInboxHome, OfficeInboxHome } = lazyScreens(() => import('./HomeWidgets'));
const { OfficeView } = lazyScreens(() => import('./OfficeView'));
const { ReferralCreate } = lazyScreens(() => import('./ReferralCreate'));
const { ReferralInbox, ReferralList, ReferralOutbox } = lazyScreens(() => import('./ReferralList'));
const { ReferralShow } = lazyScreens(() => import('./ReferralShow'));
const { SettingsPage } = lazyScreens(() => import('./SettingsPage'));
const { SlotsPage } = lazyScreens(() => import('./SlotsPage'));

export const referrals: ResourceEntry = {
  name: 'referrals',
  list: ReferralList,
  show: ReferralShow,
  create: ReferralCreate,
  icon: AltRouteIcon,
  recordRepresentation: (r: RaRecord) => `#${r.id} ${r.patient_name}`,
};

export const referralsDomain: DomainModule = {
  group: 'referrals',
  label: 'menu.groups.referrals',
  resources: [referrals],
  pages: [
    { path: '/referral-inbox', label: 'menu.referral_inbox', icon: InboxIcon, element: <ReferralInbox />, resource: 'referrals' },
    { path: '/referral-outbox', label: 'menu.referral_outbox', icon: CallMadeIcon, element: <ReferralOutbox />, resource: 'referrals' },
    { path: '/referral-slots', label: 'menu.referral_slots', icon: EventAvailableIcon, element: <SlotsPage />, resource: 'referral-slots' },
    { path: '/referral-office', label: 'menu.referral_office', icon: SsidChartIcon, element: <OfficeView />, resource: 'referral-escalations' },
    { path: '/referral-settings', label: 'menu.referral_settings', icon: SettingsIcon, element: <SettingsPage />, resource: 'referral-settings' },
  ],
  dashboardWidgets: [
    { resource: 'referrals', roles: ['director'], component: DirectorInboxHome },
    { resource: 'referrals', roles: ['referral_coordinator'], component: OfficeInboxHome },
  ],
  messages: { zh: () => import('./messages').then((m) => m.zh), en: () => import('./messages.en').then((m) => m.en) },
};
