// The national follow-up forms in a real browser at 390×844 (issue 16), as doctor-V001 works: from
// the home page's overdue tasks into a hypertension recheck, the national record filled in full,
// saved, the classification shown; a second uncontrolled visit offers the up-referral and one tap
// makes it; and the elderly annual check on its own form, from the resident's page.
import { expect } from 'chai';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { get, post } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import { checkDigit } from '../../api/core/personalId';
import { addDays } from '../../api/health/rules';
import { PHONE, clickMenu, login, newPage, shotForReview, settle, startBrowserTest } from './browser';
import * as clock from '../../api/core/clock';
import type { ReferralRecord } from '../src/referrals/choices';
import type { FollowupRecord, ResidentRecord } from '../src/health/records';

const today = clock.today();
const year = Number(today.slice(0, 4));
let serial = 800;

async function resident(conditions: string[], age: number) {
  serial += 1;
  const first17 = `630105${year - age}0611${String(serial).padStart(3, '0')}`;
  const r = await post<ResidentRecord>(
    '/api/residents',
    {
      name: `国表${serial}`,
      id_number: first17 + checkDigit(first17),
      conditions: conditions.map((code) => ({ code, diagnosed_on: `${year - 5}-01-01` })),
    },
    { as: 'doctor-V001' },
  );
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body as { id: number; name: string };
}

const RESIDENT_PAGE = /^\/residents\/\d+\/show$/;

/**
 * Taps the row and checks the resident's page opens and stays open: the failure guarded against is
 * being sent back to the list once the page had opened (the list's late search). A tap the loaded
 * phone never turned into a navigation (the row redrawn under the finger) is tapped again, as its
 * user would; one that navigated is never repeated, so a return to the list still fails.
 */
async function tapUntilOpened(page: Page, row: Locator) {
  const paths: string[] = [];
  const record = (frame: Frame) => {
    if (frame === page.mainFrame()) paths.push(new URL(frame.url()).pathname);
  };
  page.on('framenavigated', record);
  for (let tap = 0; tap < 3 && !paths.some((p) => RESIDENT_PAGE.test(p)); tap += 1) {
    await row.click();
    await page.waitForURL((url) => RESIDENT_PAGE.test(url.pathname), { timeout: 5000 }).catch(() => undefined);
  }
  await page.getByTestId('resident-contract').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(1500);
  page.off('framenavigated', record);
  const opened = paths.findIndex((p) => RESIDENT_PAGE.test(p));
  expect(paths.slice(opened), 'never back on the list once the resident opened').to.satisfy(
    (after: string[]) => opened >= 0 && after.every((p) => RESIDENT_PAGE.test(p)),
  );
  expect(new URL(page.url()).pathname).to.match(RESIDENT_PAGE);
}

/** A hypertension patient whose visit 20 days ago left an overdue two-week recheck (the visit: `previous`). */
async function overdueRecheck(previous: Record<string, unknown>) {
  const r = await resident(['hypertension'], 58);
  const visitedOn = addDays(today, -20);
  const v = await post('/api/followups', { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: visitedOn, ...previous }, { as: 'doctor-V001' });
  expect(v.status, JSON.stringify(v.body)).to.equal(200);
  return { resident: r, taskId: `${r.id}-hypertension_recheck-${visitedOn}` };
}

const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);

describe('admin UI: the national follow-up forms on a phone', function () {
  this.timeout(180_000);
  let browser: Browser;
  let baseUrl: string;

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
  });

  after(async () => {
    await browser?.close();
  });

  /** Logs in (the home page) and opens the task from the home page's overdue figure. */
  async function taskFromHome(taskId: string) {
    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'doctor-V001');
    await page.getByTestId('home-tasks-overdue').click();
    const row = page.getByTestId(`task-${taskId}`);
    await row.waitFor();
    await row.click();
    await page.getByTestId('followup-task').waitFor();
    return page;
  }

  const radio = (page: Page, field: string, label: string) => page.getByTestId(`field-${field}`).getByLabel(label, { exact: true }).check();
  const fill = (page: Page, field: string, value: string) => page.getByTestId(`input-${field}`).fill(value);

  /** The hypertension record as the paper form has it, every section answered. */
  async function fillHypertensionRecord(page: Page, systolic: string, diastolic: string) {
    await page.getByTestId('field-symptoms').getByLabel('头痛头晕', { exact: true }).check();
    await page.getByTestId('field-symptoms').getByLabel('四肢发麻', { exact: true }).check();
    await page.locator('input[name="symptoms_other"]').fill('晨起乏力');
    await fill(page, 'systolic', systolic);
    await fill(page, 'diastolic', diastolic);
    await fill(page, 'heart_rate', '76');
    await fill(page, 'height_cm', '168');
    await fill(page, 'weight_kg', '72.5');
    await fill(page, 'target_weight_kg', '68');
    expect(await page.getByTestId('bmi').textContent()).to.equal('体质指数 25.7（目标 24.1）');
    await page.locator('input[name="signs_other"]').fill('双下肢无水肿');
    await fill(page, 'smoking_per_day', '10');
    await fill(page, 'smoking_target', '0');
    await fill(page, 'drinking_per_day', '2');
    await fill(page, 'drinking_target', '1');
    await fill(page, 'exercise_per_week', '2');
    await fill(page, 'exercise_minutes', '20');
    await fill(page, 'exercise_per_week_target', '5');
    await fill(page, 'exercise_minutes_target', '30');
    await radio(page, 'salt_intake', '重');
    await radio(page, 'salt_intake_target', '轻');
    await radio(page, 'psychological_adjustment', '良好');
    await radio(page, 'compliance', '一般');
    await page.locator('input[name="exams_other"]').fill('心电图未见异常');
    await radio(page, 'medication_adherence', '间断');
    await radio(page, 'adverse_reaction', '无');
    await radio(page, 'new_complication', '无');
    await page.locator('.button-add-medications').click();
    await page.locator('input[name="medications.0.name"]').fill('苯磺酸氨氯地平片');
    await page.locator('input[name="medications.0.times_per_day"]').fill('1');
    await page.locator('input[name="medications.0.dose"]').fill('5');
    await noSideScroll(page);
  }

  async function save(page: Page) {
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/followups') && r.request().method() === 'POST');
    await page.getByTestId('followup-save').click();
    const response = await sent;
    expect(response.status(), await response.text()).to.equal(200);
    return (await response.json()) as { id: number };
  }

  it('home → an overdue recheck → the national hypertension record in full → saved: 控制不满意, 2周内复诊, the next visit, the task done', async () => {
    // the visit before had a drug reaction with the pressure on target: this one is the first uncontrolled
    const { resident, taskId } = await overdueRecheck({ systolic: 132, diastolic: 82, adverse_reaction: true, adverse_reaction_text: '踝部水肿' });
    const page = await taskFromHome(taskId);
    await shotForReview(page, 'health-forms-task-phone');
    await fillHypertensionRecord(page, '150', '95');
    await shotForReview(page, 'health-forms-hypertension-phone');
    const saved = await save(page);
    await page.getByTestId('classification').waitFor();
    expect(await page.getByTestId('classification').textContent()).to.equal('控制不满意');
    expect(await page.getByTestId('advice').textContent()).to.equal('2周内复诊');
    expect(await page.getByTestId('next-visit').textContent()).to.equal(`下次随访日期：${addDays(today, 14)}`);
    await page.getByTestId('task-done').waitFor();
    expect(await page.getByTestId('refer-up').count(), 'a first uncontrolled visit offers no referral').to.equal(0);
    await noSideScroll(page);
    await shotForReview(page, 'health-forms-saved-phone');

    // what the form sent is the record
    const record = (await get<FollowupRecord>(`/api/followups/${saved.id}`, { as: 'doctor-V001' })).body;
    expect(record).to.include({
      resident_id: resident.id,
      task_id: taskId,
      systolic: 150,
      diastolic: 95,
      bmi: 25.7,
      salt_intake: 'heavy',
      salt_intake_target: 'light',
      compliance: 'fair',
      medication_adherence: 'intermittent',
      adverse_reaction: false,
      smoking_per_day: 10,
      exercise_minutes_target: 30,
      classification: 'uncontrolled',
    });
    expect(record.symptoms).to.deep.equal(['headache_dizziness', 'limb_numbness']);
    expect(record.medications).to.deep.equal([{ name: '苯磺酸氨氯地平片', times_per_day: 1, dose: 5, unit: 'mg' }]);
    await page.context().close();
  });

  it('a second uncontrolled visit offers the up-referral; one tap refers the resident to the township', async () => {
    const { resident, taskId } = await overdueRecheck({ systolic: 156, diastolic: 94 });
    const page = await taskFromHome(taskId);
    await fillHypertensionRecord(page, '158', '96');
    const saved = await save(page);
    await page.getByTestId('classification').waitFor();
    expect(await page.getByTestId('classification').textContent()).to.equal('控制不满意');
    expect(await page.getByTestId('advice').textContent()).to.equal('建议转诊上级医院：连续两次控制不满意');
    await shotForReview(page, 'health-forms-refer-offer-phone');
    await page.getByTestId('refer-up').click();
    await page.getByTestId('referral-created').waitFor();
    await shotForReview(page, 'health-forms-referred-phone');
    await noSideScroll(page);

    const followup = (await get<FollowupRecord>(`/api/followups/${saved.id}`, { as: 'doctor-V001' })).body;
    expect(followup.referral_id).to.be.a('number');
    const referral = (await get<ReferralRecord>(`/api/referrals/${followup.referral_id}`, { as: 'doctor-V001' })).body;
    expect(referral).to.include({ resident_id: resident.id, direction: 'up', diagnosis_code: 'I10', status: 'requested' });
    expect(referral.reason).to.equal(`连续两次控制不满意；${today} 随访：血压 158/96 mmHg`);
    expect(await page.getByTestId('referral-created').textContent()).to.contain(referral.to_unit_name);
    await page.context().close();
  });

  it('a resident tapped while the search is still being applied opens, though the page’s module is slow to come', async () => {
    const page = await newPage(browser, PHONE);
    // the resident page's module held back two seconds: the list's search applies meanwhile
    await page.route('**/assets/ResidentShow-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await login(page, baseUrl, 'doctor-V001');
    await clickMenu(page, '/residents');
    const first = page.locator('.RaList-content .MuiListItemButton-root').first();
    const name = (await first.locator('.MuiListItemText-primary').textContent())?.split(' · ')[0] ?? '';
    await page.locator('input[name="q"]').fill(name);
    await tapUntilOpened(page, first);
    expect(await page.getByText(name).count()).to.be.greaterThan(0);
    // again with the module at hand but a slow phone: the resident's page takes long to draw
    await clickMenu(page, '/residents');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.locator('input[name="q"]').fill(name);
    await tapUntilOpened(page, first);
    await page.context().close();
  });

  it('the elderly annual check on its own form, from the resident’s page: self-care score and level, the assessment, the task done', async () => {
    const elder = await resident([], 71);
    const page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'doctor-V001');
    await clickMenu(page, '/residents');
    await page.locator('input[name="q"]').fill(elder.name);
    const row = page.locator('.RaList-content .MuiListItemButton-root').filter({ hasText: elder.name });
    await row.waitFor();
    await row.click();
    // the resident's page, drawn from its own read (not the list row): then its 登记随访
    await page.getByTestId('resident-contract').waitFor();
    await settle(page);
    await page.getByRole('link', { name: '登记随访' }).click();
    await page.locator('input[name="type"]').waitFor({ state: 'attached' });
    await page.locator('input[name="type"]').locator('xpath=..').getByRole('combobox').click();
    await page.getByRole('option', { name: '老年人体检' }).click();
    await fill(page, 'temperature_c', '36.6');
    await fill(page, 'heart_rate', '74');
    await fill(page, 'respiration_rate', '18');
    await fill(page, 'waist_cm', '86');
    await fill(page, 'systolic', '146');
    await fill(page, 'diastolic', '86');
    await fill(page, 'height_cm', '165');
    await fill(page, 'weight_kg', '62');
    await radio(page, 'health_self_assessment', '基本满意');
    await radio(page, 'grooming', '轻度依赖（1）');
    await radio(page, 'activity', '中度依赖（5）');
    expect(await page.getByTestId('self-care-total').textContent()).to.equal('自理能力评分 6 · 轻度依赖');
    await radio(page, 'cognition_screen', '粗筛阴性');
    await radio(page, 'emotion_screen', '粗筛阴性');
    await page.getByTestId('field-exam_abnormal').getByLabel('听力', { exact: true }).check();
    await page.locator('input[name="elderly_check.exam_notes"]').fill('右耳听力下降');
    await fill(page, 'haemoglobin', '128');
    await fill(page, 'fasting_glucose', '5.6');
    await fill(page, 'total_cholesterol', '5.2');
    await fill(page, 'creatinine', '70');
    await radio(page, 'ecg', '正常');
    await radio(page, 'ultrasound', '正常');
    await page.getByTestId('field-guidance').getByLabel('建议复查', { exact: true }).check();
    await noSideScroll(page);
    await shotForReview(page, 'health-forms-elderly-phone');
    const saved = await save(page);
    await page.getByTestId('self-care-level').waitFor();
    expect(await page.getByTestId('self-care-level').textContent()).to.equal('自理能力评分 6 · 轻度依赖');
    expect(await page.getByTestId('assessment').textContent()).to.equal('健康评价：异常：体格检查异常、生活自理能力下降');
    await page.getByTestId('task-done').waitFor();
    await shotForReview(page, 'health-forms-elderly-saved-phone');
    const record = (await get<FollowupRecord>(`/api/followups/${saved.id}`, { as: 'doctor-V001' })).body;
    expect(record.elderly_check).to.include({ grooming: 'mild', activity: 'moderate', self_care_score: 6, assessment: 'abnormal', haemoglobin: 128 });
    expect(record.elderly_check?.guidance).to.deep.equal(['recheck']);
    expect(record.elderly_check?.risk_advice).to.deep.equal(['fall_prevention']);
    await page.context().close();
  });
});
