// Request guards every route shares: a body is JSON in UTF-8 (or a multipart upload), and no
// text anywhere in a request carries a NUL character (PostgreSQL cannot store one).
import type { RequestHandler } from 'express';
import { badRequest, unsupportedMedia } from '../core/errors';

const MAX_DEPTH = 32;

/** The path of the first string holding a NUL character (in values or keys), if any. */
export function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return here;
    const found = nulPath(v, here, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export const refuseNul: RequestHandler = (req, _res, next) => {
  const field = nulPath(req.query, '') ?? nulPath(req.body, '') ?? (req.path.includes('\u0000') || req.path.includes('%00') ? 'path' : undefined);
  if (field) throw badRequest(`invalid ${field}`, [{ field, message: 'must not contain a NUL character' }]);
  next();
};

/** A request with a body must say it is JSON (UTF-8) or a multipart upload: anything else is a 415. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (hasBody && !type.startsWith('multipart/form-data')) {
    const [mime, ...params] = type.split(';').map((p) => p.trim());
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replace(/"/g, '');
    if (mime !== 'application/json' || (charset && charset !== 'utf-8' && charset !== 'utf8')) {
      throw unsupportedMedia('send the body as application/json in UTF-8 (or multipart/form-data for a file)');
    }
  }
  next();
};
