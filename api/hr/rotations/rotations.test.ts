// Rotations over HTTP: this year's plan, the rules as 422/409 with rule codes, the daily job
// (twice on one day changes each rotation once), and the rotation roster read back.
import { expect } from 'chai';
import { get, post, system, unitId, type AnswerOf, type AuditRow, type Json, type Problem } from '../../../scripts/test/harness';
import { runJob } from '../../jobs';
import { readWorkbook } from '../../../reports/xlsx';
import { addDays } from '../../core/clock';
import { hire } from '../testData';
import * as clock from '../../core/clock';
import type { Staff } from '../staff/model';
import type { unitSummary } from '../staff/service';
import type { Rotation } from './model';
import type { summaryOf } from './service';

/** A rotation as the list and the record answer it: its row and the names of its units. */
type NamedRotation = Json<Rotation> & { host_name: string };

const year = Number(clock.today().slice(0, 4));

describe('hr: rotations (HTTP)', () => {
  it("this year's plan shows 18/18 down HQ → branches and 30/30 branches → townships, and the same sent up", async () => {
    const r = await get<AnswerOf<typeof summaryOf>>(`/api/rotation-plans/by-year/${year}`, { as: 'hr' });
    expect(r.status).to.equal(200);
    const fig = Object.fromEntries(r.body.directions.map((d) => [d.key, `${d.filled}/${d.quota}`]));
    expect(fig).to.include({ down_hq_branch: '18/18', down_branch_township: '30/30', up_branch_hq: '18/18', up_township_branch: '30/30' });
    // the demo balances every hospital and centre (other tests may place someone in a village clinic)
    const units = r.body.balance.filter((b) => !b.code!.startsWith('V'));
    for (const b of units) expect(b.balance, b.code).to.equal(0);
    expect(units.length).to.equal(33);
    // last year's are all completed (a one-year rotation from January ended this winter)
    const last = await get<NamedRotation[]>('/api/rotations', { as: 'hr', query: { filter: { year: year - 1 }, range: [0, 999] } });
    expect(last.body).to.have.length(96);
  });

  it('refuses a down rotation out of the line, an up rotation downwards, and staff not active (422 with rule codes)', async () => {
    const s = await hire({ unit: 'B1' });
    const start = `${year + 1}-02-01`;
    const outOfLine = await post<Problem>(
      '/api/rotations',
      { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('T30'), start_on: start },
      { as: 'hr' },
    );
    expect(outOfLine.status).to.equal(422);
    expect(outOfLine.body.error.details?.[0]).to.include({ field: 'host_org_unit_id', rule: 'down_not_below' });
    const upDown = await post<Problem>(
      '/api/rotations',
      { staff_id: s.id, type: 'up_training', host_org_unit_id: await unitId('T01'), start_on: start, planned_end_on: `${year + 1}-07-31` },
      { as: 'hr' },
    );
    expect(upDown.body.error.details?.[0].rule).to.equal('up_not_above');
    const noEnd = await post<Problem>(
      '/api/rotations',
      { staff_id: s.id, type: 'up_training', host_org_unit_id: await unitId('HQ'), start_on: start },
      { as: 'hr' },
    );
    expect(noEnd.status).to.equal(400);
    expect(noEnd.body.error.details?.[0].field).to.equal('planned_end_on');
    const away = await hire({ unit: 'B1' });
    await post(`/api/staff/${away.id}/change-status`, { status: 'on_leave' }, { as: 'hr' });
    const inactive = await post<Problem>(
      '/api/rotations',
      { staff_id: away.id, type: 'down_expert', host_org_unit_id: await unitId('T01'), start_on: start },
      { as: 'hr' },
    );
    expect(inactive.status).to.equal(422);
    expect(inactive.body.error.details?.[0].rule).to.equal('staff_not_active');
    expect(
      (await post('/api/rotations', { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('T01'), start_on: start }, { as: 'director-B1' }))
        .status,
    ).to.equal(403);
  });

  it('an overlapping rotation for the same person is a 409 naming the other one', async () => {
    const s = await hire({ unit: 'HQ' });
    const first = await post<NamedRotation>(
      '/api/rotations',
      { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('B2'), start_on: `${year + 1}-03-01`, purpose: '驻点' },
      { as: 'hr' },
    );
    expect(first.status).to.equal(200);
    expect(first.body).to.include({ planned_end_on: addDays(`${year + 2}-03-01`, -1), status: 'planned', home_org_unit_id: await unitId('HQ') });
    const clash = await post<Problem>(
      '/api/rotations',
      { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('B3'), start_on: `${year + 1}-12-01` },
      { as: 'hr' },
    );
    expect(clash.status).to.equal(409);
    expect(clash.body.error.message).to.include(`#${first.body.id}`);
    expect(clash.body.error.details?.[0]).to.deep.include({ rule: 'rotation_overlap', field: 'start_on' });
    expect(clash.body.error.details?.[0].params).to.include({ other_id: first.body.id, other_host: first.body.host_name, other_start: `${year + 1}-03-01` });
    // after the first one's planned end it is fine; a cancelled one no longer blocks
    expect(
      (await post('/api/rotations', { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('B3'), start_on: `${year + 2}-03-01` }, { as: 'hr' }))
        .status,
    ).to.equal(200);
    expect((await post(`/api/rotations/${first.body.id}/cancel`, {}, { as: 'hr' })).status).to.equal(400);
    expect((await post<Json<Rotation>>(`/api/rotations/${first.body.id}/cancel`, { reason: '工作需要' }, { as: 'hr' })).body.status).to.equal('cancelled');
    expect(
      (
        await post(
          '/api/rotations',
          { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('B3'), start_on: `${year + 1}-12-01`, planned_end_on: `${year + 2}-01-31` },
          { as: 'hr' },
        )
      ).status,
    ).to.equal(200);
  });

  it('the daily job run twice on one day changes each rotation once; a rotation starting that day becomes active at the host', async () => {
    await system();
    const s = await hire({ unit: 'B1' });
    const host = await unitId('T01');
    const tomorrow = addDays(clock.today(), 1);
    const r = await post<Json<Rotation>>(
      '/api/rotations',
      { staff_id: s.id, type: 'down_expert', host_org_unit_id: host, start_on: tomorrow, planned_end_on: addDays(tomorrow, 20) },
      { as: 'hr' },
    );
    expect(r.body.status).to.equal('planned');
    const at = new Date(`${tomorrow}T02:00:00Z`); // 10:00 in Xining
    const first = await runJob('hr-daily', { now: at, triggeredBy: 'test' });
    expect(first.status).to.equal('succeeded');
    expect((first.result as { activated: number[] }).activated).to.include(r.body.id);
    const second = await runJob('hr-daily', { now: at, triggeredBy: 'test' });
    expect(second.status).to.equal('succeeded');
    expect((second.result as { activated: number[]; completed: number[] }).activated).to.not.include(r.body.id);
    expect((second.result as { ending_within_30_days: { id: number }[] }).ending_within_30_days.map((x) => x.id)).to.include(r.body.id);
    expect((await get<Json<Rotation>>(`/api/rotations/${r.body.id}`, { as: 'hr' })).body.status).to.equal('active');
    const person = await get(`/api/staff/${s.id}`, { as: 'hr' });
    expect(person.body).to.include({ work_org_unit_id: host, employer_org_unit_id: await unitId('B1') });
    const audits = await get<AuditRow[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'rotations', record_id: String(r.body.id), action: 'activate' } },
    });
    expect(audits.body).to.have.length(1);
    // counted at both units: home headcount and host working staff
    const home = await get<AnswerOf<typeof unitSummary>>('/api/staff/unit-summary', { as: 'hr', query: { org_unit_id: String(await unitId('B1')) } });
    const hostSummary = await get<AnswerOf<typeof unitSummary>>('/api/staff/unit-summary', { as: 'hr', query: { org_unit_id: String(host) } });
    expect(home.body.rotated_out).to.be.greaterThan(0);
    expect(hostSummary.body.rotated_in).to.be.greaterThan(0);
    // after the planned end the job completes it once and the person is back home
    const after = new Date(`${addDays(tomorrow, 21)}T02:00:00Z`);
    expect(((await runJob('hr-daily', { now: after, triggeredBy: 'test' })).result as { completed: number[] }).completed).to.include(r.body.id);
    expect(((await runJob('hr-daily', { now: after, triggeredBy: 'test' })).result as { completed: number[] }).completed).to.not.include(r.body.id);
    expect((await get<Json<Staff>>(`/api/staff/${s.id}`, { as: 'hr' })).body.work_org_unit_id).to.equal(await unitId('B1'));
  });

  it('ending early needs a reason; an active rotation cannot be cancelled (409 naming allowed)', async () => {
    const s = await hire({ unit: 'HQ' });
    const r = await post<Json<Rotation>>(
      '/api/rotations',
      { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('B3'), start_on: clock.today() },
      { as: 'hr' },
    );
    expect(r.body.status).to.equal('active'); // starting today: started at once
    expect((await get<Json<Staff>>(`/api/staff/${s.id}`, { as: 'hr' })).body.work_org_unit_id).to.equal(await unitId('B3'));
    const cancel = await post<Problem>(`/api/rotations/${r.body.id}/cancel`, { reason: 'x' }, { as: 'hr' });
    expect(cancel.status).to.equal(409);
    expect(cancel.body.error.details?.[0].params?.allowed).to.equal('completed');
    const early = await post<Problem>(`/api/rotations/${r.body.id}/end`, {}, { as: 'hr' });
    expect(early.status).to.equal(422);
    expect(early.body.error.details?.[0].rule).to.equal('early_end_needs_reason');
    const ended = await post<Json<Rotation>>(`/api/rotations/${r.body.id}/end`, { end_reason: '身体原因提前返回' }, { as: 'hr' });
    expect(ended.body).to.include({ status: 'completed', actual_end_on: clock.today() });
    expect((await get<Json<Staff>>(`/api/staff/${s.id}`, { as: 'hr' })).body.work_org_unit_id).to.equal(await unitId('HQ'));
  });

  it('a director sees the rotations into or out of their units only', async () => {
    const r = await get<Json<Rotation>[]>('/api/rotations', { as: 'director-T05', query: { filter: { year }, range: [0, 999] } });
    const t05 = await unitId('T05');
    expect(r.body.length).to.be.greaterThan(0);
    for (const x of r.body) expect([x.home_org_unit_id, x.host_org_unit_id]).to.include(t05);
  });

  it('the rotation roster workbook, read back, has the plan rows and totals matching the API', async () => {
    const summary = await get<AnswerOf<typeof summaryOf>>(`/api/rotation-plans/by-year/${year}`, { as: 'hr' });
    const list = await get<Json<Rotation>[]>('/api/rotations', { as: 'hr', query: { filter: { year }, range: [0, 999] } });
    const r = await get<Buffer>('/api/reports/rotation-roster.xlsx', { as: 'hr', query: { year: String(year) } });
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-type')).to.match(/spreadsheetml/);
    const wb = await readWorkbook(r.body);
    const [rows, quota, bal] = wb.worksheets;
    expect(rows.actualRowCount - 1).to.equal(list.body.length);
    const ids = new Set<number>();
    rows.eachRow((row, n) => n > 1 && ids.add(Number(row.getCell(1).value)));
    expect([...ids].sort()).to.deep.equal(list.body.map((x) => x.id).sort());
    const quotaRows: (string | number)[][] = [];
    quota.eachRow((row, n) => n > 1 && quotaRows.push([row.getCell(1).text, Number(row.getCell(2).value), Number(row.getCell(3).value)]));
    const totalRow = quotaRows.pop()!;
    const dirs = summary.body.directions;
    expect(quotaRows.map((q) => [q[1], q[2]])).to.deep.equal(dirs.map((d) => [d.quota, d.filled]));
    expect(totalRow).to.deep.equal(['合计', dirs.reduce((a, d) => a + d.quota, 0), dirs.reduce((a, d) => a + d.filled, 0)]);
    expect(quotaRows[0][0]).to.equal('下派 总院→分院');
    expect(bal.actualRowCount - 2).to.equal(summary.body.balance.length); // header and the 合计 row
    const balTotal = bal.getRow(bal.actualRowCount);
    expect([balTotal.getCell(2).value, balTotal.getCell(3).value]).to.deep.equal(['合计', summary.body.balance.reduce((a, b) => a + b.experts_received, 0)]);
    const b1 = summary.body.balance.find((b) => b.code === 'B1')!;
    let found = false;
    bal.eachRow((row) => {
      if (row.getCell(1).value === 'B1') {
        found = true;
        expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).to.deep.equal([b1.experts_received, b1.trainees_sent, b1.balance]);
      }
    });
    expect(found).to.equal(true);
    expect((await get('/api/reports/rotation-roster.xlsx', { as: 'hr', query: { year: 'x' } })).status).to.equal(400);
  });
});
