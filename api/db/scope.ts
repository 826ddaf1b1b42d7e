// One place applies the caller's org scope (ltree `path <@ scope`) to every query.
import type { AnyQueryBuilder } from 'objection';
import { db } from './knex';

/** Rows whose `column` is an org unit inside `scopePath`. */
export function scopeByUnit(column = 'org_unit_id') {
  return (qb: AnyQueryBuilder, scopePath: string) =>
    qb.whereIn(column, db()('org_units').select('id').whereRaw('path <@ ?::ltree', [scopePath]));
}

/** Rows where ANY of `columns` is an org unit inside `scopePath` (e.g. a person's employer or working unit). */
export function scopeByAnyUnit(...columns: string[]) {
  return (qb: AnyQueryBuilder, scopePath: string) =>
    qb.where((w) => {
      for (const column of columns) w.orWhereIn(column, db()('org_units').select('id').whereRaw('path <@ ?::ltree', [scopePath]));
    });
}

/** The org_units table itself. */
export function scopeByPath(column = 'org_units.path') {
  return (qb: AnyQueryBuilder, scopePath: string) => qb.whereRaw(`${column} <@ ?::ltree`, [scopePath]);
}

export type Scoper = (qb: AnyQueryBuilder, scopePath: string) => AnyQueryBuilder;
