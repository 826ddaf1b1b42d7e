import HistoryIcon from '@mui/icons-material/History';
import type { ResourceEntry } from '../../registry';
import { lazyScreens } from '../../shared/lazyScreens';
import type { AuditEntry } from '../records';

const auditLogList = lazyScreens(() => import('./AuditLogList'));
const auditLogShow = lazyScreens(() => import('./AuditLogShow'));

export const auditLog: ResourceEntry = {
  name: 'audit-log',
  list: auditLogList.AuditLogList,
  show: auditLogShow.AuditLogShow,
  icon: HistoryIcon,
  recordRepresentation: (entry: AuditEntry) => `#${entry.id}`,
};
