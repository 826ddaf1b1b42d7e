// The values a CHECK constraint `column in (...)` (or, for a text[] column, `column <@ array[...]`) allows, read back from PostgreSQL: the tests compare them
// with each domain's enums.ts, so a value added there without its migration fails.
import { db } from './knex';

/** The values allowed by the constraint on table.column written as `column in (...)` or `column <@ array[...]` (null when there is none). */
export async function checkedValues(table: string, column: string): Promise<string[] | null> {
  const { rows } = await db().raw<{ rows: { def: string }[] }>(
    `select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.contype = 'c' and c.conrelid = ?::regclass and cardinality(c.conkey) = 1
        and c.conkey[1] = (select attnum from pg_attribute where attrelid = c.conrelid and attname = ?)`,
    [table, column],
  );
  // PostgreSQL writes `in (...)` back as `= ANY (ARRAY['a'::text, ...])`, and `<@ array[...]` as `<@ ARRAY['a'::text, ...]`
  const def = rows.map((r) => r.def).find((d) => /= ANY \(|<@ ARRAY\[/.test(d));
  return def ? [...def.matchAll(/'((?:[^']|'')*)'::/g)].map((m) => m[1].replaceAll("''", "'")) : null;
}
