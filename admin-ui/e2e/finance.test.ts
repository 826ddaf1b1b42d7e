// Finance screens in a real browser: an expense request by director-T01 above the director's
// limit shows its chain (director above → group finance), is stopped over the budget with the
// figures, and is approved by the director then by finance; a budget whose months don't add up
// is refused with the difference shown, then saved and revised into a new version; finance
// closes a month and a posting into it is refused. Also looks at the screens on a phone.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { errorShown, expectFits, loggedInPage, PHONE, selectOption, settle, shotForReview, startBrowserTest } from './browser';
import type { BudgetRecord, ExpenseRequestRecord, ExpenseRequestStep, LedgerEntryRecord } from '../src/finance/records';
import type { OrgUnitRecord } from '../src/shared/records';

const YEAR = 2034; // a year of our own: no demo data, no other test's budgets or closed months

describe('admin UI: finance forms and actions', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;
  let parent: { code: string; name: string };
  let requestId: number;

  const open = (username: string, viewport?: { width: number; height: number }) => loggedInPage(browser, baseUrl, username, viewport);

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
    const t01 = await get<OrgUnitRecord>(`/api/org-units/${await unitId('T01')}`, { as: 'admin' });
    parent = (await get<OrgUnitRecord>(`/api/org-units/${t01.body.parent_id}`, { as: 'admin' })).body;
    const b = await post<BudgetRecord>('/api/budgets', { org_unit_id: t01.body.id, year: YEAR, account: 'equipment', amount: '90000.00' }, { as: 'finance' });
    expect(b.status, JSON.stringify(b.body)).to.equal(200);
  });

  after(async () => {
    await browser?.close();
  });

  it('director-T01 is stopped over the budget with the figures, then raises a request above the limit and sees the chain director → group finance', async () => {
    const page = await open('director-T01');
    await page.goto(`${baseUrl}/expense-requests/create`);
    await selectOption(page, 'account', '设备购置费');
    await page.locator('[name="request_date"]').fill(`${YEAR}-02-01`);
    await page.locator('[name="purpose"]').fill('购置全自动生化分析仪（界面测试）');
    await page.locator('[name="amount"]').fill('95000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('over-budget').waitFor();
    expect(await page.getByTestId('over-budget-budget').textContent()).to.equal('90,000.00');
    expect(await page.getByTestId('over-budget-remaining').textContent()).to.equal('90,000.00');
    expect(await page.getByTestId('over-budget-requested').textContent()).to.equal('95,000.00');
    // a director may not override: no override field
    expect(await page.locator('[name="override_reason"]').count()).to.equal(0);
    await shotForReview(page, 'finance-over-budget');

    await page.locator('[name="amount"]').fill('30000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/expense-requests\/\d+\/show$/);
    requestId = Number(page.url().match(/expense-requests\/(\d+)/)![1]);
    await page.getByTestId('step-2').waitFor();
    // step 1: the director of the unit above (director-T01 raised it and may not approve it)
    await page.getByTestId('step-1').filter({ hasText: parent.name }).waitFor();
    expect(await page.getByTestId('step-1').textContent()).to.contain('院长');
    expect(await page.getByTestId('step-2').textContent()).to.contain('集团财务管理中心');
    expect(await page.getByTestId('step-status-1').textContent()).to.equal('待审批');
    // the requester sees no decision buttons on their own request
    expect(await page.getByTestId('approve').count()).to.equal(0);
    await shotForReview(page, 'finance-request-chain');
  });

  it('the director above approves, then group finance; finance alone sees the pay button', async () => {
    const director = await open(`director-${parent.code}`);
    await director.goto(`${baseUrl}/expense-requests/${requestId}/show`);
    await director.getByTestId('decision-comment').fill('同意购置');
    await director.getByTestId('approve').click();
    await director.getByTestId('step-status-2').filter({ hasText: '待审批' }).waitFor();
    expect(await director.getByTestId('step-status-1').textContent()).to.equal('同意');
    expect(await director.getByTestId('approve').count()).to.equal(0);

    const finance = await open('finance');
    await finance.goto(`${baseUrl}/expense-requests/${requestId}/show`);
    await finance.getByTestId('approve').click();
    await finance.getByTestId('request-status').filter({ hasText: '已批准' }).waitFor();
    expect(await finance.getByTestId('pay').count()).to.equal(1);
    await shotForReview(finance, 'finance-request-approved');
    const r = await get<ExpenseRequestRecord & { steps: ExpenseRequestStep[] }>(`/api/expense-requests/${requestId}`, { as: 'finance' });
    expect(r.body.status).to.equal('approved');
    expect(r.body.steps.map((s) => s.decided_by_name)).to.have.length(2);
  });

  it('a budget whose months do not add up is refused with the difference shown; saved, then revised into version 2', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/budgets/create`);
    await page.locator('[name="year"]').fill(String(YEAR));
    await selectOption(page, 'account', '培训进修费');
    await page.locator('[name="amount"]').fill('1200');
    for (let m = 0; m < 12; m++) await page.locator(`[name="monthly.${m}"]`).fill(m === 11 ? '50' : '100');
    expect(await page.getByTestId('monthly-diff').textContent())
      .to.contain('1,150.00')
      .and.contain('差额 50.00');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('月度合计 1,150.00 与年度预算不符，差额 50.00').waitFor();
    expect(page.url()).to.match(/\/budgets\/create$/);
    await shotForReview(page, 'finance-budget-refused');

    await page.locator('[name="monthly.11"]').fill('100');
    expect(await page.getByTestId('monthly-diff').textContent()).to.contain('差额 0.00');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/budgets\/\d+\/show$/);
    await page.getByTestId('version-1').waitFor();

    await page.getByTestId('revise-budget').click();
    await page.waitForURL(/\/budgets\/\d+$/);
    await page.locator('[name="amount"]').fill('1500');
    await page.getByTestId('spread-evenly').click();
    await page.locator('[name="reason"]').fill('增加全科医生转岗培训');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('version-2').waitFor();
    expect(await page.getByTestId('budget-versions').locator('tbody tr').count()).to.equal(2);
    expect(await page.getByTestId('version-1').textContent()).to.contain('已被替代');
    await shotForReview(page, 'finance-budget-versions');
  });

  it('finance closes a month; a posting into it is refused in the form', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/ledger-periods`);
    await page.getByTestId('close-period').click();
    await page.getByTestId('period-month').fill(`${YEAR}-06`);
    await page.getByTestId('confirm-close-period').click();
    await page.getByText(`${YEAR}-06`, { exact: true }).first().waitFor();

    await page.goto(`${baseUrl}/ledger-entries/create`);
    await page.locator('[name="entry_date"]').fill(`${YEAR}-06-15`);
    await selectOption(page, 'debit_account', '日常运行费');
    await page.locator('[name="amount"]').fill('100');
    await page.locator('[name="memo"]').fill('界面测试：补记六月水电费');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('period-closed').waitFor();
    expect(await page.getByTestId('period-closed').textContent()).to.contain(`${YEAR}-06 已结账`);
    expect(page.url()).to.match(/\/ledger-entries\/create$/);
    await shotForReview(page, 'finance-period-closed');
    const entries = await get<LedgerEntryRecord[]>('/api/ledger-entries', {
      as: 'finance',
      query: { filter: { entry_date_gte: `${YEAR}-06-01`, entry_date_lte: `${YEAR}-06-30` } },
    });
    expect(entries.body).to.have.length(0);
  });

  it('the finance and procurement forms and lists on a phone: each opens without an error and fits the screen', async () => {
    // the desktop's lists are walked by first-row*.test.ts; these are the screens a phone user reaches
    for (const [user, paths] of [
      [
        'finance',
        [
          '/budgets/create',
          `/expense-requests/${requestId}/show`,
          '/spending-limits',
          '/spending-limits/create',
          '/ledger-periods',
          '/risk-fund-entries',
          '/assets',
          '/asset-transfers',
        ],
      ],
      ['director-T01', ['/expense-requests/create', '/asset-market', '/assets/create', '/requisitions']],
      ['procurement', ['/catalog-items', '/catalog-items/create', '/suppliers', '/stock']],
    ] as const) {
      const page = await open(user, PHONE);
      for (const p of paths) {
        await page.goto(`${baseUrl}${p}`);
        await page.locator('main').first().waitFor();
        await settle(page);
        await shotForReview(page, `finance-phone-${user}${p.replace(/\//g, '_')}`);
        // a failure keeps the screen as it was (onFailure in browser.ts)
        expect(await errorShown(page), `${user} ${p}: error page`).to.equal(false);
        await expectFits(page, `${user} ${p}`);
      }
      await page.context().close();
    }
  });
});
