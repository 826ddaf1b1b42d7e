// The staff registry over HTTP: scope (employed OR working), ID numbers, history, status, and the
// staff roster workbook read back.
import { expect } from 'chai';
import { auditCount, get, post, put, unitId, type Json, type Problem } from '../../../scripts/test/harness';
import type { OrgUnit } from '../../org';
import type { Rotation } from '../rotations/model';
import type { Staff, StaffHistory } from './model';
import { readWorkbook } from '../../../reports/xlsx';
import { freshIdNumber, hire } from '../testData';

const total = (r: { headers: Headers }) => Number(String(r.headers.get('content-range')).split('/')[1]);

async function subtreeIds(code: string): Promise<Set<number>> {
  const r = await get<Json<OrgUnit>[]>('/api/org-units', { as: 'admin', query: { filter: { within_id: await unitId(code) }, range: [0, 999] } });
  return new Set(r.body.map((u) => u.id));
}

describe('hr: staff registry (HTTP)', () => {
  it('director-T01 lists only staff employed or working in T01 and its villages', async () => {
    const t01 = await subtreeIds('T01');
    const r = await get<Json<Staff>[]>('/api/staff', { as: 'director-T01', query: { range: [0, 999] } });
    expect(r.status).to.equal(200);
    expect(r.body.length).to.be.greaterThan(0);
    for (const s of r.body) expect(t01.has(s.employer_org_unit_id) || t01.has(s.work_org_unit_id), `staff ${s.id}`).to.equal(true);
    // the same people as group HR sees under T01 (employer or working unit in the subtree)
    const hr = await get('/api/staff', { as: 'hr', query: { filter: { org_unit_id: await unitId('T01') }, range: [0, 0] } });
    expect(total(r)).to.equal(total(hr));
    // the village doctors of T01's villages work there but are employed by the township: they are listed
    expect(r.body.some((s) => s.category === 'village_doctor' && s.work_org_unit_id !== s.employer_org_unit_id)).to.equal(true);
    // someone of T02 is not there, and reading them is a 404
    const other = await get<Json<Staff>[]>('/api/staff', { as: 'hr', query: { filter: { employer_org_unit_id: await unitId('T02') }, range: [0, 0] } });
    expect((await get(`/api/staff/${other.body[0].id}`, { as: 'director-T01' })).status).to.equal(404);
  });

  it("an HQ expert on rotation in B1 is in director-B1's list (working unit in scope)", async () => {
    const rot = await get<Json<Rotation>[]>('/api/rotations', {
      as: 'hr',
      query: { filter: { status: 'active', type: 'down_expert', host_org_unit_id: await unitId('B1') }, range: [0, 0] },
    });
    if (!rot.body.length) return; // early in January the year's rotations have not started
    const r = await get<Json<Staff>>(`/api/staff/${rot.body[0].staff_id}`, { as: 'director-B1' });
    expect(r.status).to.equal(200);
    expect(r.body.work_org_unit_id).to.equal(await unitId('B1'));
  });

  it('the village doctor logins are linked to their staff records', async () => {
    const users = await get<{ id: number }[]>('/api/users', { as: 'admin', query: { filter: { username: 'doctor-V001' } } });
    const r = await get<Json<Staff>[]>('/api/staff', { as: 'hr', query: { filter: { user_id: users.body[0].id } } });
    expect(r.body).to.have.length(1);
    expect(r.body[0]).to.include({ category: 'village_doctor', employment_type: 'township_hired', work_org_unit_id: await unitId('V001') });
  });

  it('hires with the ID number protected: masked in lists, sex and birth date derived, reveal audited', async () => {
    const idNumber = freshIdNumber('F');
    const r = await post<Json<Staff>>(
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
    const found = await get<Json<Staff>[]>('/api/staff', { as: 'hr', query: { filter: { id_number: idNumber } } });
    expect(found.body.map((s) => s.id)).to.deep.equal([r.body.id]);
    const before = await auditCount();
    const revealed = await post<{ id_number: string }>(`/api/staff/${r.body.id}/reveal-id-number`, {}, { as: 'hr' });
    expect(revealed.body.id_number).to.equal(idNumber);
    expect(await auditCount()).to.equal(before + 1);
    expect((await post(`/api/staff/${r.body.id}/reveal-id-number`, {}, { as: 'director-B2' })).status).to.equal(403);
  });

  it('refuses a bad ID number (400 naming it), a duplicate (409) and a title off the ladder (422)', async () => {
    const base = { name: '王强', category: 'doctor', employment_type: 'establishment', hire_date: '2019-01-01', employer_org_unit_id: await unitId('B1') };
    const bad = await post<Problem>('/api/staff', { ...base, id_number: '630121199001011230' }, { as: 'hr' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details?.[0]).to.include({ field: 'id_number', message: 'check digit does not match', rule: 'id_number_invalid' });
    const idNumber = freshIdNumber();
    expect((await post('/api/staff', { ...base, id_number: idNumber }, { as: 'hr' })).status).to.equal(200);
    const dup = await post<Problem>('/api/staff', { ...base, id_number: idNumber }, { as: 'hr' });
    expect(dup.status).to.equal(409);
    expect(dup.body.error.details?.[0]).to.include({ field: 'id_number', rule: 'id_number_duplicate' });
    const title = await post<Problem>('/api/staff', { ...base, id_number: freshIdNumber(), title: 'chief_nurse' }, { as: 'hr' });
    expect(title.status).to.equal(422);
    expect(title.body.error.details?.[0].field).to.equal('title');
    const scope = await post('/api/staff', { ...base, id_number: freshIdNumber(), employer_org_unit_id: await unitId('T02') }, { as: 'director-T01' });
    expect(scope.status).to.equal(403);
  });

  it('a transfer is effective-dated history: who, when, from what to what; PUT refuses tracked fields', async () => {
    const s = await hire({ unit: 'B1' });
    const b3 = await unitId('B3');
    const r = await post<Json<Staff>>(
      `/api/staff/${s.id}/transfer`,
      { employer_org_unit_id: b3, effective_on: '2026-07-01', reason: '集团调配' },
      { as: 'hr' },
    );
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ employer_org_unit_id: b3, work_org_unit_id: b3 });
    const h = await get<Json<StaffHistory>[]>('/api/staff-history', {
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
    const edit = await put<Problem>(`/api/staff/${s.id}`, { ...r.body, title: 'chief_physician', phone: '13900000000' }, { as: 'hr' });
    expect(edit.status).to.equal(400);
    expect(edit.body.error.details?.[0].field).to.equal('title');
    const ok = await put<Json<Staff>>(`/api/staff/${s.id}`, { ...r.body, phone: '13900000000' }, { as: 'hr' });
    expect(ok.status).to.equal(200);
    expect(ok.body.phone).to.equal('13900000000');
  });

  it('status: leaving needs a coded reason; a left person cannot come back (409 naming allowed)', async () => {
    const s = await hire({ unit: 'B2' });
    expect((await post(`/api/staff/${s.id}/change-status`, { status: 'left' }, { as: 'hr' })).status).to.equal(400);
    const left = await post<Json<Staff>>(
      `/api/staff/${s.id}/change-status`,
      { status: 'left', leave_reason: 'resigned', effective_on: '2026-05-31' },
      { as: 'hr' },
    );
    expect(left.body).to.include({ status: 'left', leave_reason: 'resigned', left_on: '2026-05-31' });
    const back = await post<Problem>(`/api/staff/${s.id}/change-status`, { status: 'active' }, { as: 'hr' });
    expect(back.status).to.equal(409);
    expect(back.body.error.message).to.match(/allowed: none/);
  });

  it('the staff roster of T01 as its director, read back, lists the same people as the API', async () => {
    const t01 = await unitId('T01');
    const list = await get('/api/staff', { as: 'director-T01', query: { filter: { org_unit_id: t01 }, range: [0, 0] } });
    const r = await get<Buffer>('/api/reports/staff-roster.xlsx', { as: 'director-T01', query: { org_unit_id: String(t01) } });
    expect(r.status).to.equal(200);
    const sheet = (await readWorkbook(r.body)).worksheets[0];
    expect(sheet.actualRowCount - 1).to.equal(total(list));
    expect(sheet.getRow(2).getCell(5).text).to.match(/^\d{4}\*{10}[\dX]{4}$/);
    expect((await get('/api/reports/staff-roster.xlsx', { as: 'director-T01', query: { org_unit_id: String(await unitId('T02')) } })).status).to.equal(403);
  });
});
