// 双向转诊 in a real browser: a village doctor refers a resident up to T01 as urgent; the T01
// director finds it on top of the inbox with a live timer, accepts it into a slot; the page
// shows the fees (registration waived, threshold offset) and the timeline of each step.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, put, unitId } from '../../scripts/test/harness';
import { checkDigit } from '../../api/core/personalId';
import { loggedInPage, PHONE, shotForReview, startBrowserTest } from './browser';
import { dayKey } from '../../api/core/clock';
import * as clock from '../../api/core/clock';
import type { ReferralRecord } from '../src/referrals/choices';
import type { DepartmentRecord, OrgUnitRecord } from '../src/shared/records';
import type { Settings } from '../src/referrals/SettingsPage';
import type { ResidentRecord } from '../src/health/records';

describe('admin UI: referrals', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;
  const pages: Page[] = [];

  async function open(username: string, viewport?: { width: number; height: number }) {
    const page = await loggedInPage(browser, baseUrl, username, viewport);
    pages.push(page);
    return page;
  }

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });

  after(async () => {
    await browser?.close();
  });

  it('doctor-V001 refers a resident up to T01 as urgent; director-T01 accepts it into a slot; fees and timeline are shown', async () => {
    const first17 = '63012119520814771';
    const idNumber = `${first17}${checkDigit(first17)}`;
    const resident = await post<ResidentRecord>('/api/residents', { name: '祁永贵', id_number: idNumber }, { as: 'doctor-V001' });
    expect(resident.status, JSON.stringify(resident.body)).to.equal(200);

    // the village doctor fills in the referral form
    const doctor = await open('doctor-V001');
    await doctor.goto(`${baseUrl}/referrals/create`);
    await doctor.locator('input[name="resident_id"]').fill('祁永贵');
    await doctor.getByRole('option', { name: /祁永贵/ }).click();
    await doctor.locator('input[name="to_org_unit_id"]').fill('桥头镇中心卫生院');
    await doctor.getByRole('option', { name: /桥头镇中心卫生院/ }).click();
    await doctor.getByRole('combobox', { name: '紧急程度' }).click();
    await doctor.getByRole('option', { name: '紧急', exact: true }).click();
    await doctor.locator('input[name="diagnosis_code"]').fill('I10');
    await doctor.locator('input[name="diagnosis_text"]').fill('原发性高血压 3级');
    await doctor.locator('textarea[name="reason"]').fill('血压控制不佳，需上级医院调整用药');
    await doctor.locator('input[name="threshold_paid_before"]').fill('150');
    await shotForReview(doctor, 'referral-create');
    await doctor.getByRole('button', { name: /保存|Save/ }).click();
    await doctor.waitForURL(/\/referrals\/\d+\/show$/);
    const id = Number(/\/referrals\/(\d+)\/show/.exec(doctor.url())![1]);
    await doctor.getByTestId('event-requested').waitFor();

    // the T01 director: on top of the inbox, with its live timer
    const director = await open('director-T01');
    await director.goto(`${baseUrl}/referral-inbox`);
    // green channel first: above every routine request (other tests may leave urgent ones waiting too)
    const firstRow = director.locator('tbody tr').filter({ hasText: '祁永贵' }).first();
    await firstRow.waitFor();
    expect(await firstRow.locator('td').first().textContent()).to.equal(String(id));
    const rows = await director.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    const ours = rows.findIndex((text) => text.includes('祁永贵'));
    expect(
      rows.slice(0, ours).every((text) => text.includes('紧急') || text.includes('急危重')),
      'only urgent requests above it',
    ).to.equal(true);
    const timer = firstRow.getByTestId('live-timer');
    const before = await timer.textContent();
    await director.waitForTimeout(1500);
    expect(await timer.textContent())
      .to.match(/剩余/)
      .and.not.equal(before);
    await shotForReview(director, 'referral-inbox');

    await firstRow.click();
    await director.waitForURL(new RegExp(`/referrals/${id}/show$`));
    await director.getByTestId('action-accept').click();
    await director.getByTestId('slot-option').first().click();
    await director.getByTestId('confirm-action').click();
    await director.getByTestId('event-accepted').waitFor();
    expect(await director.getByTestId('fee-registration').textContent()).to.contain('免收');
    expect(await director.getByTestId('fee-offset').textContent()).to.contain('150.00');
    expect(await director.getByTestId('fee-due').textContent()).to.contain('¥50.00');
    const steps = await director.getByTestId('referral-timeline').locator('li').allTextContents();
    expect(steps).to.have.length(2);
    expect(steps[0]).to.contain('提出转诊');
    expect(steps[1]).to.contain('接收').and.contain('院长').and.contain('预约');
    await shotForReview(director, 'referral-accepted');

    // arrival: the resident's managing unit (health record) follows the referral to T01, on both pages
    await director.getByTestId('action-arrive').click();
    await director.getByTestId('confirm-action').click();
    await director.getByTestId('event-arrived').waitFor();
    await director.getByTestId('referral-unit-history').getByText('桥头镇中心卫生院').waitFor();
    await director.getByTestId('referral-managing-unit').getByText('桥头镇中心卫生院').waitFor();
    await shotForReview(director, 'referral-arrived');
    await director.goto(`${baseUrl}/residents/${resident.body.id}/show`);
    await director.getByTestId('resident-managing-unit').getByText('桥头镇中心卫生院').waitFor();
    expect(await director.getByTestId('resident-care-transfer-row').count()).to.equal(1);
    expect(await director.getByTestId('resident-care-transfer-row').textContent()).to.contain(`#${id}`);
    await shotForReview(director, 'resident-managing-unit');
  });

  it('the group referral office sees the flows between levels as a Sankey and the table per unit', async () => {
    const office = await open('referral');
    await office.goto(`${baseUrl}/referral-office`);
    await office.getByTestId('referral-unit-table').locator('tbody tr').first().waitFor();
    await shotForReview(office, 'referral-office');
    await office.getByTestId('referral-sankey').locator('svg path').first().waitFor();
    expect(await office.getByTestId('referral-unit-table').locator('tbody tr').count()).to.be.greaterThan(0);
    await shotForReview(office, 'referral-office');
  });

  it('director-T01 publishes slots for a department and sees them offered when accepting a referral', async () => {
    // a day beyond the demo's two weeks and the API tests' days, so the slots are only these
    const day = dayKey(new Date(clock.now().getTime() + 40 * 86_400_000));
    const t01 = await unitId('T01');
    const tcm = (await get<DepartmentRecord[]>('/api/departments', { as: 'admin', query: { filter: { org_unit_id: t01, name: '中医科' } } })).body[0].id;
    const director = await open('director-T01');
    await director.goto(`${baseUrl}/referral-slots`);
    await director.getByTestId('slot-department').waitFor({ state: 'attached' });
    await director.getByRole('combobox', { name: '接收科室' }).click();
    await director.getByRole('option', { name: '中医科' }).click();
    await director.getByTestId('slot-day-input').fill(day);
    await director.getByTestId('slot-day').getByText('当日未发布号源').waitFor();
    // one morning session 09:00–10:30 (3 slots) of 2 places, on that day only
    await director.locator('input[name="from"]').fill(day);
    await director.locator('input[name="to"]').fill(day);
    await director.locator('input[name="capacity"]').fill('2');
    await director.locator('input[name="sessions.0.from"]').fill('09:00');
    await director.locator('input[name="sessions.0.until"]').fill('10:15');
    await director.getByTestId('publish-slots').click();
    // a time off the half hour is refused on its field, nothing is published
    await director.getByText('须为整点或半点').first().waitFor();
    await director.locator('input[name="sessions.0.until"]').fill('10:30');
    await director.locator('input[name="sessions.1.from"]').fill('14:30');
    await director.locator('input[name="sessions.1.until"]').fill('15:00');
    // the day may fall on a weekend: publish every weekday
    for (const d of ['六', '日']) {
      const box = director.getByRole('checkbox', { name: d });
      if (!(await box.isChecked())) await box.check();
    }
    await director.getByTestId('publish-slots').click();
    await director.getByText('已发布 4 个时段').waitFor();
    await director.locator(`[data-testid="slot-day"][data-day="${day}"][data-department="${tcm}"]`).getByTestId('slot-cell').nth(3).waitFor();
    expect(await director.getByTestId('slot-booked').allTextContents()).to.deep.equal(['0 / 2', '0 / 2', '0 / 2', '0 / 2']);
    // 8 places: ceil(30 %) = 3 held for up-referrals until the day before
    expect(await director.getByTestId('slot-day-held').textContent()).to.contain('上转预留 3 个');
    await shotForReview(director, 'referral-slots');

    // a village doctor refers a resident up to T01's 中医科; the director accepts it into one of the new slots
    const first17 = '63012119600101882';
    const resident = await post<ResidentRecord>('/api/residents', { name: '马秀兰', id_number: `${first17}${checkDigit(first17)}` }, { as: 'doctor-V002' });
    expect(resident.status, JSON.stringify(resident.body)).to.equal(200);
    const referral = await post<ReferralRecord>(
      '/api/referrals',
      {
        resident_id: resident.body.id,
        to_org_unit_id: t01,
        to_department_id: tcm,
        direction: 'up',
        urgency: 'routine',
        diagnosis_code: 'M54.5',
        diagnosis_text: '腰痛',
        reason: '针灸理疗',
      },
      { as: 'doctor-V002' },
    );
    expect(referral.status, JSON.stringify(referral.body)).to.equal(200);
    await director.goto(`${baseUrl}/referrals/${referral.body.id}/show`);
    await director.getByTestId('action-accept').click();
    await director.getByTestId('slot-picker-day').fill(day);
    const offered = director.getByTestId('slot-option');
    await offered.nth(3).waitFor();
    expect(await offered.allTextContents()).to.deep.equal(['09:00 中医科 · 余 2', '09:30 中医科 · 余 2', '10:00 中医科 · 余 2', '14:30 中医科 · 余 2']);
    await offered.nth(1).click();
    await director.getByTestId('confirm-action').click();
    await director.getByTestId('event-accepted').waitFor();
    const slots = (await get('/api/referral-slots', { as: 'director-T01', query: { filter: { department_id: tcm, day } } })).body as {
      starts_at: string;
      booked: number;
    }[];
    expect(slots.map((s) => s.booked)).to.deep.equal([0, 1, 0, 0]);
    await director.goto(`${baseUrl}/referral-slots`);
    await director.getByRole('combobox', { name: '接收科室' }).click();
    await director.getByRole('option', { name: '中医科' }).click();
    await director.getByTestId('slot-day-input').fill(day);
    await director.locator(`[data-testid="slot-day"][data-day="${day}"][data-department="${tcm}"]`).getByTestId('slot-cell').nth(3).waitFor();
    expect(await director.getByTestId('slot-booked').allTextContents()).to.deep.equal(['0 / 2', '1 / 2', '0 / 2', '0 / 2']);

    // one slot's places raised, not below what is booked; a booked slot cannot be withdrawn, a free one can
    const booked = director.getByTestId('slot-cell').nth(1);
    await booked.getByTestId('slot-edit').click();
    await director.getByTestId('slot-capacity-input').fill('0');
    expect(await director.getByTestId('slot-capacity-save').isDisabled()).to.equal(true);
    await director.getByTestId('slot-capacity-input').fill('3');
    await director.getByTestId('slot-capacity-save').click();
    await booked.getByText('1 / 3').waitFor();
    expect(await booked.getByTestId('slot-delete').isDisabled()).to.equal(true);
    await director.getByTestId('slot-cell').nth(3).getByTestId('slot-delete').click();
    await director.getByTestId('slot-delete-confirm').click();
    await director.getByTestId('slot-cell').nth(3).waitFor({ state: 'detached' });
    expect(await director.getByTestId('slot-booked').allTextContents()).to.deep.equal(['0 / 2', '1 / 3', '0 / 2']);
    const after = (await get('/api/referral-slots', { as: 'director-T01', query: { filter: { department_id: tcm, day } } })).body as {
      capacity: number;
      booked: number;
    }[];
    expect(after.map((s) => [s.booked, s.capacity])).to.deep.equal([
      [0, 2],
      [1, 3],
      [0, 2],
    ]);
    await shotForReview(director, 'referral-slots-edited');
  });

  it('the referral office changes a service level in the settings; a bad value is refused on its field', async () => {
    const before = (await get<Settings>('/api/referral-settings', { as: 'referral' })).body;
    try {
      const office = await open('referral');
      await office.goto(`${baseUrl}/referral-settings`);
      const urgent = office.locator('input[name="serviceLevelMinutes.urgent"]');
      await urgent.waitFor();
      expect(await urgent.inputValue()).to.equal(String(before.serviceLevelMinutes.urgent));
      await urgent.fill('90');
      const share = office.locator('input[name="upReservedShare"]');
      await share.fill('1.5');
      await office.getByTestId('save-settings').click();
      // refused by the API and shown on the share field; nothing saved
      await office
        .locator('p.Mui-error')
        .filter({ hasText: /less than or equal to 1|<=\s*1|≤\s*1/ })
        .waitFor();
      expect((await get<Settings>('/api/referral-settings', { as: 'referral' })).body.serviceLevelMinutes.urgent).to.equal(before.serviceLevelMinutes.urgent);
      await shotForReview(office, 'referral-settings-error');
      await share.fill(String(before.upReservedShare));
      await office.getByTestId('save-settings').click();
      await office.getByText('转诊参数已保存').waitFor();
      const after = (await get<Settings>('/api/referral-settings', { as: 'referral' })).body;
      expect(after.serviceLevelMinutes).to.deep.equal({ ...before.serviceLevelMinutes, urgent: 90 });
      expect(after.upReservedShare).to.equal(before.upReservedShare);

      // a director reads them and cannot save
      const director = await open('director-T01');
      await director.goto(`${baseUrl}/referral-settings`);
      await director.getByTestId('settings-read-only').waitFor();
      expect(await director.getByTestId('save-settings').count()).to.equal(0);
    } finally {
      await put('/api/referral-settings', before, { as: 'referral' });
    }
  });

  it('a village clinic, which has no slots, accepts a patient sent back to it by naming the home visit', async () => {
    const first17 = '63012119480303772';
    const resident = await post<ResidentRecord>('/api/residents', { name: '回村康复者', id_number: `${first17}${checkDigit(first17)}` }, { as: 'doctor-V002' });
    expect(resident.status, JSON.stringify(resident.body)).to.equal(200);
    const sent = await post<ReferralRecord>(
      '/api/referrals',
      {
        resident_id: resident.body.id,
        from_org_unit_id: await unitId('T01'),
        to_org_unit_id: await unitId('V002'),
        direction: 'down',
        urgency: 'routine',
        purpose: 'rehabilitation',
        diagnosis_code: 'I63.9',
        diagnosis_text: '脑梗死恢复期',
        reason: '病情稳定，回村康复',
      },
      { as: 'director-T01' },
    );
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);

    const clinic = await open('director-V002', PHONE);
    await clinic.goto(`${baseUrl}/referrals/${sent.body.id}/show`);
    await clinic.getByTestId('action-accept').click();
    await clinic.getByText('村卫生室不发布预约时段：请填写村医上门随访的时间').waitFor();
    const confirm = clinic.getByTestId('confirm-action');
    expect(await confirm.isDisabled()).to.equal(true);
    // the day after tomorrow, 09:30 in the group's (and the browser's) time zone
    const day = clock.addDays(clock.today(), 2);
    const visit = new Date(`${day}T09:30:00+08:00`);
    await clinic.getByTestId('home-visit-at').fill(`${day}T09:30`);
    await confirm.click();
    await clinic.getByTestId('event-accepted').waitFor();
    await shotForReview(clinic, 'referral-village-home-visit');
    const accepted = await get<ReferralRecord>(`/api/referrals/${sent.body.id}`, { as: 'director-V002' });
    expect(accepted.body).to.include({ status: 'accepted', slot_id: null });
    expect(Date.parse(accepted.body.appointment_at!)).to.equal(visit.getTime());
  });

  it('the inbox, outbox and list are usable on a phone (390×844)', async () => {
    // something in the outbox too: T01 refers an external patient up to its branch
    const t01 = (await get<OrgUnitRecord[]>('/api/org-units', { as: 'admin', query: { filter: { code: 'T01' } } })).body[0];
    const first17 = '63012119700505123';
    const sent = await post<ReferralRecord>(
      '/api/referrals',
      {
        patient_name: '韩建国',
        patient_id_number: `${first17}${checkDigit(first17)}`,
        to_org_unit_id: t01.parent_id,
        direction: 'up',
        urgency: 'urgent',
        diagnosis_code: 'J18.9',
        diagnosis_text: '肺炎',
        reason: '高热不退，需住院治疗',
      },
      { as: 'director-T01' },
    );
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
    // and one waiting in the inbox, its clock running: a village doctor refers a resident up to T01
    const firstOfResident = '63012119580302771';
    const resident = await post<ResidentRecord>(
      '/api/residents',
      { name: '李春花', id_number: `${firstOfResident}${checkDigit(firstOfResident)}` },
      { as: 'doctor-V002' },
    );
    expect(resident.status, JSON.stringify(resident.body)).to.equal(200);
    const waiting = await post<ReferralRecord>(
      '/api/referrals',
      {
        resident_id: resident.body.id,
        to_org_unit_id: t01.id,
        direction: 'up',
        urgency: 'urgent',
        diagnosis_code: 'I10',
        diagnosis_text: '高血压',
        reason: '血压控制不满意',
      },
      { as: 'doctor-V002' },
    );
    expect(waiting.status, JSON.stringify(waiting.body)).to.equal(200);
    const director = await open('director-T01', PHONE);
    for (const [path, name] of [
      ['/referral-inbox', 'inbox'],
      ['/referral-outbox', 'outbox'],
      ['/referrals', 'list'],
    ] as const) {
      await director.goto(`${baseUrl}${path}`);
      const items = director.locator('ul.MuiList-root a[href*="/referrals/"]');
      await items.first().waitFor();
      // nothing wider than the screen: no horizontal scrolling
      expect(await director.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);
      if (name === 'inbox') await items.first().getByTestId('live-timer').waitFor();
      // the app bar's title is whole, not cut off with an ellipsis
      const title = await director.locator('#react-admin-title').evaluate((el) => ({ text: el.textContent ?? '', fits: el.scrollWidth <= el.clientWidth + 1 }));
      expect(title.fits, `title "${title.text}" fits`).to.equal(true);
      if (name === 'inbox') expect(title.text).to.equal('转入待办');
      await shotForReview(director, `referral-phone-${name}`);
    }
    // a row opens the referral page, which fits too
    await director.goto(`${baseUrl}/referral-inbox`);
    await director.locator('ul.MuiList-root a[href*="/referrals/"]').first().click();
    await director.getByTestId('referral-timeline').waitFor();
    expect(await director.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);
    await shotForReview(director, 'referral-phone-show');
  });
});
