// Planning rotations over HTTP: next year's plan copied from this one, the receiving units a
// person may be sent to, the person picker's order (exact name, then prefix), a rotation's trail.
import { expect } from 'chai';
import { get, post, put, unitId, type AnswerOf, type AuditRow, type Json, type Problem } from '../../../scripts/test/harness';
import type { OrgUnit } from '../../org';
import type { Staff } from '../staff/model';
import type { Rotation, RotationPlan } from './model';
import type { hostOptions, summaryOf } from './service';
import { hire } from '../testData';
import * as clock from '../../core/clock';

const year = Number(clock.today().slice(0, 4));

describe('hr: planning rotations (HTTP)', () => {
  it('copies a plan to the next year with the same quotas, audited; a second copy is a 409 naming the year; the auditor gets 403', async () => {
    const quotas = { down_hq_branch: 7, down_branch_township: 11, up_branch_hq: 5, up_township_branch: 9 };
    const from = await post<Json<RotationPlan>>('/api/rotation-plans', { year: 2090, quotas, note: '远期测试计划' }, { as: 'hr' });
    expect(from.status).to.equal(200);
    expect((await post(`/api/rotation-plans/${from.body.id}/copy`, {}, { as: 'auditor' })).status).to.equal(403);
    const copy = await post<Json<RotationPlan>>(`/api/rotation-plans/${from.body.id}/copy`, {}, { as: 'hr' });
    expect(copy.status).to.equal(200);
    expect(copy.body).to.include({ year: 2091, note: '远期测试计划' });
    expect(copy.body.quotas).to.deep.equal(quotas);
    const read = await get<AnswerOf<typeof summaryOf>>('/api/rotation-plans/by-year/2091', { as: 'hr' });
    expect(read.body.directions.map((d) => [d.key, d.quota, d.filled])).to.deep.equal([
      ['down_hq_branch', 7, 0],
      ['down_branch_township', 11, 0],
      ['up_branch_hq', 5, 0],
      ['up_township_branch', 9, 0],
    ]);
    const trail = await get<AuditRow<Json<RotationPlan>>[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'rotation-plans', record_id: String(copy.body.id) } },
    });
    expect(trail.body.map((a) => a.action)).to.deep.equal(['copy']);
    expect(trail.body[0].before?.year).to.equal(2090);
    const again = await post<Problem>(`/api/rotation-plans/${from.body.id}/copy`, {}, { as: 'hr' });
    expect(again.status).to.equal(409);
    expect(again.body.error.details?.[0]).to.deep.include({ field: 'year', rule: 'plan_year_exists', params: { year: 2091, id: copy.body.id } });
    expect(again.body.error.message).to.include('2091');
    expect((await post('/api/rotation-plans/999999/copy', {}, { as: 'hr' })).status).to.equal(404);
  });

  it('offers as receiving units only those the direction allows from the sending unit', async () => {
    const [hq, b1, b2, t01] = await Promise.all(['HQ', 'B1', 'B2', 'T01'].map(unitId));
    const atB1 = await hire({ unit: 'B1' });
    const down = await get<AnswerOf<typeof hostOptions>>('/api/rotations/host-options', {
      as: 'hr',
      query: { staff_id: String(atB1.id), type: 'down_expert' },
    });
    expect(down.status).to.equal(200);
    expect(down.body.home).to.include({ id: b1, code: 'B1' });
    const ids = down.body.hosts.map((u) => u.id);
    expect(ids).to.include(t01);
    expect(ids).to.not.include.members([hq, b1, b2]);
    expect(down.body.hosts[0].level).to.equal(3); // the townships before their village clinics
    for (const u of down.body.hosts) expect(u.level).to.be.greaterThan(2);
    const up = await get<AnswerOf<typeof hostOptions>>('/api/rotations/host-options', { as: 'hr', query: { staff_id: String(atB1.id), type: 'up_training' } });
    expect(up.body.hosts.map((u) => u.code)).to.deep.equal(['HQ']);
    const fromT01 = await get<AnswerOf<typeof hostOptions>>('/api/rotations/host-options', {
      as: 'hr',
      query: { staff_id: String(atB1.id), type: 'up_training', home_org_unit_id: String(t01) },
    });
    expect(fromT01.body.hosts.map((u) => u.code)).to.deep.equal(['B1', 'HQ']);
    expect((await get('/api/rotations/host-options', { as: 'hr', query: { staff_id: String(atB1.id), type: 'sideways' } })).status).to.equal(400);
    const noHome = await get<Problem>('/api/rotations/host-options', {
      as: 'hr',
      query: { staff_id: String(atB1.id), type: 'up_training', home_org_unit_id: '999999' },
    });
    expect(noHome.status).to.equal(422);
    expect(noHome.body.error.details?.[0].field).to.equal('home_org_unit_id');
    expect(
      (await get<Problem>('/api/rotations/host-options', { as: 'hr', query: { staff_id: '999999', type: 'up_training' } })).body.error.details?.[0].field,
    ).to.equal('staff_id');
    expect((await get('/api/rotations/host-options', { as: 'auditor', query: { staff_id: String(atB1.id), type: 'down_expert' } })).status).to.equal(403);
  });

  it('the person picker lists the exact name first, then names starting with it, each with its units', async () => {
    // hired in the order a newest-first list would get wrong
    const exact = await hire({ unit: 'T01', name: '测王芳' });
    const inside = await hire({ unit: 'B3', name: '李测王芳' });
    const longer = await hire({ unit: 'B2', name: '测王芳涛' });
    const r = await get<(Json<Staff> & { employer_name: string; work_unit_name: string })[]>('/api/staff', {
      as: 'hr',
      query: { filter: { q: '测王芳', status: 'active' }, sort: ['id', 'DESC'], range: [0, 9] },
    });
    expect(r.body.map((s) => s.id)).to.deep.equal([exact.id, longer.id, inside.id]);
    expect(r.body[0]).to.include({
      name: '测王芳',
      employer_name: (await get<Json<OrgUnit>>(`/api/org-units/${await unitId('T01')}`, { as: 'admin' })).body.name,
      title: 'attending_physician',
    });
    expect(r.body[0].work_unit_name).to.equal(r.body[0].employer_name);
  });

  it("a rotation's trail lists who planned, re-planned and cancelled it, readable by group HR", async () => {
    const s = await hire({ unit: 'HQ' });
    const r = await post<Json<Rotation>>(
      '/api/rotations',
      { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('B1'), start_on: `${year + 1}-04-01` },
      { as: 'hr' },
    );
    expect((await put(`/api/rotations/${r.body.id}`, { planned_end_on: `${year + 1}-12-31` }, { as: 'hr' })).status).to.equal(200);
    await post(`/api/rotations/${r.body.id}/cancel`, { reason: '人员调整' }, { as: 'hr' });
    const trail = await get<AuditRow<Json<Rotation>>[]>(`/api/rotations/${r.body.id}/history`, { as: 'hr' });
    expect(trail.status).to.equal(200);
    expect(trail.body.map((a) => `${a.action}:${a.actor_name}`)).to.deep.equal(['create:hr', 'update:hr', 'cancel:hr']);
    expect(trail.body[2].after).to.include({ status: 'cancelled', end_reason: '人员调整' });
    expect((await get(`/api/rotations/${r.body.id}/history`, { as: 'director-T05' })).status).to.equal(404);
    // a closed rotation refuses edits with a rule code the UI translates
    const closed = await put<Problem>(`/api/rotations/${r.body.id}`, { purpose: '再议' }, { as: 'hr' });
    expect(closed.status).to.equal(409);
    expect(closed.body.error.details?.[0]).to.deep.include({ rule: 'rotation_closed', params: { from: 'cancelled' } });
  });

  it('an active rotation refuses a new receiving unit with a rule code, and accepts a new planned end', async () => {
    // township → its village: a direction outside the year's quotas, so the demo plan's figures stay as loaded
    const s = await hire({ unit: 'T01' });
    const r = await post<Json<Rotation>>(
      '/api/rotations',
      { staff_id: s.id, type: 'down_expert', host_org_unit_id: await unitId('V001'), start_on: clock.today() },
      { as: 'hr' },
    );
    expect(r.body.status, JSON.stringify(r.body)).to.equal('active');
    const moved = await put<Problem>(`/api/rotations/${r.body.id}`, { host_org_unit_id: await unitId('V002') }, { as: 'hr' });
    expect(moved.status).to.equal(409);
    expect(moved.body.error.details?.[0]).to.deep.include({ field: 'host_org_unit_id', rule: 'active_rotation_fixed' });
    const later = await put<Json<Rotation>>(`/api/rotations/${r.body.id}`, { planned_end_on: `${year + 1}-12-31` }, { as: 'hr' });
    expect(later.body).to.include({ status: 'active', planned_end_on: `${year + 1}-12-31`, host_org_unit_id: await unitId('V001') });
  });
});
