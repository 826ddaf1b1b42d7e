// The application's one error: a problem kind (what went wrong, in the application's terms), a
// code, a message and details. Rules and services raise it; the HTTP edge (http/errors.ts) alone
// turns each kind into a status.
import { ZodError } from 'zod';

export type ProblemKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'business_rule' | 'too_many' | 'too_large' | 'unsupported_media' | 'unavailable';

export interface FieldProblem {
  field: string;
  message: string;
  /** the rule refused, for a screen to say it in Chinese (with `params`, the figures of its message) */
  rule?: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    public kind: ProblemKind,
    public code: string,
    message: string,
    public details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: FieldProblem[]) => new AppError('invalid', 'validation_failed', message, details);
export const unauthorized = (message = 'authentication required') => new AppError('unauthenticated', 'unauthorized', message);
export const forbidden = (message: string) => new AppError('forbidden', 'forbidden', message);
export const notFound = (resource: string, id?: string | number) =>
  new AppError('not_found', 'not_found', id === undefined ? `${resource} not found` : `${resource} ${id} not found`);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', 'conflict', message, details);
export const unprocessable = (message: string, details?: unknown) => new AppError('business_rule', 'business_rule', message, details);
export const unsupportedMedia = (message: string, details?: FieldProblem[]) => new AppError('unsupported_media', 'unsupported_media_type', message, details);
export const tooLarge = (message: string, details?: FieldProblem[]) => new AppError('too_large', 'payload_too_large', message, details);
export const tooMany = (message: string, retryAfterSeconds: number) =>
  new AppError('too_many', 'too_many_requests', message, { retry_after: retryAfterSeconds });
export const unavailable = (message: string, retryAfterSeconds: number) =>
  new AppError('unavailable', 'unavailable', message, { retry_after: retryAfterSeconds });

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
