// The rotation planner in a real browser, as group HR: this year's plan at 18/18 and 30/30,
// an overlapping rotation refused with the Chinese message naming the other one, a valid one
// created and shown on the timeline; the staff list with its filters.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, unitId } from '../../scripts/test/harness';
import { hire } from '../../api/hr/testData';
import { today } from '../../api/core/clock';
import { login, newPage, shotForReview, startBrowserTest } from './browser';
import type { RotationRecord, StaffRecord } from '../src/hr/records';
import type { OrgUnitRecord } from '../src/shared/records';
import type { Summary } from '../src/hr/RotationPlanner';

describe('admin UI: HR rotation planner', function () {
  this.timeout(90_000);
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  const year = Number(today().slice(0, 4));

  before(async function () {
    this.timeout(180_000);
    ({ baseUrl, browser } = await startBrowserTest());
    page = await newPage(browser, { width: 1400, height: 900 });
    await login(page, baseUrl, 'hr');
  });

  after(async () => {
    await browser?.close();
  });

  /** Fills the planner's create form and saves. */
  async function planRotation(p: Page, staff: { id: number; name: string }, hostCode: string, startOn: string) {
    const staffInput = p.getByLabel('人员（输入姓名查找）');
    await staffInput.fill(staff.name);
    await p.getByRole('option', { name: new RegExp(`#${staff.id}$`) }).click();
    const host = p.getByLabel('接收单位', { exact: false }).first();
    await host.fill(hostCode);
    await p.getByRole('option', { name: new RegExp(`\\(${hostCode}\\)`) }).click();
    await p.getByLabel('开始日期').fill(startOn);
    await p.getByRole('button', { name: '保存' }).click();
  }

  /** filled/quota per direction as the API counts them (API tests add rotations of their own
   *  this year, so the fresh demo's 18/18 and 30/30 are asserted in api/hr/rotations/rotations.test.ts) */
  async function planFigures(): Promise<Record<string, string>> {
    const r = await get<Summary>(`/api/rotation-plans/by-year/${year}`, { as: 'hr' });
    return Object.fromEntries(r.body.directions.map((d) => [d.key, `${d.filled}/${d.quota}`]));
  }

  it("opens this year's plan: filled against quota per direction (18 down to the branches, 30 down to the townships)", async () => {
    const fig = await planFigures();
    expect(fig.down_hq_branch).to.match(/\/18$/);
    expect(fig.down_branch_township).to.match(/\/30$/);
    await page.goto(`${baseUrl}/rotation-planner`);
    await page.getByTestId('quota-down_hq_branch').waitFor();
    for (const key of ['down_hq_branch', 'down_branch_township', 'up_township_branch']) {
      expect(await page.getByTestId(`quota-${key}`).textContent(), key).to.contain(fig[key]);
    }
    await page.getByTestId('balance-table').waitFor();
    await shotForReview(page, 'hr-planner');
  });

  it('an overlapping rotation shows the Chinese conflict message naming the other rotation', async () => {
    const existing = (
      await get<RotationRecord[]>('/api/rotations', {
        as: 'hr',
        query: { filter: { year, type: 'down_expert', home_org_unit_id: await unitId('HQ') }, range: [0, 0] },
      })
    ).body[0];
    const staff = (await get<StaffRecord>(`/api/staff/${existing.staff_id}`, { as: 'hr' })).body;
    const host = (await get<OrgUnitRecord>(`/api/org-units/${existing.host_org_unit_id}`, { as: 'admin' })).body;
    await page.goto(`${baseUrl}/rotation-planner`);
    await page.getByTestId('quota-down_hq_branch').waitFor();
    await planRotation(page, staff, host.code, existing.start_on);
    const problem = page.getByTestId('rotation-problem');
    await problem.waitFor();
    const text = await problem.textContent();
    expect(text).to.contain(`与该人员的轮转 #${existing.id}`);
    expect(text).to.contain('时间重叠');
    expect(text).to.contain(host.name);
    await shotForReview(page, 'hr-planner-conflict');
  });

  it('a valid rotation is created and appears on the timeline of its host unit', async () => {
    const before = Number((await planFigures()).down_hq_branch.split('/')[0]);
    const s = await hire({ unit: 'HQ', name: '轮转测试甲' });
    await page.goto(`${baseUrl}/rotation-planner`);
    await page.getByTestId('quota-down_hq_branch').waitFor();
    await planRotation(page, { id: s.id, name: '轮转测试甲' }, 'B2', today());
    await page.getByText(/已安排轮转 #\d+/).waitFor();
    const created = (await get<RotationRecord[]>('/api/rotations', { as: 'hr', query: { filter: { staff_id: s.id } } })).body[0];
    expect(created).to.include({ host_org_unit_id: await unitId('B2'), status: 'active' });
    await page.getByTestId(`timeline-bar-${created.id}`).waitFor();
    expect(await page.getByTestId(`timeline-host-${created.host_org_unit_id}`).textContent()).to.contain('轮转测试甲');
    // the quota bar counts it
    expect(await page.getByTestId('quota-down_hq_branch').textContent()).to.contain(`${before + 1}/18`);
    await page.getByTestId(`timeline-bar-${created.id}`).scrollIntoViewIfNeeded();
    await shotForReview(page, 'hr-planner-created');
  });

  it('the staff list filters by title and flags expired licences', async () => {
    page = await newPage(browser, { width: 1400, height: 900 });
    await login(page, baseUrl, 'hr');
    await page.goto(`${baseUrl}/staff?filter=${encodeURIComponent(JSON.stringify({ title: 'attending_physician' }))}`);
    await page.locator('td.column-title', { hasText: '主治医师' }).first().waitFor();
    const titles = await page.locator('td.column-title').allTextContents();
    expect(titles.length).to.be.greaterThan(0);
    expect(new Set(titles)).to.deep.equal(new Set(['主治医师']));
    await page.goto(`${baseUrl}/staff?filter=${encodeURIComponent(JSON.stringify({ licence_expired: true }))}`);
    await page.locator('.MuiChip-label', { hasText: '证书已过期' }).first().waitFor();
    await shotForReview(page, 'hr-staff-expired');
  });
});
