// The read side of the audit trail (its rows are written by core/transaction.ts).
import { AuditEntry } from './model';
import type { ResourceDef } from '../core/crud';

/**
 * The trail of one record, oldest first: for a domain that shows a record's own history to
 * users who may read the record but not the whole log. The caller checks that they may.
 */
export async function trailOf(resource: string, recordId: number | string) {
  return AuditEntry.query()
    .select('id', 'at', 'actor_name', 'action', 'before', 'after')
    .where({ resource, record_id: String(recordId) })
    .orderBy('at')
    .orderBy('id');
}

export const auditResource: ResourceDef<AuditEntry> = {
  name: 'audit-log',
  model: AuditEntry,
  // the log is read by group_admin and auditor, both group-wide: no unit filter
  scope: (qb) => qb,
  list: {
    fields: { at: 'timestamp', actor_id: 'int', actor_name: 'text', action: 'text', resource: 'text', record_id: 'text' },
    search: ['audit_log.actor_name', 'audit_log.resource', 'audit_log.action'],
    defaultSort: ['at', 'DESC'],
  },
};
