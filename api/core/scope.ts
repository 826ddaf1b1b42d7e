// One place applies the caller's org scope (ltree `path <@ scope`) to every query.
import type { AnyQueryBuilder } from 'objection';
import { asKnex, type SqlBuilder } from './listQuery';

// The units inside a scope, as one raw fragment: it compiles in a fraction of the time a nested
// query builder takes, and lists compile it on every request. Two scopes are common enough to
// say so outright, because the planner does far better with them: a single unit (a village
// clinic's doctor) filters by equality, so the unit's rows come from its index in order and the
// page stops early; the whole group (group roles, the HQ's director) filters by nothing at all.
// org's table: see org/index.ts
const UNIT_IN_SCOPE = '?? in (select id from org_units where path <@ ?::ltree)';

/** What is known of a scope beyond its path (the actor carries it; see `Actor`). */
export interface ScopeHint {
  scopeUnitId?: number;
  scopeIsWholeGroup?: boolean;
  /** the caller's own account (the actor's id): for rows addressed to one user */
  id?: number;
}

/** Rows whose `column` is an org unit inside `scopePath`. */
export function scopeByUnit(column = 'org_unit_id') {
  return scopeByAnyUnit(column);
}

/** Rows where ANY of `columns` is an org unit inside `scopePath` (e.g. a person's employer or working unit). */
export function scopeByAnyUnit(...columns: string[]) {
  const inScope = `(${columns.map(() => UNIT_IN_SCOPE).join(' or ')})`;
  const isUnit = `(${columns.map(() => '?? = ?').join(' or ')})`;
  // (on objection's builder or knex's own: a subquery of ids, a report's join)
  return <Q extends SqlBuilder>(qb: Q, scopePath: string, hint?: ScopeHint): Q => {
    if (hint?.scopeIsWholeGroup) return qb;
    if (hint?.scopeUnitId !== undefined)
      asKnex(qb).whereRaw(
        isUnit,
        columns.flatMap((column) => [column, hint.scopeUnitId!]),
      );
    else
      asKnex(qb).whereRaw(
        inScope,
        columns.flatMap((column) => [column, scopePath]),
      );
    return qb;
  };
}

/** The org_units table itself (its path and key columns). */
export function scopeByPath(column = 'org_units.path', idColumn = 'org_units.id') {
  return (qb: AnyQueryBuilder, scopePath: string, hint?: ScopeHint) => {
    if (hint?.scopeIsWholeGroup) return qb;
    if (hint?.scopeUnitId !== undefined) return qb.whereRaw('?? = ?', [idColumn, hint.scopeUnitId]);
    return qb.whereRaw(`${column} <@ ?::ltree`, [scopePath]);
  };
}

/** Rows addressed to the caller alone (their notifications), whatever their org scope. */
export function scopeByOwner(column: string) {
  return (qb: AnyQueryBuilder, _scopePath: string, hint?: ScopeHint) => qb.where(column, hint?.id ?? -1);
}

/** Applies a scope: its ltree path, and what the caller knows of it (see `ScopeHint`). */
export type Scoper = (qb: AnyQueryBuilder, scopePath: string, hint?: ScopeHint) => AnyQueryBuilder;
