// The posts resource: its screens in PostViews.tsx, loaded when first shown.
import WorkIcon from '@mui/icons-material/Work';
import type { PostRecord } from '../records';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const postViews = lazyScreens(() => import('./PostViews'));

export const posts: ResourceEntry = {
  name: 'posts',
  list: postViews.PostList,
  create: postViews.PostCreate,
  edit: postViews.PostEdit,
  icon: WorkIcon,
  recordRepresentation: (p: PostRecord) => p.name,
};
