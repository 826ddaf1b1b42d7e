// A condition on one of the code's own fixed sets (states, kinds) written into the statement as
// literals rather than bound values: a prepared statement's generic plan can then use a partial
// index whose predicate names the same set (e.g. the open tasks, a unit's inbox).
import type { Knex } from 'knex';
import { db } from './knex';

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/** `column in ('a', 'b')`, or `not in` with `negate`; the values must be code identifiers, never input. */
export function inFixedSet(column: string, values: readonly string[], negate = false): Knex.Raw {
  const bad = values.find((v) => !IDENTIFIER.test(v));
  if (bad !== undefined || values.length === 0) throw new Error(`inFixedSet takes code identifiers only: ${String(bad)}`);
  return db().raw(`${column} ${negate ? 'not in' : 'in'} (${values.map((v) => `'${v}'`).join(', ')})`);
}
