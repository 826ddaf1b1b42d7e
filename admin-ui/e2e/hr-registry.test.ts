// The HR registry screens in a real browser, as group HR: hiring a person (the API's ID-number
// check shown on the input in Chinese; the list shows the masked number; the audited reveal),
// a title promotion walked from application to approval, and a 乡聘村用 contract into another
// township's clinic refused with the Chinese 422 on the clinic input.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, unitId } from '../../scripts/test/harness';
import { freshIdNumber, hire } from '../../api/hr/testData';
import { login, newPage, shotForReview, startBrowserTest } from './browser';
import type { StaffRecord, TitlePromotionRecord, VillageDoctorContractRecord } from '../src/hr/records';
import type { OrgUnitRecord } from '../src/shared/records';
import type { AuditEntry } from '../src/system/records';

describe('admin UI: HR registry screens', function () {
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

  /** An input by its label, required (" *") or not. */
  const field = (p: Page, label: string) => p.getByLabel(new RegExp(`^${label}\\s*\\*?$`));

  async function pick(p: Page, label: string, typed: string, option: RegExp | string) {
    const input = field(p, label);
    await input.fill(typed);
    await p.getByRole('option', { name: option }).first().click();
  }

  async function choose(p: Page, label: string, option: string) {
    await field(p, label).click();
    await p.getByRole('option', { name: option, exact: true }).click();
  }

  it('hires a person: a bad ID number is refused on its input in Chinese, the list shows the masked ID, the reveal is audited', async () => {
    const name = `界面入职${tag}`;
    await page.goto(`${baseUrl}/staff/create`);
    await field(page, '姓名').fill(name);
    await field(page, '身份证号').fill('630121199001011230');
    await choose(page, '人员类别', '医师');
    await choose(page, '职称', '主治医师');
    await pick(page, '聘用单位', 'B1', /\(B1\)/);
    await page.getByLabel('入职日期').fill('2021-09-01');
    await page.getByRole('button', { name: '保存' }).click();
    const idError = page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '身份证号无效' });
    await idError.waitFor();
    await shotForReview(page, 'hr-staff-create-bad-id');

    const idNumber = freshIdNumber('F');
    await field(page, '身份证号').fill(idNumber);
    await page.getByRole('button', { name: '保存' }).click();
    const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
    await page.getByTestId('id-number').waitFor();
    expect(await page.getByTestId('id-number').textContent()).to.equal(masked);
    const created = (await get<StaffRecord[]>('/api/staff', { as: 'hr', query: { filter: { q: name } } })).body[0];
    expect(created).to.include({ name, sex: 'F', title: 'attending_physician', employer_org_unit_id: await unitId('B1'), id_number_masked: masked });

    // the audited reveal, for a role that may
    await page.getByTestId('reveal-id-number').click();
    await page.getByText(idNumber).waitFor();
    const audit = await get<AuditEntry[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'staff', record_id: String(created.id), action: 'reveal-id-number' } },
    });
    expect(audit.status).to.equal(200);
    expect(audit.body).to.have.length(1);

    await page.goto(`${baseUrl}/staff?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
    const row = page.locator('tr', { hasText: name });
    await row.waitFor();
    expect(await row.locator('td.column-id_number_masked').textContent()).to.equal(masked);
    expect(await page.content()).not.to.contain(idNumber);
    await shotForReview(page, 'hr-staff-list-masked');

    // a director may not reveal: no button
    const director = await newPage(browser, { width: 1400, height: 900 });
    await login(director, baseUrl, 'director-B1');
    await director.goto(`${baseUrl}/staff/${created.id}/show`);
    await director.getByTestId('id-number').waitFor();
    expect(await director.getByTestId('reveal-id-number').count()).to.equal(0);
    await director.context().close();
  });

  it('a title promotion goes submitted → reviewed → approved and the record takes the title', async () => {
    const name = `晋升测试${tag}`;
    const s = await hire({ unit: 'B2', name, title: 'physician' });
    await page.goto(`${baseUrl}/title-promotions/create`);
    await pick(page, '申请人', name, name);
    await choose(page, '申报职称', '主治医师');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/title-promotions(\?.*)?$/);
    const app = (await get<TitlePromotionRecord[]>('/api/title-promotions', { as: 'hr', query: { filter: { staff_id: s.id } } })).body[0];
    expect(app).to.include({ status: 'submitted', from_title: 'physician', to_title: 'attending_physician' });

    // the unit step, then group HR's approval; each button only in the state it applies to
    expect(await page.getByTestId(`action-approve-${app.id}`).count()).to.equal(0);
    await page.getByTestId(`action-review-${app.id}`).click();
    await page.getByTestId('field-unit_opinion').fill('同意推荐');
    await page.getByTestId('confirm-review').click();
    await page.getByTestId(`action-approve-${app.id}`).waitFor();
    await page.getByTestId(`action-approve-${app.id}`).click();
    await page.getByTestId('confirm-approve').click();
    // other tests leave approved applications in the list: wait on this one's buttons
    await page.getByTestId(`action-approve-${app.id}`).waitFor({ state: 'detached' });
    expect(await page.getByTestId(`action-reject-${app.id}`).count()).to.equal(0);
    await shotForReview(page, 'hr-promotion-approved');
    expect((await get<TitlePromotionRecord>(`/api/title-promotions/${app.id}`, { as: 'hr' })).body).to.include({
      status: 'approved',
      unit_opinion: '同意推荐',
    });
    expect((await get<StaffRecord>(`/api/staff/${s.id}`, { as: 'hr' })).body.title).to.equal('attending_physician');
  });

  it('a 乡聘村用 contract into a clinic of another township shows the Chinese 422 on the clinic', async () => {
    const t01 = await unitId('T01');
    const villages = async (township: string) =>
      (await get<OrgUnitRecord[]>('/api/org-units', { as: 'admin', query: { filter: { parent_id: await unitId(township), kind: 'village' }, range: [0, 0] } }))
        .body[0];
    const own = await villages('T01');
    const foreign = await villages('T02');
    const name = `村医合同${tag}`;
    const doctor = await hire({
      unit: 'T01',
      name,
      category: 'village_doctor',
      title: 'village_doctor',
      employment_type: 'township_hired',
      work_org_unit_id: own.id,
    });
    const township = (await get<OrgUnitRecord>(`/api/org-units/${t01}`, { as: 'admin' })).body;

    await page.goto(`${baseUrl}/village-doctor-contracts/create`);
    await pick(page, '乡村医生', name, name);
    await pick(page, '聘用乡镇卫生院', 'T01', /\(T01\)/);
    await pick(page, '执业村卫生室', foreign.code, new RegExp(`\\(${foreign.code}\\)`));
    await page.getByLabel('合同开始').fill('2026-01-01');
    await page.getByLabel('合同到期').fill('2028-12-31');
    await page.getByRole('button', { name: '保存' }).click();
    const error = page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '不属于' });
    await error.waitFor();
    const text = await error.textContent();
    expect(text).to.contain(foreign.name);
    expect(text).to.contain(township.name);
    expect(text).to.contain('乡聘村用只能安排在本乡镇的村卫生室');
    await shotForReview(page, 'hr-contract-422');

    // the own clinic is accepted
    await pick(page, '执业村卫生室', own.code, new RegExp(`\\(${own.code}\\)`));
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/village-doctor-contracts(\?.*)?$/);
    const contract = (await get<VillageDoctorContractRecord[]>('/api/village-doctor-contracts', { as: 'hr', query: { filter: { staff_id: doctor.id } } }))
      .body[0];
    expect(contract).to.include({ employer_org_unit_id: t01, work_org_unit_id: own.id, status: 'active' });
    await page.goto(`${baseUrl}/village-doctor-contracts?filter=${encodeURIComponent(JSON.stringify({ staff_id: doctor.id }))}`);
    await page.locator('tr', { hasText: name }).waitFor();
    await page.getByTestId(`action-exit-${contract.id}`).waitFor();
    await shotForReview(page, 'hr-contracts-list');
  });
});
