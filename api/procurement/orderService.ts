// Consolidated purchase orders (集中采购): approved requisition lines → one order per supplier
// → sent → received in parts → delivered to each member → confirmed with proof, which raises
// the member's stock and posts the accepted value to the member's ledger.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { db } from '../db/knex';
import { scopeByUnit } from '../core/scope';
import { assertCan, getRow, lockRow, type ResourceDef } from '../core/crud';
import { badRequest, conflict, unprocessable } from '../core/errors';
import { postEntry } from '../finance';
import { fromFen, toFen } from '../shared/money';
import { joinUnit, rootUnitId } from '../org';
import type { ModelObject } from 'objection';
import { CatalogItem, Delivery, DeliveryLine, PurchaseOrder, PurchaseOrderLine, Receipt, RequisitionLine } from './model';
import {
  ORDER_STATES,
  canMoveOrder,
  confirmationProblems,
  orderTransitions,
  planDeliveries,
  planOrders,
  receiptProblems,
  savingsByCategory,
  type ApprovedLine,
  type OpenRequisitionLine,
  type SavingsRow,
  type Confirmation,
  type OrderState,
} from './rules';
import { DELIVERY_STATUS } from './enums';
import * as clock from '../core/clock';

export const orderResource: ResourceDef<PurchaseOrder> = {
  name: 'purchase-orders',
  model: PurchaseOrder,
  scope: scopeByUnit('purchase_orders.org_unit_id'),
  list: {
    fields: { number: 'text', supplier_id: 'int', status: ORDER_STATES, order_date: 'date', created_at: 'timestamp' },
    search: ['purchase_orders.number'],
    defaultSort: ['created_at', 'DESC'],
  },
};

export const deliveryResource: ResourceDef<Delivery> = {
  name: 'deliveries',
  model: Delivery,
  scope: scopeByUnit('deliveries.org_unit_id'),
  list: { fields: { org_unit_id: 'int', purchase_order_id: 'int', status: DELIVERY_STATUS.values, shipped_on: 'date' }, defaultSort: ['shipped_on', 'DESC'] },
};

/** Order lines with item names and their back-references (which member asked for how much). */
export async function withOrderLines(orders: PurchaseOrder[], trx?: Knex.Transaction) {
  if (!orders.length) return [];
  const lines = await (trx ?? db())('purchase_order_lines as pol')
    .join('catalog_items as ci', 'ci.id', 'pol.item_id')
    .whereIn(
      'pol.purchase_order_id',
      orders.map((o) => o.id),
    )
    .select<(ModelObject<PurchaseOrderLine> & { item_code: string; item_name: string; uom: string; category: string })[]>(
      'pol.*',
      'ci.code as item_code',
      'ci.name as item_name',
      'ci.uom',
      'ci.category',
    )
    .orderBy('pol.id');
  const refs = await joinUnit((trx ?? db())('requisition_lines as rl'), 'u', 'rl.org_unit_id')
    .whereIn(
      'rl.purchase_order_line_id',
      lines.map((l) => l.id),
    )
    .select<
      (Pick<RequisitionLine, 'requisition_id' | 'purchase_order_line_id' | 'org_unit_id' | 'approved_qty' | 'shipped_qty' | 'accepted_qty' | 'rejected_qty'> & {
        requisition_line_id: number;
        unit_code: string;
        unit_name: string;
      })[]
    >(
      'rl.id as requisition_line_id',
      'rl.requisition_id',
      'rl.purchase_order_line_id',
      'rl.org_unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'rl.approved_qty',
      'rl.shipped_qty',
      'rl.accepted_qty',
      'rl.rejected_qty',
    )
    .orderBy('rl.id');
  return orders.map((o) => ({
    ...o.toJSON(),
    lines: lines.filter((l) => l.purchase_order_id === o.id).map((l) => ({ ...l, requisition_lines: refs.filter((r) => r.purchase_order_line_id === l.id) })),
  }));
}

export async function readOrder(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'purchase-orders', 'show');
  return (await withOrderLines([await getRow(orderResource, actor, id, trx)], trx))[0];
}

/** One order per contracted supplier from the given approved, unordered requisition lines. */
export function consolidate(actor: Actor, lineIds: number[]) {
  assertCan(actor, 'purchase-orders', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const ids = [...new Set(lineIds)];
    const { rows } = await trx.raw<{
      rows: (Omit<ApprovedLine, 'approved_qty'> & { approved_qty: number | null; purchase_order_line_id: number | null; status: string; active: boolean })[];
    }>(
      `select rl.id, rl.org_unit_id, rl.item_id, rl.approved_qty, rl.purchase_order_line_id, r.status,
              ci.supplier_id, ci.contract_price, ci.baseline_price, ci.active
         from requisition_lines rl
         join requisitions r on r.id = rl.requisition_id
         join catalog_items ci on ci.id = rl.item_id
        where rl.id = any(?::int[])
        order by rl.id
        for update of rl`,
      [ids],
    );
    const problems: { field: string; message: string }[] = [];
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((i) => !found.has(i));
    if (missing.length) problems.push({ field: 'requisition_line_ids', message: `no such lines: ${missing.slice(0, 20).join(', ')}` });
    const notApproved = rows.filter((r) => r.status !== 'approved' || !r.approved_qty);
    if (notApproved.length)
      problems.push({
        field: 'requisition_line_ids',
        message: `not approved (or approved as 0): ${notApproved
          .slice(0, 20)
          .map((r) => r.id)
          .join(', ')}`,
      });
    if (problems.length) throw unprocessable('some requisition lines cannot be ordered', problems);
    const ordered = rows.filter((r) => r.purchase_order_line_id !== null);
    if (ordered.length)
      throw conflict(
        `already on an order: lines ${ordered
          .slice(0, 20)
          .map((r) => r.id)
          .join(', ')}`,
      );

    const plans = planOrders(rows as ApprovedLine[]);
    const hq = actor.orgUnitId || (await rootUnitId(trx));
    const orderDate = clock.today();
    const orders = await trx('purchase_orders')
      .insert(
        plans.map((p, i) => ({
          number: `PO-${orderDate.replace(/-/g, '')}-${Date.now().toString(36)}-${i + 1}`,
          supplier_id: p.supplier_id,
          org_unit_id: hq,
          order_date: orderDate,
          status: 'draft',
          total_amount: fromFen(p.total),
          baseline_amount: fromFen(p.baseline),
          created_by: actor.id || null,
        })),
      )
      .returning<Pick<PurchaseOrder, 'id' | 'supplier_id'>[]>(['id', 'supplier_id']);
    await trx.raw(`update purchase_orders set number = 'PO' || to_char(order_date, 'YYYYMMDD') || '-' || lpad(id::text, 6, '0') where id = any(?::int[])`, [
      orders.map((o) => o.id),
    ]);
    const orderBySupplier = new Map(orders.map((o) => [o.supplier_id, o.id]));
    const lineRows = plans.flatMap((p) =>
      p.lines.map((l) => ({
        purchase_order_id: orderBySupplier.get(p.supplier_id),
        item_id: l.item_id,
        quantity: l.quantity,
        unit_price: l.unit_price,
        baseline_price: l.baseline_price,
      })),
    );
    const inserted: Pick<PurchaseOrderLine, 'id' | 'purchase_order_id' | 'item_id'>[] = [];
    for (let i = 0; i < lineRows.length; i += 2000)
      inserted.push(
        ...(await trx('purchase_order_lines')
          .insert(lineRows.slice(i, i + 2000))
          .returning<Pick<PurchaseOrderLine, 'id' | 'purchase_order_id' | 'item_id'>[]>(['id', 'purchase_order_id', 'item_id'])),
      );
    // the back-references: every requisition line points at the order line it went into
    const lineByKey = new Map(inserted.map((l) => [`${l.purchase_order_id}:${l.item_id}`, l.id]));
    const links = plans.flatMap((p) =>
      p.lines.flatMap((l) => l.requisition_line_ids.map((rid) => [rid, lineByKey.get(`${orderBySupplier.get(p.supplier_id)}:${l.item_id}`)!] as const)),
    );
    await trx.raw(
      `update requisition_lines rl set purchase_order_line_id = x.pol
         from unnest(?::int[], ?::int[]) as x(rid, pol) where rl.id = x.rid`,
      [links.map((l) => l[0]), links.map((l) => l[1])],
    );
    const created = await PurchaseOrder.query(trx)
      .whereIn(
        'id',
        orders.map((o) => o.id),
      )
      .orderBy('id');
    for (const o of created) {
      const plan = plans.find((p) => p.supplier_id === o.supplier_id)!;
      await audit({
        action: 'consolidate',
        resource: 'purchase-orders',
        recordId: o.id,
        after: { ...o.toJSON(), lines: plan.lines.length, requisition_line_ids: plan.lines.flatMap((l) => l.requisition_line_ids) },
      });
    }
    return { orders: created, requisition_lines: ids.length };
  });
}

async function lockedOrder(trx: Knex.Transaction, actor: Actor, id: number) {
  await getRow(orderResource, actor, id, trx);
  await lockRow(trx, 'purchase_orders', id);
  return (await PurchaseOrder.query(trx).findById(id))!;
}

function assertOrderMove(o: PurchaseOrder, to: OrderState) {
  if (!canMoveOrder(o.status, to)) {
    const allowed = orderTransitions(o.status);
    throw conflict(`purchase order ${o.number} is ${o.status}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`, { status: o.status, allowed });
  }
}

export function sendOrder(actor: Actor, id: number) {
  assertCan(actor, 'purchase-orders', 'send');
  return inTransaction(actor, async (trx, audit) => {
    const o = await lockedOrder(trx, actor, id);
    assertOrderMove(o, 'sent');
    const after = await PurchaseOrder.query(trx).patchAndFetchById(id, { status: 'sent', sent_at: clock.nowIso(), updated_at: clock.nowIso() });
    await audit({ action: 'send', resource: 'purchase-orders', recordId: id, before: o, after });
    return readOrder(actor, id, trx);
  });
}

/** Cancels an order with nothing received: its requisition lines become orderable again. */
export function cancelOrder(actor: Actor, id: number, reason: string) {
  assertCan(actor, 'purchase-orders', 'cancel');
  return inTransaction(actor, async (trx, audit) => {
    const o = await lockedOrder(trx, actor, id);
    assertOrderMove(o, 'cancelled');
    await trx.raw(
      'update requisition_lines set purchase_order_line_id = null where purchase_order_line_id in (select id from purchase_order_lines where purchase_order_id = ?)',
      [id],
    );
    const after = await PurchaseOrder.query(trx).patchAndFetchById(id, { status: 'cancelled', closed_at: clock.nowIso(), updated_at: clock.nowIso() });
    await audit({ action: 'cancel', resource: 'purchase-orders', recordId: id, before: o, after: { ...after.toJSON(), reason } });
    return after;
  });
}

/** A (partial) receipt from the supplier at the centre. */
export function receive(
  actor: Actor,
  id: number,
  input: { received_on?: string; note?: string; lines: { purchase_order_line_id: number; quantity: number }[] },
) {
  assertCan(actor, 'purchase-orders', 'receive');
  return inTransaction(actor, async (trx, audit) => {
    const o = await lockedOrder(trx, actor, id);
    const lines = await PurchaseOrderLine.query(trx).where('purchase_order_id', id);
    const problems = receiptProblems(lines, input.lines);
    if (problems.length) throw badRequest(`invalid receipt: ${problems.map((p) => p.field).join(', ')}`, problems);
    for (const r of input.lines) await trx('purchase_order_lines').where('id', r.purchase_order_line_id).increment('received_qty', r.quantity);
    const fresh = await PurchaseOrderLine.query(trx).where('purchase_order_id', id);
    const to: OrderState = fresh.every((l) => l.received_qty === l.quantity) ? 'received' : 'partially_received';
    assertOrderMove(o, to);
    const receipt = await Receipt.query(trx).insertAndFetch({
      purchase_order_id: id,
      received_on: input.received_on ?? clock.today(),
      note: input.note ?? null,
      received_by: actor.id || null,
      lines: input.lines.map((r) => ({ ...r, item_id: lines.find((l) => l.id === r.purchase_order_line_id)!.item_id })),
    });
    await PurchaseOrder.query(trx).patch({ status: to, updated_at: clock.nowIso() }).where('id', id);
    await audit({ action: 'receive', resource: 'purchase-orders', recordId: id, before: o, after: receipt });
    return { receipt, order: await readOrder(actor, id, trx) };
  });
}

/** Ships received goods to the members that asked for them: one delivery per member. */
export function deliver(actor: Actor, id: number, input: { org_unit_ids?: number[]; shipped_on?: string }) {
  assertCan(actor, 'purchase-orders', 'deliver');
  return inTransaction(actor, async (trx, audit) => {
    const o = await lockedOrder(trx, actor, id);
    if (!['partially_received', 'received'].includes(o.status))
      throw conflict(`purchase order ${o.number} is ${o.status}: nothing received to deliver`, { status: o.status });
    const lines = await PurchaseOrderLine.query(trx).where('purchase_order_id', id);
    const reqLines = await trx('requisition_lines')
      .whereIn(
        'purchase_order_line_id',
        lines.map((l) => l.id),
      )
      .modify((qb) => {
        if (input.org_unit_ids?.length) qb.whereIn('org_unit_id', input.org_unit_ids);
      })
      .select<OpenRequisitionLine[]>('id', 'org_unit_id', 'item_id', 'purchase_order_line_id', 'approved_qty', 'shipped_qty');
    const plans = planDeliveries(lines, reqLines);
    if (!plans.length) throw unprocessable(`purchase order ${o.number} has no received goods left to deliver`);
    const shippedOn = input.shipped_on ?? clock.today();
    const deliveries = [];
    for (const p of plans) {
      const d = await Delivery.query(trx).insertAndFetch({
        purchase_order_id: id,
        org_unit_id: p.org_unit_id,
        status: 'shipped',
        shipped_on: shippedOn,
        shipped_by: actor.id || null,
      });
      await trx('delivery_lines').insert(
        p.lines.map((l) => ({ delivery_id: d.id, requisition_line_id: l.requisition_line_id, item_id: l.item_id, shipped_qty: l.shipped_qty })),
      );
      for (const l of p.lines) {
        await trx('requisition_lines').where('id', l.requisition_line_id).increment('shipped_qty', l.shipped_qty);
        await trx('purchase_order_lines').where('id', l.purchase_order_line_id).increment('shipped_qty', l.shipped_qty);
      }
      await audit({ action: 'ship', resource: 'deliveries', recordId: d.id, after: { ...d.toJSON(), lines: p.lines } });
      deliveries.push(d);
    }
    return { deliveries: await withDeliveryLines(deliveries, trx) };
  });
}

export async function withDeliveryLines(deliveries: Delivery[], trx?: Knex.Transaction) {
  if (!deliveries.length) return [];
  const lines = await (trx ?? db())('delivery_lines as dl')
    .join('catalog_items as ci', 'ci.id', 'dl.item_id')
    .join('requisition_lines as rl', 'rl.id', 'dl.requisition_line_id')
    .whereIn(
      'dl.delivery_id',
      deliveries.map((d) => d.id),
    )
    .select<(ModelObject<DeliveryLine> & { item_code: string; item_name: string; uom: string; requisition_id: number })[]>(
      'dl.*',
      'ci.code as item_code',
      'ci.name as item_name',
      'ci.uom',
      'rl.requisition_id',
    )
    .orderBy('dl.id');
  return deliveries.map((d) => ({ ...d.toJSON(), lines: lines.filter((l) => l.delivery_id === d.id) }));
}

export async function readDelivery(actor: Actor, id: number, trx?: Knex.Transaction) {
  assertCan(actor, 'deliveries', 'show');
  return (await withDeliveryLines([await getRow(deliveryResource, actor, id, trx)], trx))[0];
}

/**
 * The member confirms a delivery with proof: per line accepted + rejected = shipped, a reason
 * for any rejection. Accepted goods go into the member's stock and are posted to its ledger
 * (debit the item's account, credit payables), which releases the commitment.
 */
export function confirmDelivery(
  actor: Actor,
  id: number,
  input: { received_by_name: string; proof_note?: string; confirmed_on?: string; lines: Confirmation[] },
) {
  assertCan(actor, 'deliveries', 'confirm');
  return inTransaction(actor, async (trx, audit) => {
    const d = await getRow(deliveryResource, actor, id, trx);
    await lockRow(trx, 'deliveries', id);
    const current = (await Delivery.query(trx).findById(id))!;
    if (current.status !== 'shipped') throw conflict(`delivery ${id} is already confirmed`, { status: current.status, allowed: [] });
    const lines = await DeliveryLine.query(trx).where('delivery_id', id);
    const problems = confirmationProblems(lines, input.lines);
    if (problems.length) throw badRequest(`invalid proof of delivery: ${problems.map((p) => p.field).join(', ')}`, problems);
    const valued: { account: string; value: bigint }[] = [];
    for (const line of lines) {
      const g = input.lines.find((x) => x.id === line.id)!;
      await trx('delivery_lines')
        .where('id', line.id)
        .update({ accepted_qty: g.accepted_qty, rejected_qty: g.rejected_qty, rejection_reason: g.rejected_qty > 0 ? g.rejection_reason!.trim() : null });
      await trx('requisition_lines').where('id', line.requisition_line_id).increment({ accepted_qty: g.accepted_qty, rejected_qty: g.rejected_qty });
      if (g.accepted_qty > 0) {
        await trx.raw(
          `insert into stock (org_unit_id, item_id, quantity) values (?, ?, ?)
           on conflict (org_unit_id, item_id) do update set quantity = stock.quantity + excluded.quantity, updated_at = now()`,
          [d.org_unit_id, line.item_id, g.accepted_qty],
        );
        await trx('stock_movements').insert({
          org_unit_id: d.org_unit_id,
          item_id: line.item_id,
          quantity: g.accepted_qty,
          source_type: 'deliveries',
          source_id: id,
        });
        const priced = await trx('requisition_lines as rl')
          .join('purchase_order_lines as pol', 'pol.id', 'rl.purchase_order_line_id')
          .join('catalog_items as ci', 'ci.id', 'pol.item_id')
          .where('rl.id', line.requisition_line_id)
          .first<Pick<CatalogItem, 'account'> & Pick<PurchaseOrderLine, 'unit_price'>>('pol.unit_price', 'ci.account');
        valued.push({ account: priced.account, value: toFen(priced.unit_price) * BigInt(g.accepted_qty) });
      }
    }
    const entryDate = input.confirmed_on ?? clock.today();
    for (const account of [...new Set(valued.map((v) => v.account))]) {
      await postEntry(trx, audit, actor, {
        org_unit_id: d.org_unit_id,
        entry_date: entryDate,
        debit_account: account,
        credit_account: 'payables',
        amount: valued.filter((v) => v.account === account).reduce((s, v) => s + v.value, 0n),
        memo: `集中采购配送 #${id} 验收入库`,
        source_type: 'deliveries',
        source_id: id,
      });
    }
    await Delivery.query(trx)
      .patch({
        status: 'confirmed',
        received_by_name: input.received_by_name,
        proof_note: input.proof_note ?? null,
        confirmed_by: actor.id || null,
        confirmed_at: clock.nowIso(),
        updated_at: clock.nowIso(),
      })
      .where('id', id);
    await closeOrderWhenDone(trx, current.purchase_order_id);
    const after = await readDelivery(actor, id, trx);
    await audit({ action: 'confirm', resource: 'deliveries', recordId: id, before: current, after });
    return after;
  });
}

/** An order whose goods are all received, shipped and confirmed at the members is closed. */
async function closeOrderWhenDone(trx: Knex.Transaction, orderId: number) {
  const { rows } = await trx.raw<{ rows: { all_shipped: boolean | null; all_confirmed: boolean }[] }>(
    `select bool_and(pol.received_qty = pol.quantity and pol.shipped_qty = pol.received_qty) as all_shipped,
            not exists (select 1 from deliveries d where d.purchase_order_id = ? and d.status = 'shipped') as all_confirmed
       from purchase_order_lines pol where pol.purchase_order_id = ?`,
    [orderId, orderId],
  );
  if (rows[0].all_shipped && rows[0].all_confirmed) {
    await trx('purchase_orders').where({ id: orderId, status: 'received' }).update({ status: 'closed', closed_at: clock.nowIso(), updated_at: clock.nowIso() });
  }
}

/** Savings per category over orders dated in [from, to]: Σ (baseline − contract) × quantity ordered; also per month. */
export async function savings(actor: Actor, q: { from: string; to: string }) {
  assertCan(actor, 'purchase-orders', 'list');
  const rows: (SavingsRow & { month: string })[] = await db()('purchase_order_lines as pol')
    .join('purchase_orders as po', 'po.id', 'pol.purchase_order_id')
    .join('catalog_items as ci', 'ci.id', 'pol.item_id')
    .whereNot('po.status', 'cancelled')
    .whereBetween('po.order_date', [q.from, q.to])
    .modify((qb) => scopeByUnit('po.org_unit_id')(qb, actor.scopePath, actor))
    .groupBy('month', 'ci.category', 'pol.baseline_price', 'pol.unit_price')
    .select(
      db().raw("to_char(po.order_date, 'YYYY-MM') as month"),
      'ci.category',
      'pol.baseline_price',
      'pol.unit_price',
      db().raw('sum(pol.quantity)::int as quantity'),
    );
  const months = [...new Set(rows.map((r) => r.month))].sort();
  return {
    from: q.from,
    to: q.to,
    ...savingsByCategory(rows),
    months: months.map((month) => ({ month, ...savingsByCategory(rows.filter((r) => r.month === month)) })),
  };
}

/** The savings workbook's figures: the same as the screen's, for a caller who may export orders. */
export function savingsReport(actor: Actor, q: { from: string; to: string }) {
  assertCan(actor, 'purchase-orders', 'export');
  return savings(actor, q);
}
