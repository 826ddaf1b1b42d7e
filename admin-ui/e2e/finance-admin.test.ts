// Finance and procurement administration screens in a real browser: the spending-limit matrix
// (create, edit), a chief-accountant posting (the accountant then approves on that unit's chain;
// the approved step is shown green), the risk fund's payout and year-end return (the table adds
// up to the balance), the asset register with group approval and the idle-asset market, a
// requisition approved with less than requested on one line, catalogue and supplier edits; and
// the lists and decision tables on a phone without sideways overflow.
import { expect } from 'chai';
import type { Browser, Locator, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { expectFits, loggedInPage, PHONE, selectOption, settle, shotForReview, startBrowserTest } from './browser';
import type { ExpenseRequestRecord, ExpenseRequestStep, RiskFundRecord, SpendingLimitRecord } from '../src/finance/records';
import type { AssetRecord, AssetTransferRecord, CatalogItemRecord, RequisitionLineRecord, RequisitionRecord, SupplierRecord } from '../src/procurement/records';
import type { StaffRecord } from '../src/hr/records';
import type { OrgUnitRecord, UserRecord } from '../src/shared/records';

/** A request's own read, with its approval chain */
type RequestRead = ExpenseRequestRecord & { steps: ExpenseRequestStep[] };
/** A requisition's own read, with its lines */
type RequisitionRead = RequisitionRecord & { lines: RequisitionLineRecord[] };

const FUND_YEAR = 2033; // a fund year of our own
const SUFFIX = String(Date.now()).slice(-6);

describe('admin UI: finance and procurement administration', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;
  let limitId: number;
  let assetId: number;
  let requisitionId: number;

  const open = (username: string, viewport?: { width: number; height: number }, password?: string) =>
    loggedInPage(browser, baseUrl, username, viewport, password);

  /** Types into the AutocompleteInput labelled `field` and picks the option containing `label`. */
  async function autocomplete(scope: Page | Locator, field: string, typed: string, label: string, page: Page) {
    const input = scope.getByRole('combobox', { name: new RegExp(`^${field}\\s*\\*?$`) });
    await input.click();
    await input.fill(typed);
    await page.getByRole('option').filter({ hasText: label }).first().click();
  }

  /** The page is no wider than the viewport (nothing scrolls sideways). */
  async function unit(code: string) {
    return (await get<OrgUnitRecord>(`/api/org-units/${await unitId(code)}`, { as: 'admin' })).body;
  }

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });

  after(async () => {
    await browser?.close();
  });

  it('finance creates a spending-limit rule and edits it', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/spending-limits/create`);
    await selectOption(page, 'unit_level', '乡镇/社区');
    await selectOption(page, 'account', '培训进修费');
    await page.locator('[name="min_amount"]').fill('77000');
    await page.locator('[name="max_amount"]').fill('78000');
    // the chain: the unit's director, then the posted chief accountant
    await page.getByRole('button', { name: '添加' }).click();
    await selectOption(page, 'steps.1', '派驻总会计师');
    await page.locator('[name="description"]').fill(`界面测试：乡镇培训费 7.7 万档 ${SUFFIX}`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/spending-limits$/);
    const rules = await get<SpendingLimitRecord[]>('/api/spending-limits', { as: 'finance', query: { range: [0, 999] } });
    const rule = rules.body.find((r) => r.description?.endsWith(SUFFIX))!;
    expect(rule, 'the rule was saved').to.exist;
    expect(rule).to.include({ unit_level: 3, account: 'training', min_amount: '77000.00', max_amount: '78000.00' });
    expect(rule.steps).to.deep.equal(['unit_director', 'chief_accountant']);
    limitId = rule.id;
    await page.getByText(rule.description!).waitFor();

    await page.getByText(rule.description!).click();
    await page.waitForURL(new RegExp(`/spending-limits/${limitId}$`));
    await page.locator('[name="max_amount"]').fill('79000');
    await page.locator('[name="description"]').fill(`界面测试：乡镇培训费 7.7–7.9 万档 ${SUFFIX}`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/spending-limits$/);
    await page.getByText(`界面测试：乡镇培训费 7.7–7.9 万档 ${SUFFIX}`).waitFor();
    const edited = await get<SpendingLimitRecord>(`/api/spending-limits/${limitId}`, { as: 'finance' });
    expect(edited.body).to.include({ max_amount: '79000.00', account: 'training', unit_level: 3 });
    expect(edited.body.steps).to.deep.equal(['unit_director', 'chief_accountant']);
    await shotForReview(page, 'finance-admin-limits');
  });

  it('finance posts a chief accountant to T14; the accountant appears on and approves T14’s request chain, the approved steps green', async () => {
    const username = `ca-ui-${SUFFIX}`;
    const created = await post<UserRecord>(
      '/api/users',
      { username, display_name: `界面测试总会计师${SUFFIX}`, roles: ['group_finance'], org_unit_id: await unitId('HQ'), password: 'finance-ui-1' },
      { as: 'admin' },
    );
    expect(created.status, JSON.stringify(created.body)).to.equal(200);
    const t14 = await unit('T14');

    const page = await open('finance');
    await page.goto(`${baseUrl}/chief-accountant-postings/create`);
    await autocomplete(page, '总会计师', '界面测试总会计师', username, page);
    await autocomplete(page, '派驻单位', t14.name, t14.name, page);
    await page.locator('[name="starts_on"]').fill('2026-01-01');
    await page.locator('[name="note"]').fill('界面测试委派');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/chief-accountant-postings$/);
    await page.getByText(`界面测试总会计师${SUFFIX}`).waitFor();
    const postings = await get<{ org_unit_id: number; starts_on: string }[]>('/api/chief-accountant-postings', {
      as: 'finance',
      query: { filter: { user_id: created.body.id } },
    });
    expect(postings.body).to.have.length(1);
    expect(postings.body[0]).to.include({ org_unit_id: t14.id, starts_on: '2026-01-01' });
    await shotForReview(page, 'finance-admin-postings');

    // a request of T14 in the rule's band walks director → the posted accountant
    const r = await post<RequestRead>(
      '/api/expense-requests',
      { org_unit_id: t14.id, account: 'training', amount: '77500.00', purpose: '全科医生转岗培训（界面测试）', request_date: '2026-11-01' },
      { as: 'director-T14' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.steps.map((s) => s.approver_role)).to.deep.equal(['director', 'chief_accountant']);
    expect(r.body.steps[1].approver_unit_id).to.equal(t14.id);
    const parent = (await get<OrgUnitRecord>(`/api/org-units/${t14.parent_id}`, { as: 'admin' })).body;
    const director = await open(`director-${parent.code}`);
    await director.goto(`${baseUrl}/expense-requests/${r.body.id}/show`);
    await director.getByTestId('approve').click();
    await director.getByTestId('step-status-2').filter({ hasText: '待审批' }).waitFor();

    const ca = await open(username, undefined, 'finance-ui-1');
    await ca.goto(`${baseUrl}/approvals`);
    await ca.getByText('全科医生转岗培训（界面测试）').first().waitFor();
    await ca.goto(`${baseUrl}/expense-requests/${r.body.id}/show`);
    expect(await ca.getByTestId('step-2').textContent())
      .to.contain('派驻总会计师')
      .and.contain('总会计师')
      .and.contain(t14.name);
    await ca.getByTestId('approve').click();
    await ca.getByTestId('request-status').filter({ hasText: '已批准' }).waitFor();
    for (const seq of [1, 2]) {
      const chip = ca.getByTestId(`step-status-${seq}`);
      expect(await chip.textContent()).to.equal('同意');
      // MUI success green, not the warning orange
      expect(await chip.evaluate((el) => getComputedStyle(el).backgroundColor)).to.equal('rgb(46, 125, 50)');
    }
    await shotForReview(ca, 'finance-admin-chain-approved');
  });

  it('finance pays a dispute from the risk fund, then returns the year-end balance; the table adds up to the balance', async () => {
    const staff = await get<StaffRecord[]>('/api/staff', { as: 'admin', query: { filter: { status: 'active' }, range: [0, 999] } });
    const counts = new Map<number, number>();
    for (const s of staff.body) counts.set(s.employer_org_unit_id, (counts.get(s.employer_org_unit_id) ?? 0) + 1);
    // a unit the API test's fund year does not share: ours is FUND_YEAR
    const [unitIdWithStaff, people] = [...counts.entries()].filter(([, n]) => n >= 3).at(-1)!;
    const fundUnit = (await get<OrgUnitRecord>(`/api/org-units/${unitIdWithStaff}`, { as: 'admin' })).body;
    for (const [month, amount] of [
      ['01', '100.00'],
      ['02', '33.33'],
    ]) {
      const c = await post('/api/risk-fund-entries/contributions', { org_unit_id: unitIdWithStaff, month: `${FUND_YEAR}-${month}`, amount }, { as: 'finance' });
      expect(c.status, JSON.stringify(c.body)).to.equal(200);
    }
    const page = await open('finance');
    await page.goto(`${baseUrl}/risk-fund-entries`);
    await page.getByTestId('fund-payout').click();
    const dialog = page.getByRole('dialog');
    await autocomplete(dialog, '单位', fundUnit.name, fundUnit.name, page);
    await dialog.locator('[name="entry_date"]').fill(`${FUND_YEAR}-06-30`);
    await dialog.locator('[name="amount"]').fill('12.34');
    await dialog.locator('[name="dispute_ref"]').fill(`YL-UI-${SUFFIX}`);
    await dialog.getByTestId('fund-pay').click();
    await dialog.waitFor({ state: 'detached' });
    const payouts = await get<RiskFundRecord[]>('/api/risk-fund-entries', {
      as: 'finance',
      query: { filter: { org_unit_id: unitIdWithStaff, kind: 'payout', fund_year: FUND_YEAR } },
    });
    expect(payouts.body.map((p) => p.amount)).to.deep.equal(['12.34']);

    await page.getByTestId('fund-return').click();
    await autocomplete(dialog, '单位', fundUnit.name, fundUnit.name, page);
    await dialog.locator('[name="fund_year"]').fill(String(FUND_YEAR));
    await dialog.getByTestId('fund-show-balance').click();
    const balanceFen = Math.round((100 + 33.33) * 100) * people - 1234;
    const balance = (balanceFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
    await dialog.getByTestId('fund-balance').filter({ hasText: balance }).waitFor();
    await dialog.getByTestId('run-return').click();
    await dialog.getByTestId('return-table').waitFor();
    expect(await dialog.getByTestId('return-total').textContent()).to.equal(balance);
    expect(await dialog.getByTestId('return-table').textContent()).to.contain(`= 结余 ${balance}`);
    const rows = dialog.getByTestId('return-table').locator('tbody tr');
    expect(await rows.count()).to.equal(people + 1);
    let fen = 0;
    for (let i = 0; i < people; i++) fen += Math.round(Number((await rows.nth(i).locator('td').last().textContent())!.replace(/,/g, '')) * 100);
    expect(fen).to.equal(balanceFen);
    await shotForReview(page, 'finance-admin-fund-return');
    const after = await get<{ balance: string }>('/api/risk-fund-entries/summary', {
      as: 'finance',
      query: { org_unit_id: unitIdWithStaff, fund_year: FUND_YEAR },
    });
    expect(after.body.balance).to.equal('0.00');
  });

  it('an asset above the threshold awaits group approval; approved, offered idle, requested by another member and transferred with history', async () => {
    const [t11, t12] = [await unit('T11'), await unit('T12')];
    const page = await open('director-T11');
    await page.goto(`${baseUrl}/assets/create`);
    await page.locator('[name="code"]').fill(`ZC-UI-${SUFFIX}`);
    await page.locator('[name="name"]').fill('彩色多普勒超声诊断仪（界面测试）');
    await selectOption(page, 'category', '影像设备');
    await page.locator('[name="value"]').fill('420000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/assets\/\d+\/show$/);
    assetId = Number(page.url().match(/assets\/(\d+)/)![1]);
    await page.getByText('待集团审批').waitFor();
    expect(await page.getByTestId('asset-approve').count()).to.equal(0);

    const finance = await open('finance');
    await finance.goto(`${baseUrl}/assets/${assetId}/show`);
    await finance.getByTestId('asset-approve').click();
    await finance.getByTestId('asset-confirm').click();
    await finance.getByText('在用', { exact: true }).waitFor();

    await page.reload();
    await page.getByTestId('asset-offer').click();
    await page.getByRole('dialog').locator('textarea').first().fill('门诊量下降，闲置');
    await page.getByTestId('asset-confirm').click();
    await page.getByText('闲置', { exact: true }).waitFor();

    const other = await open('director-T12');
    await other.goto(`${baseUrl}/asset-market`);
    const offered = other.getByTestId(`idle-ZC-UI-${SUFFIX}`);
    await offered.getByRole('button', { name: '申请调入' }).click();
    await other.getByRole('dialog').locator('textarea').first().fill('放射科缺超声设备');
    await other.getByRole('dialog').getByRole('button', { name: '申请调入' }).click();
    await offered.waitFor({ state: 'detached' });

    await finance.reload();
    const transfer = (await get<AssetTransferRecord[]>('/api/asset-transfers', { as: 'finance', query: { filter: { asset_id: assetId } } })).body[0];
    expect(transfer).to.include({ from_org_unit_id: t11.id, to_org_unit_id: t12.id, status: 'requested' });
    await finance.getByTestId(`transfer-approve-${transfer.id}`).click();
    await finance.getByRole('dialog').locator('textarea').first().fill('同意调拨');
    await finance.getByTestId('transfer-confirm').click();
    await finance.getByText('已调拨').waitFor();
    await shotForReview(finance, 'finance-admin-asset-transferred');
    const moved = await get<AssetRecord>(`/api/assets/${assetId}`, { as: 'director-T12' });
    expect(moved.body).to.include({ org_unit_id: t12.id, status: 'in_use' });

    await other.goto(`${baseUrl}/assets/${assetId}/show`);
    const history = other.locator('table').filter({ hasText: '放射科缺超声设备' });
    await history.waitFor();
    expect(await history.textContent())
      .to.contain(t11.name)
      .and.contain(t12.name)
      .and.contain('已调拨')
      .and.contain('同意调拨');
  });

  it('the director approves a requisition with less than requested on one line', async () => {
    const items = (await get<CatalogItemRecord[]>('/api/catalog-items', { as: 'procurement', query: { filter: { active: true }, range: [0, 1] } })).body;
    // a requisition of T13 is decided by the director above it
    const t13 = await unit('T13');
    const r = await post<RequisitionRead>(
      '/api/requisitions',
      { org_unit_id: t13.id, note: `界面测试申领 ${SUFFIX}`, lines: items.map((it, k) => ({ item_id: it.id, requested_qty: 20 + k })) },
      { as: 'director-T13' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    requisitionId = r.body.id;
    const approver = `director-${(await get<OrgUnitRecord>(`/api/org-units/${t13.parent_id}`, { as: 'admin' })).body.code}`;
    const page = await open(approver);
    await page.goto(`${baseUrl}/requisitions/${requisitionId}/show`);
    await page.getByTestId('requisition-decision').waitFor();
    // the requester sees no decision on their own requisition
    const own = await open('director-T13');
    await own.goto(`${baseUrl}/requisitions/${requisitionId}/show`);
    await own.getByTestId('ordered-pct').waitFor();
    expect(await own.getByTestId('requisition-decision').count()).to.equal(0);

    const [first, second] = r.body.lines;
    await page.getByTestId(`approved-qty-${first.id}`).fill('25');
    expect(await page.getByTestId('approve-requisition').isDisabled(), 'more than requested is refused').to.equal(true);
    await page.getByTestId(`approved-qty-${first.id}`).fill('12');
    await page.getByTestId('approve-requisition').click();
    await page.getByTestId('requisition-decision').waitFor({ state: 'detached' });
    await page.getByTestId(`line-approved-${first.id}`).filter({ hasText: '12' }).waitFor();
    expect(await page.getByTestId(`line-approved-${second.id}`).textContent()).to.equal(String(second.requested_qty));
    await shotForReview(page, 'finance-admin-requisition-approved');
    const back = await get<RequisitionRead>(`/api/requisitions/${requisitionId}`, { as: approver });
    expect(back.body.status).to.equal('approved');
    expect(back.body.lines.map((l) => l.approved_qty)).to.deep.equal([12, second.requested_qty]);
  });

  it('procurement edits a catalogue item’s contract price and a supplier’s contact', async () => {
    const supplier = (await post<SupplierRecord>('/api/suppliers', { code: `S-ADM-${SUFFIX}`, name: `青海医药（界面测试）${SUFFIX}` }, { as: 'procurement' }))
      .body;
    const item = (
      await post<CatalogItemRecord>(
        '/api/catalog-items',
        {
          code: `I-ADM-${SUFFIX}`,
          name: `复方丹参片（界面测试）${SUFFIX}`,
          category: 'drug',
          uom: '瓶',
          baseline_price: '20.00',
          contract_price: '18.80',
          supplier_id: supplier.id,
        },
        { as: 'procurement' },
      )
    ).body;
    const page = await open('procurement');
    await page.goto(`${baseUrl}/suppliers?filter=${encodeURIComponent(JSON.stringify({ q: SUFFIX }))}`);
    await page.getByText(supplier.name).click();
    await page.waitForURL(new RegExp(`/suppliers/${supplier.id}$`));
    await page.locator('[name="contact"]').fill('马经理');
    await page.locator('[name="phone"]').fill('0971-6123456');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/suppliers(\?.*)?$/);
    await page.getByText('0971-6123456').waitFor();
    expect((await get<SupplierRecord>(`/api/suppliers/${supplier.id}`, { as: 'procurement' })).body).to.include({
      contact: '马经理',
      phone: '0971-6123456',
      code: supplier.code,
    });

    await page.goto(`${baseUrl}/catalog-items?filter=${encodeURIComponent(JSON.stringify({ q: SUFFIX }))}`);
    await page.getByText(item.name).click();
    await page.waitForURL(new RegExp(`/catalog-items/${item.id}$`));
    await page.locator('[name="contract_price"]').fill('17.60');
    await page.getByText('12.0').waitFor(); // the saving per unit against the baseline: 2.40 = 12.0 %
    await shotForReview(page, 'finance-admin-catalog-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/catalog-items(\?.*)?$/);
    const back = (await get<CatalogItemRecord>(`/api/catalog-items/${item.id}`, { as: 'procurement' })).body;
    expect(back).to.include({ contract_price: '17.60', baseline_price: '20.00', supplier_id: supplier.id, name: item.name });
  });

  it('on a phone the order and delivery lists and the decision tables fit the screen', async () => {
    // a requisition waiting for a decision, for its decision table
    const items = (await get<CatalogItemRecord[]>('/api/catalog-items', { as: 'procurement', query: { filter: { active: true }, range: [0, 2] } })).body;
    const t13 = await unit('T13');
    const waiting = await post<RequisitionRecord>(
      '/api/requisitions',
      { org_unit_id: t13.id, lines: items.map((it) => ({ item_id: it.id, requested_qty: 8 })) },
      { as: 'director-T13' },
    );
    const approver = `director-${(await get<OrgUnitRecord>(`/api/org-units/${t13.parent_id}`, { as: 'admin' })).body.code}`;
    // an asset with a transfer waiting for the group, for its decision table
    const asset = await post<AssetRecord>(
      '/api/assets',
      {
        org_unit_id: await unitId('T11'),
        code: `ZC-UI2-${SUFFIX}`,
        name: '全自动生化分析仪（界面测试）',
        category: 'laboratory',
        value: '30000.00',
        acquired_on: '2025-03-01',
      },
      { as: 'director-T11' },
    );
    await post(`/api/assets/${asset.body.id}/offer`, { note: '闲置' }, { as: 'director-T11' });
    await post<AssetTransferRecord>(
      '/api/asset-transfers',
      { asset_id: asset.body.id, to_org_unit_id: await unitId('T12'), reason: '检验科设备老化，急需一台生化分析仪替换使用' },
      { as: 'director-T12' },
    );

    for (const [user, paths] of [
      ['procurement', ['/purchase-orders', '/deliveries']],
      ['director-T01', ['/deliveries']],
      [approver, [`/requisitions/${waiting.body.id}/show`]],
      ['finance', [`/assets/${asset.body.id}/show`, `/assets/${assetId}/show`]],
    ] as const) {
      const page = await open(user, PHONE);
      for (const p of paths) {
        await page.goto(`${baseUrl}${p}`);
        await page.locator('main').first().waitFor();
        await settle(page);
        await shotForReview(page, `finance-admin-phone-${user}${p.replace(/\//g, '_')}`);
        await expectFits(page, `${user} ${p}`);
      }
      await page.context().close();
    }
    // the decision on a phone still works
    const page = await open(approver, PHONE);
    await page.goto(`${baseUrl}/requisitions/${waiting.body.id}/show`);
    await page.getByTestId('approve-requisition').click();
    await page.getByTestId('requisition-decision').waitFor({ state: 'detached' });
    expect((await get<RequisitionRecord>(`/api/requisitions/${waiting.body.id}`, { as: approver })).body.status).to.equal('approved');
  });
});
