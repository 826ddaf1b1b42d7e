// Households and targets in a real browser at 390×844. The village doctor starts from the home
// page: this month's targets there equal a hand count of the records; then 家庭档案 → a household
// → the two members' due tasks, their readings, one Save → both tasks done, two follow-ups; the
// household is reached again from a member's page. The township's director opens 目标进度: each
// village doctor's done / goal, this month and last, equal to the same hand count, behind in red.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import { checkDigit } from '../../api/core/personalId';
import { FOLLOWUP_TYPE } from '../../api/health/enums';
import { CHECK_TYPES, addDays, monthRange, previousMonth } from '../../api/health/rules';
import { PHONE, clickMenu, login, newPage, openFirstRow, shotForReview, settle, startBrowserTest } from './browser';
import * as clock from '../../api/core/clock';
import type { OrgUnitRecord, UserRecord } from '../src/shared/records';
import type { FollowupRecord, HouseholdDetail, PatientRecord, ResidentRecord, TaskRecord } from '../src/health/records';
import type { TargetsView } from '../src/health/TargetsPage';

const today = clock.today();
const year = Number(today.slice(0, 4));
const total = (r: { headers: Headers }) => Number(String(r.headers.get('content-range')).split('/')[1]);
const count = async (resource: string, filter: Record<string, unknown>) =>
  total(await get(`/api/${resource}`, { as: 'admin', query: { filter, range: [0, 0] } }));

/** The month number of a day or month (year × 12 + month). */
const monthNo = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));

/** A doctor's month counted by hand from the lists, by the definitions of README (health: targets). */
async function handCount(doctorId: number, village: number, month: string) {
  const { start, end } = monthRange(month);
  const checks = [...CHECK_TYPES] as string[];
  const others = FOLLOWUP_TYPE.values.filter((t) => !checks.includes(t));
  // the goal: the tasks (not cancelled) whose window touches the month, per window its n tasks spread
  // over its k months — by the end of its i-th month floor(n·i/k) of them, so this month's share is
  // floor(n·i/k) − floor(n·(i−1)/k)
  const due = async (type: string[]) => {
    const r = await get('/api/tasks', {
      as: 'admin',
      query: {
        filter: { org_unit_id: village, window_start_lte: end, window_end_gte: start, state: ['upcoming', 'due', 'done', 'missed'], type },
        range: [0, 999],
      },
    });
    expect(total(r)).to.be.at.most(1000);
    const windows = new Map<string, number>();
    for (const t of r.body as { window_start: string; window_end: string }[]) {
      const w = `${t.window_start}/${t.window_end}`;
      windows.set(w, (windows.get(w) ?? 0) + 1);
    }
    let goal = 0;
    for (const [w, n] of windows) {
      const [from, to] = w.split('/');
      const k = monthNo(to) - monthNo(from) + 1;
      const i = monthNo(month) - monthNo(from) + 1;
      goal += Math.floor((n * i) / k) - Math.floor((n * (i - 1)) / k);
    }
    return goal;
  };
  const visits = (type: string[], withTask: boolean) =>
    count('followups', {
      org_unit_id: village,
      doctor_user_id: doctorId,
      visited_on_gte: start,
      visited_on_lte: end,
      type,
      ...(withTask && { task_id_gte: '0' }),
    });
  return {
    followups: { done: await visits(others, true), goal: await due(others) },
    contracts: {
      done: await count('contracts', { signed_by_user_id: doctorId, signed_on_gte: start, signed_on_lte: end }),
      goal: await count('contracts', { org_unit_id: village, end_on_gte: start, end_on_lte: end, status: ['active', 'renewed', 'expired'] }),
    },
    checks: { done: await visits(checks, false), goal: await due(checks) },
  };
}

let serial = 700;
async function resident(body: Record<string, unknown>, age: number, sex: 'M' | 'F') {
  serial += 1;
  const first17 = `630109${year - age}0611${String(serial * 2 + (sex === 'M' ? 1 : 0)).slice(-3)}`;
  const r = await post<ResidentRecord>('/api/residents', { name: `入户${serial}`, id_number: first17 + checkDigit(first17), ...body }, { as: 'doctor-V001' });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body as { id: number; name: string; household_id: number };
}

describe('admin UI: households and targets on a phone', function () {
  this.timeout(180_000);
  let browser: Browser;
  let baseUrl: string;
  let doctorId: number;
  let v001: number;

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
    doctorId = (await get<UserRecord[]>('/api/users', { as: 'admin', query: { filter: { username: 'doctor-V001' } } })).body[0].id;
    v001 = (await get<OrgUnitRecord[]>('/api/org-units', { as: 'admin', query: { filter: { code: 'V001' } } })).body[0].id;
  });

  after(async () => {
    await browser?.close();
  });

  const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);

  it('doctor-V001: the home page’s targets equal a hand count; 家庭档案 → a household → two members done in one visit', async () => {
    const code = `E2E-${Date.now() % 100_000}`;
    const head = await resident(
      { household: code, household_relation: 'head', conditions: [{ code: 'hypertension', diagnosed_on: `${year - 5}-02-01` }] },
      61,
      'M',
    );
    const spouse = await resident(
      { household: code, household_relation: 'spouse', conditions: [{ code: 'diabetes', diagnosed_on: `${year - 4}-02-01` }] },
      59,
      'F',
    );
    // and a patient whose uncontrolled visit 20 days ago left a two-week recheck overdue
    const late = await resident({ conditions: [{ code: 'hypertension', diagnosed_on: `${year - 3}-02-01` }] }, 57, 'M');
    const lateVisit = await post(
      '/api/followups',
      { ...ANSWERED, resident_id: late.id, type: 'hypertension', visited_on: addDays(today, -20), systolic: 156, diastolic: 96 },
      { as: 'doctor-V001' },
    );
    expect(lateVisit.status).to.equal(200);
    const household = (await get<HouseholdDetail>(`/api/households/${head.household_id}`, { as: 'doctor-V001' })).body;
    const [headTask] = household.members[0].tasks;
    const [spouseTask] = household.members[1].tasks;
    expect([headTask.type, spouseTask.type]).to.deep.equal(['hypertension', 'diabetes']);

    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'doctor-V001');
    const month = today.slice(0, 7);
    const counted = await handCount(doctorId, v001, month);
    const last = await handCount(doctorId, v001, previousMonth(month));
    await page.getByTestId('home-targets').waitFor();
    for (const [metric, c] of Object.entries(counted)) {
      const figure = page.getByTestId(`home-target-${metric}`);
      await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value') !== '', `home-target-${metric}`);
      expect(await figure.getAttribute('data-value'), metric).to.equal(`${c.done}/${c.goal}`);
      expect(await figure.textContent()).to.contain(`上月 ${last[metric as keyof typeof last].done}/${last[metric as keyof typeof last].goal}`);
    }
    await noSideScroll(page);
    await shotForReview(page, 'health-home-targets-phone');

    await clickMenu(page, '/households');
    await page.locator('input[name="q"]').fill(code);
    // the search is applied (after its debounce) before a row is opened: else it would take the page back to the list
    await page.waitForURL((u) => decodeURIComponent(u.search).includes(code));
    await settle(page);
    await page.getByText(`${code} · ${head.name}`).waitFor();
    expect(await openFirstRow(page)).to.equal(true);
    await page.getByTestId('household-code').waitFor();
    expect(await page.getByTestId('household-code').textContent()).to.equal(code);
    // both members' tasks are ticked: the readings, one Save
    expect(await page.getByTestId(`household-task-${headTask.id}`).isChecked()).to.equal(true);
    expect(await page.getByTestId(`household-task-${spouseTask.id}`).isChecked()).to.equal(true);
    await page.getByTestId(`visit-${headTask.id}-systolic`).fill('134');
    await page.getByTestId(`visit-${headTask.id}-diastolic`).fill('84');
    await page.getByTestId(`visit-${spouseTask.id}-fasting_glucose`).fill('6.4');
    // the national record's answers are required here too: without them nothing is sent
    let posted = 0;
    const count = (r: { url: () => string; method: () => string }) => void (r.url().endsWith('/api/followups') && r.method() === 'POST' && (posted += 1));
    page.on('request', count);
    await page.getByTestId('household-save').click();
    await page.getByTestId(`visit-${headTask.id}-symptoms-label`).getByText('必填').waitFor();
    expect(posted).to.equal(0);
    page.off('request', count);
    await page.getByTestId(`visit-${headTask.id}-symptom-headache_dizziness`).click();
    await page.getByTestId(`visit-${headTask.id}-medication_adherence`).selectOption('intermittent');
    await page.getByTestId(`visit-${spouseTask.id}-symptom-none`).click();
    await page.getByTestId(`visit-${spouseTask.id}-medication_adherence`).selectOption('regular');
    await page.getByTestId(`visit-${spouseTask.id}-adverse_reaction`).selectOption('yes');
    await page.getByTestId(`visit-${spouseTask.id}-adverse_reaction_text`).fill('胃肠不适');
    await noSideScroll(page);
    await shotForReview(page, 'health-household-phone');
    // each member's visit posted on its own, as the single-visit form posts it, each with its own key
    const keys: string[] = [];
    const sent = (r: { url: () => string; method: () => string; headers: () => Record<string, string> }) =>
      void (r.url().endsWith('/api/followups') && r.method() === 'POST' && keys.push(r.headers()['idempotency-key']));
    page.on('request', sent);
    await page.getByTestId('household-save').click();
    await page.getByTestId('household-visits').waitFor();
    page.off('request', sent);
    expect(keys).to.have.length(2);
    expect(new Set(keys).size).to.equal(2);
    expect(await page.getByTestId('household-visits').textContent()).to.contain('已保存 2 条随访');
    for (const t of [headTask, spouseTask]) {
      expect(await page.getByTestId(`household-visit-${t.id}`).getAttribute('data-outcome')).to.equal('sent');
      expect(await page.getByTestId(`household-visit-${t.id}`).getAttribute('data-state')).to.equal('done');
      expect((await get<TaskRecord>(`/api/tasks/${t.id}`, { as: 'doctor-V001' })).body.state).to.equal('done');
    }
    expect(await page.getByTestId(`household-visit-${headTask.id}`).textContent()).to.contain('控制满意');
    const saved = await get<FollowupRecord[]>('/api/followups', { as: 'doctor-V001', query: { filter: { resident_id: [head.id, spouse.id] }, range: [0, 9] } });
    expect(saved.body).to.have.length(2);
    const byResident = new Map(saved.body.map((f) => [f.resident_id, f as FollowupRecord & Record<string, unknown>]));
    expect(byResident.get(head.id)).to.deep.include({
      symptoms: ['headache_dizziness'],
      medication_adherence: 'intermittent',
      adverse_reaction: false,
      new_complication: false,
    });
    expect(byResident.get(spouse.id)).to.deep.include({
      symptoms: ['none'],
      medication_adherence: 'regular',
      adverse_reaction: true,
      adverse_reaction_text: '胃肠不适',
    });
    await shotForReview(page, 'health-household-saved-phone');

    // the household from a member's page
    await page.getByRole('link', { name: spouse.name }).click();
    await page.getByTestId('resident-household').waitFor();
    expect(await page.getByTestId('resident-household').textContent()).to.equal(`${code} · 配偶`);
    await page.getByTestId('resident-household').click();
    await page.getByTestId('household-code').waitFor();

    // my patients: 居民档案 with one tap on 逾期 lists those with an open task past due, the date in red
    await clickMenu(page, '/residents');
    await page.getByTestId('patients-overdue').click();
    await page.waitForURL((u) => u.search.includes('overdue'));
    await settle(page);
    const overdue = await get<PatientRecord[]>('/api/residents', {
      as: 'doctor-V001',
      query: { filter: { active: true, overdue: true, care_columns: true }, sort: ['name', 'ASC'], range: [0, 24] },
    });
    expect(overdue.body.map((r) => r.id)).to.include(late.id);
    const first = overdue.body[0];
    const due = page.getByTestId(`patient-due-${first.id}`);
    await due.waitFor();
    expect(await due.getAttribute('data-overdue')).to.equal('true');
    expect(await due.textContent()).to.equal(`下次随访 ${first.next_due_on}`);
    expect(await page.locator('[data-testid^="patient-due-"]').count()).to.equal(overdue.body.length);
    await noSideScroll(page);
    await shotForReview(page, 'health-my-patients-overdue-phone');
    await page.context().close();
  });

  it('director-T01: 目标进度 shows each village doctor’s done / goal this month and last as counted by hand, behind in red', async () => {
    // another doctor of the township given last month a goal above what they did: behind, in red
    const month = today.slice(0, 7);
    const other = (await get<TargetsView>('/api/health/targets', { as: 'director-T01' })).body.doctors.find((d) => d.username !== 'doctor-V001')!;
    const set = await post('/api/doctor-targets', { user_id: other.user_id, month: previousMonth(month), checks_goal: 9999 }, { as: 'director-T01' });
    expect(set.status, JSON.stringify(set.body)).to.equal(200);
    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'director-T01');
    await clickMenu(page, '/health-targets');
    const card = page.getByTestId('targets-doctor-V001');
    await card.waitFor();
    await settle(page);
    const counted = { this_month: await handCount(doctorId, v001, month), last_month: await handCount(doctorId, v001, previousMonth(month)) };
    const api = (await get<TargetsView>('/api/health/targets', { as: 'director-T01' })).body;
    expect(api.doctors.length).to.be.greaterThan(1);
    for (const [which, metrics] of Object.entries(counted)) {
      for (const [metric, c] of Object.entries(metrics)) {
        const cell = page.getByTestId(`target-doctor-V001-${which}-${metric}`);
        expect([Number(await cell.getAttribute('data-done')), Number(await cell.getAttribute('data-goal'))], `${which} ${metric}`).to.deep.equal([
          c.done,
          c.goal,
        ]);
      }
    }
    // every doctor of the township is on the screen; behind is red
    for (const d of api.doctors) await page.getByTestId(`targets-${d.username}`).waitFor();
    const behind = page.getByTestId(`target-${other.username}-last_month-checks`);
    expect(await behind.getAttribute('data-status')).to.equal('behind');
    expect(await behind.getAttribute('data-goal')).to.equal('9999');
    expect(
      await behind
        .locator('p')
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    ).to.equal('rgb(211, 47, 47)');
    await noSideScroll(page);
    await shotForReview(page, 'health-targets-township-phone');
    await page.context().close();
  });
});
