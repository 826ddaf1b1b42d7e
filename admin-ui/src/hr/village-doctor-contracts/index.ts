// The villageDoctorContracts resource: its screens in ContractViews.tsx, loaded when first shown.
import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const contractViews = lazyScreens(() => import('./ContractViews'));

export const villageDoctorContracts: ResourceEntry = {
  name: 'village-doctor-contracts',
  list: contractViews.ContractList,
  create: contractViews.ContractCreate,
  icon: HandshakeIcon,
};
