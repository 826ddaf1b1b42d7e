// zod parsing that turns every problem into a 400 naming the field.
import { z, type ZodType, type output } from 'zod';
import { toFen } from '../shared/money';
import { badRequest, fromZod } from './errors';

export function parse<S extends ZodType>(schema: S, data: unknown, where = ''): output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}

export function idParam(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw badRequest('invalid id', [{ field: 'id', message: 'must be a positive integer' }]);
  }
  return id;
}

/** An amount of money in a request body: a decimal string or number with at most two places, as fen. */
export const moneyInput = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    try {
      return toFen(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an amount with at most two decimals' });
      return z.NEVER;
    }
  });
