// One place applies the caller's org scope (ltree `path <@ scope`) to every query.
import type { AnyQueryBuilder } from 'objection';

// The units inside a scope, as one raw fragment: it compiles in a fraction of the time a nested
// query builder takes, and lists compile it on every request. When the scope is a single unit
// (a village clinic's doctor, the commonest user), plain equality instead: the planner then reads
// that unit's rows from its index in order and stops at the page, and one generic plan fits.
const UNIT_IN_SCOPE = '?? in (select id from org_units where path <@ ?::ltree)';

/** Rows whose `column` is an org unit inside `scopePath` (its only unit `singleUnitId`, when known). */
export function scopeByUnit(column = 'org_unit_id') {
  return scopeByAnyUnit(column);
}

/** Rows where ANY of `columns` is an org unit inside `scopePath` (e.g. a person's employer or working unit). */
export function scopeByAnyUnit(...columns: string[]) {
  const inScope = `(${columns.map(() => UNIT_IN_SCOPE).join(' or ')})`;
  const isUnit = `(${columns.map(() => '?? = ?').join(' or ')})`;
  return (qb: AnyQueryBuilder, scopePath: string, singleUnitId?: number) =>
    singleUnitId === undefined
      ? qb.whereRaw(inScope, columns.flatMap((column) => [column, scopePath]))
      : qb.whereRaw(isUnit, columns.flatMap((column) => [column, singleUnitId]));
}

/** The org_units table itself. */
export function scopeByPath(column = 'org_units.path') {
  return (qb: AnyQueryBuilder, scopePath: string) => qb.whereRaw(`${column} <@ ?::ltree`, [scopePath]);
}

/** Applies a scope: its ltree path, and its only unit when it has just one (see `Actor.scopeUnitId`). */
export type Scoper = (qb: AnyQueryBuilder, scopePath: string, singleUnitId?: number) => AnyQueryBuilder;
