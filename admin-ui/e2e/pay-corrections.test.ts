// A pay run's correction in a real browser, as group finance: an approved December run (three years
// back, a township other than V001's, set up through the API) shows each line's gross amount, risk
// fund and net paid; 更正 asks for the reason and opens the new version; once calculated, its card
// 与上一版本的差异 names the doctor whose session was logged after the approval, with both amounts;
// the old version says it was corrected.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId, type Json } from '../../scripts/test/harness';
import { db } from '../../api/db/knex';
import { today } from '../../api/core/clock';
import type { PayLine, PayRun, PayRunDifference } from '../../api/pay';
import { login, newPage, shotForReview, startBrowserTest } from './browser';

type RunRead = Json<PayRun> & { lines: Json<PayLine>[]; differences: Json<PayRunDifference>[] };
const yuan = (s: string | null) => Number(s).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('admin UI: pay run correction (更正, 与上一版本的差异)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  let run: RunRead;
  let doctor: { username: string; staff_id: number; name: string };
  const year = Number(today().slice(0, 4)) - 3;

  const session = async (on: string, attendees: number) => {
    const r = await post('/api/followups', { type: 'health_education', visited_on: on, topic: '合理用药', attendees }, { as: doctor.username });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
  };

  before(async function () {
    this.timeout(300_000);
    ({ baseUrl, browser } = await startBrowserTest());
    const v001 = await unitId('V001');
    const taken = (await db()('org_units').where('id', v001).first<{ parent_id: number }>('parent_id')).parent_id;
    const row = await db()('staff as s')
      .join('users as u', 'u.id', 's.user_id')
      .join('org_units as o', 'o.id', 's.employer_org_unit_id')
      .where('o.level', 3)
      .whereNot('o.id', taken)
      .whereLike('u.username', 'doctor-%')
      .whereNot('s.status', 'left')
      .where('u.active', true)
      .whereNotExists((q) => q.select(1).from('assessments as a').whereRaw('a.staff_id = s.id').where('a.grade', 'unqualified'))
      .orderBy([{ column: 'o.id', order: 'desc' }, { column: 's.id' }])
      .first<{ township: number; code: string; username: string; staff_id: number; name: string }>(
        'o.id as township',
        'o.code',
        'u.username',
        's.id as staff_id',
        's.name',
      );
    doctor = row;
    await session(`${year}-12-10`, 20);
    const made = await post<Json<PayRun>>('/api/pay-runs', { org_unit_id: row.township, month: `${year}-12`, budgeted_fund: '8000.00' }, { as: 'finance' });
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    expect((await post(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' })).status).to.equal(200);
    expect((await post(`/api/pay-runs/${made.body.id}/review`, {}, { as: `director-${row.code}` })).status).to.equal(200);
    expect((await post(`/api/pay-runs/${made.body.id}/approve`, {}, { as: 'finance' })).status).to.equal(200);
    run = (await get<RunRead>(`/api/pay-runs/${made.body.id}`, { as: 'finance' })).body;
    // logged after the approval: the correction's reason
    await session(`${year}-12-15`, 10);
    page = await newPage(browser, { width: 1500, height: 900 });
    await login(page, baseUrl, 'finance');
  });

  after(async () => {
    await browser?.close();
  });

  it("shows each line's gross amount, risk fund and net paid", async () => {
    await page.goto(`${baseUrl}/pay-runs/${run.id}/show`);
    const lines = page.getByTestId('pay-lines');
    await lines.waitFor();
    for (const header of ['应发金额（元）', '医疗风险金', '风险金返还', '实发金额（元）'])
      expect(await lines.locator('th', { hasText: header }).count(), header).to.equal(1);
    const mine = run.lines.find((l) => l.staff_id === doctor.staff_id)!;
    const row = lines.locator('tbody tr', { hasText: mine.name });
    const text = await row.innerText();
    for (const v of [mine.amount, mine.risk_contribution, mine.net_amount]) expect(text).to.contain(yuan(v));
  });

  it('更正 asks for the reason and opens the new version; calculated, its card names the doctor with both amounts', async () => {
    await page.getByTestId('pay-correct').click();
    expect(await page.getByTestId('correct-submit').isDisabled()).to.equal(true);
    await page.getByTestId('correct-reason').fill('补录12月15日健康教育');
    await page.getByTestId('correct-submit').click();
    await page.getByTestId('pay-version').waitFor();
    expect(await page.getByTestId('pay-version').innerText())
      .to.contain('第 2 版')
      .and.contain('补录12月15日健康教育');
    await page.getByTestId('pay-difference-card').getByText('计算后显示与上一版本的差异').waitFor();
    await page.getByTestId('pay-calculate').click();
    const row = page.getByTestId(`pay-difference-${doctor.staff_id}`);
    await row.waitFor();
    const id = Number(/pay-runs\/(\d+)\/show/.exec(page.url())![1]);
    const fixed = (await get<RunRead>(`/api/pay-runs/${id}`, { as: 'finance' })).body;
    expect(fixed.supersedes_id).to.equal(run.id);
    const d = fixed.differences.find((x) => x.staff_id === doctor.staff_id)!;
    expect(d.amount_before).to.equal(run.lines.find((l) => l.staff_id === doctor.staff_id)!.amount);
    const text = await row.innerText();
    for (const v of [doctor.name, yuan(d.amount_before), yuan(d.amount_after), '金额或工分变动']) expect(text).to.contain(v);
    await shotForReview(page, 'pay-correction');
    await page.goto(`${baseUrl}/pay-runs/${run.id}/show`);
    await page.getByTestId('pay-superseded').waitFor();
    expect(await page.getByTestId('pay-correct').count()).to.equal(0);
  });
});
