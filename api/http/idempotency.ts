// Idempotency-Key: a client on a weak network retries a write with the same key, and the
// retry answers with the first response instead of writing twice. The key row is written in
// the same transaction as the write itself, so a replay finds either nothing (the first
// attempt rolled back: run again) or the finished response — never a half-done request.
// A concurrent retry blocks on the key's unique index until the first attempt commits.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { db } from '../db/knex';
import { JsonText } from '../db/jsonPage';
import { badRequest, unprocessable } from '../core/errors';
import * as clock from '../core/clock';

/** A recorded request: its body's hash and the answer it was given. */
interface IdempotencyRow {
  request_hash: string;
  status_code: number;
  response: unknown;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,128}$/;

/** The request's key, if it sent one (400 when malformed). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.get(IDEMPOTENCY_HEADER);
  if (raw === undefined) return undefined;
  if (!KEY_PATTERN.test(raw)) {
    throw badRequest(`malformed ${IDEMPOTENCY_HEADER}`, [{ field: IDEMPOTENCY_HEADER, message: '8–128 characters: letters, digits, _ - : .' }]);
  }
  return raw;
}

/** JSON with sorted keys, so the same body hashes the same whatever the key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * Runs `work` once per (user, key, method, path). Without a key it simply runs. With one, it
 * runs inside a transaction that also records the response; a replay gets the stored status
 * and body (header `Idempotent-Replayed: true`); the same key with a different body is a 422.
 * `work` receives the transaction to run its use-case in (see `inTransaction`'s `parent`).
 */
export async function idempotent(req: Request, res: Response, work: (trx?: Knex.Transaction) => Promise<unknown>): Promise<unknown> {
  const key = idempotencyKeyOf(req);
  if (!key) return work();
  const where = { user_id: req.actor.id, key, method: req.method, path: `${req.baseUrl}${req.path}` };
  const requestHash = createHash('sha256')
    .update(canonical(req.body ?? null))
    .digest('hex');
  return db().transaction(async (trx) => {
    const claimed = await trx('idempotency_keys')
      .insert({ ...where, request_hash: requestHash, status_code: 200 })
      .onConflict(['user_id', 'key', 'method', 'path'])
      .ignore()
      .returning('key');
    if (!claimed.length) {
      const prior = await trx('idempotency_keys').where(where).first<IdempotencyRow>();
      if (prior.request_hash !== requestHash) {
        throw unprocessable(`${IDEMPOTENCY_HEADER} ${key} was already used for a different request`, [
          { field: IDEMPOTENCY_HEADER, message: 'reused with a different body; use a new key for a new request' },
        ]);
      }
      res.status(prior.status_code).setHeader('Idempotent-Replayed', 'true');
      return prior.response;
    }
    const answer = await work(trx);
    const result: unknown = answer instanceof JsonText ? JSON.parse(answer.text) : JSON.parse(JSON.stringify(answer ?? null));
    await trx('idempotency_keys')
      .where(where)
      .update({ response: JSON.stringify(result), status_code: res.statusCode });
    return result;
  });
}

/** Forgets keys older than `days` (a retry that late is a new request). */
export async function purgeIdempotencyKeys(days: number, now = clock.now()) {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db()('idempotency_keys').where('created_at', '<', cutoff).delete();
}
