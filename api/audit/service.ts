// Every use-case runs in one transaction and writes its audit row inside it.
import type { Knex } from 'knex';
import { db } from '../db/knex';
import type { Actor } from '../auth/actor';
import { AuditEntry } from './model';
import type { ResourceDef } from '../http/crud';

export interface AuditRecord {
  action: string;
  resource: string;
  recordId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export type Audit = (entry: AuditRecord) => Promise<void>;

/**
 * Runs `work` in a transaction; `audit` appends to audit_log within it. Given a `parent`
 * transaction (e.g. the one an Idempotency-Key is recorded in) it runs inside it as a savepoint.
 */
export function inTransaction<T>(actor: Actor, work: (trx: Knex.Transaction, audit: Audit) => Promise<T>, parent?: Knex.Transaction): Promise<T> {
  return (parent ?? db()).transaction((trx) => work(trx, (entry) => record(trx, actor, entry)));
}

export async function record(trx: Knex.Transaction, actor: Actor, e: AuditRecord) {
  await AuditEntry.query(trx).insert({
    actor_id: actor.id || null,
    actor_name: actor.username,
    action: e.action,
    resource: e.resource,
    record_id: e.recordId == null ? null : String(e.recordId),
    before: plain(e.before),
    after: plain(e.after),
    client_ip: actor.ip ?? null,
  });
}

// objection models serialise through toJSON (which hides secrets like password hashes)
function plain(v: unknown) {
  if (v == null) return null;
  return JSON.parse(JSON.stringify(v));
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
