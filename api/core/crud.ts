// The common shape of a scoped, audited resource: list / read / create / update / delete.
// Domains describe a resource once (model, scope, list spec, schemas, hooks) and reuse this;
// anything special (moving a unit, a state change) stays in the domain's own service.
import type { Knex } from 'knex';
import type { AnyQueryBuilder, Model, ModelClass } from 'objection';
import type { ZodType } from 'zod';
import type { Actor } from './actor';
import { can, type Action } from './access';
import { inTransaction } from './transaction';
import type { Scoper } from './scope';
import { forbidden, notFound } from './errors';
import { applyFilters, applyPage, type ListQuery, type ListSpec } from './listQuery';
import { db } from '../db/knex';
import { jsonPage, type JsonPage } from '../db/jsonPage';
import * as clock from './clock';

type Row = Record<string, unknown>;
/** A row's key: a number, or a bigint key's decimal text (pg reads int8 as text). */
type RowId = number | string;

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
   * The columns a list answers, when lighter than the whole row: the page is then answered as JSON
   * written by PostgreSQL (no rows to parse, no model instances to build and serialise) — for the
   * hot lists of wide tables. Selects the domain adds in `applyCustom` are answered too.
   */
  listColumns?: readonly string[];
  /**
   * Columns of a list looked up in other tables (a left join to one row each): joined for the
   * page alone, so that the total counts this table's rows (off an index where one covers the
   * filter) — and for the total too when a search may read them.
   */
  listLookup?: (qb: Knex.QueryBuilder) => void;
  /** extra list filters the spec declares as custom */
  applyCustom?: (qb: ReturnType<ModelClass<M>['query']>, custom: Record<string, unknown>, actor: Actor) => void;
}

export function assertCan(actor: Actor, resource: string, action: Action) {
  if (!can(actor.roles, resource, action)) throw forbidden(`role ${actor.roles.join(', ')} may not ${action} ${resource}`);
}

export async function assertUnitInScope(actor: Actor, unitId: number | undefined, field = 'org_unit_id', trx?: Knex.Transaction) {
  if (unitId === undefined) return;
  // org's table: see org/index.ts
  const unit = await (trx ?? db())('org_units')
    .select('id')
    .where('id', unitId)
    .whereRaw('path <@ ?::ltree', [actor.scopePath])
    .first<{ id: number } | undefined>();
  if (!unit) throw forbidden(`${field} ${unitId} is outside your organisation scope`);
}

function scoped<M extends Model>(def: ResourceDef<M>, actor: Actor, trx?: Knex.Transaction) {
  const qb = def.model.query(trx);
  def.scope(qb, actor.scopePath, actor);
  return qb;
}

// a plain list's columns, quoted once per resource rather than on every request
const selectLists = new WeakMap<object, string>();
function selectList<M extends Model>(def: ResourceDef<M>, columns: readonly string[]) {
  let sql = selectLists.get(def);
  if (sql === undefined) {
    sql = db()
      .raw(
        columns.map(() => '??').join(', '),
        columns.map((c) => `${def.model.tableName}.${c}`),
      )
      .toQuery();
    selectLists.set(def, sql);
  }
  return db().raw(sql);
}

/** The knex form of a builder, objection's or knex's own. */
const knexOf = (qb: AnyQueryBuilder | Knex.QueryBuilder): Knex.QueryBuilder => ('toKnexQuery' in qb ? qb.toKnexQuery() : qb);

/** An objection query run as a prepared statement (see api/db/knex.ts): for texts of bounded shape. */
const prepared = <Q extends AnyQueryBuilder>(qb: Q, prepare = true): Q => qb.onBuildKnex((k) => k.options({ prepare }));

/** A list's statement has one text per filter/sort combination, except with an IN list, whose length varies. */
const boundedShape = (lq: ListQuery) => lq.conditions.every((c) => c.op !== 'in');

/** A list's rows in the caller's scope, filtered: the domain's own conditions and selects included. */
function filtered<Q extends AnyQueryBuilder | Knex.QueryBuilder, M extends Model>(qb: Q, def: ResourceDef<M>, actor: Actor, lq: ListQuery): Q {
  assertCan(actor, def.name, 'list');
  // (the scope and the domain's conditions, written against objection's builder, call only what knex's has too)
  def.scope(qb as AnyQueryBuilder, actor.scopePath, actor);
  applyFilters(qb, def.list, lq, def.model.tableName);
  def.applyCustom?.(qb as AnyQueryBuilder as ReturnType<ModelClass<M>['query']>, lq.custom, actor);
  return qb;
}

// The total of a list is a scalar subquery, counted once (from an index where one covers the
// filter) beside the page, so that only the page's rows are read: a window count would read and
// sort every matching row.
// (counted before objection builds, lest it select the table's columns beside the count)
const countOf = (qb: AnyQueryBuilder | Knex.QueryBuilder) => knexOf((qb.clone().clearSelect().clearOrder() as AnyQueryBuilder).count('*'));

/** A page of a list as model rows (their $formatJson hides what a list must not show), and the total. */
export async function listRows<M extends Model>(def: ResourceDef<M>, actor: Actor, lq: ListQuery) {
  const base = filtered(def.model.query(), def, actor, lq);
  const page = prepared(base.clone().select(`${def.model.tableName}.*`, db().raw('(?) as total_rows', [countOf(base)])), boundedShape(lq));
  const rows = (await applyPage(page, def.list, lq, def.model.tableName)) as unknown as (M & { total_rows?: number })[];
  // a page past the end has no row to carry the total: only then is it counted on its own
  const total = rows.length
    ? Number(rows[0].total_rows)
    : Number(((await base.clearSelect().clearOrder().count('* as count')) as unknown as { count: number }[])[0].count);
  for (const row of rows) delete row.total_rows;
  return { rows: rows as M[], total };
}

/** A page of a plain list (`listColumns`) as JSON text, counted, with the total: one prepared statement where the shape is bounded. */
export async function listJson<M extends Model>(def: ResourceDef<M>, actor: Actor, lq: ListQuery): Promise<JsonPage> {
  if (!def.listColumns) throw new Error(`${def.name} lists model rows, not plain columns`);
  // (the total clears the columns: they are chosen first, so they come first on every page)
  const base = filtered(db()(def.model.tableName).select(selectList(def, def.listColumns)), def, actor, lq);
  const searched = lq.q !== undefined;
  if (searched) def.listLookup?.(base);
  const page = base.clone();
  if (!searched) def.listLookup?.(page);
  return jsonPage(applyPage(page, def.list, lq, def.model.tableName), countOf(base), { prepare: boundedShape(lq) });
}

export async function getRow<M extends Model>(def: ResourceDef<M>, actor: Actor, id: RowId, trx?: Knex.Transaction): Promise<M> {
  const row = await prepared(scoped(def, actor, trx)).findById(id);
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
    const created = await def.model.query(trx).insertAndFetch(data);
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
    const updated = await def.model.query(trx).patchAndFetchById(id, { ...data, updated_at: clock.nowIso() });
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

export async function lockRow(trx: Knex.Transaction, table: string, id: RowId) {
  await trx(table).select('id').where('id', id).forUpdate();
}
