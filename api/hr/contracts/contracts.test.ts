// 乡聘村用 contracts over HTTP: the placement rule, signing, renewal and exit.
import { expect } from 'chai';
import { get, post, unitId, type Json, type Problem } from '../../../scripts/test/harness';
import type { OrgUnit } from '../../org';
import type { Staff } from '../staff/model';
import type { VillageDoctorContract } from './model';
import { freshIdNumber, hire } from '../testData';

async function villageOf(township: string): Promise<number> {
  const r = await get<Json<OrgUnit>[]>('/api/org-units', {
    as: 'admin',
    query: { filter: { parent_id: await unitId(township), kind: 'village' }, range: [0, 0] },
  });
  return r.body[0].id;
}

describe('hr: 乡聘村用 village-doctor contracts (HTTP)', () => {
  it('乡聘村用: a T01 doctor placed in a clinic of T02 is a 422; a valid contract places the record; exit leaves', async () => {
    const t01 = await unitId('T01');
    const own = await villageOf('T01');
    const doctor = await hire({ unit: 'T01', category: 'village_doctor', title: 'village_doctor', employment_type: 'township_hired', work_org_unit_id: own });
    const wrong = await post<Problem>(
      '/api/village-doctor-contracts',
      { staff_id: doctor.id, employer_org_unit_id: t01, work_org_unit_id: await villageOf('T02'), start_on: '2026-01-01', end_on: '2028-12-31' },
      { as: 'hr' },
    );
    expect(wrong.status).to.equal(422);
    const otherClinic = (await get<Json<OrgUnit>>(`/api/org-units/${await villageOf('T02')}`, { as: 'admin' })).body;
    const township = (await get<Json<OrgUnit>>(`/api/org-units/${t01}`, { as: 'admin' })).body;
    expect(wrong.body.error.details?.[0]).to.deep.include({
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
    const c = await post<Json<VillageDoctorContract>>(
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
    const renewed = await post<Json<VillageDoctorContract>>(`/api/village-doctor-contracts/${c.body.id}/renew`, { end_on: '2031-12-31' }, { as: 'hr' });
    expect(renewed.body).to.include({ start_on: '2029-01-01', renewed_from_id: c.body.id, status: 'active' });
    const exit = await post<Json<VillageDoctorContract>>(
      `/api/village-doctor-contracts/${renewed.body.id}/exit`,
      { exit_reason: 'retired', exit_on: '2026-12-31' },
      { as: 'hr' },
    );
    expect(exit.body.status).to.equal('exited');
    expect((await get<Json<Staff>>(`/api/staff/${doctor.id}`, { as: 'hr' })).body).to.include({ status: 'left', leave_reason: 'exited' });
  });
});
