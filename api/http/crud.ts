// The common shape of a scoped, audited resource: list / read / create / update / delete.
// Domains describe a resource once (model, scope, list spec, schemas, hooks) and reuse this;
// anything special (moving a unit, a state change) stays in the domain's own service.
import type { Knex } from 'knex';
import type { AnyQueryBuilder, Model, ModelClass } from 'objection';
import type { ZodType } from 'zod';
import type { Actor } from '../auth/actor';
import { can, type Action } from '../auth/rules';
import { inTransaction } from '../audit/service';
import type { Scoper } from '../db/scope';
import { forbidden, notFound } from './errors';
import { applyFilters, applyPage, type ListQuery, type ListSpec } from './listQuery';
import { db } from '../db/knex';
import { isoTimestampTypes } from '../db/isoTimestamps';

type Row = Record<string, unknown>;

export interface ResourceDef<M extends Model> {
  name: string;
  model: ModelClass<M>;
  list: ListSpec;
  scope: Scoper;
  createSchema?: ZodType;
  updateSchema?: ZodType;
  /** the org unit a new or changed row belongs to, checked against the caller's scope */
  unitOf?: (data: Row) => number | undefined;
  /** domain checks and derived fields before insert / update; may throw 4xx */
  prepareCreate?: (data: Row, trx: Knex.Transaction, actor: Actor) => Promise<Row>;
  prepareUpdate?: (data: Row, current: M, trx: Knex.Transaction, actor: Actor) => Promise<Row>;
  beforeDelete?: (current: M, trx: Knex.Transaction) => Promise<void>;
  /**
   * The columns a list answers, when lighter than the whole row: the page is then read as plain
   * rows (no model instances to build and serialise) — for hot lists of wide tables.
   */
  listColumns?: readonly string[];
  /** extra list filters the spec declares as custom */
  applyCustom?: (qb: ReturnType<ModelClass<M>['query']>, custom: Record<string, unknown>, actor: Actor) => void;
}

export function assertCan(actor: Actor, resource: string, action: Action) {
  if (!can(actor.roles, resource, action)) throw forbidden(`role ${actor.roles.join(', ')} may not ${action} ${resource}`);
}

export async function assertUnitInScope(actor: Actor, unitId: number | undefined, field = 'org_unit_id', trx?: Knex.Transaction) {
  if (unitId === undefined) return;
  const unit = await (trx ?? db())('org_units').select('id').where('id', unitId).whereRaw('path <@ ?::ltree', [actor.scopePath]).first();
  if (!unit) throw forbidden(`${field} ${unitId} is outside your organisation scope`);
}

function scoped<M extends Model>(def: ResourceDef<M>, actor: Actor, trx?: Knex.Transaction) {
  const qb = def.model.query(trx);
  def.scope(qb, actor.scopePath, actor);
  return qb;
}

// a list's columns, quoted once per resource rather than on every request
const selectLists = new WeakMap<object, string>();
function selectList<M extends Model>(def: ResourceDef<M>) {
  const table = def.model.tableName;
  let sql = selectLists.get(def);
  if (sql === undefined) {
    sql = def.listColumns ? db().raw(def.listColumns.map(() => '??').join(', '), def.listColumns.map((c) => `${table}.${c}`)).toQuery() : `"${table}".*`;
    selectLists.set(def, sql);
  }
  return db().raw(sql);
}

/** The knex form of a builder, objection's or knex's own. */
const knexOf = (qb: AnyQueryBuilder | Knex.QueryBuilder) => ('toKnexQuery' in qb ? qb.toKnexQuery() : qb);

/**
 * Options for the statement a builder runs (knex's own, or objection's when it builds): `prepare`
 * (see api/db/knex.ts) for the shapes a resource's spec bounds, pg `types` for plain rows.
 */
function withOptions<Q extends AnyQueryBuilder | Knex.QueryBuilder>(qb: Q, options: Record<string, unknown>): Q {
  if ('onBuildKnex' in qb) qb.onBuildKnex((k) => k.options(options));
  else qb.options(options);
  return qb;
}

/** A list's statement has one text per filter/sort combination, except with an IN list, whose length varies. */
const boundedShape = (lq: ListQuery) => lq.conditions.every((c) => c.op !== 'in');

export async function listRows<M extends Model>(def: ResourceDef<M>, actor: Actor, lq: ListQuery) {
  assertCan(actor, def.name, 'list');
  const table = def.model.tableName;
  // plain-row lists are built on knex alone (no model instances to make or serialise); the
  // others as models, whose $formatJson hides what a list must not show
  const base = (def.listColumns ? db()(table) : def.model.query()) as AnyQueryBuilder;
  def.scope(base, actor.scopePath, actor);
  applyFilters(base as never, def.list, lq, table);
  def.applyCustom?.(base as never, lq.custom, actor);
  // the page and the total in one statement. The total is a scalar subquery, counted once (from
  // an index where one covers the filter), so that only the page's rows are read: a window count
  // would read and sort every matching row. A page past the end has no rows to carry the total,
  // so only then is it counted on its own.
  const count = knexOf(base.clone().clearSelect().clearOrder().count('*'));
  const page = base.clone().select(selectList(def), db().raw('(?) as total_rows', [count]));
  // prepared where the shape is bounded; plain rows go straight to JSON, so their timestamps are
  // read as the ISO text they are served as
  withOptions(page, { prepare: boundedShape(lq), ...(def.listColumns && { types: isoTimestampTypes }) });
  const rows = (await applyPage(page as never, def.list, lq, table)) as unknown as (M & { total_rows?: number })[];
  const total = rows.length ? Number(rows[0].total_rows) : Number(((await base.clearSelect().clearOrder().count('* as count')) as unknown as { count: number }[])[0].count);
  for (const row of rows) delete row.total_rows;
  return { rows: rows as M[], total };
}

export async function getRow<M extends Model>(def: ResourceDef<M>, actor: Actor, id: number, trx?: Knex.Transaction): Promise<M> {
  const row = await withOptions(scoped(def, actor, trx), { prepare: true }).findById(id);
  if (!row) throw notFound(def.name, id);
  return row as M;
}

export async function readRow<M extends Model>(def: ResourceDef<M>, actor: Actor, id: number) {
  assertCan(actor, def.name, 'show');
  return getRow(def, actor, id);
}

export function createRow<M extends Model>(def: ResourceDef<M>, actor: Actor, input: Row) {
  assertCan(actor, def.name, 'create');
  return inTransaction(actor, async (trx, audit) => {
    const data = def.prepareCreate ? await def.prepareCreate(input, trx, actor) : input;
    await assertUnitInScope(actor, def.unitOf?.(data), undefined, trx);
    const created = await def.model.query(trx).insertAndFetch(data as never);
    await audit({ action: 'create', resource: def.name, recordId: created.$id() as number, after: created });
    return created;
  });
}

export function updateRow<M extends Model>(def: ResourceDef<M>, actor: Actor, id: number, input: Row) {
  assertCan(actor, def.name, 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(def, actor, id, trx);
    await lockRow(trx, def.model.tableName, id);
    const data = def.prepareUpdate ? await def.prepareUpdate(input, current, trx, actor) : input;
    await assertUnitInScope(actor, def.unitOf?.(data), undefined, trx);
    const updated = await def.model.query(trx).patchAndFetchById(id, { ...data, updated_at: new Date().toISOString() } as never);
    await audit({ action: 'update', resource: def.name, recordId: id, before: current, after: updated });
    return updated;
  });
}

export function deleteRow<M extends Model>(def: ResourceDef<M>, actor: Actor, id: number) {
  assertCan(actor, def.name, 'delete');
  return inTransaction(actor, async (trx, audit) => {
    const current = await getRow(def, actor, id, trx);
    await def.beforeDelete?.(current, trx);
    await def.model.query(trx).deleteById(id);
    await audit({ action: 'delete', resource: def.name, recordId: id, before: current });
    return current;
  });
}

export async function lockRow(trx: Knex.Transaction, table: string, id: number) {
  await trx(table).select('id').where('id', id).forUpdate();
}
