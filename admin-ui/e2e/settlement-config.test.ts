// Fund-year configuration in a real browser: as `finance` edit a fund year's bundle ratio and see
// the derived budget follow it live and on the server; an invalid tier set (a group share out of
// range) is refused by the API with the problem on that very input; a year whose approved run
// rests on its configuration is shown locked; an insured population per unit is corrected.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { loggedInPage, shotForReview, startBrowserTest } from './browser';
import type { FundYearRecord, RunSummary } from '../src/settlement/types';

/** GET /api/fund-year-populations/:id */
interface Population {
  id: number;
  fund_year_id: number;
  org_unit_id: number;
  insured_population: number;
}

const REGION = '配置测试县';

describe('admin UI: fund-year configuration (医保打包付费)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let baseUrl: string;
  let openYear: number;

  const open = (username: string) => loggedInPage(browser, baseUrl, username, { width: 1400, height: 900 });

  const makeYear = async (year: number) => {
    const r = await post<FundYearRecord>(
      '/api/fund-years',
      { region: REGION, year, insured_count: 1000, premium_total: '1090000.00', catastrophic_pool: '109000.00', outpatient_pool: '130800.00' },
      { as: 'finance' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    return r.body.id;
  };

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
    openYear = await makeYear(2019);
  });

  after(async () => {
    await browser?.close();
  });

  it('finance edits the bundle ratio: the budget follows live and is saved', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/fund-years/${openYear}`);
    const budget = page.getByTestId('derived-budget');
    // (1,090,000 − 109,000 − 130,800) × 0.90 = 765,180.00
    expect(await budget.textContent()).to.equal('¥765,180.00');
    await page.locator('input[name="bundle_ratio"]').fill('0.85');
    // × 0.85 = 722,670.00, before saving
    await page.getByText('¥722,670.00').waitFor();
    await page.locator('input[name="premium_total"]').fill('1090000.10');
    await page.getByText('¥722,670.09').waitFor();
    await page.locator('input[name="premium_total"]').fill('1090000.00');
    await shotForReview(page, 'fund-year-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已更新').first().waitFor();
    const saved = (
      await get<FundYearRecord & { overspend_tiers: { upTo: number | null; groupShare: number }[] }>(`/api/fund-years/${openYear}`, { as: 'finance' })
    ).body;
    expect(saved).to.include({ bundle_ratio: '0.8500', budget: '722670.00' });
    await page.context().close();
  });

  it('an invalid tier set is refused on the field, nothing saved', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/fund-years/${openYear}`);
    await page.getByTestId('derived-budget').waitFor();
    await page.locator('input[name="overspend_tiers.0.groupShare"]').fill('1.5');
    await page.getByRole('button', { name: '保存' }).click();
    const errorOf = (name: string) =>
      page.locator('.MuiTextField-root', { has: page.locator(`input[name="${name}"]`) }).locator('.MuiFormHelperText-root.Mui-error');
    await errorOf('overspend_tiers.0.groupShare').waitFor();
    expect(await errorOf('overspend_tiers.0.groupShare').textContent()).to.match(/1/);
    // the other inputs carry no error
    expect(await errorOf('overspend_tiers.1.groupShare').count()).to.equal(0);
    expect(await errorOf('overspend_tiers.0.upTo').count()).to.equal(0);
    await shotForReview(page, 'fund-year-tier-refused');
    const stored = (
      await get<FundYearRecord & { overspend_tiers: { upTo: number | null; groupShare: number }[] }>(`/api/fund-years/${openYear}`, { as: 'finance' })
    ).body;
    expect(stored.overspend_tiers).to.deep.equal([
      { upTo: 0.05, groupShare: 0.5 },
      { upTo: null, groupShare: 1 },
    ]);
    await page.context().close();
  });

  it('the monthly profile shows its running sum; one not adding up to 1 is refused', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/fund-years/${openYear}`);
    await page.getByTestId('sum-monthly_profile').filter({ hasText: '1.0000 ✓' }).waitFor();
    await page.locator('input[name="monthly_profile.11"]').fill('0.5');
    await page.getByTestId('sum-monthly_profile').filter({ hasText: '≠ 1' }).waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('sum-monthly_profile').filter({ hasText: 'add up to 1' }).waitFor();
    await page.context().close();
  });

  it('each pool has its own indicators with their weight sum; a pool whose weights do not add up is refused on it', async () => {
    const page = await open('finance');
    await page.goto(`${baseUrl}/fund-years/${openYear}`);
    expect(await page.getByTestId('scoring-rule').textContent()).to.contain('第 10 百分位');
    await page.getByTestId('sum-allocation.pools.0.indicators').filter({ hasText: '1.0000 ✓' }).waitFor();
    await page.getByTestId('sum-allocation.pools.1.indicators').filter({ hasText: '1.0000 ✓' }).waitFor();
    await page.locator('input[name="allocation.pools.1.indicators.0.weight"]').fill('0.3');
    await page.getByTestId('sum-allocation.pools.1.indicators').filter({ hasText: '0.7000 ≠ 1' }).waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('sum-allocation.pools.1.indicators').filter({ hasText: 'add up to 1' }).waitFor();
    // the health pool's sum is untouched, nothing saved
    expect(await page.getByTestId('sum-allocation.pools.0.indicators').textContent()).to.contain('1.0000 ✓');
    const stored = (
      await get<FundYearRecord & { allocation: { pools: { indicators: { key: string; weight: number }[] }[] } }>(`/api/fund-years/${openYear}`, {
        as: 'finance',
      })
    ).body;
    expect(stored.allocation.pools.map((p) => p.indicators.map((k) => `${k.key} ${k.weight}`))).to.deep.equal([
      ['standardised_management_rate 0.5', 'control_rate 0.5'],
      ['inpatient_admissions_change 0.6', 'drug_share 0.4'],
    ]);
    await shotForReview(page, 'fund-year-pool-weights-refused');
    await page.context().close();
  });

  it('a fund year with an approved run is shown locked and cannot be saved', async () => {
    const locked = await makeYear(2018);
    await post('/api/fund-year-populations', { fund_year_id: locked, org_unit_id: await unitId('T01'), insured_population: 1000 }, { as: 'finance' });
    const run = await post<RunSummary>('/api/settlement-runs', { fund_year_id: locked, period: '2018-01' }, { as: 'finance' });
    expect(run.status, JSON.stringify(run.body)).to.equal(200);
    for (const [step, as, body] of [
      ['calculate', 'finance', {}],
      ['review', 'finance', { comment: '核对' }],
      ['approve', 'admin', {}],
    ] as const) {
      const r = await post(`/api/settlement-runs/${run.body.id}/${step}`, body, { as });
      expect(r.status, `${step}: ${JSON.stringify(r.body)}`).to.equal(200);
    }
    const page = await open('finance');
    await page.goto(`${baseUrl}/fund-years/${locked}`);
    const notice = page.getByTestId('fund-year-locked');
    await notice.waitFor();
    expect(await notice.textContent())
      .to.contain(`结算批次 ${run.body.id}`)
      .and.contain('2018-01');
    expect(await page.getByRole('button', { name: '保存' }).isDisabled()).to.equal(true);
    await shotForReview(page, 'fund-year-locked');
    await page.context().close();
  });

  it('finance corrects the insured population of a unit', async () => {
    const made = await post<Population>(
      '/api/fund-year-populations',
      { fund_year_id: openYear, org_unit_id: await unitId('T02'), insured_population: 900 },
      { as: 'finance' },
    );
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const page = await open('finance');
    await page.goto(`${baseUrl}/fund-year-populations?filter=${encodeURIComponent(JSON.stringify({ fund_year_id: openYear }))}`);
    await page.getByText('900', { exact: true }).click();
    await page.locator('input[name="insured_population"]').fill('950');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/fund-year-populations(\?|$)/);
    expect((await get<Population>(`/api/fund-year-populations/${made.body.id}`, { as: 'finance' })).body.insured_population).to.equal(950);
    await page.context().close();
  });
});
