// Every use-case runs in one transaction and writes its audit row inside it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import { db } from '../db/knex';
import type { Actor } from './actor';

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
  await trx('audit_log').insert({
    actor_id: actor.id || null,
    actor_name: actor.username,
    action: e.action,
    resource: e.resource,
    record_id: e.recordId == null ? null : String(e.recordId),
    before: json(e.before),
    after: json(e.after),
    client_ip: actor.ip ?? null,
  });
}

// objection models serialise through toJSON (which hides secrets like password hashes)
function json(v: unknown) {
  return v == null ? null : JSON.stringify(v);
}
