import HistoryIcon from '@mui/icons-material/History';
import type { ResourceEntry } from '../../registry';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

export const auditLog: ResourceEntry = {
  name: 'audit-log',
  list: AuditLogList,
  show: AuditLogShow,
  icon: HistoryIcon,
  recordRepresentation: (entry) => `#${entry.id}`,
};
