// Careers over HTTP: posts and their vacancies, title promotions, the annual assessment and licences.
import { expect } from 'chai';
import { get, post, put, unitId, type Json, type Problem } from '../../../scripts/test/harness';
import type { Staff, StaffHistory } from '../staff/model';
import type { Assessment, Licence, Post, TitlePromotion } from './model';
import { hire } from '../testData';
import * as clock from '../../core/clock';
import { addDays } from '../../core/clock';

/** A unit's posts summed (careers/service.ts `vacancies`, read by raw SQL). */
type Vacancy = { org_unit_id: number; headcount: number; filled: number; vacant: number };
/** A staff row as the list and the record answer it: the registry's fields and the licence flag. */
type ListedStaff = Json<Staff> & { licence_expired: boolean };

describe('hr: posts, title promotions, assessments, licences (HTTP)', () => {
  it('posts: filling beyond headcount is a 422; vacancy figures per unit', async () => {
    const b3 = await unitId('B3');
    const p = await post<Json<Post>>('/api/posts', { org_unit_id: b3, name: '测试岗', category: 'doctor', headcount: 1 }, { as: 'hr' });
    expect(p.body).to.include({ status: 'vacant', filled: 0 });
    const a = await hire({ unit: 'B3' });
    const b = await hire({ unit: 'B3' });
    expect((await post(`/api/staff/${a.id}/assign-post`, { post_id: p.body.id }, { as: 'hr' })).status).to.equal(200);
    expect((await get(`/api/posts/${p.body.id}`, { as: 'hr' })).body).to.include({ status: 'occupied', filled: 1 });
    const full = await post<Problem>(`/api/staff/${b.id}/assign-post`, { post_id: p.body.id }, { as: 'hr' });
    expect(full.status).to.equal(422);
    expect(full.body.error.message).to.match(/full: 1 of 1/);
    const v = await get<Vacancy[]>('/api/posts/vacancies', { as: 'hr', query: { org_unit_id: String(b3) } });
    const row = v.body.find((u) => u.org_unit_id === b3)!;
    expect(row.vacant).to.equal(row.headcount - row.filled);
    // off the post again: vacant
    await post(`/api/staff/${a.id}/assign-post`, { post_id: null }, { as: 'hr' });
    expect((await get(`/api/posts/${p.body.id}`, { as: 'hr' })).body).to.include({ status: 'vacant', filled: 0 });
  });

  it('title promotion: submitted → reviewed by the unit → approved by group HR updates the record', async () => {
    const s = await hire({ unit: 'T01', title: 'physician' });
    const bad = await post('/api/title-promotions', { staff_id: s.id, to_title: 'chief_physician' }, { as: 'director-T01' });
    expect(bad.status).to.equal(422);
    const app = await post<Json<TitlePromotion>>(
      '/api/title-promotions',
      { staff_id: s.id, to_title: 'attending_physician', note: '任医师满五年' },
      { as: 'director-T01' },
    );
    expect(app.body.status).to.equal('submitted');
    expect((await post('/api/title-promotions', { staff_id: s.id, to_title: 'attending_physician' }, { as: 'hr' })).status).to.equal(409);
    expect((await post(`/api/title-promotions/${app.body.id}/approve`, {}, { as: 'hr' })).status).to.equal(409); // must be reviewed first
    expect((await post(`/api/title-promotions/${app.body.id}/approve`, {}, { as: 'director-T01' })).status).to.equal(403);
    expect(
      (await post<Json<TitlePromotion>>(`/api/title-promotions/${app.body.id}/review`, { unit_opinion: '同意' }, { as: 'director-T01' })).body.status,
    ).to.equal('reviewed');
    const ok = await post<Json<TitlePromotion>>(`/api/title-promotions/${app.body.id}/approve`, { effective_on: '2026-10-01' }, { as: 'hr' });
    expect(ok.body).to.include({ status: 'approved', effective_on: '2026-10-01' });
    expect((await get<Json<Staff>>(`/api/staff/${s.id}`, { as: 'hr' })).body.title).to.equal('attending_physician');
    const h = await get<Json<StaffHistory>[]>('/api/staff-history', {
      as: 'hr',
      query: { filter: { staff_id: s.id, field: 'title' }, sort: ['changed_at', 'DESC'] },
    });
    expect(h.body[0]).to.include({ from_value: 'physician', to_value: 'attending_physician', effective_on: '2026-10-01' });
    const rejected = await post(`/api/title-promotions/${app.body.id}/reject`, { reason: 'x' }, { as: 'hr' });
    expect(rejected.status).to.equal(409);
  });

  it('assessment: 优秀 within 20% of the unit, and a locked year refuses edits', async () => {
    const b = await post<{ id: number }>(
      '/api/org-units',
      { code: 'THR1', name: '考核测试卫生院', kind: 'township', parent_id: await unitId('B2') },
      { as: 'admin' },
    );
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await hire({ unit: 'THR1' }));
    await post('/api/assessment-years', { year: 2091 }, { as: 'hr' });
    const one = await post<Json<Assessment>>('/api/assessments', { staff_id: people[0].id, year: 2091, score: 95, grade: 'excellent' }, { as: 'hr' });
    expect(one.status).to.equal(200);
    expect(one.body.org_unit_id).to.equal(b.body.id);
    const two = await post<Problem>('/api/assessments', { staff_id: people[1].id, year: 2091, score: 96, grade: 'excellent' }, { as: 'hr' });
    expect(two.status).to.equal(422);
    expect(two.body.error.message).to.match(/1 allowed/);
    expect(two.body.error.details?.[0]).to.deep.include({
      field: 'grade',
      rule: 'excellent_quota',
      params: { excellent: 1, quota: 1, headcount: 6, share: 20 },
    });
    expect((await post('/api/assessments', { staff_id: people[1].id, year: 2091, score: 80, grade: 'excellent' }, { as: 'hr' })).status).to.equal(422);
    const q = await post<Json<Assessment>>('/api/assessments', { staff_id: people[1].id, year: 2091, score: 80, grade: 'qualified' }, { as: 'hr' });
    expect((await post('/api/assessment-years/2091/approve', {}, { as: 'hr' })).body).to.include({ id: 2091, status: 'approved' });
    expect((await get('/api/assessment-years/2091', { as: 'hr' })).body).to.include({ id: 2091, year: 2091 });
    const years = await get<{ id: number; status: string }[]>('/api/assessment-years', { as: 'hr', query: { filter: { year: 2091 } } });
    expect(years.status).to.equal(200);
    expect(years.body[0]).to.include({ id: 2091, status: 'approved' });
    const locked = await put(`/api/assessments/${q.body.id}`, { score: 75 }, { as: 'hr' });
    expect(locked.status).to.equal(409);
    expect((await post('/api/assessments', { staff_id: people[2].id, year: 2091, score: 80, grade: 'qualified' }, { as: 'hr' })).status).to.equal(409);
  });

  it('licences: the 60-day alert list, and an expired licence flagged wherever the person is listed', async () => {
    const s = await hire({ unit: 'B1' });
    const soon = addDays(clock.today(), 20);
    const past = addDays(clock.today(), -10);
    await post('/api/licences', { staff_id: s.id, kind: 'physician', number: `T-${s.id}-A`, issued_on: '2021-01-01', expires_on: soon }, { as: 'hr' });
    const alert = await get<(Json<Licence> & { days_left: number })[]>('/api/licences', {
      as: 'hr',
      query: { filter: { expiring_within: 60, staff_id: s.id } },
    });
    expect(alert.body).to.have.length(1);
    expect(alert.body[0].days_left).to.be.within(19, 21);
    let listed = await get<ListedStaff[]>('/api/staff', { as: 'hr', query: { filter: { licence_expiring: true, id: s.id } } });
    expect(listed.body).to.have.length(1);
    expect(listed.body[0].licence_expired).to.equal(false);
    await post('/api/licences', { staff_id: s.id, kind: 'physician', number: `T-${s.id}-B`, issued_on: '2020-01-01', expires_on: past }, { as: 'hr' });
    listed = await get<ListedStaff[]>('/api/staff', { as: 'hr', query: { filter: { name: s.name, id: s.id } } });
    expect(listed.body[0].licence_expired).to.equal(true);
    expect((await get<ListedStaff>(`/api/staff/${s.id}`, { as: 'hr' })).body.licence_expired).to.equal(true);
    expect(
      (
        await post(
          '/api/licences',
          { staff_id: s.id, kind: 'physician', number: `T-${s.id}-C`, issued_on: '2022-01-01', expires_on: '2021-01-01' },
          { as: 'hr' },
        )
      ).status,
    ).to.equal(422);
  });
});
