// zod parsing that turns every problem into a 400 naming the field.
import { z, type ZodType, type output } from 'zod';
import { toFen } from '../shared/money';
import { badRequest, fromZod } from '../core/errors';

export function parse<S extends ZodType>(schema: S, data: unknown, where = ''): output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}

/** A record id in a path: digits only, no sign, exponent, point or leading zero (`0x1`, `1e0`, `1.0` are not 1). */
export function idParam(raw: unknown, field = 'id'): number {
  const id = typeof raw === 'string' && /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw badRequest(`invalid ${field}`, [{ field, message: 'must be a positive integer' }]);
  return id;
}

// ---- the shared field schemas: every route's dates, ids, amounts and text ----

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30, no 2026-2-3). */
export const isoDate = z.iso.date({ error: 'must be a real date YYYY-MM-DD' });
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** A record id in a body. */
export const positiveId = z.number({ error: 'must be a positive integer' }).int().positive().max(Number.MAX_SAFE_INTEGER);

/** The largest amount numeric(14,2) holds, in fen. */
const MAX_FEN = 10n ** 14n - 1n;

/** An amount of money in a request body: a decimal string or number with at most two places, as fen. */
export const moneyInput = z.union([z.string(), z.number()]).transform((v, ctx) => {
  try {
    const fen = toFen(v);
    if (fen > MAX_FEN || fen < -MAX_FEN) throw new RangeError('too large');
    return fen;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an amount with at most two decimals, below 1,000,000,000,000' });
    return z.NEVER;
  }
});
