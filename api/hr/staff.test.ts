// The staff registry over HTTP: scope (employed OR working), ID numbers, history, posts,
// promotions, assessments, licences and 乡聘村用 contracts.
import { expect } from 'chai';
import { auditCount, get, post, put, unitId } from '../../scripts/test/harness';
import { freshIdNumber, hire } from './testData';
import * as clock from '../core/clock';
import { addDays } from '../core/clock';

const total = (r: { headers: Headers }) => Number(String(r.headers.get('content-range')).split('/')[1]);

async function subtreeIds(code: string): Promise<Set<number>> {
  const r = await get('/api/org-units', { as: 'admin', query: { filter: { within_id: await unitId(code) }, range: [0, 999] } });
  return new Set(r.body.map((u: { id: number }) => u.id));
}

async function villageOf(township: string): Promise<number> {
  const r = await get('/api/org-units', { as: 'admin', query: { filter: { parent_id: await unitId(township), kind: 'village' }, range: [0, 0] } });
  return r.body[0].id;
}

describe('hr: staff registry (HTTP)', () => {
  it('director-T01 lists only staff employed or working in T01 and its villages', async () => {
    const t01 = await subtreeIds('T01');
    const r = await get('/api/staff', { as: 'director-T01', query: { range: [0, 999] } });
    expect(r.status).to.equal(200);
    expect(r.body.length).to.be.greaterThan(0);
    for (const s of r.body) expect(t01.has(s.employer_org_unit_id) || t01.has(s.work_org_unit_id), `staff ${s.id}`).to.equal(true);
    // the same people as group HR sees under T01 (employer or working unit in the subtree)
    const hr = await get('/api/staff', { as: 'hr', query: { filter: { org_unit_id: await unitId('T01') }, range: [0, 0] } });
    expect(total(r)).to.equal(total(hr));
    // the village doctors of T01's villages work there but are employed by the township: they are listed
    expect(
      r.body.some(
        (s: { category: string; work_org_unit_id: number; employer_org_unit_id: number }) =>
          s.category === 'village_doctor' && s.work_org_unit_id !== s.employer_org_unit_id,
      ),
    ).to.equal(true);
    // someone of T02 is not there, and reading them is a 404
    const other = await get('/api/staff', { as: 'hr', query: { filter: { employer_org_unit_id: await unitId('T02') }, range: [0, 0] } });
    expect((await get(`/api/staff/${other.body[0].id}`, { as: 'director-T01' })).status).to.equal(404);
  });

  it("an HQ expert on rotation in B1 is in director-B1's list (working unit in scope)", async () => {
    const rot = await get('/api/rotations', {
      as: 'hr',
      query: { filter: { status: 'active', type: 'down_expert', host_org_unit_id: await unitId('B1') }, range: [0, 0] },
    });
    if (!rot.body.length) return; // early in January the year's rotations have not started
    const r = await get(`/api/staff/${rot.body[0].staff_id}`, { as: 'director-B1' });
    expect(r.status).to.equal(200);
    expect(r.body.work_org_unit_id).to.equal(await unitId('B1'));
  });

  it('the village doctor logins are linked to their staff records', async () => {
    const users = await get('/api/users', { as: 'admin', query: { filter: { username: 'doctor-V001' } } });
    const r = await get('/api/staff', { as: 'hr', query: { filter: { user_id: users.body[0].id } } });
    expect(r.body).to.have.length(1);
    expect(r.body[0]).to.include({ category: 'village_doctor', employment_type: 'township_hired', work_org_unit_id: await unitId('V001') });
  });

  it('hires with the ID number protected: masked in lists, sex and birth date derived, reveal audited', async () => {
    const idNumber = freshIdNumber('F');
    const r = await post(
      '/api/staff',
      {
        name: '李静',
        category: 'nurse',
        title: 'senior_nurse',
        employment_type: 'contract',
        hire_date: '2020-03-01',
        employer_org_unit_id: await unitId('B2'),
        id_number: idNumber,
      },
      { as: 'hr' },
    );
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ sex: 'F', id_number_masked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, status: 'active' });
    expect(r.body).to.not.have.any.keys('id_number_cipher', 'id_number_hash', 'id_number');
    expect(r.body.birth_date).to.equal(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    const found = await get('/api/staff', { as: 'hr', query: { filter: { id_number: idNumber } } });
    expect(found.body.map((s: { id: number }) => s.id)).to.deep.equal([r.body.id]);
    const before = await auditCount();
    const revealed = await post(`/api/staff/${r.body.id}/reveal-id-number`, {}, { as: 'hr' });
    expect(revealed.body.id_number).to.equal(idNumber);
    expect(await auditCount()).to.equal(before + 1);
    expect((await post(`/api/staff/${r.body.id}/reveal-id-number`, {}, { as: 'director-B2' })).status).to.equal(403);
  });

  it('refuses a bad ID number (400 naming it), a duplicate (409) and a title off the ladder (422)', async () => {
    const base = { name: '王强', category: 'doctor', employment_type: 'establishment', hire_date: '2019-01-01', employer_org_unit_id: await unitId('B1') };
    const bad = await post('/api/staff', { ...base, id_number: '630121199001011230' }, { as: 'hr' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details[0]).to.include({ field: 'id_number', message: 'check digit does not match', rule: 'id_number_invalid' });
    const idNumber = freshIdNumber();
    expect((await post('/api/staff', { ...base, id_number: idNumber }, { as: 'hr' })).status).to.equal(200);
    const dup = await post('/api/staff', { ...base, id_number: idNumber }, { as: 'hr' });
    expect(dup.status).to.equal(409);
    expect(dup.body.error.details[0]).to.include({ field: 'id_number', rule: 'id_number_duplicate' });
    const title = await post('/api/staff', { ...base, id_number: freshIdNumber(), title: 'chief_nurse' }, { as: 'hr' });
    expect(title.status).to.equal(422);
    expect(title.body.error.details[0].field).to.equal('title');
    const scope = await post('/api/staff', { ...base, id_number: freshIdNumber(), employer_org_unit_id: await unitId('T02') }, { as: 'director-T01' });
    expect(scope.status).to.equal(403);
  });

  it('a transfer is effective-dated history: who, when, from what to what; PUT refuses tracked fields', async () => {
    const s = await hire({ unit: 'B1' });
    const b3 = await unitId('B3');
    const r = await post(`/api/staff/${s.id}/transfer`, { employer_org_unit_id: b3, effective_on: '2026-07-01', reason: '集团调配' }, { as: 'hr' });
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ employer_org_unit_id: b3, work_org_unit_id: b3 });
    const h = await get('/api/staff-history', {
      as: 'hr',
      query: { filter: { staff_id: s.id, field: 'employer_org_unit_id' }, sort: ['effective_on', 'ASC'] },
    });
    expect(h.body).to.have.length(2);
    expect(h.body[1]).to.include({
      from_value: String(await unitId('B1')),
      to_value: String(b3),
      effective_on: '2026-07-01',
      reason: '集团调配',
      changed_by_name: '集团人力资源部',
    });
    const edit = await put(`/api/staff/${s.id}`, { ...r.body, title: 'chief_physician', phone: '13900000000' }, { as: 'hr' });
    expect(edit.status).to.equal(400);
    expect(edit.body.error.details[0].field).to.equal('title');
    const ok = await put(`/api/staff/${s.id}`, { ...r.body, phone: '13900000000' }, { as: 'hr' });
    expect(ok.status).to.equal(200);
    expect(ok.body.phone).to.equal('13900000000');
  });

  it('status: leaving needs a coded reason; a left person cannot come back (409 naming allowed)', async () => {
    const s = await hire({ unit: 'B2' });
    expect((await post(`/api/staff/${s.id}/change-status`, { status: 'left' }, { as: 'hr' })).status).to.equal(400);
    const left = await post(`/api/staff/${s.id}/change-status`, { status: 'left', leave_reason: 'resigned', effective_on: '2026-05-31' }, { as: 'hr' });
    expect(left.body).to.include({ status: 'left', leave_reason: 'resigned', left_on: '2026-05-31' });
    const back = await post(`/api/staff/${s.id}/change-status`, { status: 'active' }, { as: 'hr' });
    expect(back.status).to.equal(409);
    expect(back.body.error.message).to.match(/allowed: none/);
  });

  it('posts: filling beyond headcount is a 422; vacancy figures per unit', async () => {
    const b3 = await unitId('B3');
    const p = await post('/api/posts', { org_unit_id: b3, name: '测试岗', category: 'doctor', headcount: 1 }, { as: 'hr' });
    expect(p.body).to.include({ status: 'vacant', filled: 0 });
    const a = await hire({ unit: 'B3' });
    const b = await hire({ unit: 'B3' });
    expect((await post(`/api/staff/${a.id}/assign-post`, { post_id: p.body.id }, { as: 'hr' })).status).to.equal(200);
    expect((await get(`/api/posts/${p.body.id}`, { as: 'hr' })).body).to.include({ status: 'occupied', filled: 1 });
    const full = await post(`/api/staff/${b.id}/assign-post`, { post_id: p.body.id }, { as: 'hr' });
    expect(full.status).to.equal(422);
    expect(full.body.error.message).to.match(/full: 1 of 1/);
    const v = await get('/api/posts/vacancies', { as: 'hr', query: { org_unit_id: String(b3) } });
    const row = v.body.find((u: { org_unit_id: number }) => u.org_unit_id === b3);
    expect(row.vacant).to.equal(row.headcount - row.filled);
    // off the post again: vacant
    await post(`/api/staff/${a.id}/assign-post`, { post_id: null }, { as: 'hr' });
    expect((await get(`/api/posts/${p.body.id}`, { as: 'hr' })).body).to.include({ status: 'vacant', filled: 0 });
  });

  it('title promotion: submitted → reviewed by the unit → approved by group HR updates the record', async () => {
    const s = await hire({ unit: 'T01', title: 'physician' });
    const bad = await post('/api/title-promotions', { staff_id: s.id, to_title: 'chief_physician' }, { as: 'director-T01' });
    expect(bad.status).to.equal(422);
    const app = await post('/api/title-promotions', { staff_id: s.id, to_title: 'attending_physician', note: '任医师满五年' }, { as: 'director-T01' });
    expect(app.body.status).to.equal('submitted');
    expect((await post('/api/title-promotions', { staff_id: s.id, to_title: 'attending_physician' }, { as: 'hr' })).status).to.equal(409);
    expect((await post(`/api/title-promotions/${app.body.id}/approve`, {}, { as: 'hr' })).status).to.equal(409); // must be reviewed first
    expect((await post(`/api/title-promotions/${app.body.id}/approve`, {}, { as: 'director-T01' })).status).to.equal(403);
    expect((await post(`/api/title-promotions/${app.body.id}/review`, { unit_opinion: '同意' }, { as: 'director-T01' })).body.status).to.equal('reviewed');
    const ok = await post(`/api/title-promotions/${app.body.id}/approve`, { effective_on: '2026-10-01' }, { as: 'hr' });
    expect(ok.body).to.include({ status: 'approved', effective_on: '2026-10-01' });
    expect((await get(`/api/staff/${s.id}`, { as: 'hr' })).body.title).to.equal('attending_physician');
    const h = await get('/api/staff-history', { as: 'hr', query: { filter: { staff_id: s.id, field: 'title' }, sort: ['changed_at', 'DESC'] } });
    expect(h.body[0]).to.include({ from_value: 'physician', to_value: 'attending_physician', effective_on: '2026-10-01' });
    const rejected = await post(`/api/title-promotions/${app.body.id}/reject`, { reason: 'x' }, { as: 'hr' });
    expect(rejected.status).to.equal(409);
  });

  it('assessment: 优秀 within 20% of the unit, and a locked year refuses edits', async () => {
    const b = await post('/api/org-units', { code: 'THR1', name: '考核测试卫生院', kind: 'township', parent_id: await unitId('B2') }, { as: 'admin' });
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await hire({ unit: 'THR1' }));
    await post('/api/assessment-years', { year: 2091 }, { as: 'hr' });
    const one = await post('/api/assessments', { staff_id: people[0].id, year: 2091, score: 95, grade: 'excellent' }, { as: 'hr' });
    expect(one.status).to.equal(200);
    expect(one.body.org_unit_id).to.equal(b.body.id);
    const two = await post('/api/assessments', { staff_id: people[1].id, year: 2091, score: 96, grade: 'excellent' }, { as: 'hr' });
    expect(two.status).to.equal(422);
    expect(two.body.error.message).to.match(/1 allowed/);
    expect(two.body.error.details[0]).to.deep.include({ field: 'grade', rule: 'excellent_quota', params: { excellent: 1, quota: 1, headcount: 6, share: 20 } });
    expect((await post('/api/assessments', { staff_id: people[1].id, year: 2091, score: 80, grade: 'excellent' }, { as: 'hr' })).status).to.equal(422);
    const q = await post('/api/assessments', { staff_id: people[1].id, year: 2091, score: 80, grade: 'qualified' }, { as: 'hr' });
    expect((await post('/api/assessment-years/2091/approve', {}, { as: 'hr' })).body).to.include({ id: 2091, status: 'approved' });
    expect((await get('/api/assessment-years/2091', { as: 'hr' })).body).to.include({ id: 2091, year: 2091 });
    const years = await get('/api/assessment-years', { as: 'hr', query: { filter: { year: 2091 } } });
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
    const alert = await get('/api/licences', { as: 'hr', query: { filter: { expiring_within: 60, staff_id: s.id } } });
    expect(alert.body).to.have.length(1);
    expect(alert.body[0].days_left).to.be.within(19, 21);
    let listed = await get('/api/staff', { as: 'hr', query: { filter: { licence_expiring: true, id: s.id } } });
    expect(listed.body).to.have.length(1);
    expect(listed.body[0].licence_expired).to.equal(false);
    await post('/api/licences', { staff_id: s.id, kind: 'physician', number: `T-${s.id}-B`, issued_on: '2020-01-01', expires_on: past }, { as: 'hr' });
    listed = await get('/api/staff', { as: 'hr', query: { filter: { name: s.name, id: s.id } } });
    expect(listed.body[0].licence_expired).to.equal(true);
    expect((await get(`/api/staff/${s.id}`, { as: 'hr' })).body.licence_expired).to.equal(true);
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

  it('乡聘村用: a T01 doctor placed in a clinic of T02 is a 422; a valid contract places the record; exit leaves', async () => {
    const t01 = await unitId('T01');
    const own = await villageOf('T01');
    const doctor = await hire({ unit: 'T01', category: 'village_doctor', title: 'village_doctor', employment_type: 'township_hired', work_org_unit_id: own });
    const wrong = await post(
      '/api/village-doctor-contracts',
      { staff_id: doctor.id, employer_org_unit_id: t01, work_org_unit_id: await villageOf('T02'), start_on: '2026-01-01', end_on: '2028-12-31' },
      { as: 'hr' },
    );
    expect(wrong.status).to.equal(422);
    const otherClinic = (await get(`/api/org-units/${await villageOf('T02')}`, { as: 'admin' })).body;
    const township = (await get(`/api/org-units/${t01}`, { as: 'admin' })).body;
    expect(wrong.body.error.details[0]).to.deep.include({
      field: 'work_org_unit_id',
      rule: 'village_clinic_other_township',
      params: { township: township.name, village: otherClinic.name },
    });
    expect(wrong.body.error.message).to.match(/does not belong to the employing township/);
    // the registry refuses the same placement directly
    const direct = await post(
      '/api/staff',
      {
        name: '马村医',
        category: 'village_doctor',
        employment_type: 'township_hired',
        hire_date: '2020-01-01',
        employer_org_unit_id: t01,
        work_org_unit_id: await villageOf('T02'),
        id_number: freshIdNumber(),
      },
      { as: 'hr' },
    );
    expect(direct.status).to.equal(422);
    const c = await post(
      '/api/village-doctor-contracts',
      { staff_id: doctor.id, employer_org_unit_id: t01, work_org_unit_id: own, start_on: '2026-01-01', end_on: '2028-12-31' },
      { as: 'hr' },
    );
    expect(c.status).to.equal(200);
    expect(
      (
        await post(
          '/api/village-doctor-contracts',
          { staff_id: doctor.id, employer_org_unit_id: t01, work_org_unit_id: own, start_on: '2026-01-01', end_on: '2028-12-31' },
          { as: 'hr' },
        )
      ).status,
    ).to.equal(409);
    const renewed = await post(`/api/village-doctor-contracts/${c.body.id}/renew`, { end_on: '2031-12-31' }, { as: 'hr' });
    expect(renewed.body).to.include({ start_on: '2029-01-01', renewed_from_id: c.body.id, status: 'active' });
    const exit = await post(`/api/village-doctor-contracts/${renewed.body.id}/exit`, { exit_reason: 'retired', exit_on: '2026-12-31' }, { as: 'hr' });
    expect(exit.body.status).to.equal('exited');
    expect((await get(`/api/staff/${doctor.id}`, { as: 'hr' })).body).to.include({ status: 'left', leave_reason: 'exited' });
  });
});
