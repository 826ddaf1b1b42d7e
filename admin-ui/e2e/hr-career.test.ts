// HR careers in a real browser, as group HR: a transfer, a status change and a post assigned
// from the staff page with the effective-dated history updating there (and which roles see
// which action), the 优秀 quota message on grade entry, a locked assessment year refusing an edit
// in Chinese, a 乡聘村用 contract renewed then exited, the vacancy table against the API and the
// licence 60-day alert list.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { hire } from '../../api/hr/testData';
import { login, newPage, shotForReview, startBrowserTest } from './browser';
import * as clock from '../../api/core/clock';
import { addDays } from '../../api/core/clock';
import type { AssessmentRecord, AssessmentYearRecord, LicenceRecord, PostRecord, StaffRecord, VillageDoctorContractRecord } from '../src/hr/records';
import type { OrgUnitRecord } from '../src/shared/records';

const day = (offset: number) => addDays(clock.today(), offset);

describe('admin UI: HR careers', function () {
  this.timeout(90_000);
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  const tag = String(Date.now()).slice(-6);

  before(async function () {
    this.timeout(180_000);
    ({ baseUrl, browser } = await startBrowserTest());
    page = await newPage(browser, { width: 1400, height: 900 });
    await login(page, baseUrl, 'hr');
  });

  after(async () => {
    await browser?.close();
  });

  const field = (p: Page, label: string) => p.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
  const dialog = () => page.getByRole('dialog');

  /** Picks an option of a select / autocomplete in the open dialog. */
  async function chooseInDialog(label: string, typed: string | null, option: RegExp | string) {
    const input = dialog().getByLabel(new RegExp(`^${label}\\s*\\*?$`));
    if (typed === null) await input.click();
    else await input.fill(typed);
    await page.getByRole('option', { name: option }).first().click();
  }

  /** The history tab's rows as text. */
  /** The staff record's history rows, once a row with `awaited` shows (the list may draw before the newest entry is in it). */
  async function historyRows(staffId: number, awaited?: string) {
    await page.goto(`${baseUrl}/staff/${staffId}/show/history`);
    await page
      .locator('tbody tr', awaited ? { hasText: awaited } : {})
      .first()
      .waitFor();
    return page.locator('tbody tr').allTextContents();
  }

  it('transfers a person to another unit from the staff page; the history shows it with its effective date', async () => {
    const s = await hire({ unit: 'B1', name: `调配${tag}` });
    const b2 = (await get<OrgUnitRecord>(`/api/org-units/${await unitId('B2')}`, { as: 'admin' })).body;
    await page.goto(`${baseUrl}/staff/${s.id}/show`);
    await page.getByTestId(`action-transfer-${s.id}`).click();
    await chooseInDialog('聘用单位', 'B2', /\(B2\)/);
    await dialog().getByTestId('field-effective_on').fill('2026-09-01');
    await dialog().getByTestId('field-reason').fill('支援分院');
    await page.getByTestId('confirm-transfer').click();
    await dialog().waitFor({ state: 'detached' });

    expect((await get<StaffRecord>(`/api/staff/${s.id}`, { as: 'hr' })).body).to.include({ employer_org_unit_id: b2.id, work_org_unit_id: b2.id });
    const rows = await historyRows(s.id, b2.name);
    const employer = rows.find((r) => r.includes('聘用单位'));
    expect(employer).to.contain('2026').and.to.contain(b2.name).and.to.contain('支援分院');
    expect(rows.some((r) => r.includes('工作单位') && r.includes(b2.name))).to.equal(true);
    await shotForReview(page, 'hr-staff-transfer-history');
  });

  it('changes status: on leave, then left with a coded reason; the actions disappear once left', async () => {
    const s = await hire({ unit: 'B1', name: `离职${tag}` });
    await page.goto(`${baseUrl}/staff/${s.id}/show`);
    await page.getByTestId(`action-change-status-${s.id}`).click();
    await chooseInDialog('新状态', null, '休假/停岗');
    expect(
      await dialog()
        .getByLabel(/^离职原因/)
        .count(),
    ).to.equal(0); // asked only when leaving
    await page.getByTestId('confirm-change-status').click();
    await dialog().waitFor({ state: 'detached' });
    expect((await get<StaffRecord>(`/api/staff/${s.id}`, { as: 'hr' })).body.status).to.equal('on_leave');

    await page.getByTestId(`action-change-status-${s.id}`).click();
    await chooseInDialog('新状态', null, '离职');
    expect(await page.getByTestId('confirm-change-status').isDisabled()).to.equal(true); // the reason is required
    await chooseInDialog('离职原因', null, '合同期满');
    await dialog().getByTestId('field-effective_on').fill('2026-10-31');
    await page.getByTestId('confirm-change-status').click();
    await dialog().waitFor({ state: 'detached' });
    expect((await get<StaffRecord>(`/api/staff/${s.id}`, { as: 'hr' })).body).to.include({
      status: 'left',
      leave_reason: 'contract_ended',
      left_on: '2026-10-31',
    });
    await page.getByTestId(`action-transfer-${s.id}`).waitFor({ state: 'detached' });
    expect(await page.getByTestId(`action-change-status-${s.id}`).count()).to.equal(0);

    const rows = await historyRows(s.id);
    expect(rows.some((r) => r.includes('状态') && r.includes('休假/停岗') && r.includes('离职'))).to.equal(true);
  });

  it('assigns a post (a director may, but not transfer); the post is filled and the history shows it', async () => {
    const b1 = await unitId('B1');
    const postRow = (await post<PostRecord>('/api/posts', { org_unit_id: b1, name: `岗位${tag}`, category: 'doctor', headcount: 2 }, { as: 'hr' })).body;
    const s = await hire({ unit: 'B1', name: `上岗${tag}` });
    const director = await newPage(browser, { width: 1400, height: 900 });
    await login(director, baseUrl, 'director-B1');
    await director.goto(`${baseUrl}/staff/${s.id}/show`);
    await director.getByTestId(`action-assign-post-${s.id}`).click();
    expect(await director.getByTestId(`action-transfer-${s.id}`).count()).to.equal(0);
    expect(await director.getByTestId(`action-change-status-${s.id}`).count()).to.equal(0);
    await director.getByRole('dialog').getByLabel(/^岗位/).fill(`岗位${tag}`);
    await director.getByRole('option', { name: `岗位${tag}` }).click();
    await director.getByTestId('confirm-assign-post').click();
    await director.getByRole('dialog').waitFor({ state: 'detached' });
    await director.locator('a', { hasText: `岗位${tag}` }).waitFor(); // the record shows its post
    await director.context().close();

    expect((await get<StaffRecord>(`/api/staff/${s.id}`, { as: 'hr' })).body.post_id).to.equal(postRow.id);
    expect((await get<PostRecord>(`/api/posts/${postRow.id}`, { as: 'hr' })).body).to.include({ filled: 1 });
    const rows = await historyRows(s.id, `岗位${tag}`);
    expect(rows.some((r) => r.includes('岗位') && r.includes(`岗位${tag}`))).to.equal(true);
  });

  it('grade entry beyond the 优秀 quota shows the Chinese message on the grade', async () => {
    const unit = (
      await post<OrgUnitRecord>(
        '/api/org-units',
        { code: `QE${tag.slice(-4)}`, name: `优秀名额测试${tag}`, kind: 'township', parent_id: await unitId('B2') },
        { as: 'admin' },
      )
    ).body;
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await hire({ unit: unit.code, name: `考核${tag}-${i}` }));
    const year = 2092;
    await post<AssessmentYearRecord>('/api/assessment-years', { year }, { as: 'hr' });
    expect((await post<AssessmentRecord>('/api/assessments', { staff_id: people[0].id, year, score: 95, grade: 'excellent' }, { as: 'hr' })).status).to.equal(
      200,
    );

    await page.goto(`${baseUrl}/assessments/create`);
    await field(page, '人员').fill(`考核${tag}-1`);
    await page
      .getByRole('option', { name: `考核${tag}-1` })
      .first()
      .click();
    await field(page, '年度').fill(String(year));
    await field(page, '得分').fill('96');
    await field(page, '考核等次').click();
    await page.getByRole('option', { name: '优秀', exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    const error = page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '不能再评优秀' });
    await error.waitFor();
    expect(await error.textContent()).to.contain('本单位本年度已有 1 名优秀，名额为 1 名（5 人的 20%）');
    await shotForReview(page, 'hr-assessment-quota');
    const saved = await get<AssessmentRecord[]>('/api/assessments', { as: 'hr', query: { filter: { year, staff_id: people[1].id } } });
    expect(saved.body).to.have.length(0);
  });

  it('locking an assessment year: an edit afterwards is refused with the Chinese message', async () => {
    const year = 2093;
    const s = await hire({ unit: 'B1', name: `锁定${tag}` });
    await post<AssessmentYearRecord>('/api/assessment-years', { year }, { as: 'hr' });
    const a = (await post<AssessmentRecord>('/api/assessments', { staff_id: s.id, year, score: 80, grade: 'qualified' }, { as: 'hr' })).body;
    await page.goto(`${baseUrl}/assessment-years`);
    await page.getByTestId(`action-approve-${year}`).click();
    await page.getByTestId(`action-approve-${year}`).waitFor({ state: 'detached' });
    expect((await get<AssessmentYearRecord>(`/api/assessment-years/${year}`, { as: 'hr' })).body.status).to.equal('approved');

    await page.goto(`${baseUrl}/assessments/${a.id}`);
    await field(page, '得分').waitFor();
    await field(page, '得分').fill('85');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(`${year} 年度考核已审定锁定，不能再修改`).first().waitFor();
    await shotForReview(page, 'hr-assessment-locked');
    expect((await get<AssessmentRecord>(`/api/assessments/${a.id}`, { as: 'hr' })).body.score).to.equal('80.00');
  });

  it('a village-doctor contract is renewed, then the renewal exited with a coded reason', async () => {
    const t01 = await unitId('T01');
    const clinic = (await get<OrgUnitRecord[]>('/api/org-units', { as: 'admin', query: { filter: { parent_id: t01, kind: 'village' }, range: [0, 0] } }))
      .body[0];
    const name = `续签${tag}`;
    const doctor = await hire({
      unit: 'T01',
      name,
      category: 'village_doctor',
      title: 'village_doctor',
      employment_type: 'township_hired',
      work_org_unit_id: clinic.id,
    });
    const first = (
      await post<VillageDoctorContractRecord>(
        '/api/village-doctor-contracts',
        { staff_id: doctor.id, employer_org_unit_id: t01, work_org_unit_id: clinic.id, start_on: '2024-01-01', end_on: '2026-12-31' },
        { as: 'hr' },
      )
    ).body;
    await page.goto(`${baseUrl}/village-doctor-contracts?filter=${encodeURIComponent(JSON.stringify({ staff_id: doctor.id }))}`);

    await page.getByTestId(`action-renew-${first.id}`).click();
    await dialog().getByTestId('field-end_on').fill('2029-12-31');
    await page.getByTestId('confirm-renew').click();
    await dialog().waitFor({ state: 'detached' });
    const contracts = (await get<VillageDoctorContractRecord[]>('/api/village-doctor-contracts', { as: 'hr', query: { filter: { staff_id: doctor.id } } }))
      .body as {
      id: number;
      status: string;
      end_on: string;
    }[];
    const renewal = contracts.find((c) => c.status === 'active')!;
    expect(renewal).to.include({ end_on: '2029-12-31' });
    expect(contracts.find((c) => c.id === first.id)).to.include({ status: 'renewed' });

    await page.getByTestId(`action-exit-${renewal.id}`).click();
    await chooseInDialog('退出原因', null, '考核不合格');
    await page.getByTestId('confirm-exit').click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByTestId(`action-exit-${renewal.id}`).waitFor({ state: 'detached' });
    await shotForReview(page, 'hr-contract-exited');
    expect((await get<VillageDoctorContractRecord>(`/api/village-doctor-contracts/${renewal.id}`, { as: 'hr' })).body).to.include({
      status: 'exited',
      exit_reason: 'assessment_failed',
    });
    expect((await get<StaffRecord>(`/api/staff/${doctor.id}`, { as: 'hr' })).body.status).to.equal('left');
  });

  it("the post vacancy table shows the API's figures", async () => {
    const b1 = await unitId('B1');
    const api = (await get('/api/posts/vacancies', { as: 'hr', query: { org_unit_id: b1 } })).body as {
      code: string;
      headcount: number;
      filled: number;
      vacant: number;
    }[];
    expect(api.length).to.be.greaterThan(0);
    await page.goto(`${baseUrl}/posts?filter=${encodeURIComponent(JSON.stringify({ org_unit_id: b1 }))}`);
    await page.getByTestId(`vacancy-${api[0].code}`).waitFor();
    for (const v of api) {
      const cells = await page.getByTestId(`vacancy-${v.code}`).locator('td').allTextContents();
      expect(cells.slice(1).map(Number), v.code).to.deep.equal([v.headcount, v.filled, v.vacant]);
    }
    const total = await page.getByTestId('post-vacancies').locator('tbody tr').last().locator('td').allTextContents();
    const sum = (k: 'headcount' | 'filled' | 'vacant') => api.reduce((t, v) => t + v[k], 0);
    expect(total.slice(1).map(Number)).to.deep.equal([sum('headcount'), sum('filled'), sum('vacant')]);
  });

  it('the licence 60-day alert lists a licence expiring in 30 days, not one expiring in 90', async () => {
    const s = await hire({ unit: 'B1', name: `证书${tag}` });
    const prefix = `LIC${tag}`;
    for (const [suffix, offset] of [
      ['A', 30],
      ['B', 90],
    ] as const) {
      const r = await post<LicenceRecord>(
        '/api/licences',
        { staff_id: s.id, kind: 'physician', number: `${prefix}${suffix}`, issued_on: '2021-01-01', expires_on: day(offset) },
        { as: 'hr' },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
    }
    await page.goto(`${baseUrl}/licences?filter=${encodeURIComponent(JSON.stringify({ q: prefix }))}`);
    await page.locator('tr', { hasText: `${prefix}B` }).waitFor(); // both without the alert filter
    await page.locator('tr', { hasText: `${prefix}A` }).waitFor();

    await field(page, '到期提醒').click();
    await page.getByRole('option', { name: '60天内到期' }).click();
    await page.waitForURL(/expiring_within/);
    const alerted = page.locator('tr', { hasText: `${prefix}A` });
    await alerted.waitFor();
    await page.locator('tr', { hasText: `${prefix}B` }).waitFor({ state: 'detached' });
    expect(await alerted.textContent()).to.match(/(29|30) 天后到期/);
    await shotForReview(page, 'hr-licence-alert');
  });
});
