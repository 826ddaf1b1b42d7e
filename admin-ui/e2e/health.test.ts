// The village doctor's phone screens in a real browser at 390×844: my tasks → an overdue
// hypertension task → 150/95 → task done, visit uncontrolled; the same request replayed with its
// Idempotency-Key creates nothing; a dropped response and an offline save are retried from the
// phone's outbox and still make exactly one record.
import { expect } from 'chai';
import type { Browser, Page, Request } from 'playwright-core';
import { call, get, post } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import { checkDigit } from '../../api/core/personalId';
import { addDays } from '../../api/health/rules';
import { PHONE, clickMenu, login, newPage, shotForReview, startBrowserTest } from './browser';
import * as clock from '../../api/core/clock';
import type { FollowupRecord, ResidentRecord, TaskRecord } from '../src/health/records';

let serial = 500;
const today = clock.today();

/** A V001 resident with hypertension whose uncontrolled visit 20 days ago left an overdue two-week recheck. */
async function overdueHypertensionTask() {
  serial += 1;
  const first17 = `630103${Number(today.slice(0, 4)) - 62}0412${String(serial).padStart(3, '0')}`;
  const r = await post<ResidentRecord>(
    '/api/residents',
    {
      name: `随访${serial}`,
      id_number: first17 + checkDigit(first17),
      conditions: [{ code: 'hypertension', diagnosed_on: `${Number(today.slice(0, 4)) - 4}-01-01` }],
    },
    { as: 'doctor-V001' },
  );
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  const visitedOn = addDays(today, -20);
  const v = await post(
    '/api/followups',
    { ...ANSWERED, resident_id: r.body.id, type: 'hypertension', visited_on: visitedOn, systolic: 158, diastolic: 96 },
    { as: 'doctor-V001' },
  );
  expect(v.status).to.equal(200);
  return { resident: r.body, taskId: `${r.body.id}-hypertension_recheck-${visitedOn}` };
}

/** The national record's required answers besides the pressures: 无症状, 服药 规律. */
async function answerRecord(page: Page) {
  await page.getByTestId('field-symptoms').getByLabel('无症状', { exact: true }).check();
  await page.getByTestId('field-medication_adherence').getByLabel('规律', { exact: true }).check();
}

const followupsOf = async (residentId: number) =>
  (await get('/api/followups', { as: 'doctor-V001', query: { filter: { resident_id: residentId }, range: [0, 99] } })).body as { id: number }[];

describe('admin UI: health management on a phone', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;
  let page: Page;

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
    page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'doctor-V001');
  });

  after(async () => {
    await browser?.close();
  });

  /** Opens my tasks (overdue first), the task, and fills the form; returns the POST the page sent. */
  async function logFromTasks(taskId: string, systolic: string, diastolic: string) {
    await page.goto(`${baseUrl}/tasks`);
    await page.getByTestId('bucket-overdue').click();
    const row = page.getByTestId(`task-${taskId}`);
    await row.waitFor();
    expect(await row.locator('[data-overdue="true"]').count(), 'overdue shown in red').to.equal(1);
    await row.click();
    await page.getByTestId('followup-task').waitFor();
    await page.getByTestId('input-systolic').fill(systolic);
    await page.getByTestId('input-diastolic').fill(diastolic);
    await answerRecord(page);
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/followups') && r.method() === 'POST');
    await page.getByTestId('followup-save').click();
    return sent;
  }

  it('opens an overdue hypertension task, logs 150/95, sees it classified uncontrolled and the task done; a replay creates nothing', async () => {
    const { resident, taskId } = await overdueHypertensionTask();
    await page.goto(`${baseUrl}/tasks`);
    await page.getByTestId(`task-${taskId}`).waitFor();
    await shotForReview(page, 'health-my-tasks-phone');
    const request: Request = await logFromTasks(taskId, '150', '95');
    await page.getByTestId('classification').waitFor();
    expect(await page.getByTestId('classification').textContent()).to.equal('控制不满意');
    await page.getByTestId('task-done').waitFor();
    await shotForReview(page, 'health-followup-saved-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no horizontal scrolling at 390 px').to.be.at.most(PHONE.width);

    const task = await get<TaskRecord>(`/api/tasks/${taskId}`, { as: 'doctor-V001' });
    expect(task.body.state).to.equal('done');
    const before = await followupsOf(resident.id);
    // the same request again, as a retry would send it: same key, same body
    const key = request.headers()['idempotency-key'];
    expect(key).to.be.a('string').and.not.empty;
    const replay = await call<FollowupRecord>('POST', '/api/followups', {
      as: 'doctor-V001',
      raw: request.postData()!,
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
    });
    expect(replay.status).to.equal(200);
    expect(replay.headers.get('idempotent-replayed')).to.equal('true');
    expect(replay.body.classification).to.equal('uncontrolled');
    expect(await followupsOf(resident.id)).to.have.length(before.length);
  });

  it('a dropped response is retried from the outbox with the same key: exactly one record', async () => {
    const { resident, taskId } = await overdueHypertensionTask();
    const before = (await followupsOf(resident.id)).length;
    // the server gets the request and writes it, but the phone never sees the answer
    await page.route('**/api/followups', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    const first = await logFromTasks(taskId, '132', '84');
    await page.getByTestId('followup-queued').waitFor();
    await page.getByTestId('outbox-banner').waitFor();
    expect(await followupsOf(resident.id)).to.have.length(before + 1);
    await page.unroute('**/api/followups');
    const retry = page.waitForRequest((r) => r.url().endsWith('/api/followups') && r.method() === 'POST');
    await page.getByTestId('outbox-banner').getByRole('button').click();
    expect((await retry).headers()['idempotency-key']).to.equal(first.headers()['idempotency-key']);
    await page.getByTestId('outbox-banner').waitFor({ state: 'detached' });
    expect(await followupsOf(resident.id)).to.have.length(before + 1);
    expect(await page.evaluate(() => localStorage.getItem('erp.health.outbox'))).to.equal('[]');
  });

  it('offline: the visit waits on the phone and is sent once when the network is back', async () => {
    const { resident, taskId } = await overdueHypertensionTask();
    const before = (await followupsOf(resident.id)).length;
    await page.goto(`${baseUrl}/tasks`);
    await page.getByTestId(`task-${taskId}`).waitFor();
    await page.context().setOffline(true);
    await page.getByTestId(`task-${taskId}`).click();
    await page.getByTestId('input-systolic').fill('128');
    await page.getByTestId('input-diastolic').fill('80');
    await answerRecord(page);
    await page.getByTestId('followup-save').click();
    await page.getByTestId('followup-queued').waitFor();
    await shotForReview(page, 'health-followup-offline-phone');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('erp.health.outbox'))) ?? '[]')).to.have.length(1);
    expect(await followupsOf(resident.id)).to.have.length(before);
    await page.context().setOffline(false); // the `online` event flushes the outbox
    await page.getByTestId('outbox-banner').waitFor({ state: 'detached', timeout: 20_000 });
    // the saved form no longer says "no network": it shows what the server made of the visit
    await page.getByTestId('followup-outcome').getByTestId('classification').waitFor();
    expect(await page.getByTestId('classification').textContent()).to.equal('控制满意');
    expect(await page.getByTestId('followup-queued').count()).to.equal(0);
    await page.getByTestId('task-done').waitFor();
    expect(await followupsOf(resident.id)).to.have.length(before + 1);
    expect((await get<TaskRecord>(`/api/tasks/${taskId}`, { as: 'doctor-V001' })).body.state).to.equal('done');
  });

  it('a second start of my tasks fetches its opening reads beside the shell and uses each answer: every read asked once', async () => {
    await page.goto(`${baseUrl}/tasks`);
    await page.getByTestId('bucket-today').waitFor();
    await page.waitForLoadState('networkidle');
    // each API request of the reload with the script that sent it (CDP's initiator: its stack's first frame)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const asked: { url: string; by: string }[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      const u = new URL(e.request.url);
      if (u.pathname.startsWith('/api/')) asked.push({ url: u.pathname + u.search, by: e.initiator.stack?.callFrames[0]?.url ?? '' });
    });
    await page.reload();
    await page.getByTestId('bucket-today').waitFor();
    await page.waitForLoadState('networkidle');
    await cdp.detach();
    const reads = await page.evaluate(() => {
      const user = JSON.parse(localStorage.getItem('erp.user')!) as { id: number };
      return JSON.parse(localStorage.getItem(`erp.reads:${user.id}:/tasks`) ?? '[]') as string[];
    });
    expect(
      reads.some((u) => u.startsWith('/api/tasks?')),
      reads.join(' '),
    ).to.equal(true);
    // each recorded read went out once, from the route-preload script, and the page took its answer instead of asking again
    for (const url of reads) {
      const sent = asked.filter((a) => a.url === url);
      expect(sent, url).to.have.length(1);
      expect(sent[0].by, url).to.match(/\/assets\/route-preload-\w+\.js$/);
    }
    // and went out while the page was still being parsed, not behind the shell's modules
    const late = await page.evaluate((urls) => {
      const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive;
      return performance
        .getEntriesByType('resource')
        .filter((e) => urls.some((u) => e.name.endsWith(u)) && e.startTime > parsed)
        .map((e) => `${e.name} at ${e.startTime.toFixed(0)} ms, parsed at ${parsed.toFixed(0)} ms`);
    }, reads);
    expect(late).to.deep.equal([]);
  });

  it('the resident page shows the contract, conditions and a trend chart of the last measurements', async () => {
    const { resident } = await overdueHypertensionTask();
    await post(
      '/api/followups',
      { ...ANSWERED, resident_id: resident.id, type: 'hypertension', visited_on: addDays(today, -3), systolic: 136, diastolic: 84 },
      { as: 'doctor-V001' },
    );
    await page.goto(`${baseUrl}/residents/${resident.id}/show`);
    await page.getByTestId('resident-contract').waitFor();
    await page.getByTestId('measurement-chart').locator('svg.recharts-surface').first().waitFor();
    expect(await page.getByText('高血压 ·').count()).to.be.greaterThan(0);
    await shotForReview(page, 'health-resident-phone');
  });

  it('考核指标 on a phone: one card per unit, an indicator per line, nothing wider than the screen', async () => {
    const director = await newPage(browser, PHONE);
    await login(director, baseUrl, 'director-T01');
    const view = (await get('/api/health/indicators', { as: 'director-T01' })).body as { org_unit: { code: string }; units: { code: string }[] };
    await clickMenu(director, '/health-indicators');
    await director.getByTestId('indicators-cards').waitFor();
    expect(await director.getByTestId('indicators-table').count()).to.equal(0);
    const cards = director.locator('[data-testid^="indicator-card-"]');
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).to.deep.equal(
      [view.org_unit, ...view.units].map((u) => `indicator-card-${u.code}`),
    );
    // every indicator's name on one line (it was one character per line in the table's narrow columns)
    const first = director.getByTestId(`indicator-card-${view.org_unit.code}`);
    for (const k of ['contract_rate', 'key_population_contract_rate', 'standardised_management_rate', 'control_rate', 'task_completion_rate']) {
      const label = first.getByTestId(`indicator-${k}`).locator('p').first();
      const box = (await label.boundingBox())!;
      const lineHeight = await label.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(box.height, k).to.be.at.most(lineHeight * 1.5);
    }
    expect(await director.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);
    await shotForReview(director, 'health-indicators-phone');
    await director.context().close();
  });

  it('HQ sees the indicators per township, worst first', async () => {
    const hq = await newPage(browser);
    await login(hq, baseUrl, 'admin');
    // the units right under HQ as the API answers them, worst first: the demo's three branches, and
    // whatever another test file added under HQ in this worker's database
    const view = (await get('/api/health/indicators', { as: 'admin' })).body as { units: { code: string; kind: string }[] };
    expect(view.units.map((u) => u.code)).to.include.members(['B1', 'B2', 'B3']);
    await clickMenu(hq, '/health-indicators');
    await hq.getByTestId('indicators-table').waitFor();
    const rows = hq.locator('[data-testid^="indicator-row-"]');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).to.deep.equal(view.units.map((u) => `indicator-row-${u.code}`));
    await shotForReview(hq, 'health-indicators-hq');
    await hq.context().close();
  });
});
