// 首页 per role, in a real browser: each figure on screen equals what the API answers for the same
// list and filter (Content-Range total) or the same read; a click on a figure opens the list with
// that filter, showing that many rows. The login page names the product and lists the demo logins.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import * as clock from '../../api/core/clock';
import { checkDigit } from '../../api/core/personalId';
import { PHONE, login, newPage, shotForReview, startBrowserTest } from './browser';
import type { Execution } from '../src/finance/BudgetExecution';
import type { Summary } from '../src/hr/RotationPlanner';
import type { ReferralRecord } from '../src/referrals/choices';
import type { Dashboard, FundYearRecord, RunSummary } from '../src/settlement/types';

const total = (r: { headers: Headers }) => Number(String(r.headers.get('content-range')).split('/')[1]);
const apiTotal = async (as: string, resource: string, filter: Record<string, unknown>) =>
  total(await get(`/api/${resource}`, { as, query: { filter, range: [0, 0] } }));
const yuan = (s: string | number) => `¥${Number(s).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/** A home figure once loaded: its raw value (data-value) and the text the user reads. */
async function figure(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  await el.waitFor();
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value') !== '', testId);
  return { value: (await el.getAttribute('data-value'))!, text: (await el.textContent())! };
}

/** Clicks a figure and reads the total the list it opens shows ("第 1-25 条，共 N 条"). */
async function clickToListTotal(page: Page, testId: string, path: string) {
  await page.getByTestId(testId).click();
  await page.waitForURL((u) => u.pathname === path);
  const range = page.locator('.MuiTablePagination-displayedRows');
  await range.waitFor();
  return Number((await range.textContent())!.match(/共\s*(\d+)\s*条/)![1]);
}

describe('admin UI: home page per role', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;

  async function home(username: string, viewport?: { width: number; height: number }) {
    const page = await newPage(browser, viewport);
    await login(page, baseUrl, username);
    return page;
  }

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });

  after(async () => {
    await browser?.close();
  });

  it('the login page names the product and, on the demo, lists the demo logins', async () => {
    const info: unknown = (await get('/api/auth/login-info')).body;
    expect(info).to.include({ product: '医联体综合管理平台', demo: true, password: 'demo123' });
    const page = await newPage(browser, PHONE);
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('demo-login-doctor-V001').waitFor();
    expect(await page.getByTestId('product-name').textContent()).to.equal('医联体综合管理平台');
    expect(await page.getByTestId('demo-logins').textContent()).to.contain('密码均为 demo123');
    expect(await page.locator('[data-testid^="demo-login-"]').count()).to.equal(10);
    expect(await page.getByTestId('demo-login-finance').textContent()).to.contain('集团财务管理中心');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);
    await shotForReview(page, 'home-login-phone');
    await page.context().close();
  });

  it('group finance: the fund year to date with its gates, runs to review, expenses at the finance centre', async () => {
    const fundYear = (await get<FundYearRecord[]>('/api/fund-years', { as: 'finance', query: { filter: { year: thisYear() } } })).body[0];
    const f = (await get<Dashboard>(`/api/fund-years/${fundYear.id}/dashboard`, { as: 'finance' })).body.latest!.figures;
    const page = await home('finance');
    const budget = await figure(page, 'home-budget');
    expect(budget.value).to.equal(f.budget);
    expect(budget.text).to.contain(yuan(f.budget));
    expect((await figure(page, 'home-spending')).text).to.contain(yuan(f.spending.total));
    expect((await figure(page, 'home-surplus-rate')).text).to.contain(`${(f.surplus_rate! * 100).toFixed(2)}%`);
    expect(f.gates.length).to.be.above(0);
    for (const g of f.gates) expect((await figure(page, `home-gate-${g.key}`)).text).to.contain(g.passed ? '达标' : '未达标');
    const toReview = await apiTotal('finance', 'settlement-runs', { status: 'calculated', current: true });
    expect(toReview).to.be.above(0);
    expect(Number((await figure(page, 'home-runs-calculated')).value)).to.equal(toReview);
    const expenses = await apiTotal('finance', 'expense-requests', { awaiting_me: true, status: 'pending' });
    expect(Number((await figure(page, 'home-expenses-awaiting')).value)).to.equal(expenses);
    expect(await page.getByTestId('home-runs-reviewed').count()).to.equal(0);
    await shotForReview(page, 'home-finance');

    expect(await clickToListTotal(page, 'home-runs-calculated', '/settlement-runs')).to.equal(toReview);
    // the spending's claims: the run's months of the fund year
    await page.goBack();
    expect(await clickToListTotal(page, 'home-spending', '/claims')).to.equal(f.spending.claims);
    await page.context().close();
  });

  it('group admin: the runs finance has reviewed wait for approval; council expenses; the units per level, every bar labelled', async () => {
    // arrange: finance reviews this year's earliest provisional run
    const fundYear = (await get<FundYearRecord[]>('/api/fund-years', { as: 'finance', query: { filter: { year: thisYear() } } })).body[0];
    const [first] = (
      await get<RunSummary[]>('/api/settlement-runs', {
        as: 'finance',
        query: { filter: { fund_year_id: fundYear.id, status: 'calculated', current: true }, sort: ['period', 'ASC'], range: [0, 0] },
      })
    ).body;
    expect((await post(`/api/settlement-runs/${first.id}/review`, { comment: '首页测试：已核对' }, { as: 'finance' })).status).to.equal(200);
    const toApprove = await apiTotal('admin', 'settlement-runs', { status: 'reviewed', current: true });
    expect(toApprove).to.be.at.least(1);

    const page = await home('admin');
    expect(Number((await figure(page, 'home-runs-reviewed')).value)).to.equal(toApprove);
    expect(Number((await figure(page, 'home-expenses-awaiting')).value)).to.equal(
      await apiTotal('admin', 'expense-requests', { awaiting_me: true, status: 'pending' }),
    );
    expect(await page.getByTestId('home-expenses-awaiting').textContent()).to.contain('理事会');
    // every level's bar carries its count, the single HQ included
    const levels = await Promise.all([1, 2, 3, 4].map((level) => apiTotal('admin', 'org-units', { level })));
    await page.locator('.recharts-label-list').first().waitFor();
    const labels = await page.locator('.recharts-label-list text').allTextContents();
    expect(labels.map(Number)).to.deep.equal(levels);
    await shotForReview(page, 'home-admin');

    expect(await clickToListTotal(page, 'home-runs-reviewed', '/settlement-runs')).to.equal(toApprove);
    // a bar opens the units of its level: the villages
    await page.goBack();
    await page.locator('.recharts-bar-rectangle').nth(3).click();
    await page.waitForURL((u) => u.pathname === '/org-units' && u.search.includes('level'));
    await page.locator('.MuiTablePagination-displayedRows').waitFor();
    expect(await page.locator('.MuiTablePagination-displayedRows').textContent()).to.contain(`共 ${levels[3]} 条`);
    await page.context().close();
  });

  it('group HR: rotation plan against quotas, next year’s plan, licences expiring in 60 days, vacant posts', async () => {
    const year = thisYear();
    const plan = (await get<Summary>(`/api/rotation-plans/by-year/${year}`, { as: 'hr' })).body;
    const hq = await unitId('HQ');
    const vacancies = (await get('/api/posts/vacancies', { as: 'hr', query: { org_unit_id: String(hq) } })).body as {
      headcount: number;
      filled: number;
      vacant: number;
    }[];
    const page = await home('hr');
    for (const type of ['down_expert', 'up_training']) {
      const ds = plan.directions.filter((d) => d.type === type);
      const sum = (k: 'filled' | 'quota') => ds.reduce((s, d) => s + d[k], 0);
      expect((await figure(page, `home-rotation-${type}`)).value).to.equal(`${sum('filled')}/${sum('quota')}`);
    }
    // the chart: a quota bar and a placed bar per direction, each labelled with its count
    const chart = page.getByTestId('home-rotation-chart');
    // each series' labels by their class: recharts draws the two series' labels in either order
    await chart.locator('text.label-filled').first().waitFor();
    expect((await chart.locator('text.label-quota').allTextContents()).map(Number)).to.deep.equal(plan.directions.map((d) => d.quota));
    expect((await chart.locator('text.label-filled').allTextContents()).map(Number)).to.deep.equal(plan.directions.map((d) => d.filled));
    expect(await chart.textContent())
      .to.contain('下派 总院→分院')
      .and.contain('计划名额')
      .and.contain('已安排');
    const nextPlans = await apiTotal('hr', 'rotation-plans', { year: year + 1 });
    expect((await figure(page, 'home-next-plan')).text).to.contain(nextPlans ? '已制定' : '未制定');
    const expiring = await apiTotal('hr', 'licences', { expiring_within: 60 });
    expect(expiring).to.be.above(0);
    expect(Number((await figure(page, 'home-licences-expiring')).value)).to.equal(expiring);
    expect(Number((await figure(page, 'home-posts-vacant')).value)).to.equal(await apiTotal('hr', 'posts', { status: 'vacant' }));
    const headcount = vacancies.reduce((s, v) => s + v.headcount, 0);
    const vacant = vacancies.reduce((s, v) => s + v.vacant, 0);
    await page.getByText(`核定编制 ${headcount} 人`).waitFor();
    expect(await page.getByTestId('home-posts-vacant').textContent()).to.contain(`空缺 ${vacant} 人`);
    await shotForReview(page, 'home-hr');

    expect(await clickToListTotal(page, 'home-licences-expiring', '/licences')).to.equal(expiring);
    // next year's plan opens the planner on that year (December is when HR plans)
    await page.goBack();
    await page.getByTestId('home-next-plan').click();
    await page.waitForURL(/\/rotation-planner\?year=\d{4}$/);
    await page
      .getByText(`${year + 1}`)
      .first()
      .waitFor();
    if (!nextPlans) await page.getByTestId('no-plan').waitFor();
    await page.context().close();
  });

  for (const code of ['T01', 'HQ']) {
    it(`director-${code}: the unit's indicators worst first, its referral inbox, its budget execution`, async () => {
      const as = `director-${code}`;
      const unit = await unitId(code);
      const year = thisYear();
      const indicators = (
        await get<{ indicators: Record<string, { value: number | null }> }>('/api/health/indicators', {
          as,
          query: { org_unit_id: String(unit), year: String(year) },
        })
      ).body.indicators;
      const execution = (await get<Execution>('/api/budgets/execution', { as, query: { org_unit_id: String(unit), year: String(year) } })).body;
      const waiting = await apiTotal(as, 'referrals', { to_org_unit_id: unit, status: 'requested' });
      const page = await home(as);

      await page.getByTestId('home-indicators').locator('[data-testid^="home-indicator-"]').first().waitFor();
      const shown = await page
        .getByTestId('home-indicators')
        .locator('[data-testid^="home-indicator-"]')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-testid')!.replace('home-indicator-', ''), Number(e.getAttribute('data-value'))] as [string, number]),
        );
      expect(shown).to.have.length(Object.keys(indicators).length);
      for (const [key, value] of shown) expect(value).to.equal(indicators[key].value);
      expect(shown.map(([, v]) => v)).to.deep.equal([...shown.map(([, v]) => v)].sort((a, b) => a - b));

      expect(Number((await figure(page, 'home-referrals-waiting')).value)).to.equal(waiting);
      expect(Number((await figure(page, 'home-referrals-overdue')).value)).to.equal(await apiTotal(as, 'referrals', { to_org_unit_id: unit, overdue: true }));
      const [oldest] = (
        await get<ReferralRecord[]>('/api/referrals', {
          as,
          query: { filter: { to_org_unit_id: unit, status: 'requested' }, sort: ['requested_at', 'ASC'], range: [0, 0] },
        })
      ).body;
      expect((await figure(page, 'home-referrals-oldest')).value).to.equal(oldest ? new Date(oldest.requested_at).toISOString() : '—');

      expect((await figure(page, 'home-expense-budget')).text).to.contain(yuan(execution.unit.expense.budget));
      expect((await figure(page, 'home-expense-consumed')).text).to.contain(yuan(execution.unit.expense.consumed));
      expect(Number((await figure(page, 'home-expenses-awaiting')).value)).to.equal(
        await apiTotal(as, 'expense-requests', { awaiting_me: true, status: 'pending' }),
      );
      await shotForReview(page, `home-director-${code}`);

      if (waiting > 0) expect(await clickToListTotal(page, 'home-referrals-waiting', '/referrals')).to.equal(waiting);
      await page.context().close();
    });
  }

  it('referral office: the inbox of every receiving unit and the answers overdue against the service level', async () => {
    const summary = (await get('/api/referrals/inbox-summary', { as: 'referral' })).body as {
      code: string | null;
      org_unit_id: number | null;
      waiting: number;
      overdue: number;
    }[];
    expect(summary.length).to.be.above(0);
    const overdue = await apiTotal('referral', 'referrals', { overdue: true });
    const page = await home('referral');
    expect(Number((await figure(page, 'home-referrals-overdue-all')).value)).to.equal(overdue);
    expect(Number((await figure(page, 'home-referrals-waiting-all')).value)).to.equal(await apiTotal('referral', 'referrals', { status: 'requested' }));
    expect(await page.getByTestId('home-office-table').locator('tbody tr').count()).to.equal(summary.length);
    for (const row of summary.slice(0, 4)) {
      const receiver = row.org_unit_id === null ? { direction: 'out' } : { to_org_unit_id: row.org_unit_id };
      const key = row.code ?? 'out';
      expect(Number(await page.getByTestId(`home-office-waiting-${key}`).getAttribute('data-value'))).to.equal(
        await apiTotal('referral', 'referrals', { ...receiver, status: 'requested' }),
      );
      expect(Number(await page.getByTestId(`home-office-overdue-${key}`).getAttribute('data-value'))).to.equal(
        await apiTotal('referral', 'referrals', { ...receiver, overdue: true }),
      );
    }
    await shotForReview(page, 'home-referral');

    const busiest = summary[0];
    expect(await clickToListTotal(page, `home-office-waiting-${busiest.code ?? 'out'}`, '/referrals')).to.equal(busiest.waiting);
    await page.context().close();
  });

  it('village doctor on a phone: today / overdue / this month, one tap into the task list so filtered', async () => {
    // arrange: a hypertensive resident of V001 whose uncontrolled visit 20 days ago asked for a recheck within 14 days
    const first17 = `63012119600315${String(800 + (process.pid % 100)).padStart(3, '0')}`;
    const resident = await post<{ id: number }>(
      '/api/residents',
      { name: '首页测试', id_number: first17 + checkDigit(first17), conditions: [{ code: 'hypertension', diagnosed_on: '2020-03-01' }] },
      { as: 'doctor-V001' },
    );
    expect(resident.status, JSON.stringify(resident.body)).to.equal(200);
    const visitedOn = new Date(Date.parse(clock.today()) - 20 * 86_400_000).toISOString().slice(0, 10);
    const visit = await post(
      '/api/followups',
      { ...ANSWERED, resident_id: resident.body.id, type: 'hypertension', visited_on: visitedOn, systolic: 160, diastolic: 100 },
      { as: 'doctor-V001' },
    );
    expect(visit.status, JSON.stringify(visit.body)).to.equal(200);

    const page = await home('doctor-V001', PHONE);
    const summary = (await get('/api/tasks/summary', { as: 'doctor-V001' })).body as Record<string, number>;
    const counts: Record<string, number> = {};
    for (const bucket of ['today', 'overdue', 'this_month']) {
      counts[bucket] = await apiTotal('doctor-V001', 'tasks', { bucket });
      expect(counts[bucket]).to.equal(summary[bucket]);
      expect(Number((await figure(page, `home-tasks-${bucket}`)).value)).to.equal(counts[bucket]);
    }
    expect(counts.overdue).to.be.at.least(1);
    // today is what is due by today: the overdue included, and the line below says how many fall due today itself
    expect(counts.today).to.equal(counts.overdue + summary.due_today);
    expect((await figure(page, 'home-tasks-today')).text).to.contain(`今天到期 ${summary.due_today} 条`);
    // the outbox: nothing waits
    expect(Number((await figure(page, 'home-outbox')).value)).to.equal(0);
    // their day's work, not the org chart; the menu starts with 健康管理
    expect(await page.getByText('管辖范围内各级机构数').count()).to.equal(0);
    const todo = await page
      .getByTestId('home-todo')
      .locator('[data-testid^="home-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(todo.slice(0, 3)).to.deep.equal(['home-tasks-today', 'home-tasks-overdue', 'home-tasks-this_month']);
    expect(todo).to.include('home-outbox');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);
    await shotForReview(page, 'home-doctor-phone');
    await page.locator('button[aria-label="打开菜单"]').first().click();
    const groups = await page.locator('[data-testid^="menu-group-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(groups[0]).to.equal('menu-group-health');
    expect(groups).to.include('menu-group-org');
    await page.keyboard.press('Escape');

    await page.getByTestId('home-tasks-overdue').click();
    await page.waitForURL((u) => u.pathname === '/tasks');
    await page.locator('[data-testid="bucket-overdue"].MuiChip-filled').waitFor();
    // each chip with its count
    for (const bucket of ['today', 'overdue', 'this_month', 'open']) {
      await page.locator(`[data-testid="bucket-${bucket}"][data-count="${summary[bucket]}"]`).waitFor();
    }
    // the phone list shows a page of at most 25 rows
    await page.locator('[data-testid^="task-"]').first().waitFor();
    expect(await page.locator('[data-testid^="task-"]').count()).to.equal(Math.min(counts.overdue, 25));
    await shotForReview(page, 'home-doctor-tasks-phone');
    await page.context().close();
  });
});
