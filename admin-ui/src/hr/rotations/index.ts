import SwapVertIcon from '@mui/icons-material/SwapVert';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { RotationEdit } from './RotationEdit';
import { RotationList } from './RotationList';
import { RotationShow } from './RotationShow';

/** 王芳 → 大通县人民医院 (the page title; a lean row may lack the names) */
const representation = (r: RaRecord) => (r.staff_name ? `${r.staff_name} → ${r.host_name}` : `#${r.id}`);

export const rotations: ResourceEntry = {
  name: 'rotations',
  list: RotationList,
  show: RotationShow,
  edit: RotationEdit,
  icon: SwapVertIcon,
  recordRepresentation: representation,
};
