// Every use-case runs in one transaction and writes its audit row inside it.
import { AsyncLocalStorage } from 'node:async_hooks';
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
  return (parent ?? ambient.getStore() ?? db()).transaction((trx) => work(trx, (entry) => record(trx, actor, entry)));
}

// the transaction a request runs in when the HTTP edge opened one (an Idempotency-Key's): every
// use-case of that request then runs inside it, so the key and the write commit together
const ambient = new AsyncLocalStorage<Knex.Transaction>();

/** Runs `work` with `trx` as the parent of every `inTransaction` it reaches. */
export const withinTransaction = <T>(trx: Knex.Transaction, work: () => T): T => ambient.run(trx, work);

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
