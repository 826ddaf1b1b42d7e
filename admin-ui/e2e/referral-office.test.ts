// The group referral office and the senders in a real browser: `referral` opens the inbox of
// every receiving unit from the menu and narrows it to one township; accepting offers only slots
// yet to start; the referring village doctor sees the bell count go up, opens the notice and
// lands on the referral; an escalated request's timeline names the system in Chinese.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import * as clock from '../../api/core/clock';
import { runJob } from '../../api/jobs/service';
import { resident, upBody } from '../../api/referrals/testFixtures';
import { login, newPage, shotForReview, startBrowserTest } from './browser';
import type { ReferralRecord } from '../src/referrals/choices';
import type { OrgUnitRecord } from '../src/shared/records';

/** The first village clinic under a township, and the township's name. */
async function townshipAndVillage(code: string) {
  const id = await unitId(code);
  const township = (await get<OrgUnitRecord>(`/api/org-units/${id}`, { as: 'admin' })).body;
  const village = (
    await get<OrgUnitRecord[]>('/api/org-units', { as: 'admin', query: { filter: { parent_id: id, kind: 'village' }, sort: ['code', 'ASC'], range: [0, 0] } })
  ).body[0];
  return { id, name: township.name, village: village.code };
}

async function referUp(code: string, patient: string) {
  const t = await townshipAndVillage(code);
  const p = await resident(t.village, patient);
  const r = await post<ReferralRecord>('/api/referrals', upBody(p.id, t.id, { urgency: 'urgent' }), { as: `doctor-${t.village}` });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return { ...t, referralId: r.body.id };
}

const menu = (page: Page, label: string) => page.locator('a.RaMenuItemLink-root', { hasText: label }).first().click();
const bellCount = async (page: Page) => Number((await page.getByTestId('notification-count').locator('.MuiBadge-badge').textContent()) || 0);

describe('admin UI: the referral office’s inbox and the sender’s bell', function () {
  this.timeout(300_000); // two users' pages, and a poll of the bell
  let browser: Browser;
  let baseUrl: string;

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });
  after(() => browser?.close());

  it('referral filters the inbox by a township and accepts into a future slot; the village doctor’s bell goes up and leads to the referral', async () => {
    const mine = await referUp('T15', '韩守仁');
    const other = await referUp('T16', '冶福海'); // another township's request, filtered out below

    // the referring village doctor, before the answer
    const doctor = await newPage(browser);
    await login(doctor, baseUrl, `doctor-${mine.village}`);
    const before = await bellCount(doctor);

    // the office: every receiving unit's inbox, then one township's
    const office = await newPage(browser);
    await login(office, baseUrl, 'referral');
    await menu(office, '转入待办');
    await office.getByText('转入待办（全部接收单位）').first().waitFor();
    // every unit's inbox: both townships' requests are waiting (by their unit: other files' requests
    // may push these two past the first page)
    const waitingAt = async () => new Set(await office.locator('tbody tr td.column-to_unit_name').allTextContents());
    await office.locator('tbody tr td.column-to_unit_name').first().waitFor();
    expect((await waitingAt()).size, 'receiving units in the whole inbox').to.be.greaterThan(1);
    await office.locator('input[name="to_org_unit_id"]').fill(mine.name);
    await office.getByRole('option', { name: mine.name }).click();
    await office.waitForFunction((name) => [...document.querySelectorAll('tbody tr td.column-to_unit_name')].every((td) => td.textContent === name), mine.name);
    await office.locator('tbody tr', { hasText: '韩守仁' }).waitFor();
    const units = await office.locator('tbody tr td.column-to_unit_name').allTextContents();
    expect(units.length).to.be.greaterThan(0);
    expect(new Set(units)).to.deep.equal(new Set([mine.name]));
    await shotForReview(office, 'office-inbox-township');

    // accept: only slots yet to start are offered
    await office.locator('tbody tr', { hasText: '韩守仁' }).click();
    await office.waitForURL(new RegExp(`/referrals/${mine.referralId}/show$`));
    await office.getByTestId('action-accept').click();
    await office.getByTestId('slot-option').first().waitFor();
    const day = await office.getByTestId('slot-picker-day').inputValue();
    const times = await office.getByTestId('slot-option').allTextContents();
    for (const t of times) expect(new Date(`${day}T${t.slice(0, 5)}:00+08:00`).getTime(), t).to.be.greaterThan(clock.now().getTime());
    await shotForReview(office, 'office-accept-slots');
    await office.getByTestId('slot-option').first().click();
    await office.getByTestId('confirm-action').click();
    await office.getByTestId('event-accepted').waitFor();
    expect(await office.getByTestId('event-accepted').textContent()).to.contain('双向转诊办公室');

    // the doctor's bell counts it within a poll, and its notice opens the referral
    await doctor.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="notification-count"] .MuiBadge-badge')?.textContent || 0) === n + 1,
      before,
      { timeout: 40_000 },
    );
    await doctor.getByTestId('notification-bell').click();
    const item = doctor.getByTestId('notification-item').filter({ hasText: '韩守仁' }).first();
    expect(await item.textContent())
      .to.contain(`${mine.name} 已接收 韩守仁 的转诊`)
      .and.contain('预约');
    expect(await item.getAttribute('data-unread')).to.equal('true');
    await shotForReview(doctor, 'doctor-notifications');
    await item.click();
    await doctor.waitForURL(new RegExp(`/referrals/${mine.referralId}/show$`));
    await doctor.getByTestId('event-accepted').waitFor();
    await doctor.waitForFunction((n) => Number(document.querySelector('[data-testid="notification-count"] .MuiBadge-badge')?.textContent || 0) === n, before, {
      timeout: 10_000,
    });
    await shotForReview(doctor, 'doctor-referral-from-notice');

    // the other township's request, left unanswered past its service level, is escalated by the job:
    // its timeline says so in Chinese, by the system, not by a job's code name
    await runJob('referrals.escalate', { now: new Date(clock.now().getTime() + 3 * 3_600_000), triggeredBy: 'test' });
    await menu(office, '转入待办');
    await office.locator('input[name="to_org_unit_id"]').fill(other.name);
    await office.getByRole('option', { name: other.name }).click();
    await office.locator('tbody tr', { hasText: '冶福海' }).click();
    await office.waitForURL(new RegExp(`/referrals/${other.referralId}/show$`));
    const escalated = office.getByTestId('event-escalated');
    await escalated.waitFor();
    expect(await escalated.textContent())
      .to.contain('超时上报')
      .and.contain('系统（超时自动上报）')
      .and.contain('超过应答时限')
      .and.not.contain('referrals.escalate');
    await shotForReview(office, 'office-escalated-timeline');
  });
});
