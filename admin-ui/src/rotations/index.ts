import SwapVertIcon from '@mui/icons-material/SwapVert';
import type { ResourceEntry } from '../registry';
import { RotationEdit } from './RotationEdit';
import { RotationList } from './RotationList';
import { RotationShow } from './RotationShow';

export const rotations: ResourceEntry = { name: 'rotations', list: RotationList, show: RotationShow, edit: RotationEdit, icon: SwapVertIcon };
