// The scope matrix: each role × in scope / out of scope × list / read / write, over HTTP.
import { expect } from 'chai';
import { del, get, post, put, tokenFor, unitId, type Json, type Problem } from '../../scripts/test/harness';
import type { OrgUnit } from '../org';
import { checkDigit } from '../core/personalId';
import { actorFromToken } from './service';

/** The fields of a resident (health domain) these checks read. */
type Resident = { id: number; name: string };

describe('org scope matrix (HTTP, real database)', () => {
  let ids: Record<string, number>;
  before(async () => {
    ids = Object.fromEntries(await Promise.all(['HQ', 'B1', 'B2', 'T01', 'T02', 'V001', 'V002'].map(async (c) => [c, await unitId(c)] as const)));
  });

  // [user, unit it may read, unit it may not read]
  const cases: [string, string, string | null][] = [
    ['doctor-V001', 'V001', 'V002'],
    ['director-T01', 'V001', 'T02'],
    ['director-B1', 'T01', 'B2'],
    ['director-HQ', 'V002', null],
    ['admin', 'V002', null],
    ['finance', 'B2', null],
    ['hr', 'T02', null],
    ['procurement', 'V001', null],
    ['referral', 'T01', null],
    ['auditor', 'V002', null],
  ];

  for (const [user, inside, outside] of cases) {
    it(`${user}: reads ${inside}${outside ? `, gets 404 for ${outside}` : ''}, lists only its scope`, async () => {
      expect((await get(`/api/org-units/${ids[inside]}`, { as: user })).status).to.equal(200);
      if (outside) expect((await get(`/api/org-units/${ids[outside]}`, { as: user })).status).to.equal(404);
      const list = await get<Json<OrgUnit>[]>('/api/org-units', { as: user, query: { range: [0, 999] } });
      expect(list.status).to.equal(200);
      const codes = list.body.map((u) => u.code);
      expect(codes).to.include(inside);
      if (outside) expect(codes).not.to.include(outside);
    });
  }

  it('doctor-V001 sees exactly its own clinic', async () => {
    const list = await get<Json<OrgUnit>[]>('/api/org-units', { as: 'doctor-V001' });
    expect(list.body.map((u) => u.code)).to.deep.equal(['V001']);
    expect(list.headers.get('content-range')).to.equal('org-units 0-0/1');
  });

  it("a village doctor's scope is its one unit and a group role's the whole group, which lists say plainly; a township's is neither", async () => {
    expect((await actorFromToken(await tokenFor('doctor-V001'))).scopeUnitId).to.equal(ids.V001);
    expect((await actorFromToken(await tokenFor('director-V002'))).scopeUnitId).to.equal(ids.V002);
    const township = await actorFromToken(await tokenFor('director-T01'));
    expect([township.scopeUnitId, township.scopeIsWholeGroup]).to.deep.equal([undefined, undefined]);
    for (const user of ['admin', 'finance', 'director-HQ']) expect((await actorFromToken(await tokenFor(user))).scopeIsWholeGroup, user).to.equal(true);
    expect((await actorFromToken(await tokenFor('director-B1'))).scopeIsWholeGroup).to.equal(undefined);
    // the same rows either way: V001's residents through the doctor's equality, and through the township's subtree
    const first17 = '63012119550505' + String(Date.now() % 1000).padStart(3, '0');
    expect((await post('/api/residents', { name: '范围测试', id_number: first17 + checkDigit(first17) }, { as: 'doctor-V001' })).status).to.equal(200);
    const mine = await get<Resident[]>('/api/residents', { as: 'doctor-V001', query: { range: [0, 999] } });
    const viaTownship = await get<Resident[]>('/api/residents', { as: 'director-T01', query: { filter: { org_unit_id: ids.V001 }, range: [0, 999] } });
    expect(mine.status).to.equal(200);
    expect(mine.body.map((r) => r.name)).to.include('范围测试');
    expect(mine.body.map((r) => r.id)).to.deep.equal(viaTownship.body.map((r) => r.id));
    expect(mine.headers.get('content-range')).to.equal(viaTownship.headers.get('content-range'));
  });

  it('director-T01 sees T01 and its villages only', async () => {
    const list = await get<Json<OrgUnit>[]>('/api/org-units', { as: 'director-T01', query: { range: [0, 999] } });
    const t01 = await get<Json<OrgUnit>>(`/api/org-units/${ids.T01}`, { as: 'admin' });
    for (const u of list.body) expect(u.path.startsWith(t01.body.path)).to.equal(true);
    const villages = await get<Json<OrgUnit>[]>('/api/org-units', { as: 'admin', query: { filter: { parent_id: ids.T01 }, range: [0, 999] } });
    expect(list.body.length).to.equal(villages.body.length + 1);
  });

  it('writes: a director edits its own unit (200) but not another (404); a village doctor may not edit (403)', async () => {
    expect((await put(`/api/org-units/${ids.T01}`, { phone: '0971-2722001' }, { as: 'director-T01' })).status).to.equal(200);
    expect((await put(`/api/org-units/${ids.T02}`, { phone: '0971-2722002' }, { as: 'director-T01' })).status).to.equal(404);
    expect((await put(`/api/org-units/${ids.V001}`, { phone: '1' }, { as: 'doctor-V001' })).status).to.equal(403);
  });

  it('the auditor reads everything and writes nothing (403)', async () => {
    expect((await get('/api/audit-log', { as: 'auditor' })).status).to.equal(200);
    expect((await get('/api/users', { as: 'auditor' })).status).to.equal(200);
    expect((await put(`/api/org-units/${ids.V001}`, { phone: '1' }, { as: 'auditor' })).status).to.equal(403);
    expect((await post('/api/departments', { org_unit_id: ids.V001, name: '诊室', kind: 'clinical' }, { as: 'auditor' })).status).to.equal(403);
    expect((await del(`/api/org-units/${ids.V001}`, { as: 'auditor' })).status).to.equal(403);
  });

  it('a director cannot create a department outside its scope (403) but can inside (200)', async () => {
    const out = await post<Problem>('/api/departments', { org_unit_id: ids.T02, name: '越权科室', kind: 'clinical' }, { as: 'director-T01' });
    expect(out.status).to.equal(403);
    expect(out.body.error.message).to.match(/outside your organisation scope/);
    const ok = await post<{ org_unit_id: number }>(
      '/api/departments',
      { org_unit_id: ids.V001, name: '预防保健室', kind: 'public_health' },
      { as: 'director-T01' },
    );
    expect(ok.status).to.equal(200);
    expect(ok.body.org_unit_id).to.equal(ids.V001);
  });

  it('the audit log is closed to directors and doctors (403)', async () => {
    expect((await get('/api/audit-log', { as: 'director-T01' })).status).to.equal(403);
    expect((await get('/api/audit-log', { as: 'doctor-V001' })).status).to.equal(403);
  });

  it('no token is a 401, a forged token is a 401', async () => {
    expect((await get('/api/org-units')).status).to.equal(401);
    expect((await get('/api/org-units', { headers: { authorization: 'Bearer abc.def.ghi' } })).status).to.equal(401);
  });
});
