// The record screens around the village doctor's work, in a real browser: the township director
// moves a V001 resident to another T01 village from the resident's page (the history shows the
// move; doctor-V001 loses sight of the resident), and a village doctor cancels a task with a
// reason on the phone (the task's history keeps the reason).
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { get, post, unitId } from '../../scripts/test/harness';
import { checkDigit } from '../../api/core/personalId';
import { PHONE, login, newPage, shotForReview, startBrowserTest } from './browser';
import * as clock from '../../api/core/clock';
import type { OrgUnitRecord } from '../src/shared/records';
import type { ResidentDetail, ResidentRecord, TaskRecord } from '../src/health/records';

const today = clock.today();
const year = Number(today.slice(0, 4));
let serial = 700;

async function v001Resident(name: string) {
  serial += 1;
  const first17 = `630103${year - 58}0611${String(serial).padStart(3, '0')}`;
  const r = await post<ResidentRecord>(
    '/api/residents',
    { name, id_number: first17 + checkDigit(first17), conditions: [{ code: 'hypertension', diagnosed_on: `${year - 2}-05-01` }] },
    { as: 'doctor-V001' },
  );
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body;
}

describe('admin UI: resident transfer and task cancel', function () {
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

  it('director-T01 moves a V001 resident to another T01 village; the history shows it and doctor-V001 no longer sees the resident', async () => {
    const resident = await v001Resident(`迁移${serial}`);
    const villages = await get<OrgUnitRecord[]>('/api/org-units', {
      as: 'director-T01',
      query: { filter: { kind: 'village' }, sort: ['code', 'ASC'], range: [0, 99] },
    });
    const target = (villages.body as { id: number; code: string; name: string }[]).find((v) => v.id !== resident.org_unit_id)!;
    expect(target, 'T01 has a second village').to.not.equal(undefined);

    const page: Page = await newPage(browser);
    await login(page, baseUrl, 'director-T01');
    await page.goto(`${baseUrl}/residents/${resident.id}/show`);
    await page.getByTestId('resident-transfer').click();
    await page.getByTestId('transfer-village').fill(target.code);
    await page.getByRole('option', { name: `${target.code} ${target.name}` }).click();
    await page.getByTestId('transfer-reason').fill('随子女迁居');
    await shotForReview(page, 'health-resident-transfer-dialog');
    await page.getByTestId('resident-transfer-confirm').click();
    const row = page.getByTestId('resident-transfer-row');
    await row.getByText(target.name).waitFor();
    const text = await row.textContent();
    expect(text).to.contain(today);
    expect(text).to.contain(target.name);
    expect(text).to.contain('随子女迁居');
    await shotForReview(page, 'health-resident-transfer-history');
    await page.close();

    const after = await get<ResidentDetail>(`/api/residents/${resident.id}`, { as: 'director-T01' });
    expect(after.body.org_unit_id).to.equal(target.id);
    expect(after.body.transfers).to.have.length(1);
    expect(after.body.transfers[0]).to.include({ from_org_unit_id: await unitId('V001'), to_org_unit_id: target.id, reason: '随子女迁居' });
    expect((await get<ResidentRecord>(`/api/residents/${resident.id}`, { as: 'doctor-V001' })).status).to.equal(404);
    const listed = await get<ResidentRecord[]>('/api/residents', { as: 'doctor-V001', query: { filter: { q: `迁移${serial}` } } });
    expect(listed.body).to.have.length(0);
  });

  it('a village doctor cancels an open task with a reason on the phone; it leaves my tasks and keeps the reason', async () => {
    const resident = await v001Resident(`取消${serial}`);
    const open = await get<TaskRecord[]>('/api/tasks', {
      as: 'doctor-V001',
      query: { filter: { resident_id: resident.id, bucket: 'open' }, sort: ['due_on', 'ASC'] },
    });
    const task = open.body[0];
    expect(task, 'a new hypertension patient has an open task').to.not.equal(undefined);

    const page: Page = await newPage(browser, PHONE);
    await login(page, baseUrl, 'doctor-V001');
    await page.goto(`${baseUrl}/followups/create?task_id=${encodeURIComponent(task.id)}`);
    await page.getByTestId('task-cancel').click();
    const confirm = page.getByTestId('task-cancel-confirm');
    expect(await confirm.isDisabled(), 'no reason, no cancel').to.equal(true);
    await page.getByTestId('task-cancel-reason').fill('住院治疗，本季度无法随访');
    await shotForReview(page, 'health-task-cancel-phone');
    await confirm.click();
    await page.waitForURL(/\/tasks(\?|$)/);
    await page.getByTestId('bucket-open').click();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId(`task-${task.id}`).count(), 'gone from my tasks').to.equal(0);
    await page.close();

    const read = await get<TaskRecord>(`/api/tasks/${encodeURIComponent(task.id)}`, { as: 'doctor-V001' });
    expect(read.body.state).to.equal('cancelled');
    expect(read.body.history?.at(-1)).to.include({
      from_state: task.state,
      to_state: 'cancelled',
      actor_name: 'doctor-V001',
      reason: '住院治疗，本季度无法随访',
    });
  });
});
