// One error shape for the whole API: {"error":{"code","message","details"}}.
// Everything a client can cause maps to a 4xx; only our own faults are a 500, without a stack.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { NotFoundError } from 'objection';
import { logger } from './logger';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  fromZod,
  notFound,
  tooLarge,
  unavailable,
  unprocessable,
  unsupportedMedia,
  type FieldProblem,
  type ProblemKind,
} from '../core/errors';

/** The one place a problem kind becomes an HTTP status. */
const STATUS: Record<ProblemKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  business_rule: 422,
  too_many: 429,
  unavailable: 503,
};

/** The kind a client error status of Express's body parser stands for (400 when no kind is that status). */
const kindOfStatus = (status: number) => (Object.keys(STATUS) as ProblemKind[]).find((k) => STATUS[k] === status) ?? 'invalid';

// PostgreSQL's own words never reach a client (they quote SQL, values and constraint names):
// each error a client can provoke becomes a status and the field it concerns, in plain words.
type PgError = { code?: string; detail?: string; column?: string; constraint?: string; message?: string };

/** The columns a unique or foreign-key error names: `Key (a, b)=(…) …` → ['a', 'b']. */
const keyColumns = (detail = '') => /^Key \(([^)]*)\)=/.exec(detail)?.[1].split(', ') ?? [];
const problems = (fields: string[], message: string): FieldProblem[] => (fields.length ? fields : ['(body)']).map((field) => ({ field, message }));

function fromPostgres(err: PgError): AppError | undefined {
  const code = err.code ?? '';
  if (code === '23505') return conflict('a record with the same value already exists', problems(keyColumns(err.detail), 'already taken by another record'));
  if (code === '23503') {
    const stillUsed = /is still referenced/.test(err.detail ?? '');
    return conflict(
      stillUsed ? 'other records still refer to this one' : 'refers to a record that does not exist',
      problems(keyColumns(err.detail), stillUsed ? 'still referenced' : 'no such record'),
    );
  }
  if (code === '23001') return conflict('other records still refer to this one');
  if (code === '23502') return badRequest(`${err.column ?? 'a field'} is required`, problems(err.column ? [err.column] : [], 'required'));
  if (code === '23514' || code === '23P01')
    return unprocessable('the values break a rule of this record', problems(constraintField(err.constraint), 'not allowed with the other values'));
  if (code.startsWith('22')) return badRequest('a value is out of range or malformed', problems(err.column ? [err.column] : [], 'out of range or malformed'));
  if (code === '40001' || code === '40P01' || code === '55P03') return unavailable('the record is busy; try again', 1);
  if (code === '57014') return unavailable('the request took too long and was stopped', 5);
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300')
    return unavailable('the database is unavailable', 5);
  if (code === '42501') return forbidden('not permitted');
  return undefined;
}

/** The field a CHECK constraint named `<table>_<field>_check` (knex's habit) is about, when it says. */
const constraintField = (name = '') => {
  const m = /^[a-z]+(?:_[a-z]+)*?_([a-z_]+?)_check$/.exec(name);
  return m ? [m[1]] : [];
};

/** Errors that mean the database cannot be reached: refused, reset, not connected or no pooled connection in time. */
function isUnreachable(err: { code?: string; name?: string; message?: string }) {
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(err.code ?? '') ||
    err.name === 'KnexTimeoutError' ||
    // pg's connection timeout says "timeout expired" (older) or "…due to connection timeout" (newer)
    /Connection terminated|connect ECONNREFUSED|^timeout expired$/.test(err.message ?? '')
  );
}

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return fromZod(err);
  if (err instanceof NotFoundError) return notFound('record');
  const e = err as { type?: string; status?: number; code?: string; nativeError?: unknown };
  if (e.type === 'entity.too.large') return tooLarge('request body exceeds 1 MB');
  if (e.type === 'entity.parse.failed') return badRequest('malformed JSON body', [{ field: '(body)', message: 'not valid JSON' }]);
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') return unsupportedMedia('the body must be JSON in UTF-8');
  if (e.type && e.status && e.status < 500)
    return new AppError(kindOfStatus(e.status), 'bad_request', 'the request could not be read', [{ field: '(body)', message: 'unreadable' }]);
  const native = (e.nativeError as typeof e) ?? e;
  if (isUnreachable(native) || isUnreachable(e)) return unavailable('the database is unavailable', 5);
  return fromPostgres(native);
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appErr = toAppError(err);
  if (!appErr) {
    logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
    return;
  }
  const retry = (appErr.details as { retry_after?: number } | undefined)?.retry_after;
  if (retry && (appErr.kind === 'unavailable' || appErr.kind === 'too_many')) res.setHeader('Retry-After', String(retry));
  res.status(STATUS[appErr.kind]).json({ error: { code: appErr.code, message: appErr.message, details: appErr.details } });
};
