// The financeLists resources: their screens in forms.tsx, listViews.tsx, loaded when first shown.
import BadgeIcon from '@mui/icons-material/Badge';
import LockClockIcon from '@mui/icons-material/LockClock';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import RuleIcon from '@mui/icons-material/Rule';
import SavingsIcon from '@mui/icons-material/Savings';
import type { ResourceEntry } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';

const listViews = lazyScreens(() => import('./listViews'));
const forms = lazyScreens(() => import('./forms'));

export const financeLists: ResourceEntry[] = [
  { name: 'ledger-entries', list: listViews.LedgerList, create: forms.LedgerEntryCreate, icon: MenuBookIcon },
  { name: 'ledger-periods', list: listViews.PeriodList, icon: LockClockIcon },
  { name: 'spending-limits', list: listViews.LimitList, create: forms.LimitCreate, edit: forms.LimitEdit, icon: RuleIcon },
  { name: 'chief-accountant-postings', list: listViews.PostingList, create: forms.PostingCreate, edit: forms.PostingEdit, icon: BadgeIcon },
  { name: 'risk-fund-entries', list: listViews.FundList, icon: SavingsIcon },
];
