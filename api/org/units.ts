// How other domains read the group's units. The SQL text of org's table lives here alone; each
// function takes an optional connection (a transaction) and answers in one statement.
import type { Knex } from 'knex';
import { db } from '../db/knex';
import { Department, OrgUnit } from './model';

const UNITS = OrgUnit.tableName;

export type UnitColumn = 'id' | 'code' | 'name' | 'kind' | 'level' | 'parent_id' | 'path' | 'active';
export type UnitRow<C extends UnitColumn> = Pick<OrgUnit, C>;
type Conn = Knex | Knex.Transaction;

/** The units (with `columns`), a query to narrow further by unit columns: `.where('active', true).orderBy('path')`. */
export function orgUnits<C extends UnitColumn>(columns: readonly C[], conn: Conn = db()): Knex.QueryBuilder<OrgUnit, UnitRow<C>[]> {
  return conn<OrgUnit>(UNITS).select(columns);
}

/** The units of `ids` that exist, in no particular order. */
export async function unitsByIds<C extends UnitColumn>(ids: readonly number[], columns: readonly C[], conn: Conn = db()): Promise<UnitRow<C>[]> {
  return (await orgUnits(columns, conn).whereIn('id', [...new Set(ids)])) as UnitRow<C>[];
}

export function unitById<C extends UnitColumn>(id: number, columns: readonly C[], conn: Conn = db()): Promise<UnitRow<C> | undefined> {
  return orgUnits(columns, conn).where('id', id).first();
}

/** The unit `id` if it lies inside `scopePath` (the unit there or below it). */
export function unitInScope<C extends UnitColumn>(id: number, scopePath: string, columns: readonly C[], conn: Conn = db()): Promise<UnitRow<C> | undefined> {
  return under(orgUnits(columns, conn).where('id', id), scopePath).first();
}

/** The group's root unit (the HQ hospital, level 1). */
export async function rootUnitId(conn: Conn = db()): Promise<number> {
  return (await orgUnits(['id'], conn).where('level', 1).first())!.id;
}

/** The unit whose path is `path` (a scope's own unit). */
export function unitAtPath<C extends UnitColumn>(path: string, columns: readonly C[], conn: Conn = db()): Promise<UnitRow<C> | undefined> {
  return orgUnits(columns, conn).whereRaw('path = ?::ltree', [path]).first();
}

/** How many units a scope holds (and the one, when it is one) against the whole group's count. */
export async function scopeSize(scopePath: string, conn: Conn = db()): Promise<{ id: number; units: number; all_units: number }> {
  const [size] = await conn(UNITS).select<{ id: number; units: number; all_units: number }[]>(
    conn.raw('min(id) filter (where path <@ ?::ltree) as id, (count(*) filter (where path <@ ?::ltree))::int as units, count(*)::int as all_units', [
      scopePath,
      scopePath,
    ]),
  );
  return size;
}

/** Narrows a units query to those at `path` or below it. */
export function under<Q extends Knex.QueryBuilder>(q: Q, path: string): Q {
  return q.whereRaw('path <@ ?::ltree', [path]) as Q;
}

/** Narrows a units query to the subtree of unit `rootId` (the unit and all below it). */
export function inSubtree<Q extends Knex.QueryBuilder>(q: Q, rootId: number): Q {
  return q.whereRaw(`path <@ (select path from ${UNITS} where id = ?)`, [rootId]) as Q;
}

/** The ids of unit `rootId` and every unit below it. */
export async function subtreeUnitIds(rootId: number, conn: Conn = db()): Promise<number[]> {
  return inSubtree(conn(UNITS), rootId).pluck('id');
}

/** SQL of a subquery of the ids in the subtree of the unit whose id is the SQL `rootIdSql` (a placeholder). */
export const subtreeIdsSql = (rootIdSql: string) => `(select id from ${UNITS} where path <@ (select path from ${UNITS} where id = ${rootIdSql}))`;

/** SQL of a subquery of the ids under the ltree path given by the SQL `pathSql` (a placeholder). */
export const unitIdsUnderSql = (pathSql: string) => `(select id from ${UNITS} where path <@ ${pathSql}::ltree)`;

/** SQL of a subquery of the ids of the units at the level given by the SQL `levelSql` (a placeholder). */
export const unitIdsAtLevelSql = (levelSql: string) => `(select id from ${UNITS} where level = ${levelSql})`;

/** SQL of a condition: the unit `alias` lies in the subtree of the unit whose id is the SQL `rootIdSql`. */
export const isInSubtreeSql = (alias: string, rootIdSql: string) => `${alias}.path <@ (select path from ${UNITS} where id = ${rootIdSql})`;

/** SQL of a condition: the unit `alias` lies under the ltree path given by the SQL `pathSql`. */
export const isUnderSql = (alias: string, pathSql: string) => `${alias}.path <@ ${pathSql}::ltree`;

/** A select column: `field` of the unit `fkColumn` points at, named `as` (one indexed lookup per row). */
export const unitField = (field: 'code' | 'name' | 'level' | 'kind' | 'path', fkColumn: string, as: string, conn: Conn = db()) =>
  conn.raw(`(select u.${field} from ${UNITS} u where u.id = ??) as ??`, [fkColumn, as]);

/** SQL of the pairs of a unit `rootAlias` and each unit `memberAlias` of its subtree (itself included), for a raw statement's `from`. */
export const unitsWithSubtreeSql = (rootAlias: string, memberAlias: string) =>
  `${UNITS} ${rootAlias} join ${UNITS} ${memberAlias} on ${memberAlias}.path <@ ${rootAlias}.path`;

/** SQL of a condition: the unit `alias` is the unit whose id is the SQL `unitIdSql`, or above it. */
export const isAncestorOrSelfSql = (alias: string, unitIdSql: string) => `${alias}.path @> (select path from ${UNITS} where id = ${unitIdSql})`;

/** SQL of a join of the units as `alias` on `alias.id = fkColumn` (raw SQL statements). */
export const joinUnitSql = (alias: string, fkColumn: string, kind: 'join' | 'left join' = 'join') => `${kind} ${UNITS} ${alias} on ${alias}.id = ${fkColumn}`;

/** SQL naming the units table under `alias`, for a raw statement's `from` (a recursive walk, a roll-up). */
export const unitsSql = (alias: string) => `${UNITS} ${alias}`;

/** A knex or objection query another table can be joined to. */
export interface Joinable {
  join(table: string, first: string, second: string): unknown;
  leftJoin(table: string, first: string, second: string): unknown;
}

/** Joins the units as `alias` to a query on `alias.id = fkColumn`. */
export function joinUnit<Q extends Joinable>(q: Q, alias: string, fkColumn: string, kind: 'join' | 'leftJoin' = 'join'): Q {
  q[kind](`${UNITS} as ${alias}`, `${alias}.id`, fkColumn);
  return q;
}

const DEPARTMENTS = Department.tableName;
export type DepartmentColumn = 'id' | 'org_unit_id' | 'name' | 'kind' | 'active';

/** The departments (with `columns`), a query to narrow further by department columns. */
export function orgDepartments<C extends DepartmentColumn>(columns: readonly C[], conn: Conn = db()) {
  return conn(DEPARTMENTS).select(columns) as Knex.QueryBuilder<Department, Pick<Department, C>[]>;
}

export async function departmentById<C extends DepartmentColumn>(
  id: number,
  columns: readonly C[],
  conn: Conn = db(),
): Promise<Pick<Department, C> | undefined> {
  return await orgDepartments(columns, conn).where('id', id).first();
}

/** SQL naming the departments table under `alias`, for a raw statement's `from` or `join`. */
export const departmentsSql = (alias: string) => `${DEPARTMENTS} ${alias}`;

/** A select column: the name of the department `fkColumn` points at, named `as`. */
export const departmentName = (fkColumn: string, as: string, conn: Conn = db()) =>
  conn.raw(`(select d.name from ${DEPARTMENTS} d where d.id = ??) as ??`, [fkColumn, as]);
