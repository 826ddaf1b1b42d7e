// Catalogue, suppliers and member requisitions (申领): created with lines, approved by the
// unit's director with an approved quantity per line, then consolidated by the centre.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { scopeByUnit } from '../core/scope';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, forbidden, unprocessable } from '../core/errors';
import { joinUnit } from '../org';
import { CatalogItem, Requisition, RequisitionLine, StockItem, Supplier } from './model';
import { CATEGORIES, CATEGORY_ACCOUNT, REQUISITION_STATES, requisitionProgress, type Category } from './rules';
import * as clock from '../core/clock';

export const supplierResource: ResourceDef<Supplier> = {
  name: 'suppliers',
  model: Supplier,
  scope: (qb) => qb,
  list: { fields: { code: 'text', name: 'text', active: 'bool' }, search: ['suppliers.name', 'suppliers.code'], defaultSort: ['code', 'ASC'] },
};

export const catalogResource: ResourceDef<CatalogItem> = {
  name: 'catalog-items',
  model: CatalogItem,
  scope: (qb) => qb,
  list: {
    fields: { code: 'text', name: 'text', category: CATEGORIES, supplier_id: 'int', account: 'text', active: 'bool' },
    search: ['catalog_items.name', 'catalog_items.code', 'catalog_items.spec'],
    defaultSort: ['code', 'ASC'],
  },
  // the account defaults to the category's; prices stay decimal strings
  prepareCreate: async (data) => ({ ...data, account: data.account ?? CATEGORY_ACCOUNT[data.category as Category] }),
};

export const stockResource: ResourceDef<StockItem> = {
  name: 'stock',
  model: StockItem,
  scope: scopeByUnit('stock.org_unit_id'),
  list: { fields: { org_unit_id: 'int', item_id: 'int', quantity: 'int' }, defaultSort: ['item_id', 'ASC'] },
};

export const requisitionResource: ResourceDef<Requisition> = {
  name: 'requisitions',
  model: Requisition,
  scope: scopeByUnit('requisitions.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', status: REQUISITION_STATES, requested_by: 'int', created_at: 'timestamp', needed_by: 'date' },
    search: ['requisitions.note'],
    defaultSort: ['created_at', 'DESC'],
  },
};

/** Attaches lines (with item names) and the ordered / received percentages. */
export async function withProgress(rows: Requisition[], trx?: Knex.Transaction) {
  if (!rows.length) return [];
  const lines = await RequisitionLine.query(trx)
    .select('requisition_lines.*', 'ci.name as item_name', 'ci.code as item_code', 'ci.uom', 'ci.category')
    .join('catalog_items as ci', 'ci.id', 'requisition_lines.item_id')
    .whereIn(
      'requisition_id',
      rows.map((r) => r.id),
    )
    .orderBy('requisition_lines.id');
  return rows.map((r) => {
    const own = lines.filter((l) => l.requisition_id === r.id);
    return { ...r.toJSON(), lines: own, ...requisitionProgress(r.status, own) };
  });
}

export async function readRequisition(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'requisitions', 'show');
  return (await withProgress([await getRow(requisitionResource, actor, id, trx)], trx))[0];
}

export function createRequisition(
  actor: Actor,
  input: { org_unit_id: number; needed_by?: string; note?: string; lines: { item_id: number; requested_qty: number }[] },
) {
  assertCan(actor, 'requisitions', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const items = await CatalogItem.query(trx)
      .whereIn(
        'id',
        input.lines.map((l) => l.item_id),
      )
      .where('active', true);
    const problems = input.lines.flatMap((l, i) => [
      ...(items.some((it) => it.id === l.item_id) ? [] : [{ field: `lines.${i}.item_id`, message: 'no such active catalogue item' }]),
      ...(input.lines.findIndex((o) => o.item_id === l.item_id) !== i ? [{ field: `lines.${i}.item_id`, message: 'item given twice' }] : []),
    ]);
    if (problems.length) throw unprocessable(`invalid lines: ${problems.map((p) => p.field).join(', ')}`, problems);
    const requisition = await Requisition.query(trx).insertAndFetch({
      org_unit_id: input.org_unit_id,
      needed_by: input.needed_by ?? null,
      note: input.note ?? null,
      status: 'submitted',
      requested_by: actor.id || null,
    });
    await trx('requisition_lines').insert(
      input.lines.map((l) => ({ requisition_id: requisition.id, org_unit_id: input.org_unit_id, item_id: l.item_id, requested_qty: l.requested_qty })),
    );
    const full = await readRequisition(actor, requisition.id, trx);
    await audit({ action: 'create', resource: 'requisitions', recordId: requisition.id, after: full });
    return full;
  });
}

async function lockedRequisition(trx: Knex.Transaction, actor: Actor, id: number) {
  await getRow(requisitionResource, actor, id, trx);
  await lockRow(trx, 'requisitions', id);
  return (await Requisition.query(trx).findById(id))!;
}

function assertSubmitted(r: Requisition, verb: string) {
  if (r.status !== 'submitted')
    throw conflict(`requisition ${r.id} is ${r.status}; only a submitted requisition can be ${verb}`, { status: r.status, allowed: [] });
}

/** The unit's director approves a quantity per line (all requested when not given); not their own requisition. */
export function approveRequisition(actor: Actor, id: number, input: { lines?: { id: number; approved_qty: number }[]; comment?: string }) {
  assertCan(actor, 'requisitions', 'approve');
  return inTransaction(actor, async (trx, audit) => {
    const r = await lockedRequisition(trx, actor, id);
    assertSubmitted(r, 'approved');
    if (r.requested_by === actor.id) throw forbidden(`you raised requisition ${id}: nobody approves their own request`);
    const lines = await RequisitionLine.query(trx).where('requisition_id', id);
    const given = input.lines ?? lines.map((l) => ({ id: l.id, approved_qty: l.requested_qty }));
    const problems = given.flatMap((g, i) => {
      const line = lines.find((l) => l.id === g.id);
      if (!line) return [{ field: `lines.${i}.id`, message: 'not a line of this requisition' }];
      return g.approved_qty > line.requested_qty ? [{ field: `lines.${i}.approved_qty`, message: `at most the requested ${line.requested_qty}` }] : [];
    });
    if (problems.length) throw badRequest(`invalid lines: ${problems.map((p) => p.field).join(', ')}`, problems);
    for (const line of lines) {
      const g = given.find((x) => x.id === line.id);
      await trx('requisition_lines')
        .where('id', line.id)
        .update({ approved_qty: g ? g.approved_qty : 0 });
    }
    await Requisition.query(trx)
      .patch({ status: 'approved', decided_by: actor.id, decided_at: clock.nowIso(), decision_comment: input.comment ?? null, updated_at: clock.nowIso() })
      .where('id', id);
    const after = await readRequisition(actor, id, trx);
    await audit({ action: 'approve', resource: 'requisitions', recordId: id, before: r, after });
    return after;
  });
}

export function decideOtherwise(actor: Actor, id: number, to: 'rejected' | 'cancelled', comment: string) {
  assertCan(actor, 'requisitions', to === 'rejected' ? 'reject' : 'cancel');
  return inTransaction(actor, async (trx, audit) => {
    const r = await lockedRequisition(trx, actor, id);
    assertSubmitted(r, to);
    if (to === 'rejected' && r.requested_by === actor.id) throw forbidden(`you raised requisition ${id}: decide on others' requests`);
    if (to === 'cancelled' && r.requested_by !== actor.id && !actor.roles.includes('director')) throw forbidden('only the requester or a director may cancel');
    await Requisition.query(trx)
      .patch({ status: to, decided_by: actor.id, decided_at: clock.nowIso(), decision_comment: comment, updated_at: clock.nowIso() })
      .where('id', id);
    const after = await readRequisition(actor, id, trx);
    await audit({ action: to === 'rejected' ? 'reject' : 'cancel', resource: 'requisitions', recordId: id, before: r, after });
    return after;
  });
}

/** An approved requisition line not yet on an order, with its member, item and contracted supplier. */
type ConsolidationCandidate = Pick<RequisitionLine, 'id' | 'requisition_id' | 'org_unit_id' | 'item_id' | 'approved_qty'> &
  Pick<CatalogItem, 'category' | 'uom' | 'contract_price' | 'baseline_price' | 'supplier_id'> & {
    unit_code: string;
    unit_name: string;
    item_code: string;
    item_name: string;
    supplier_name: string;
  };

/** Approved requisition lines not yet on an order, with their member, item and contracted supplier. */
export async function consolidationCandidates(actor: Actor, q: { supplier_id?: number; category?: string; limit: number }) {
  assertCan(actor, 'purchase-orders', 'create');
  const lines = db()('requisition_lines as rl')
    .join('requisitions as r', 'r.id', 'rl.requisition_id')
    .join('catalog_items as ci', 'ci.id', 'rl.item_id')
    .join('suppliers as s', 's.id', 'ci.supplier_id');
  const rows = await joinUnit(lines, 'u', 'rl.org_unit_id')
    .where('r.status', 'approved')
    .whereNull('rl.purchase_order_line_id')
    .where('rl.approved_qty', '>', 0)
    .modify((qb) => {
      if (q.supplier_id) qb.where('ci.supplier_id', q.supplier_id);
      if (q.category) qb.where('ci.category', q.category);
    })
    .select<ConsolidationCandidate[]>(
      'rl.id',
      'rl.requisition_id',
      'rl.org_unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'rl.item_id',
      'ci.code as item_code',
      'ci.name as item_name',
      'ci.category',
      'ci.uom',
      'rl.approved_qty',
      'ci.contract_price',
      'ci.baseline_price',
      'ci.supplier_id',
      's.name as supplier_name',
    )
    .orderBy([{ column: 's.name' }, { column: 'ci.code' }, { column: 'rl.id' }])
    .limit(q.limit);
  return rows;
}
