// Centralised procurement over HTTP: requisitions from five townships → one order per
// supplier → partial receipt → deliveries → confirmation with a rejected line → stock and
// percentages; savings and their workbook; the idle-asset market.
import { expect } from 'chai';
import { get, post, unitId, type AnswerOf, type Json, type Problem } from '../../scripts/test/harness';
import type { OrgUnit } from '../org';
import type { Asset, AssetTransfer, CatalogItem, Delivery, DeliveryLine, PurchaseOrder, PurchaseOrderLine, StockItem, Supplier } from './model';
import type { confirmDelivery, consolidate, receive, savings } from './orderService';
import type { readRequisition } from './service';
import { readWorkbook } from '../../reports/xlsx';
import * as clock from '../core/clock';

const TOWNSHIPS = ['T01', 'T02', 'T03', 'T04', 'T05'];

type RequisitionJson = AnswerOf<typeof readRequisition>;
/** An order with its lines, each naming the requisition lines it sums (orderService `withOrderLines` reads them untyped). */
type OrderJson = Json<PurchaseOrder> & { lines: (Json<PurchaseOrderLine> & { requisition_lines: { unit_code: string; approved_qty: number }[] })[] };
/** An idle asset on the market (assetService `market`, read untyped): the fields checked. */
/** A delivery with its lines (orderService `withDeliveryLines` reads the lines untyped). */
type DeliveryJson = Omit<Json<Delivery>, 'lines'> & { lines: Json<DeliveryLine>[] };
type MarketAsset = { id: number; code: string; org_unit_id: number };

async function parentDirector(code: string) {
  const unit = await get<Json<OrgUnit>>(`/api/org-units/${await unitId(code)}`, { as: 'admin' });
  const parent = await get<Json<OrgUnit>>(`/api/org-units/${unit.body.parent_id}`, { as: 'admin' });
  return `director-${parent.body.code}`;
}

async function fixtures(tag: string) {
  const suppliers: Json<Supplier>[] = [];
  for (const [i, name] of ['国药控股青海有限公司', '青海九州通医药有限公司'].entries()) {
    const r = await post<Json<Supplier>>(
      '/api/suppliers',
      { code: `S-${tag}-${i}`, name: `${name}${tag}`, contract_no: `HT-${tag}-${i}` },
      { as: 'procurement' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    suppliers.push(r.body);
  }
  const items: Json<CatalogItem>[] = [];
  for (const [i, [name, category, baseline, contract, s]] of (
    [
      ['阿莫西林胶囊 0.25g×24粒', 'drug', '12.50', '11.75', 0],
      ['一次性输液器', 'consumable', '3.20', '2.83', 1],
      ['A4 复印纸', 'office', '25.00', '21.88', 1],
    ] as const
  ).entries()) {
    const r = await post<Json<CatalogItem>>(
      '/api/catalog-items',
      { code: `I-${tag}-${i}`, name, category, uom: '盒', baseline_price: baseline, contract_price: contract, supplier_id: suppliers[s].id },
      { as: 'procurement' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    items.push(r.body);
  }
  return { suppliers, items };
}

/** A ledger entry (finance) as these checks read it. */
type LedgerEntry = { org_unit_id: number; debit_account: string; credit_account: string; amount: string };

describe('procurement: requisitions → consolidated orders → receipts → deliveries (HTTP)', () => {
  it('consolidates approved requisitions of five townships into one order per supplier, receives part, delivers, confirms with a rejection', async () => {
    const { suppliers, items } = await fixtures('A');
    const requisitions: RequisitionJson[] = [];
    for (const [i, code] of TOWNSHIPS.entries()) {
      const r = await post<RequisitionJson>(
        '/api/requisitions',
        { org_unit_id: await unitId(code), lines: items.map((it, k) => ({ item_id: it.id, requested_qty: 10 * (i + 1) + k })) },
        { as: `director-${code}` },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      expect((await post(`/api/requisitions/${r.body.id}/approve`, {}, { as: `director-${code}` })).status).to.equal(403);
      // the director above approves; the first township gets one line cut down
      const lines =
        i === 0
          ? [
              { id: r.body.lines[0].id, approved_qty: 5 },
              { id: r.body.lines[1].id, approved_qty: 11 },
              { id: r.body.lines[2].id, approved_qty: 12 },
            ]
          : undefined;
      const a = await post<RequisitionJson>(`/api/requisitions/${r.body.id}/approve`, { lines }, { as: await parentDirector(code) });
      expect(a.status, JSON.stringify(a.body)).to.equal(200);
      expect(a.body).to.include({ status: 'approved', progress: 'awaiting_order', ordered_pct: 0 });
      requisitions.push(a.body);
    }
    const lineIds = requisitions.flatMap((r) => r.lines.map((l) => l.id));
    expect((await post('/api/purchase-orders/consolidate', { requisition_line_ids: lineIds }, { as: 'director-T01' })).status).to.equal(403);
    const c = await post<AnswerOf<typeof consolidate>>('/api/purchase-orders/consolidate', { requisition_line_ids: lineIds }, { as: 'procurement' });
    expect(c.status, JSON.stringify(c.body)).to.equal(200);
    expect(c.body.orders.map((o) => o.supplier_id).sort()).to.deep.equal(suppliers.map((s) => s.id).sort());
    // the drug order: one line summing the five requisition lines, each back-referenced
    const drugOrder = (await get<OrderJson>(`/api/purchase-orders/${c.body.orders.find((o) => o.supplier_id === suppliers[0].id)!.id}`, { as: 'procurement' }))
      .body;
    expect(drugOrder.lines).to.have.length(1);
    expect(drugOrder.lines[0].quantity).to.equal(5 + 20 + 30 + 40 + 50);
    expect(drugOrder.lines[0].requisition_lines.map((r) => [r.unit_code, r.approved_qty])).to.deep.equal([
      ['T01', 5],
      ['T02', 20],
      ['T03', 30],
      ['T04', 40],
      ['T05', 50],
    ]);
    expect(drugOrder.total_amount).to.equal((145 * 11.75).toFixed(2));
    expect((await post('/api/purchase-orders/consolidate', { requisition_line_ids: lineIds.slice(0, 1) }, { as: 'procurement' })).status).to.equal(409);
    const req1 = await get<RequisitionJson>(`/api/requisitions/${requisitions[0].id}`, { as: 'director-T01' });
    expect(req1.body).to.include({ ordered_pct: 100, received_pct: 0, progress: 'ordered' });

    // receive before sending is a 409; then send and receive part
    expect(
      (
        await post(
          `/api/purchase-orders/${drugOrder.id}/receive`,
          { lines: [{ purchase_order_line_id: drugOrder.lines[0].id, quantity: 1 }] },
          { as: 'procurement' },
        )
      ).status,
    ).to.equal(409);
    expect((await post<OrderJson>(`/api/purchase-orders/${drugOrder.id}/send`, {}, { as: 'procurement' })).body.status).to.equal('sent');
    const tooMuch = await post<Problem>(
      `/api/purchase-orders/${drugOrder.id}/receive`,
      { lines: [{ purchase_order_line_id: drugOrder.lines[0].id, quantity: 146 }] },
      { as: 'procurement' },
    );
    expect(tooMuch.status).to.equal(400);
    expect(tooMuch.body.error.details?.[0].field).to.equal('lines.0.quantity');
    const part = await post<AnswerOf<typeof receive>>(
      `/api/purchase-orders/${drugOrder.id}/receive`,
      { lines: [{ purchase_order_line_id: drugOrder.lines[0].id, quantity: 45 }] },
      { as: 'procurement' },
    );
    expect(part.status, JSON.stringify(part.body)).to.equal(200);
    expect(part.body.order.status).to.equal('partially_received');
    // deliver what came in: oldest requisition lines first (T01 5, T02 20, T03 20 of 30)
    const d = await post<{ deliveries: DeliveryJson[] }>(`/api/purchase-orders/${drugOrder.id}/deliver`, {}, { as: 'procurement' });
    expect(d.status, JSON.stringify(d.body)).to.equal(200);
    expect(d.body.deliveries.map((x) => x.lines[0].shipped_qty)).to.deep.equal([5, 20, 20]);
    expect((await post(`/api/purchase-orders/${drugOrder.id}/deliver`, {}, { as: 'procurement' })).status).to.equal(422);

    const t01 = await unitId('T01');
    const delivery = d.body.deliveries.find((x) => x.org_unit_id === t01)!;
    const stockBefore = await get<Json<StockItem>[]>('/api/stock', { as: 'director-T01', query: { filter: { org_unit_id: t01, item_id: items[0].id } } });
    expect(stockBefore.body).to.have.length(0);
    // a delivery of T01 is not T02's to confirm (outside scope: 404)
    const line = delivery.lines[0];
    expect(
      (
        await post(
          `/api/deliveries/${delivery.id}/confirm`,
          { received_by_name: '王药师', lines: [{ id: line.id, accepted_qty: 5, rejected_qty: 0 }] },
          { as: 'director-T02' },
        )
      ).status,
    ).to.equal(404);
    const noReason = await post<Problem>(
      `/api/deliveries/${delivery.id}/confirm`,
      { received_by_name: '王药师', lines: [{ id: line.id, accepted_qty: 3, rejected_qty: 2 }] },
      { as: 'director-T01' },
    );
    expect(noReason.status).to.equal(400);
    expect(noReason.body.error.details?.[0].field).to.equal('lines.0.rejection_reason');
    const mismatch = await post(
      `/api/deliveries/${delivery.id}/confirm`,
      { received_by_name: '王药师', lines: [{ id: line.id, accepted_qty: 3, rejected_qty: 1, rejection_reason: '破损' }] },
      { as: 'director-T01' },
    );
    expect(mismatch.status).to.equal(400);
    const ok = await post<AnswerOf<typeof confirmDelivery>>(
      `/api/deliveries/${delivery.id}/confirm`,
      { received_by_name: '王药师', proof_note: '签收单 QS-001', lines: [{ id: line.id, accepted_qty: 3, rejected_qty: 2, rejection_reason: '外包装破损' }] },
      { as: 'director-T01' },
    );
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body).to.include({ status: 'confirmed', received_by_name: '王药师' });
    expect(
      (
        await post(
          `/api/deliveries/${delivery.id}/confirm`,
          { received_by_name: 'x', lines: [{ id: line.id, accepted_qty: 5, rejected_qty: 0 }] },
          { as: 'director-T01' },
        )
      ).status,
    ).to.equal(409);
    const stock = await get<Json<StockItem>[]>('/api/stock', { as: 'director-T01', query: { filter: { org_unit_id: t01, item_id: items[0].id } } });
    expect(stock.body[0].quantity).to.equal(3);
    const after = await get<RequisitionJson>(`/api/requisitions/${requisitions[0].id}`, { as: 'director-T01' });
    // T01 approved 5 + 11 + 12 = 28; 3 received
    expect(after.body).to.include({ ordered_pct: 100, received_pct: Math.round((3 / 28) * 10000) / 100, progress: 'partially_received' });
    // the accepted value is posted to T01's ledger on the item's account
    const entries = await get<LedgerEntry[]>('/api/ledger-entries', {
      as: 'finance',
      query: { filter: { source_type: 'deliveries', source_id: delivery.id } },
    });
    expect(entries.body[0]).to.include({ org_unit_id: t01, debit_account: 'drugs', credit_account: 'payables', amount: '35.25' });
  });

  it('refuses unapproved or unknown lines (422) and bad bodies (400)', async () => {
    const { items } = await fixtures('B');
    const r = await post<RequisitionJson>(
      '/api/requisitions',
      { org_unit_id: await unitId('T06'), lines: [{ item_id: items[0].id, requested_qty: 3 }] },
      { as: 'director-T06' },
    );
    const notApproved = await post<Problem>(
      '/api/purchase-orders/consolidate',
      { requisition_line_ids: [r.body.lines[0].id, 99999999] },
      { as: 'procurement' },
    );
    expect(notApproved.status).to.equal(422);
    expect(notApproved.body.error.details?.map((d) => d.message).join(' ')).to.match(/no such lines: 99999999.*not approved/);
    expect((await post('/api/purchase-orders/consolidate', { requisition_line_ids: [] }, { as: 'procurement' })).status).to.equal(400);
    expect(
      (await post('/api/requisitions', { org_unit_id: await unitId('T06'), lines: [{ item_id: items[0].id, requested_qty: 0 }] }, { as: 'director-T06' }))
        .status,
    ).to.equal(400);
  });

  it('savings per category = Σ (baseline − contract) × quantity, as amount and % of baseline; the workbook reads back the same', async () => {
    const today = clock.today();
    const s = await get<AnswerOf<typeof savings>>('/api/purchase-orders/savings', { as: 'procurement', query: { from: '2000-01-01', to: today } });
    expect(s.status).to.equal(200);
    const drug = s.body.categories.find((c) => c.category === 'drug')!;
    expect(Number(drug.savings)).to.be.closeTo(Number(drug.baseline_value) - Number(drug.contract_value), 0.001);
    expect(drug.savings_pct).to.be.closeTo((Number(drug.savings) / Number(drug.baseline_value)) * 100, 0.01);
    const x = await get<Buffer>('/api/reports/procurement-savings.xlsx', { as: 'procurement', query: { from: '2000-01-01', to: today } });
    expect(x.status).to.equal(200);
    const wb = await readWorkbook(x.body);
    const rows: Record<string, number> = {};
    wb.worksheets[0].eachRow((row, i) => {
      if (i > 1) rows[row.getCell(1).text] = Number(row.getCell(5).value);
    });
    const label: Record<string, string> = { drug: '药品', consumable: '医用耗材', office: '办公用品', equipment: '设备' };
    for (const c of s.body.categories) expect(rows[label[c.category]]).to.equal(Number(c.savings));
    expect(rows['合计']).to.equal(Number(s.body.total.savings));
  });

  it('fixed assets: a purchase above the threshold waits for the group; an idle asset moves to another member with approval, history kept', async () => {
    const t07 = await unitId('T07');
    const t08 = await unitId('T08');
    const big = await post<Json<Asset>>(
      '/api/assets',
      { org_unit_id: t07, code: 'ZC-T07-DR01', name: 'DR 数字化X光机', category: 'imaging', value: '680000.00', acquired_on: '2024-05-01' },
      { as: 'director-T07' },
    );
    expect(big.status, JSON.stringify(big.body)).to.equal(200);
    expect(big.body.status).to.equal('pending_approval');
    expect((await post(`/api/assets/${big.body.id}/offer`, {}, { as: 'director-T07' })).status).to.equal(409);
    expect((await post<Json<Asset>>(`/api/assets/${big.body.id}/approve`, {}, { as: 'finance' })).body.status).to.equal('in_use');
    expect((await post<Json<Asset>>(`/api/assets/${big.body.id}/offer`, { note: '门诊量下降，闲置' }, { as: 'director-T07' })).body.status).to.equal('idle');
    const idle = await get<MarketAsset[]>('/api/assets/market', { as: 'director-T08' });
    expect(idle.body.map((a) => a.id)).to.include(big.body.id);
    const t = await post<Json<AssetTransfer>>(
      '/api/asset-transfers',
      { asset_id: big.body.id, to_org_unit_id: t08, reason: '放射科缺设备' },
      { as: 'director-T08' },
    );
    expect(t.status, JSON.stringify(t.body)).to.equal(200);
    expect((await post('/api/asset-transfers', { asset_id: big.body.id, to_org_unit_id: t08, reason: 'again' }, { as: 'director-T08' })).status).to.equal(409);
    expect((await post(`/api/asset-transfers/${t.body.id}/approve`, {}, { as: 'director-T08' })).status).to.equal(403);
    expect((await post<Json<AssetTransfer>>(`/api/asset-transfers/${t.body.id}/approve`, { comment: '同意调拨' }, { as: 'finance' })).body.status).to.equal(
      'approved',
    );
    const moved = await get<Json<Asset>>(`/api/assets/${big.body.id}`, { as: 'director-T08' });
    expect(moved.body).to.include({ org_unit_id: t08, status: 'in_use' });
    expect((await get(`/api/assets/${big.body.id}`, { as: 'director-T07' })).status).to.equal(404);
    const history = await get<Json<AssetTransfer>[]>('/api/asset-transfers', { as: 'director-T07', query: { filter: { asset_id: big.body.id } } });
    expect(history.body[0]).to.include({ from_org_unit_id: t07, to_org_unit_id: t08, status: 'approved' });
  });
});
