import SwapVertIcon from '@mui/icons-material/SwapVert';
import type { ResourceEntry } from '../registry';
import { RotationList } from './RotationList';

export const rotations: ResourceEntry = { name: 'rotations', list: RotationList, icon: SwapVertIcon };
