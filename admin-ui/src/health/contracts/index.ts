import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const contractViews = lazyScreens(() => import('./ContractViews'));

export const contracts: ResourceEntry = {
  name: 'contracts',
  list: contractViews.ContractList,
  show: contractViews.ContractShow,
  create: contractViews.ContractCreate,
  icon: HandshakeIcon,
};
