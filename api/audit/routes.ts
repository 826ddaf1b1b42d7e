import { mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { auditResource } from './service';

// read-only: the database itself refuses changes to audit_log
export const auditRoutes = mountCrud(new ApiRouter('/audit-log', 'audit'), auditResource, { label: 'audit log entries', readOnly: true });
