import ChecklistIcon from '@mui/icons-material/Checklist';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';

const taskList = lazyScreens(() => import('./TaskList'));

export const tasks: ResourceEntry = { name: 'tasks', list: taskList.TaskList, icon: ChecklistIcon };
