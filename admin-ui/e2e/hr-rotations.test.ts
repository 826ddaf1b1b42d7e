// Rotations in a real browser, as group HR, always from the home page's menu: a rotation opened
// from the list and ended early (refused without a reason, in Chinese, then ended with one), a
// planned one re-planned and cancelled, next year's plan copied from this year's, and the person
// picker putting the exact name first with title, unit and staff number.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { hire } from '../../api/hr/testData';
import { today } from '../../api/core/clock';
import { login, newPage, shotForReview, startBrowserTest } from './browser';
import type { RotationRecord } from '../src/hr/records';
import type { HostOptions } from '../src/hr/rotations/RotationInputs';
import type { Summary } from '../src/hr/RotationPlanner';
import type { OrgUnitRecord } from '../src/shared/records';

describe('admin UI: HR rotations (show, end, cancel, next year, person picker)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  const year = Number(today().slice(0, 4));
  const tag = String(Date.now()).slice(-5);

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
    page = await newPage(browser, { width: 1400, height: 900 });
    await login(page, baseUrl, 'hr');
  });

  after(async () => {
    await browser?.close();
  });

  /** From wherever the page is: home, then a menu entry. */
  async function fromHome(href: string) {
    await page.locator('a.RaMenuItemLink-root[href="/"]').first().click();
    await page.getByTestId('greeting').waitFor();
    await page.locator(`a.RaMenuItemLink-root[href="${href}"]`).first().click();
  }

  /** The rotations list for a year, then the row of a person (clicked outside the name link). */
  async function openRow(listYear: number, staffName: string, sortDown = false) {
    await fromHome('/rotations');
    const yearInput = page.getByLabel('年度');
    await yearInput.fill(String(listYear));
    if (sortDown) {
      await page.locator('th', { hasText: '开始日期' }).locator('span[role="button"]').click(); // ASC is the default: once more is DESC
    }
    const row = page.locator('tbody tr', { hasText: staffName });
    await row.waitFor();
    await shotForReview(page, `rotations-list-${listYear}`);
    await row.locator('td.column-type').click();
    await page.getByTestId('rotation-hint').waitFor();
  }

  const field = (name: string) => page.locator(`.ra-field-${name}`);
  const dialog = () => page.getByRole('dialog');

  it('opens a running rotation from the list and ends it early: refused without a reason, ended with one', async () => {
    const s = await hire({ unit: 'HQ', name: `提前结束${tag}` });
    const r = (
      await post<RotationRecord>(
        '/api/rotations',
        { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('B1'), start_on: today(), purpose: '驻点帮扶心内科' },
        { as: 'hr' },
      )
    ).body;
    expect(r.status).to.equal('active');
    await openRow(year, `提前结束${tag}`, true);
    expect(await field('status').textContent()).to.contain('进行中');
    expect(await field('host_name').textContent()).to.contain(r.host_name);
    expect(await page.getByTestId('rotation-hint').textContent()).to.contain('已开始的轮转不能取消');
    expect(await page.getByTestId(`action-cancel-${r.id}`).count()).to.equal(0);
    await shotForReview(page, 'rotation-show-active');

    await page.getByTestId(`action-end-${r.id}`).click();
    await dialog().getByTestId('field-actual_end_on').fill(today());
    await page.getByTestId('confirm-end').click();
    const refused = page.getByTestId(`problem-end-${r.id}`);
    await refused.waitFor();
    expect(await refused.textContent()).to.equal(`在计划结束日 ${r.planned_end_on} 之前结束须填写原因`);
    await shotForReview(page, 'rotation-end-refused');
    await dialog().getByTestId('field-end_reason').fill('家中有事提前返回');
    await page.getByTestId('confirm-end').click();
    await dialog().waitFor({ state: 'detached' });

    await field('status').getByText('已完成').waitFor();
    expect(await field('actual_end_on').textContent()).to.not.equal('—');
    expect(await field('end_reason').textContent()).to.contain('家中有事提前返回');
    const history = page.getByTestId('rotation-history');
    await history.locator('tr', { hasText: '结束' }).waitFor();
    expect(await history.locator('tbody tr').allTextContents()).to.satisfy(
      (rows: string[]) => rows[0].includes('安排') && rows.at(-1)!.includes('家中有事提前返回'),
    );
    expect(await page.getByTestId(`action-end-${r.id}`).count()).to.equal(0);
    expect((await get<RotationRecord>(`/api/rotations/${r.id}`, { as: 'hr' })).body).to.include({
      status: 'completed',
      actual_end_on: today(),
      end_reason: '家中有事提前返回',
    });
    await shotForReview(page, 'rotation-show-ended');
  });

  it('re-plans a planned rotation, then cancels it with a reason', async () => {
    const s = await hire({ unit: 'B2', name: `取消轮转${tag}` });
    const start = `${year + 1}-03-01`;
    const host = (await get<HostOptions>('/api/rotations/host-options', { as: 'hr', query: { staff_id: String(s.id), type: 'down_expert' } })).body.hosts[0];
    const r = (await post<RotationRecord>('/api/rotations', { staff_id: s.id, type: 'down_expert', host_org_unit_id: host.id, start_on: start }, { as: 'hr' }))
      .body;
    expect(r.status, JSON.stringify(r)).to.equal('planned');
    await openRow(year + 1, `取消轮转${tag}`);
    expect(await page.getByTestId('rotation-hint').textContent()).to.contain('计划中');

    await page.getByRole('link', { name: '修改计划' }).click();
    const end = page.getByLabel(/^计划结束/);
    await end.waitFor();
    await end.fill(`${year + 1}-08-31`);
    await shotForReview(page, 'rotation-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('rotation-hint').waitFor();
    await field('planned_end_on')
      .getByText(/2\d{3}/)
      .waitFor();
    expect((await get<RotationRecord>(`/api/rotations/${r.id}`, { as: 'hr' })).body.planned_end_on).to.equal(`${year + 1}-08-31`);
    await page
      .getByTestId('rotation-history')
      .locator('tr', { hasText: `${r.planned_end_on} → ${year + 1}-08-31` })
      .waitFor();

    await page.getByTestId(`action-cancel-${r.id}`).click();
    expect(await page.getByTestId('confirm-cancel').isDisabled()).to.equal(true); // the reason is required
    await dialog().getByTestId('field-reason').fill('分院人员紧张，暂缓下派');
    await page.getByTestId('confirm-cancel').click();
    await dialog().waitFor({ state: 'detached' });
    await field('status').getByText('已取消').waitFor();
    expect(await page.getByTestId('rotation-hint').textContent()).to.contain('「已取消」的轮转不能再结束、取消或修改');
    expect(await page.getByRole('link', { name: '修改计划' }).count()).to.equal(0);
    expect((await get<RotationRecord>(`/api/rotations/${r.id}`, { as: 'hr' })).body).to.include({ status: 'cancelled', end_reason: '分院人员紧张，暂缓下派' });
    await shotForReview(page, 'rotation-show-cancelled');
  });

  it("shows next year without a plan and copies this year's plan: the quotas equal this year's, then adjusted; an empty plan the year after", async () => {
    const thisYear = (await get<Summary>(`/api/rotation-plans/by-year/${year}`, { as: 'hr' })).body.plan.quotas;
    await fromHome('/rotation-planner');
    await page.getByTestId('timeline-legend').waitFor();
    await page.getByTestId('timeline-today').waitFor();
    expect(await page.getByTestId('timeline-legend').textContent())
      .to.contain('下派驻点')
      .and.to.contain('上派进修')
      .and.to.contain(`今天 ${today()}`);
    await shotForReview(page, 'planner-this-year');
    await page.getByTestId('planner-next').click();
    const none = page.getByTestId('no-plan');
    await none.waitFor();
    expect(await none.textContent()).to.contain(`${year + 1} 年尚无轮转计划`);
    await shotForReview(page, 'planner-next-year-empty');
    await page.getByRole('button', { name: '复制本年计划' }).click();
    await page.getByTestId('quota-down_hq_branch').waitFor();
    for (const [key, quota] of Object.entries(thisYear)) {
      expect(await page.getByTestId(`quota-${key}`).textContent(), key).to.match(new RegExp(`\\d+/${quota}$`));
    }
    const copied = (await get<Summary>(`/api/rotation-plans/by-year/${year + 1}`, { as: 'hr' })).body.plan;
    expect(copied.quotas).to.deep.equal(thisYear);
    await shotForReview(page, 'planner-next-year-copied');

    // the copy's quotas are then adjusted: one more expert down to the branches
    await page.getByTestId('edit-quotas').click();
    await page.getByTestId('quota-input-down_hq_branch').fill(String(thisYear.down_hq_branch + 2));
    await shotForReview(page, 'planner-edit-quotas');
    await page.getByTestId('save-quotas').click();
    await page
      .getByTestId('quota-down_hq_branch')
      .getByText(new RegExp(`/${thisYear.down_hq_branch + 2}$`))
      .waitFor();
    expect((await get<Summary>(`/api/rotation-plans/by-year/${year + 1}`, { as: 'hr' })).body.plan.quotas).to.deep.equal({
      ...thisYear,
      down_hq_branch: thisYear.down_hq_branch + 2,
    });

    // the year after has none either: it offers that year's copy, or an empty plan
    await page.getByTestId('planner-next').click();
    await page.getByTestId('no-plan').waitFor();
    expect(await page.getByTestId('copy-plan').textContent()).to.equal(`复制 ${year + 1} 年计划`);
    await page.getByTestId('create-plan').click();
    // the new plan is drawn with its quota editor (other tests may have rotations in that year already)
    await page.getByTestId('no-plan').waitFor({ state: 'detached' });
    await page.getByTestId('edit-quotas').waitFor();
    expect((await get<Summary>(`/api/rotation-plans/by-year/${year + 2}`, { as: 'hr' })).body.plan.quotas).to.deep.equal({});
  });

  it('the person picker lists the exact name first, with title, unit and staff number', async () => {
    const exact = await hire({ unit: 'T01', name: `芳${tag}` });
    await hire({ unit: 'B1', name: `李芳${tag}` });
    await hire({ unit: 'B2', name: `芳${tag}涛` });
    const t01 = (await get<OrgUnitRecord>(`/api/org-units/${await unitId('T01')}`, { as: 'admin' })).body.name;
    await fromHome('/rotation-planner');
    await page.getByLabel('人员（输入姓名查找）').fill(`芳${tag}`);
    const options = page.getByRole('option');
    await options.filter({ hasText: `李芳${tag}` }).waitFor();
    const texts = await options.allTextContents();
    expect(texts[0]).to.equal(`芳${tag} · 主治医师 · ${t01} · 工号 #${exact.id}`);
    expect(texts.slice(0, 3).map((t) => t.split(' · ')[0])).to.deep.equal([`芳${tag}`, `芳${tag}涛`, `李芳${tag}`]);
    await shotForReview(page, 'planner-person-picker');
    // the receiving units then follow the direction: 下派 from a township centre goes only to its village clinics
    await options.first().click();
    await page
      .getByLabel(/^接收单位/)
      .first()
      .click();
    const hosts = await page.getByRole('option').allTextContents();
    expect(hosts.length).to.be.greaterThan(0);
    for (const h of hosts) expect(h).to.match(/\(V\w+\)$/); // village clinics (V001 …, and units other tests add)
    await shotForReview(page, 'planner-host-picker');
  });
});
