// zod parsing that turns every problem into a 400 naming the field.
import type { ZodType, output } from 'zod';
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
