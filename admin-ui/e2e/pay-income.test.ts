// 收入变化 in a real browser, clicked from the home page: a township no other file pays (T20), in years
// no other file pays (eight and nine years back), May paid in both years (its director and another of
// its staff on the payroll, a village doctor working only this year). Finance opens 绩效工资 → 收入变化,
// picks the year and reads each role's card, the bars and the township's row — every figure as the
// API answers it; the township's director sees their own township only.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get } from '../../scripts/test/harness';
import { IncomeTownship } from '../../scripts/test/payIncome';
import * as clock from '../../api/core/clock';
import type { IncomeChange, PayIncomeChange } from '../../api/pay';
import { clickMenu, login, newPage, startBrowserTest } from './browser';
import { languageChecker, type LanguageChecker } from './language';

const YEAR = Number(clock.today().slice(0, 4)) - 8;
const LAST = YEAR - 1;
const money = (v: string | null) => (v === null ? '无数据' : `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const change = (pct: string | null) => (pct === null ? '无数据' : Number(pct) === 0 ? '0.00%' : `${Number(pct) > 0 ? '▲' : '▼'} ${pct.replace('-', '')}%`);

describe('admin UI: 收入变化 (performance pay against last year)', function () {
  this.timeout(300_000);
  const t = new IncomeTownship('T20', 'income-e2e-staff-t20');
  let browser: Browser;
  let baseUrl: string;
  let view: PayIncomeChange;
  let language: LanguageChecker;

  async function openIncome(username: string) {
    const page = await newPage(browser, { width: 1600, height: 1000 });
    await login(page, baseUrl, username);
    await clickMenu(page, '/pay-income-change');
    await page.getByTestId('pay-income-change').waitFor();
    await page.getByTestId('income-year').getByRole('combobox').click();
    await page.getByRole('option', { name: String(YEAR), exact: true }).click();
    await page.getByTestId('income-months').getByText(`${YEAR} 年`).waitFor();
    return page;
  }

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

  before(async () => {
    ({ baseUrl, browser } = await startBrowserTest());
    language = await languageChecker();
    await t.setUp();
    await t.work(`${LAST}-05`, false);
    await t.work(`${YEAR}-05`, true);
    await t.approve(await t.calculate(`${LAST}-05`, '8800.00'));
    await t.approve(await t.calculate(`${YEAR}-05`, '10500.00'));
    const r = await get<PayIncomeChange>('/api/pay-income-change', { as: 'finance', query: { year: YEAR } });
    expect(r.status).to.equal(200);
    view = r.body;
  });

  after(async () => {
    await browser?.close();
    await t.tearDown();
  });

  it("finance: 绩效工资 → 收入变化, the year picked: each role's card, the bars and the township's row as the API answers them", async () => {
    const page = await openIncome('finance');
    expect(await text(page, 'income-months')).to.equal(`${YEAR} 年 5 月与 ${LAST} 年同期比较`);
    const cards: [string, IncomeChange][] = [
      ...view.by_role.map((r) => [`income-card-${r.role}`, r] as [string, IncomeChange]),
      ['income-card-total', view.total],
    ];
    for (const [id, c] of cards) {
      expect(await text(page, `${id}-this`), id).to.equal(money(c.this_year.average));
      expect(await text(page, `${id}-last`), id).to.equal(money(c.last_year.average));
      expect(await text(page, `${id}-change`), id).to.equal(change(c.change_pct));
    }
    // the director was paid in May of both years: real figures on both sides
    const director = view.by_role.find((r) => r.role === 'director')!;
    expect([director.this_year.person_months, director.last_year.person_months]).to.deep.equal([1, 1]);
    expect(await text(page, 'income-card-director-change')).to.match(/^[▲▼] \d+\.\d\d%$|^0\.00%$/);
    // a rise is green, a fall red
    const colour = await page.getByTestId('income-card-director-change').evaluate((e) => getComputedStyle(e).color);
    expect(colour).to.equal(Number(director.change_pct) > 0 ? 'rgb(46, 125, 50)' : Number(director.change_pct) < 0 ? 'rgb(211, 47, 47)' : colour);
    // two bars a role: last year and this year
    expect(await page.getByTestId('income-chart').locator('.recharts-bar-rectangle').count()).to.be.greaterThan(0);
    expect(await page.getByTestId('income-chart').getByText(`${YEAR} 年`).count()).to.be.greaterThan(0);
    const mine = view.townships.find((x) => x.org_unit_id === t.township)!;
    const row = page.getByTestId(`income-township-${mine.code}`);
    for (const [k, c] of [...(['director', 'township_staff', 'village_doctor'] as const).map((r) => [r, mine.roles[r]] as const), ['total', mine] as const]) {
      expect((await row.getByTestId(`${k}-this`).textContent())?.trim(), k).to.equal(money(c.this_year.average));
      expect((await row.getByTestId(`${k}-last`).textContent())?.trim(), k).to.equal(money(c.last_year.average));
      expect((await row.getByTestId(`${k}-change`).textContent())?.trim(), k).to.equal(change(c.change_pct));
    }
    // Chinese throughout: no i18n key, no English code
    expect(await language.problems(page, 'finance 收入变化')).to.deep.equal([]);
    await page.context().close();
  });

  it("the township's director sees their own township's row only, with the same figures", async () => {
    const page = await openIncome(t.directorLogin);
    const rows = page.getByTestId('income-townships').locator('tbody tr');
    expect(await rows.count()).to.equal(1);
    const mine = view.townships.find((x) => x.org_unit_id === t.township)!;
    expect(await rows.first().getAttribute('data-testid')).to.equal(`income-township-${mine.code}`);
    expect(await text(page, 'income-card-director-this')).to.equal(money(mine.roles.director.this_year.average));
    expect(await text(page, 'income-card-director-change')).to.equal(change(mine.roles.director.change_pct));
    await page.context().close();
  });
});
