import HandshakeIcon from '@mui/icons-material/Handshake';
import type { ResourceEntry } from '../../registry';
import { ContractCreate, ContractList, ContractShow } from './ContractViews';

export const contracts: ResourceEntry = { name: 'contracts', list: ContractList, show: ContractShow, create: ContractCreate, icon: HandshakeIcon };
