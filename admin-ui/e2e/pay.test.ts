// 绩效工资 in a real browser, issue 19's "Done when", all by clicking from the home page: last year's
// final settlement run reviewed by finance and approved by admin (unless another file did it — then
// put back as the demo had it); finance creates and calculates a township's December pay run of
// last year; its director (who here also holds group finance) reviews it and is refused approving
// it (four eyes), finance approves; a line's drill-down lists the follow-ups behind it and its quality adjustment; 绩效追溯
// shows every check ✓ and the workbook downloads; doctor-V001 sees 本月健康管理绩效 on the phone.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, put, unitId, type Json } from '../../scripts/test/harness';
import { lastYearFinalRun, restoreFinalRun, type FinalRunSnapshot } from '../../scripts/test/finalRun';
import * as clock from '../../api/core/clock';
import type { PayLine, PayLineItem, PayRun, PayRunDepartment, PayStatement, PayTrace, SchemeView } from '../../api/pay';
import { clickMenu, login, newPage, PHONE, shotForReview, selectOption, startBrowserTest } from './browser';

type RunRead = Json<PayRun> & { lines: Json<PayLine>[] };
const year = Number(clock.today().slice(0, 4)) - 1;
// a township no other test pays; its December run of last year is this file's own
const TOWNSHIP = 'T19';
const TWO_HATS = 'pay-e2e-two-hats';
const PASSWORD = 'twohats-e2e-123';
const money = (v: string) => `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('admin UI: performance pay (绩效工资), from the final settlement to the village doctor', function () {
  this.timeout(300_000);
  let browser: Browser;
  let baseUrl: string;
  let snapshot: FinalRunSnapshot;
  let townshipName: string;
  let twoHatsId: number;
  let runId: number;

  async function open(username: string, password?: string, viewport = { width: 1400, height: 900 }) {
    const page = await newPage(browser, viewport);
    await login(page, baseUrl, username, password);
    return page;
  }

  /** From the home page: the menu's 绩效核算 filtered to the township and the month, then its December run of last year. */
  async function openDecemberRun(page: Page) {
    await clickMenu(page, '/pay-runs');
    // a reader of every township's runs finds this one by the list's township and month filters
    await selectOption(page, 'org_unit_id', townshipName);
    await page.locator('input[name="month"]').fill(`${year}-12`);
    const row = page
      .locator('.RaDatagrid-row')
      .filter({ hasText: townshipName })
      .filter({ hasText: `${year}年12月` });
    await row.first().waitFor();
    expect(await row.count(), 'one December run of the township').to.equal(1);
    await row.locator('td').first().click();
    await page.getByTestId('pay-lines').waitFor();
  }

  const status = (page: Page, label: string) =>
    page.locator('.RaSimpleShowLayout-root, .RaSimpleShowLayout-stack, main').getByText(label, { exact: true }).first().waitFor();

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
    snapshot = await lastYearFinalRun();
    const township = await unitId(TOWNSHIP);
    townshipName = (await get<{ name: string }>(`/api/org-units/${township}`, { as: 'admin' })).body.name;
    // a director of the township who also holds group finance: the four-eyes rule is what stops them approving
    const made = await post<{ id: number }>(
      '/api/users',
      { username: TWO_HATS, display_name: '兼任院长', roles: ['director', 'group_finance'], org_unit_id: township, password: PASSWORD },
      { as: 'admin' },
    );
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    twoHatsId = made.body.id;
  });

  after(async () => {
    await browser?.close();
    // a second director at the township would take its director's place in other files' approval chains
    if (twoHatsId) await put(`/api/users/${twoHatsId}`, { active: false }, { as: 'admin' });
    if (snapshot) await restoreFinalRun(snapshot);
  });

  it("last year's final settlement run is approved: finance reviews it, admin approves it (or another file already did)", async () => {
    if (snapshot.status !== 'approved') {
      for (const [who, step] of [
        ['finance', 'review'],
        ['admin', 'approve'],
      ] as const) {
        if (step === 'review' && snapshot.status !== 'calculated') continue;
        const page = await open(who);
        await clickMenu(page, '/settlement-runs');
        const finalRow = page
          .locator('.RaDatagrid-row')
          .filter({ hasText: '年终清算' })
          .filter({ hasText: `大通县 ${year}` });
        await finalRow.first().waitFor();
        await finalRow.locator('td').first().click();
        await page.getByTestId(`step-${step}`).click();
        if (step === 'review') await page.getByTestId('step-text').fill('核对无误，提交批准（绩效工资）');
        await page.getByTestId('step-submit').click();
        await page.locator(`[data-testid="run-status"][data-status="${step === 'review' ? 'reviewed' : 'approved'}"]`).waitFor();
        await page.context().close();
      }
    }
    expect((await lastYearFinalRun()).status).to.equal('approved');
  });

  it("finance creates the township's December pay run of last year and calculates it: the settlement share is in its pool", async () => {
    const page = await open('finance');
    await clickMenu(page, '/pay-runs');
    await page.locator('a[href="/pay-runs/create"]').first().click();
    await selectOption(page, 'org_unit_id', townshipName);
    await page.locator('input[name="month"]').fill(`${year}-12`);
    await page.locator('input[name="budgeted_fund"]').fill('6000.00');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('pay-calculate').click();
    await page.getByTestId('pay-lines').waitFor();
    await status(page, '已计算');
    runId = Number(/\/pay-runs\/(\d+)\/show/.exec(page.url())![1]);
    const run = (await get<RunRead>(`/api/pay-runs/${runId}`, { as: 'finance' })).body;
    expect(run).to.include({ month: `${year}-12-01`, status: 'calculated', budgeted_fund: '6000.00' });
    expect(Number(run.settlement_share), 'the township has its share of the staff-performance pool').to.be.greaterThan(0);
    expect(run.lines.length).to.be.greaterThan(0);
    expect(await page.getByTestId('pay-lines').locator('tbody tr').count()).to.equal(run.lines.length);
    await shotForReview(page, 'pay-run-calculated');
    await page.context().close();
  });

  it('its director reviews it; the reviewer is refused approving it (four eyes); finance approves', async () => {
    const director = await open(TWO_HATS, PASSWORD);
    await openDecemberRun(director);
    await director.getByTestId('pay-review').click();
    await status(director, '院长已审核');
    await director.getByTestId('pay-approve').click();
    await director.getByText('审核人不能再批准同一批次（双人复核）').waitFor();
    await shotForReview(director, 'pay-run-four-eyes');
    await director.context().close();
    expect((await get<Json<PayRun>>(`/api/pay-runs/${runId}`, { as: 'finance' })).body.status).to.equal('reviewed');

    const finance = await open('finance');
    await openDecemberRun(finance);
    await finance.getByTestId('pay-approve').click();
    await status(finance, '财务已批准');
    const run = (await get<Json<PayRun>>(`/api/pay-runs/${runId}`, { as: 'finance' })).body;
    expect(run).to.include({ status: 'approved', reviewed_by_name: '兼任院长' });
    await finance.context().close();
  });

  it("a line's drill-down lists the follow-ups behind its points", async () => {
    const run = (await get<RunRead>(`/api/pay-runs/${runId}`, { as: 'finance' })).body;
    const line = run.lines.reduce((a, b) => (Number(b.gross_points) > Number(a.gross_points) ? b : a));
    expect(Number(line.gross_points), 'someone earned points in December').to.be.greaterThan(0);
    const items = (await get<{ items: Json<PayLineItem>[] }>(`/api/pay-runs/${runId}/lines/${line.id}`, { as: 'finance' })).body.items;
    const page = await open('finance');
    await openDecemberRun(page);
    await page.getByTestId('pay-lines').locator('tbody tr').filter({ hasText: line.name }).first().click();
    const table = page.getByTestId('pay-items');
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).to.equal(items.length);
    const followup = items.find((i) => i.kind === 'followup')!;
    expect(followup, 'a follow-up behind the points').to.exist;
    const row = table.locator('tbody tr').filter({ hasText: followup.ref_id }).first();
    expect(await row.textContent())
      .to.contain(followup.on)
      .and.contain('随访记录');
    // the line's quality adjustment: the unit's quality score and its points ±, or none when not inspected
    expect(await page.getByTestId('pay-line-quality').textContent()).to.contain(
      line.unit_quality_score === null ? '当年未受检，不加减分' : `当年质量得分 ${line.unit_quality_score}，质量加减分 ${line.unit_quality_points}`,
    );
    await shotForReview(page, 'pay-line-drill-down');
    await page.context().close();
  });

  it('绩效追溯: from the retained surplus to the people, every figure right-aligned with two decimals, every check ✓; the workbook downloads', async () => {
    const trace = (await get<PayTrace>(`/api/pay-runs/${runId}/trace`, { as: 'finance' })).body;
    const page = await open('finance');
    await openDecemberRun(page);
    await page.getByTestId('pay-trace-open').click();
    const dialog = page.getByTestId('pay-trace');
    const checks = dialog.locator('[data-testid^="trace-check-"]');
    await checks.first().waitFor();
    expect(await checks.count()).to.equal(8);
    expect(await checks.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ok')))).to.deep.equal(Array(8).fill('true'));
    expect((await checks.allTextContents()).every((t) => t.endsWith('✓'))).to.equal(true);
    const retained = dialog.getByTestId('trace-retained').locator('td').last();
    expect(await retained.textContent()).to.equal(money(trace.settlement!.retained).slice(1));
    expect(await retained.evaluate((td) => getComputedStyle(td).textAlign)).to.equal('right');
    expect(await dialog.getByTestId('trace-shares').locator('tbody tr').count()).to.equal(trace.settlement!.recipients + 1);
    const people = dialog.getByTestId('trace-people').locator('tbody tr');
    expect(await people.count()).to.equal(trace.people.length + 1);
    expect(await people.last().locator('td').last().textContent()).to.equal(money(trace.run.pool).slice(1));
    await shotForReview(page, 'pay-trace');
    await dialog.getByRole('button', { name: '关闭' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pay-download').click()]);
    expect(download.suggestedFilename()).to.equal(`绩效工资-${year}-12-run${runId}.xlsx`);
    await page.context().close();
  });

  it("the HQ's newest run (the demo's): each department with its indicators, score and share, its people under it", async () => {
    const hq = await unitId('HQ');
    // newest month first, as the list shows them
    const runs = (await get<Json<PayRun>[]>(`/api/pay-runs?filter=${encodeURIComponent(JSON.stringify({ org_unit_id: hq }))}`, { as: 'finance' })).body;
    const run = (await get<RunRead & { departments: Json<PayRunDepartment>[] }>(`/api/pay-runs/${runs[0].id}`, { as: 'finance' })).body;
    expect(run.departments.length, 'the demo paid the HQ by department').to.be.greaterThan(1);
    const page = await open('finance');
    await clickMenu(page, '/pay-runs');
    const hqName = (await get<{ name: string }>(`/api/org-units/${hq}`, { as: 'admin' })).body.name;
    await selectOption(page, 'org_unit_id', hqName);
    // the list filtered to the HQ (its newest month first): not a row of the list before the filter
    await page.locator('.RaDatagrid-row').filter({ hasText: hqName }).first().locator('td').first().click();
    const cards = page.getByTestId('pay-department');
    await cards.first().waitFor();
    expect(await cards.count()).to.equal(run.departments.length);
    const biggest = run.departments.reduce((a, b) => (b.people > a.people ? b : a));
    const card = cards.filter({ hasText: biggest.name }).first();
    expect(await card.textContent())
      .to.contain(`科室得分 ${biggest.score}`)
      .and.contain('药占比');
    expect(await card.getByTestId('pay-department-people').locator('tbody tr').count()).to.equal(biggest.people);
    await shotForReview(page, 'pay-run-departments');
    await page.context().close();
  });

  it('绩效方案: finance reads the scheme; department weights that do not add up to 100 are refused on their inputs, nothing saved', async () => {
    const scheme = (await get<SchemeView>('/api/pay-scheme', { as: 'finance' })).body;
    const page = await open('finance');
    await clickMenu(page, '/pay-scheme');
    const drug = page.locator('input[name="department_scheme.weights.drug_share"]');
    expect(await drug.inputValue()).to.equal(String(scheme.department_scheme.weights.drug_share));
    expect(await page.locator('input[name="points.hypertension_followup"]').inputValue()).to.equal(String(scheme.points.hypertension_followup));
    await drug.fill(String(scheme.department_scheme.weights.drug_share + 10));
    await page.getByTestId('save-pay-scheme').click();
    const refused = page.locator('.MuiTextField-root', { has: drug }).locator('.MuiFormHelperText-root.Mui-error');
    expect(await refused.textContent()).to.equal('三项权重合计须为 100');
    expect((await get<SchemeView>('/api/pay-scheme', { as: 'finance' })).body).to.deep.equal(scheme);
    await page.context().close();
  });

  it('doctor-V001 on the phone: 本月健康管理绩效 with the amount of the last calculated month', async () => {
    const statement = (await get<PayStatement>('/api/pay-statement', { as: 'doctor-V001' })).body;
    expect(statement.last, 'the demo calculated last month').to.not.equal(null);
    const page = await open('doctor-V001', undefined, PHONE);
    const card = page.getByTestId('home-pay-statement');
    await card.waitFor();
    expect(await card.textContent()).to.contain('本月健康管理绩效');
    const amount = card.locator(`[data-testid="pay-amount"][data-value="${statement.last!.amount}"]`);
    await amount.waitFor();
    expect(await amount.textContent()).to.contain(money(statement.last!.amount));
    expect(await card.getByTestId('pay-points').getAttribute('data-value')).to.equal(statement.points);
    // the medical-risk fund: this year's contributions so far, and the latest year-end return or when it comes
    const fund = card.getByTestId('pay-risk-fund');
    expect(await fund.getAttribute('data-value')).to.equal(statement.risk_fund[0].contributed);
    const returned = statement.risk_fund.find((y) => y.returned !== null);
    expect(await fund.textContent()).to.contain(returned ? `${returned.year} 年终返还 ${money(returned.returned!)}` : '年终返还：十二月绩效批准后发放');
    await shotForReview(page, 'pay-statement-phone');
    await page.context().close();
  });
});
