import SwapVertIcon from '@mui/icons-material/SwapVert';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

/** 王芳 → 大通县人民医院 (the page title; a lean row may lack the names) */
const representation = (r: RaRecord) => (r.staff_name ? `${r.staff_name} → ${r.host_name}` : `#${r.id}`);

const rotationList = lazyScreens(() => import('./RotationList'));
const rotationShow = lazyScreens(() => import('./RotationShow'));
const rotationEdit = lazyScreens(() => import('./RotationEdit'));

export const rotations: ResourceEntry = {
  name: 'rotations',
  list: rotationList.RotationList,
  show: rotationShow.RotationShow,
  edit: rotationEdit.RotationEdit,
  icon: SwapVertIcon,
  recordRepresentation: representation,
};
