// Centralised procurement in a real browser: as `procurement` consolidate approved requisitions
// from five townships into one order per supplier, receive part, deliver; as `director-T01`
// confirm the delivery with one rejected line and a reason; T01's stock and the requisition's
// percentages update. Also the budget-vs-actual drill-down and the approvals inbox as finance.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { loggedInPage, shotForReview, startBrowserTest } from './browser';
import type { ExpenseRequestRecord } from '../src/finance/records';
import type { CatalogItemRecord, DeliveryRecord, PurchaseOrderRecord, RequisitionRecord, SupplierRecord } from '../src/procurement/records';
import type { OrgUnitRecord } from '../src/shared/records';

/** A delivery as its list answers it, with its lines */
type DeliveryRead = DeliveryRecord & { lines: { id: number; item_id: number; shipped_qty: number }[] };

const TOWNSHIPS = ['T01', 'T02', 'T03', 'T04', 'T05'];

async function parentDirector(code: string) {
  const unit = await get<OrgUnitRecord>(`/api/org-units/${await unitId(code)}`, { as: 'admin' });
  const parent = await get<OrgUnitRecord>(`/api/org-units/${unit.body.parent_id}`, { as: 'admin' });
  return `director-${parent.body.code}`;
}

describe('admin UI: procurement and finance', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;
  const pages: Page[] = [];
  const suppliers: { id: number }[] = [];
  const items: { id: number }[] = [];
  const requisitions: { id: number; org_unit_id: number }[] = [];

  async function open(username: string) {
    const page = await loggedInPage(browser, baseUrl, username);
    pages.push(page);
    return page;
  }

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
    for (const [i, name] of ['国药控股（界面测试）', '威高耗材（界面测试）'].entries()) {
      suppliers.push((await post<SupplierRecord>('/api/suppliers', { code: `S-UI-${i}`, name }, { as: 'procurement' })).body);
    }
    for (const [i, [name, category, baseline, contract, s]] of (
      [
        ['阿莫西林胶囊（界面测试）', 'drug', '12.50', '11.75', 0],
        ['一次性输液器（界面测试）', 'consumable', '3.20', '2.83', 1],
        ['医用外科口罩（界面测试）', 'consumable', '25.00', '22.10', 1],
      ] as const
    ).entries()) {
      items.push(
        (
          await post<CatalogItemRecord>(
            '/api/catalog-items',
            { code: `I-UI-${i}`, name, category, uom: '盒', baseline_price: baseline, contract_price: contract, supplier_id: suppliers[s].id },
            { as: 'procurement' },
          )
        ).body,
      );
    }
    for (const [i, code] of TOWNSHIPS.entries()) {
      const r = await post<RequisitionRecord>(
        '/api/requisitions',
        { org_unit_id: await unitId(code), note: '界面测试申领', lines: items.map((it, k) => ({ item_id: it.id, requested_qty: 10 * (i + 1) + k })) },
        { as: `director-${code}` },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      const a = await post(`/api/requisitions/${r.body.id}/approve`, {}, { as: await parentDirector(code) });
      expect(a.status, JSON.stringify(a.body)).to.equal(200);
      requisitions.push(r.body);
    }
  });

  after(async () => {
    await browser?.close();
  });

  it('procurement consolidates five townships’ requisitions into one order per supplier, receives part and delivers', async () => {
    const page = await open('procurement');
    await page.goto(`${baseUrl}/consolidation`);
    for (const s of suppliers) {
      await page.getByTestId(`supplier-group-${s.id}`).waitFor();
      await page.getByTestId(`supplier-check-${s.id}`).locator('input').check();
    }
    expect(await page.getByTestId('selection').textContent()).to.contain('15');
    await shotForReview(page, 'procurement-consolidation');
    await page.getByTestId('create-orders').click();
    await page.getByTestId('created-orders').waitFor();
    expect(await page.locator('[data-testid^="created-order-"]').count()).to.equal(2);
    await shotForReview(page, 'procurement-consolidated');

    await page.getByTestId(`created-order-${suppliers[0].id}`).click();
    await page.waitForURL(/\/purchase-orders\/\d+\/show$/);
    const orderId = Number(page.url().match(/purchase-orders\/(\d+)/)![1]);
    const order = (
      await get<PurchaseOrderRecord & { lines: { id: number; quantity: number; requisition_lines: unknown[] }[] }>(`/api/purchase-orders/${orderId}`, {
        as: 'procurement',
      })
    ).body;
    expect(order.lines).to.have.length(1);
    expect(order.lines[0].quantity).to.equal(10 + 20 + 30 + 40 + 50);
    expect(order.lines[0].requisition_lines).to.have.length(5);

    await page.getByTestId('send-order').click();
    await page.getByTestId('receive-order').click();
    await page.getByTestId(`receive-qty-${order.lines[0].id}`).fill('45');
    await page.getByTestId('confirm-receipt').click();
    await page.getByTestId('deliver-order').waitFor();
    expect(await page.getByTestId(`received-${order.lines[0].id}`).textContent()).to.equal('45');
    await page.getByTestId('deliver-order').click();
    await page.getByTestId('deliver-order').waitFor({ state: 'detached' });
    await shotForReview(page, 'procurement-order');
    const deliveries = await get<DeliveryRead[]>('/api/deliveries', { as: 'procurement', query: { filter: { purchase_order_id: orderId } } });
    expect(deliveries.body.map((d) => d.lines[0].shipped_qty)).to.deep.equal([10, 20, 15]);
  });

  it('director-T01 confirms the delivery with one rejected line and a reason; stock and percentages update', async () => {
    const t01 = await unitId('T01');
    const list = await get<DeliveryRead[]>('/api/deliveries', {
      as: 'director-T01',
      query: { filter: { status: 'shipped', org_unit_id: t01 }, sort: ['id', 'DESC'] },
    });
    const delivery = list.body.find((d) => d.lines[0].item_id === items[0].id)!;
    const line = delivery.lines[0];
    const page = await open('director-T01');
    await page.goto(`${baseUrl}/deliveries`);
    await page.locator('table tbody tr').first().waitFor();
    await page.goto(`${baseUrl}/deliveries/${delivery.id}/show`);
    await page.getByTestId(`rejected-${line.id}`).fill('2');
    expect(await page.getByTestId(`accepted-${line.id}`).inputValue()).to.equal('8');
    await page.getByTestId(`reason-${line.id}`).fill('外包装破损');
    await page.getByTestId('received-by').fill('王药师');
    await shotForReview(page, 'delivery-confirm');
    await page.getByTestId('confirm-delivery').click();
    await page.getByTestId('confirm-delivery').waitFor({ state: 'detached' });
    expect(await page.getByTestId(`accepted-${line.id}`).textContent()).to.equal('8');

    const stock = await get<{ quantity: number }[]>('/api/stock', { as: 'director-T01', query: { filter: { org_unit_id: t01, item_id: items[0].id } } });
    expect(stock.body[0].quantity).to.equal(8);
    const requisition = requisitions.find((r) => r.org_unit_id === t01)!;
    const approved = 10 + 11 + 12;
    const pct = Math.round((8 / approved) * 10000) / 100;
    await page.goto(`${baseUrl}/requisitions/${requisition.id}/show`);
    await page.getByTestId('received-pct').waitFor();
    expect(await page.getByTestId('ordered-pct').textContent()).to.equal('100%');
    expect(await page.getByTestId('received-pct').textContent()).to.equal(`${pct}%`);
    await shotForReview(page, 'requisition-progress');
  });

  it('finance drills down budget vs actual and sees a request in the approvals inbox', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/budget-execution`);
    await page.getByTestId('child-B1').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shotForReview(page, 'budget-execution-group');
    await page.getByTestId('child-B1').click();
    await page.getByTestId('child-T01').waitFor();
    await page.getByTestId('child-T01').click();
    await page.getByTestId('trail-1').waitFor();
    await shotForReview(page, 'budget-execution-township');

    const inbox = await get<ExpenseRequestRecord[]>('/api/expense-requests', { as: 'finance', query: { filter: { awaiting_me: true }, range: [0, 0] } });
    await page.goto(`${baseUrl}/approvals`);
    if (inbox.body.length) {
      await page.locator('table tbody tr').first().click();
      await page.getByTestId('approval-chain').waitFor();
      await page.getByTestId('approve').waitFor();
      await shotForReview(page, 'expense-request-chain');
    }
  });
});
