// The village doctor's phone opening /tasks on a slow network (issue 16): the last synced tasks
// show at once from the phone's copy (同步于 HH:mm above them) while the server's answer is on its
// way, and the server's answer replaces them when it comes — here a task cancelled on the server
// after the copy was taken: shown from the copy first, gone once the server has answered.
import { expect } from 'chai';
import type { Browser, Route } from 'playwright-core';
import { get, post } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import { checkDigit } from '../../api/core/personalId';
import { addDays } from '../../api/health/rules';
import * as clock from '../../api/core/clock';
import { PHONE, login, newPage, startBrowserTest } from './browser';
import type { ResidentRecord } from '../src/health/records';

const today = clock.today();
let serial = 600 + (process.pid % 50);

/** A V001 resident with hypertension whose uncontrolled visit 20 days ago left an overdue two-week recheck. */
async function overdueTask() {
  serial += 1;
  const name = `启动${serial}`;
  const first17 = `630105${Number(today.slice(0, 4)) - 61}0611${String(serial).padStart(3, '0')}`;
  const r = await post<ResidentRecord>(
    '/api/residents',
    { name, id_number: first17 + checkDigit(first17), conditions: [{ code: 'hypertension', diagnosed_on: `${Number(today.slice(0, 4)) - 5}-02-01` }] },
    { as: 'doctor-V001' },
  );
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  const visitedOn = addDays(today, -20);
  const v = await post(
    '/api/followups',
    { ...ANSWERED, resident_id: r.body.id, type: 'hypertension', visited_on: visitedOn, systolic: 166, diastolic: 98 },
    { as: 'doctor-V001' },
  );
  expect(v.status, JSON.stringify(v.body)).to.equal(200);
  return { name, taskId: `${r.body.id}-hypertension_recheck-${visitedOn}` };
}

describe('admin UI: the phone opens with the last synced tasks', function () {
  this.timeout(120_000);
  let browser: Browser;
  let baseUrl: string;

  before(async function () {
    this.timeout(240_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });

  after(async () => {
    await browser?.close();
  });

  it("shows the copy's tasks while the server's answer is on its way, then the server's", async () => {
    const { name, taskId } = await overdueTask();
    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'doctor-V001');
    const url = `${baseUrl}/tasks?filter=${encodeURIComponent(JSON.stringify({ bucket: 'open', q: name }))}`;
    await page.goto(url);
    const row = page.getByTestId(`task-${taskId}`);
    await row.waitFor();
    // the copy of the village, taken at the app's start, holds the task
    await page.getByTestId('synced-at').waitFor();

    // cancelled on the server: the copy does not know
    const cancelled = await post(`/api/tasks/${encodeURIComponent(taskId)}/cancel`, { reason: '外出务工，本季度不在村' }, { as: 'doctor-V001' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).to.equal(200);

    // a slow network: the server's task lists are held until released
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    const hold = async (route: Route) => {
      held += 1;
      await released;
      await route.continue();
    };
    const taskLists = (u: URL) => u.pathname === '/api/tasks';
    await page.context().route(taskLists, hold);
    await page.reload();
    await row.waitFor();
    expect(held, 'the server was asked, and has not answered').to.be.at.least(1);
    expect(await page.getByTestId('synced-at').count(), 'the copy says when it was taken').to.equal(1);

    release();
    await row.waitFor({ state: 'detached' });
    // the rows are the server's: its open tasks of that resident (the quarter's, not the cancelled recheck)
    const server = await get<{ id: string }[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { bucket: 'open', q: name } } });
    expect(server.body.map((t) => t.id)).to.not.include(taskId);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="task-"]').length === n, server.body.length);
    const rows = await page.locator('[data-testid^="task-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(rows).to.deep.equal(server.body.map((t) => `task-${t.id}`));
    await page.context().unroute(taskLists, hold);
    await page.context().close();
  });
});
