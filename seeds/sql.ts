// The demo's bulk SQL: one statement inserts thousands of rows from column arrays, and the array
// literal that carries a list to Postgres as one parameter.
import type { Knex } from 'knex';

/** A Postgres array literal: numbers as they are, strings quoted ('{1,2}', '{"I10","J44.1"}'). */
export const pgArray = (values: readonly (string | number)[]) =>
  `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

/** A column of a bulk insert: [name, element type, cast of the element (e.g. text → text[], jsonb)]. */
export type Column = readonly [name: string, type: string, cast?: string];

/** Bulk insert by columns: INSERT … SELECT FROM unnest(one array a column), in chunks; an absent value is null. */
export async function insertColumns(
  trx: Knex.Transaction,
  table: string,
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
  chunk = 10_000,
) {
  const names = columns.map(([c]) => c).join(', ');
  const select = columns.map(([c, , cast]) => (cast ? `u.${c}::${cast}` : `u.${c}`)).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await trx.raw(
      `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${columns.map(([, t]) => `?::${t}[]`).join(', ')}) AS u(${names})`,
      columns.map(([c]) => part.map((r) => (r[c] === undefined ? null : r[c])) as Knex.Value),
    );
  }
}
