// 医保打包付费 in a real browser: as `finance` import a claims xlsx for last year with three bad
// rows (listed by row and field), commit the rest; recalculate last year's final run with a
// reason and review it; as `admin` approve it (four eyes); a later import touching last year is
// refused for the locked period, with the reason on screen. Also the dashboard's drill-down, and a correction run
// (a late claim, a demo claim reversed) whose page shows 与已批准结算的差异.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { checkDigit, revealIdNumber } from '../../api/core/personalId';
import { call, get, post, unitId } from '../../scripts/test/harness';
import { db } from '../../api/db/knex';
import { clickMenu, loggedInPage, login, newPage, shotForReview, startBrowserTest } from './browser';
import * as clock from '../../api/core/clock';
import { CLAIM_COLUMNS } from '../../api/settlement';
import type {
  AdvancesView,
  ClaimRecord,
  Dashboard,
  DiseaseSpectrum,
  FundYearRecord,
  RunDetail,
  RunDifference,
  RunFigures,
  RunSummary,
  UnitSummary,
  WhatIfAnswer,
} from '../src/settlement/types';

/** A run's own read once calculated: its figures are there */
type CalculatedRun = RunDetail & { figures: RunFigures };

// the claim file's template columns, without the optional insured name (these files carry none)
const HEADER = CLAIM_COLUMNS.map(([column]) => column).filter((column) => column !== 'insured_name');

const idNumber = (n: number) => {
  const first17 = `630121198502${String(10 + (n % 18)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};

/** An xlsx of `n` claims settled in `year`-06, with cell overrides by data row index; answers the file path. */
async function claimsXlsx(name: string, year: number, prefix: string, n: number, overrides: Record<number, Record<string, string | number>> = {}) {
  const file = path.join(os.tmpdir(), `erp-e2e-${name}-${process.pid}.xlsx`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('claims');
  ws.addRow(HEADER);
  for (let i = 0; i < n; i++) {
    const inpatient = i % 3 === 0;
    const day = `${year}-06-${String(1 + (i % 28)).padStart(2, '0')}`;
    const total = inpatient ? 6000 + i : 120 + i;
    const fund = Math.round(total * 60) / 100;
    const selfFunded = Math.round(total * 4) / 100;
    const row: Record<string, string | number> = {
      claim_no: `${prefix}-${i + 1}`,
      id_number: idNumber(i),
      insured_township_code: i % 2 ? 'T01' : 'T02',
      provider_class: 'in_group',
      provider_unit_code: inpatient ? 'B1' : 'T01',
      provider_name: '',
      care_type: inpatient ? 'inpatient' : 'outpatient',
      visit_on: day,
      discharged_on: inpatient ? day : '',
      settled_on: day,
      total_cost: total.toFixed(2),
      fund_paid: fund.toFixed(2),
      self_pay: (total - fund - selfFunded).toFixed(2),
      self_funded: selfFunded.toFixed(2),
      drug_cost: (total * 0.3).toFixed(2),
      consumables_cost: '0',
      diagnosis: 'I10',
      referred_up: 'false',
      ...overrides[i],
    };
    ws.addRow(HEADER.map((h) => row[h]));
  }
  await wb.xlsx.writeFile(file);
  return file;
}

describe('admin UI: settlement (医保打包付费)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let baseUrl: string;
  let lastYear: { id: number; region: string; year: number };
  let finalRunId: number;
  const files: string[] = [];

  const open = (username: string) => loggedInPage(browser, baseUrl, username, { width: 1400, height: 900 });

  /** Picks the fund year in a MUI select (TextField select with a data-testid). */
  async function pickFundYear(page: Page, testId: string) {
    await page.getByTestId(testId).locator('[role="combobox"]').click();
    await page.getByRole('option', { name: `${lastYear.region} ${lastYear.year}` }).click();
  }

  async function upload(page: Page, file: string) {
    await page.goto(`${baseUrl}/claims-import`);
    await pickFundYear(page, 'import-fund-year');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('dry-run').click();
    await page.getByTestId('import-summary').waitFor();
  }

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
    const year = Number(clock.today().slice(0, 4)) - 1;
    const fys = await get<FundYearRecord[]>('/api/fund-years', { as: 'finance', query: { filter: JSON.stringify({ year }) } });
    lastYear = fys.body.find((f) => f.region === '大通县')!;
    expect(lastYear, 'the demo has last year’s fund year').to.exist;
    const runs = await get<RunSummary[]>('/api/settlement-runs', {
      as: 'finance',
      query: { filter: JSON.stringify({ fund_year_id: lastYear.id, kind: 'final', current: true }) },
    });
    expect(runs.body, JSON.stringify(runs.body)).to.have.length(1);
    finalRunId = runs.body[0].id;
    expect(runs.body[0].status).to.equal('calculated');
  });

  after(async () => {
    await browser?.close();
    for (const f of files) fs.rmSync(f, { force: true });
  });

  it('finance, from the menu at 1440 px: fund years show their budget; the runs fit, last year’s final run on page 1; its units by level', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, baseUrl, 'finance');
    await page.locator('a.RaMenuItemLink-root[href="/fund-years"]').click();
    const yearRow = page
      .locator('.RaDatagrid-row')
      .filter({ hasText: lastYear.region })
      .filter({ hasText: String(lastYear.year) })
      .first();
    await yearRow.waitFor();
    const budget = (await get<FundYearRecord>(`/api/fund-years/${lastYear.id}`, { as: 'finance' })).body.budget;
    const [whole, fen] = budget.split('.');
    expect(await yearRow.locator('td.column-budget').textContent()).to.equal(`¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen}`);
    await shotForReview(page, 'settlement-fund-years-1440');

    await page.locator('a.RaMenuItemLink-root[href="/settlement-runs"]').click();
    const finalRow = page
      .locator('.RaDatagrid-row')
      .filter({ hasText: '年终清算' })
      .filter({ hasText: `${lastYear.region} ${lastYear.year}` });
    await finalRow.first().waitFor();
    expect(await finalRow.count(), 'last year’s final run on the first page').to.equal(1);
    const wrapper = page.locator('.RaDatagrid-tableWrapper');
    const [scrollWidth, clientWidth] = await wrapper.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth, 'the runs table fits at 1440 px').to.be.at.most(clientWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(1440);
    await shotForReview(page, 'settlement-runs-1440');

    await finalRow.locator('td').first().click();
    await page.getByTestId('unit-indicators').waitFor();
    const codes = await page
      .locator('[data-testid^="unit-row-"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('unit-row-', '')));
    const level = (code: string) => (code === 'HQ' ? 1 : code.startsWith('B') ? 2 : 3);
    expect(codes.map(level)).to.deep.equal([...codes.map(level)].sort((a, b) => a - b));
    expect(codes.slice(0, 4)).to.deep.equal(['HQ', 'B1', 'B2', 'B3']);
    // the month's bars on their own (right) axis, the cumulative figures on the left one
    expect(await page.getByTestId('month-chart').locator('.recharts-yAxis').count()).to.equal(2);
    // every axis reads with distinct ticks (no "1万, 1万, 2万, 2万")
    for (const chart of ['month-chart', 'allocation-bars']) {
      for (const axis of await page.getByTestId(chart).locator('.recharts-yAxis').all()) {
        const ticks = await axis.locator('.recharts-cartesian-axis-tick-value').allTextContents();
        expect(new Set(ticks).size, `${chart}: ${ticks.join(' ')}`).to.equal(ticks.length);
      }
    }
    await shotForReview(page, 'settlement-final-run-1440');
    await page.context().close();
  });

  it('finance imports a claims file: three bad rows listed by row and field, the rest committed', async () => {
    const file = await claimsXlsx('claims', lastYear.year, 'E2E', 12, {
      1: { total_cost: '999.99' }, // spreadsheet row 3: the parts do not add up
      4: { provider_unit_code: 'NOPE' }, // row 6: unknown unit
      7: { settled_on: `${lastYear.year + 1}-01-05` }, // row 9: outside the fund year
    });
    files.push(file);
    const page = await open('finance');
    await upload(page, file);
    expect(await page.getByTestId('import-summary').textContent())
      .to.contain('9 行有效')
      .and.contain('3 行有错误');
    for (const id of ['rejected-3-total_cost', 'rejected-6-provider_unit_code', 'rejected-9-settled_on']) {
      expect(await page.getByTestId(id).count(), id).to.equal(1);
    }
    expect(await page.getByTestId('rejected-rows').locator('tbody tr').count()).to.equal(3);
    // in the user's language: the column's Chinese header and the problem in Chinese
    expect(await page.getByTestId('rejected-6-provider_unit_code').innerText()).to.match(/集团机构编码\s+未知的机构编码 NOPE/);
    expect(await page.getByTestId('rejected-9-settled_on').innerText()).to.contain(`须在基金年度 ${lastYear.year} 内`);
    await shotForReview(page, 'settlement-import-dry-run');
    await page.getByTestId('commit').click();
    await page.getByText('导入完成').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).to.contain('新增 9');
    const stored = await get<ClaimRecord[]>('/api/claims', {
      as: 'finance',
      query: { filter: JSON.stringify({ fund_year_id: lastYear.id, q: 'E2E-' }), range: '[0,99]' },
    });
    expect(stored.body.map((c) => c.claim_no).sort()).to.deep.equal(['E2E-1', 'E2E-10', 'E2E-11', 'E2E-12', 'E2E-3', 'E2E-4', 'E2E-6', 'E2E-7', 'E2E-9']);
    await page.context().close();
  });

  it('finance recalculates last year’s final run with a reason and reviews it; approving is not offered', async () => {
    const before = (await get<CalculatedRun>(`/api/settlement-runs/${finalRunId}`, { as: 'finance' })).body;
    const page = await open('finance');
    await page.goto(`${baseUrl}/settlement-runs/${finalRunId}/show`);
    await page.getByTestId('run-status').waitFor();
    expect(await page.getByTestId('step-approve').count()).to.equal(0);
    await page.getByTestId('step-recalculate').click();
    // no reason, no recalculation
    expect(await page.getByTestId('step-submit').isDisabled()).to.equal(true);
    await page.getByTestId('step-text').fill('导入补报的 6 月结算单');
    await page.getByTestId('step-submit').click();
    await page.getByTestId('version-2').waitFor();
    expect(await page.getByTestId('run-version').textContent()).to.contain('2');
    expect(await page.getByTestId('versions').textContent()).to.contain('导入补报的 6 月结算单');
    const after = (await get<CalculatedRun>(`/api/settlement-runs/${finalRunId}`, { as: 'finance' })).body;
    expect(after.figures.spending.claims).to.equal(before.figures.spending.claims + 9);
    expect(await page.getByTestId('figure-spending').textContent()).to.contain(
      Number(after.figures.spending.total).toLocaleString('zh-CN', { minimumFractionDigits: 2 }),
    );
    // the earlier calculation stays viewable
    await page.getByTestId('version-1').getByRole('button').click();
    await page.getByTestId('viewing-version').waitFor();
    expect(await page.getByTestId('figure-spending').textContent()).to.contain(
      Number(before.figures.spending.total).toLocaleString('zh-CN', { minimumFractionDigits: 2 }),
    );
    await page.getByTestId('viewing-version').getByRole('button').click();

    await page.getByTestId('step-review').click();
    await page.getByTestId('step-text').fill('数据核对无误，提交批准');
    await page.getByTestId('step-submit').click();
    await page.locator('[data-testid="run-status"][data-status="reviewed"]').waitFor();
    expect(await page.getByTestId('history').textContent()).to.contain('数据核对无误');
    expect(await page.getByTestId('step-review').count()).to.equal(0);
    expect(await page.getByTestId('step-approve').count()).to.equal(0);
    await shotForReview(page, 'settlement-run-reviewed');
    await page.context().close();
  });

  it('finance, from the home page: 结算看板 shows last year’s advances and its 清算; the final run’s page shows the same card', async () => {
    const a = (await get<AdvancesView>(`/api/fund-years/${lastYear.id}/advances`, { as: 'finance' })).body;
    const r = a.reconciliation!;
    expect(r, 'last year’s final run is calculated').to.exist;
    const money = (v: string) => `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const said = r.direction === 'group_returns' ? '集团应退回基金' : '基金应补付集团';
    const page = await open('finance');
    await clickMenu(page, '/settlement-dashboard');
    await pickFundYear(page, 'fund-year-select');
    const card = page.getByTestId('advances-card');
    await card.getByTestId('reconciliation').waitFor();
    expect(await card.getByTestId('reconciliation-amount').textContent()).to.equal(`${said} ${money(r.amount)}`);
    expect(await card.locator('[data-testid^="advance-"]').count()).to.equal(13); // twelve months and the total
    expect(await card.getByTestId('advance-total').textContent()).to.contain(money(a.total_paid));
    expect(await card.getByTestId('advance-10').textContent()).to.contain('少拨');
    await shotForReview(page, 'settlement-dashboard-advances');

    // → the final run (the dashboard's latest run of last year): its 预拨付与清算 card with the same 清算
    await page
      .getByTestId('latest-run')
      .filter({ hasText: String(lastYear.year) })
      .getByRole('link')
      .click();
    await page.getByTestId('run-show').waitFor();
    const runCard = page.getByTestId('run-show').getByTestId('advances-card');
    await runCard.getByTestId('reconciliation').waitFor();
    expect(await runCard.getByTestId('reconciliation-amount').textContent()).to.equal(`${said} ${money(r.amount)}`);
    expect(await page.getByTestId('run-estimate').count(), 'the final run is no estimate').to.equal(0);
    await shotForReview(page, 'settlement-final-run-advances');
    await page.context().close();
  });

  it('病种谱 from the menu: last year’s top 20 by admissions and by fund paid, as the API answers them; a township’s director sees their own', async () => {
    const api = (await get<DiseaseSpectrum>(`/api/fund-years/${lastYear.id}/disease-spectrum`, { as: 'finance' })).body;
    const [first] = api.by_admissions;
    expect(first, 'the demo’s claims carry diagnoses').to.exist;
    const page = await open('finance');
    await clickMenu(page, '/disease-spectrum');
    await pickFundYear(page, 'spectrum-fund-year');
    const row = page.getByTestId(`spectrum-admissions-${first.code}`);
    await row.waitFor();
    expect(await row.textContent()).to.contain(first.name);
    expect(await row.textContent()).to.contain(first.admissions.toLocaleString('zh-CN'));
    expect(await page.getByTestId('spectrum-fund').locator('tbody tr').count()).to.equal(api.by_fund.length);
    await shotForReview(page, 'settlement-disease-spectrum');
    await page.context().close();

    const director = await open('director-T01');
    await clickMenu(director, '/disease-spectrum');
    await director.getByTestId('spectrum-admissions').waitFor();
    expect(await director.getByTestId('spectrum-unit').textContent()).to.contain('T01');
    await director.context().close();
  });

  it('finance records last year’s October advance by clicking (a bad amount refused on its input in Chinese); the card shows it and the new 清算; the auditor has no button', async () => {
    const url = `/api/fund-years/${lastYear.id}/advances`;
    const before = (await get<AdvancesView>(url, { as: 'finance' })).body;
    const october = before.months[9];
    const lacking = ((Math.round(Number(october.planned) * 100) - Math.round(Number(october.paid) * 100)) / 100).toFixed(2);
    expect(Number(lacking), 'the demo pays October short').to.be.greaterThan(0);
    const money = (v: string) => `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const page = await open('finance');
    await clickMenu(page, '/settlement-dashboard');
    await pickFundYear(page, 'fund-year-select');
    const card = page.getByTestId('advances-card');
    await card.getByTestId('reconciliation').waitFor();
    await card.getByTestId('record-advance-10').click();
    const dialog = page.getByTestId('record-advance-dialog');
    // prefilled: what October still lacks, paid today by the app's clock
    expect(await dialog.getByTestId('record-advance-amount').inputValue()).to.equal(lacking);
    expect(await dialog.getByTestId('record-advance-paid_on').inputValue()).to.equal(clock.today());
    await dialog.getByTestId('record-advance-reference').fill('E2E-预拨-10');
    // 0 is refused by the API, on the amount, in Chinese
    await dialog.getByTestId('record-advance-amount').fill('0');
    await dialog.getByTestId('record-advance-save').click();
    const refusal = dialog.getByTestId('record-advance-amount-error');
    // the API's answer, on the input (until it comes MUI holds the line with a zero-width space)
    await refusal.filter({ hasText: /[^\s\u200b]/ }).waitFor();
    expect(await refusal.textContent()).to.equal('请填写大于 0 的金额，至多两位小数');
    await dialog.getByTestId('record-advance-amount').fill(lacking);
    await dialog.getByTestId('record-advance-save').click();
    await dialog.waitFor({ state: 'detached' });

    const after = (await get<AdvancesView>(url, { as: 'finance' })).body;
    expect(after.months[9].paid).to.equal(october.planned);
    expect(after.months[9].paid_on).to.include(clock.today());
    expect(Number(after.total_paid) * 100).to.be.closeTo((Number(before.total_paid) + Number(lacking)) * 100, 0.5);
    const r = after.reconciliation!;
    expect(r.advances_paid).to.equal(after.total_paid);
    // the 清算 moves by what was paid: due less all the advances
    expect(Math.round(Number(r.balance) * 100)).to.equal(Math.round((Number(before.reconciliation!.balance) - Number(lacking)) * 100));
    const said = { group_returns: '集团应退回基金', fund_pays_group: '基金应补付集团', settled: '已结清' }[r.direction];
    await card
      .getByTestId('advance-total')
      .filter({ hasText: money(after.total_paid) })
      .waitFor();
    const row = (await card.getByTestId('advance-10').textContent())!;
    expect(row).to.contain(money(october.planned)).and.contain(clock.today()).and.not.contain('少拨');
    expect(await card.getByTestId('reconciliation-amount').textContent()).to.equal(`${said} ${money(r.amount)}`);
    await shotForReview(page, 'settlement-advance-recorded');
    await page.context().close();

    const auditor = await open('auditor');
    await clickMenu(auditor, '/settlement-dashboard');
    await pickFundYear(auditor, 'fund-year-select');
    await auditor.getByTestId('advances-card').getByTestId('reconciliation').waitFor();
    expect(await auditor.locator('[data-testid^="record-advance-"]').count()).to.equal(0);
    await auditor.context().close();
  });
  it('admin approves the reviewed run (four eyes) and it is locked', async () => {
    const page = await open('admin');
    await page.goto(`${baseUrl}/settlement-runs/${finalRunId}/show`);
    await page.getByTestId('step-approve').click();
    await page.getByTestId('step-submit').click();
    await page.locator('[data-testid="run-status"][data-status="approved"]').waitFor();
    expect(await page.getByTestId('step-approve').count()).to.equal(0);
    expect(await page.getByTestId('step-recalculate').count()).to.equal(0);
    await shotForReview(page, 'settlement-run-approved');
    const run = (await get<CalculatedRun>(`/api/settlement-runs/${finalRunId}`, { as: 'finance' })).body;
    expect(run.status).to.equal('approved');
    expect(run.approved_by_name).to.equal('集团管理员'); // the person's name, not the login
    await page.context().close();
  });

  it('once admin has approved last year’s final run its 清算 is closed: the card says so and offers finance no 登记拨付', async () => {
    expect((await get<AdvancesView>(`/api/fund-years/${lastYear.id}/advances`, { as: 'finance' })).body.closed).to.equal(true);
    const page = await open('finance');
    await clickMenu(page, '/settlement-dashboard');
    await pickFundYear(page, 'fund-year-select');
    const card = page.getByTestId('advances-card');
    await card.getByTestId('reconciliation').waitFor();
    expect(await card.getByTestId('advances-subheader').textContent()).to.contain('年终结算已审批，清算已结');
    expect(await card.locator('[data-testid^="record-advance-"]').count()).to.equal(0);
    await page.context().close();
  });

  it('a later import touching last year is refused for the locked period', async () => {
    const file = await claimsXlsx('locked', lastYear.year, 'E2E-LATE', 2);
    files.push(file);
    const page = await open('finance');
    await upload(page, file);
    expect(await page.getByTestId('import-summary').textContent())
      .to.contain('0 行有效')
      .and.contain('2 行有错误');
    const reason = await page.getByTestId('rejected-2-settled_on').textContent();
    expect(reason).to.contain('结算日期').and.contain(`期间 ${lastYear.year}-06 已锁定：结算 ${finalRunId} 已批准`);
    expect(await page.getByTestId('commit').isDisabled()).to.equal(true);
    await shotForReview(page, 'settlement-import-locked');
    await page.context().close();
  });

  it('the dashboard shows last year’s figures and drills down from a township to its claims summary', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/settlement-dashboard`);
    await pickFundYear(page, 'fund-year-select');
    await page
      .getByTestId('latest-run')
      .filter({ hasText: String(lastYear.year) })
      .waitFor();
    expect(await page.getByTestId('gates').locator('[data-ok]').count()).to.equal(3);
    expect(await page.getByTestId('indicators').locator('[data-ok]').count()).to.equal(9);
    // the group twice: over the claims its units provided, and over all the claims of its insured, each indicator naming its set
    expect(await page.getByTestId('insured-indicators').locator('[data-ok]').count()).to.equal(9);
    expect(await page.getByTestId('indicators-drug_share-over').textContent()).to.equal('按提供的结算单');
    expect(await page.getByTestId('indicators-in_county_fund_share-over').textContent()).to.equal('按参保人的结算单');
    expect(await page.getByTestId('insured-indicators-drug_share-over').textContent()).to.equal('按参保人的结算单');
    await page.getByTestId('unit-row-T01').click();
    await page.getByTestId('drill-provided').waitFor();
    const summary = (await get<UnitSummary>(`/api/fund-years/${lastYear.id}/units/${await unitId('T01')}/summary`, { as: 'finance' })).body;
    const outpatient = summary.provided.find((r) => r.care_type === 'outpatient' && r.provider_class === 'in_group')!;
    expect(await page.getByTestId('drill-provided-outpatient-in_group').textContent()).to.contain(outpatient.claims.toLocaleString('zh-CN'));
    await shotForReview(page, 'settlement-dashboard-drill');
    await page.context().close();
  });

  it('finance, from the home page: 结算看板 shows this year’s 年终预测 with its method; last year’s final run 模拟测算 at 0.85 changes every township’s amount, a bad ratio named in Chinese', async () => {
    const yuan = (v: string) => Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const [thisYear] = (
      await get<FundYearRecord[]>('/api/fund-years', { as: 'finance', query: { filter: JSON.stringify({ year: lastYear.year + 1, region: lastYear.region }) } })
    ).body;
    const forecast = (await get<Dashboard>(`/api/fund-years/${thisYear.id}/dashboard`, { as: 'finance' })).body.forecast!;
    expect(forecast, 'this year has monthly runs and last year a final run').to.exist;
    const page = await open('finance');
    await clickMenu(page, '/settlement-dashboard');
    // the dashboard opens on the latest fund year: this year, still running
    const card = page.getByTestId('forecast-card');
    await card.waitFor();
    expect(await card.getByTestId('forecast-spending').textContent())
      .to.contain(`¥${yuan(forecast.spending)}`)
      .and.contain(`¥${yuan(forecast.spending_high)}`);
    expect(await card.getByTestId('forecast-method').textContent()).to.match(/^预测方法：/);
    await shotForReview(page, 'settlement-forecast');

    // → last year's final run, its 模拟测算
    await pickFundYear(page, 'fund-year-select');
    await page
      .getByTestId('latest-run')
      .filter({ hasText: String(lastYear.year) })
      .getByRole('link')
      .click();
    await page.getByTestId('what-if-open').click();
    const panel = page.getByTestId('what-if');
    await panel.getByTestId('what-if-bundle-ratio').fill('1.5');
    await panel.getByTestId('what-if-run').click();
    await panel.getByTestId('what-if-error').waitFor(); // the API's answer
    expect(await panel.getByTestId('what-if-error').textContent()).to.equal('打包比例应在 0 到 1 之间，至多四位小数');
    await panel.getByTestId('what-if-bundle-ratio').fill('0.85');
    await panel.getByTestId('what-if-run').click();
    await panel.getByTestId('what-if-result').waitFor();
    const answer = (await post<WhatIfAnswer>(`/api/settlement-runs/${finalRunId}/what-if`, { bundle_ratio: '0.85' }, { as: 'finance' })).body;
    // the units with a share to change (other test files add units with no population, and so no amount)
    const sharing = answer.units.filter((u) => u.real !== '0.00');
    expect(sharing.length).to.be.greaterThan(0);
    for (const u of sharing) {
      expect(u.difference, u.code).to.not.equal('0.00');
      const row = await panel.getByTestId(`what-if-unit-${u.code}`).textContent();
      expect(row, u.code).to.contain(yuan(u.real)).and.contain(yuan(u.what_if)).and.contain(yuan(u.difference));
    }
    await shotForReview(page, 'settlement-what-if');
    await page.context().close();
  });

  it('a correction run supersedes the approved final run: its page shows 与已批准结算的差异 — the late claim, the reversal (冲正) of a demo claim, the units adding up', async () => {
    // as the insurer's files would bring them: a late June claim, and a demo claim reversed in full
    const created = await post<RunDetail>(
      '/api/settlement-runs',
      { fund_year_id: lastYear.id, period: String(lastYear.year), reason: '医保局补传与冲正' },
      { as: 'finance' },
    );
    expect(created.status, JSON.stringify(created.body)).to.equal(200);
    const original = await db()('claims')
      .where({ fund_year_id: lastYear.id, provider_class: 'in_group', care_type: 'outpatient' })
      .where('fund_paid', '>', 10)
      .orderBy('id')
      .first<ClaimRecord & { id_number_cipher: string }>();
    const unit = (await get<{ code: string }>(`/api/org-units/${original.org_unit_id}`, { as: 'admin' })).body;
    const negated = (v: string) => (v === '0.00' ? '0' : `-${v}`);
    const late = await claimsXlsx('correction', lastYear.year, 'E2E-CORR', 1);
    files.push(late);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(late);
    const reversal: Record<string, string> = {
      claim_no: 'E2E-REV-1',
      id_number: revealIdNumber(original.id_number_cipher),
      provider_class: 'in_group',
      provider_unit_code: unit.code,
      care_type: 'outpatient',
      visit_on: original.visit_on,
      settled_on: original.settled_on,
      total_cost: negated(original.total_cost),
      fund_paid: negated(original.fund_paid),
      self_pay: negated(original.self_pay),
      self_funded: negated(original.self_funded),
      drug_cost: negated(original.drug_cost),
      consumables_cost: negated(original.consumables_cost),
      referred_up: 'false',
      reverses_claim_no: original.claim_no,
    };
    wb.getWorksheet('claims')!.addRow(HEADER.map((h) => reversal[h] ?? ''));
    await wb.xlsx.writeFile(late);
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(late)]), 'late.xlsx');
    const imported = await call<{ inserted: number; rejected: unknown[] }>('POST', '/api/claims/import', {
      as: 'finance',
      raw: form,
      query: { fund_year_id: String(lastYear.id) },
    });
    expect(imported.body, JSON.stringify(imported.body)).to.include({ inserted: 2, rejected_rows: 0 });
    await post(`/api/settlement-runs/${created.body.id}/calculate`, {}, { as: 'finance' });
    const d = (await get<RunDifference>(`/api/settlement-runs/${created.body.id}/difference`, { as: 'finance' })).body;

    // from the approved run's page, its 已被取代 chip leads to the correction
    const page = await open('finance');
    await page.goto(`${baseUrl}/settlement-runs/${finalRunId}/show`);
    await page.getByRole('link', { name: `本批次已被批次 ${created.body.id} 取代` }).click();
    const card = page.getByTestId('difference-card');
    await card.waitFor();
    expect(await card.locator('[data-testid^="difference-line-"]').count()).to.equal(d.lines!.length);
    expect(await card.getByTestId('difference-line-E2E-REV-1').getAttribute('data-kind')).to.equal('reversal');
    expect(await card.getByTestId('difference-line-E2E-REV-1').textContent())
      .to.contain('冲正')
      .and.contain(original.claim_no);
    const money = (v: string) => Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(await card.getByTestId('difference-spending').textContent()).to.equal(money(d.spending.change));
    expect(await card.getByTestId('difference-units-total').textContent())
      .to.contain(money(d.spending.change))
      .and.contain(money(d.retained.change));
    await shotForReview(page, 'settlement-correction-difference');
    await page.context().close();
  });
});
