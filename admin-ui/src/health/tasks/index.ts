import ChecklistIcon from '@mui/icons-material/Checklist';
import type { ResourceEntry } from '../../registry';
import { TaskList } from './TaskList';

export const tasks: ResourceEntry = { name: 'tasks', list: TaskList, icon: ChecklistIcon };
