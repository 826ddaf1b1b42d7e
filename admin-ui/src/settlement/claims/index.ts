// The claims resource: its screens in ClaimList.tsx, loaded when first shown.
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const claimList = lazyScreens(() => import('./ClaimList'));

export const claims: ResourceEntry = { name: 'claims', list: claimList.ClaimList, icon: ReceiptLongIcon, recordRepresentation: 'claim_no' };
