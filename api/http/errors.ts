// One error shape for the whole API: {"error":{"code","message","details"}}.
// Everything a client can cause maps to a 4xx; only our own faults are a 500, without a stack.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { NotFoundError } from 'objection';
import { logger } from './logger';

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: FieldProblem[]) =>
  new AppError(400, 'validation_failed', message, details);
export const unauthorized = (message = 'authentication required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
export const notFound = (resource: string, id?: unknown) =>
  new AppError(404, 'not_found', id === undefined ? `${resource} not found` : `${resource} ${id} not found`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new AppError(422, 'business_rule', message, details);
export const tooManyRequests = (message: string) => new AppError(429, 'too_many_requests', message);

export function fromZod(err: ZodError, where = ''): AppError {
  const details: FieldProblem[] = err.issues.flatMap((i) => {
    const base = [where, ...i.path.map(String)].filter(Boolean).join('.');
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ field: base ? `${base}.${k}` : k, message: 'unknown field' }));
    }
    return [{ field: base || '(body)', message: i.message }];
  });
  return badRequest(`invalid ${details.map((d) => d.field).join(', ')}`, details);
}

// PostgreSQL error codes a client can provoke through valid-looking input.
function fromPostgres(err: { code?: string; detail?: string; constraint?: string; table?: string }): AppError | undefined {
  switch (err.code) {
    case '23505':
      return conflict(`already exists: ${err.detail ?? err.constraint}`, { constraint: err.constraint });
    case '23503':
    case '23001':
      return conflict(`still referenced or missing reference: ${err.detail ?? err.constraint}`, {
        constraint: err.constraint,
      });
    case '23514':
    case '23502':
      return unprocessable(`violates rule ${err.constraint ?? ''}`.trim(), { constraint: err.constraint });
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return badRequest(`invalid value: ${(err as Error).message}`);
    case '42501':
      return new AppError(403, 'forbidden', (err as Error).message);
  }
  return undefined;
}

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return fromZod(err);
  if (err instanceof NotFoundError) return notFound('record');
  const e = err as { type?: string; status?: number; code?: string; nativeError?: unknown };
  if (e.type === 'entity.too.large') return new AppError(413, 'payload_too_large', 'request body exceeds 1 MB');
  if (e.type === 'entity.parse.failed') return badRequest('malformed JSON body');
  if (e.type && e.status && e.status < 500) return new AppError(e.status, 'bad_request', String((err as Error).message));
  return fromPostgres((e.nativeError as typeof e) ?? e);
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appErr = toAppError(err);
  if (!appErr) {
    logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
    return;
  }
  res.status(appErr.status).json({ error: { code: appErr.code, message: appErr.message, details: appErr.details } });
};
