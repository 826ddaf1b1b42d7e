// The group hierarchy over HTTP: demo shape, tree, create, move, delete, and their audit rows.
import { expect } from 'chai';
import { auditCount, del, get, post, unitId, type AuditRow, type Json, type Problem } from '../../scripts/test/harness';
import type { OrgUnit } from './model';
import type { TreeNode } from './rules';

describe('org units (HTTP, real database)', () => {
  // other tests add units of their own: count the demo group's codes
  const DEMO_CODE = /^(HQ|B\d|T\d\d|V\d\d\d)$/;
  const demo = <T extends { code: string }>(units: T[]) => units.filter((u) => DEMO_CODE.test(u.code));

  it('the demo group has 1 + 3 + 30 + 289 units in four levels', async () => {
    const r = await get<Json<OrgUnit>[]>('/api/org-units', { as: 'admin', query: { range: [0, 999] } });
    const counts = [1, 2, 3, 4].map((level) => demo(r.body).filter((u) => u.level === level).length);
    expect(counts).to.deep.equal([1, 3, 30, 289]);
  });

  it('GET /api/org-units/tree nests HQ → branches → townships → villages', async () => {
    const r = await get<TreeNode[]>('/api/org-units/tree', { as: 'admin' });
    expect(r.body).to.have.length(1);
    const hq = r.body[0];
    expect(hq.code).to.equal('HQ');
    // the demo's branches (another file may add one of its own, as the monitoring test does)
    expect(demo(hq.children).map((b) => b.code)).to.deep.equal(['B1', 'B2', 'B3']);
    const townships = demo(hq.children.flatMap((b) => b.children));
    expect(townships).to.have.length(30);
    const villages = demo(townships.flatMap((t) => t.children));
    expect(villages).to.have.length(289);
  });

  it('creates a unit with level and path derived from its parent, with one audit row', async () => {
    const t01 = await get<Json<OrgUnit>>(`/api/org-units/${await unitId('T01')}`, { as: 'admin' });
    const before = await auditCount();
    const r = await post<Json<OrgUnit>>('/api/org-units', { code: 'VX01', name: '测试村卫生室', kind: 'village', parent_id: t01.body.id }, { as: 'admin' });
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ level: 4, path: `${t01.body.path}.vx01` });
    expect(await auditCount()).to.equal(before + 1);
    const audit = await get<AuditRow<Json<OrgUnit>>[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'org-units', record_id: String(r.body.id) } },
    });
    expect(audit.body[0]).to.include({ action: 'create', actor_name: 'admin' });
    expect(audit.body[0].after?.code).to.equal('VX01');
  });

  it('refuses a village under a branch (422) and an unknown parent (422)', async () => {
    const b1 = await unitId('B1');
    const r = await post<Problem>('/api/org-units', { code: 'VX02', name: '错挂村卫生室', kind: 'village', parent_id: b1 }, { as: 'admin' });
    expect(r.status).to.equal(422);
    expect(r.body.error.details?.[0].field).to.equal('parent_id');
    const r2 = await post('/api/org-units', { code: 'VX03', name: '无上级', kind: 'village', parent_id: 999999 }, { as: 'admin' });
    expect(r2.status).to.equal(422);
  });

  it('an affiliated rehabilitation member hangs under any unit, one level below it', async () => {
    const b2 = await unitId('B2');
    const r = await post<Json<OrgUnit>>('/api/org-units', { code: 'A01', name: '大通康宁康复医院', kind: 'rehabilitation', parent_id: b2 }, { as: 'admin' });
    expect(r.status).to.equal(200);
    expect(r.body.level).to.equal(3);
  });

  it('moving a township rewrites the paths of its whole subtree in one step', async () => {
    const t = await post<Json<OrgUnit>>(
      '/api/org-units',
      { code: 'TX01', name: '测试乡镇卫生院', kind: 'township', parent_id: await unitId('B1') },
      { as: 'admin' },
    );
    const v = await post<Json<OrgUnit>>('/api/org-units', { code: 'VX11', name: '测试村', kind: 'village', parent_id: t.body.id }, { as: 'admin' });
    const moved = await post<Json<OrgUnit>>(`/api/org-units/${t.body.id}/move`, { parent_id: await unitId('B3') }, { as: 'admin' });
    expect(moved.status).to.equal(200);
    expect(moved.body.path).to.equal('hq.b3.tx01');
    const village = await get<Json<OrgUnit>>(`/api/org-units/${v.body.id}`, { as: 'admin' });
    expect(village.body).to.include({ path: 'hq.b3.tx01.vx11', level: 4 });
  });

  it('a director cannot move a unit to a parent outside its scope (403)', async () => {
    const r = await post(`/api/org-units/${await unitId('V001')}/move`, { parent_id: await unitId('T02') }, { as: 'director-T01' });
    expect(r.status).to.equal(403);
  });

  it('deleting a unit with children is a 409; a leaf without data goes, audited', async () => {
    const r = await del(`/api/org-units/${await unitId('T01')}`, { as: 'admin' });
    expect(r.status).to.equal(409);
    const leaf = await post<Json<OrgUnit>>(
      '/api/org-units',
      { code: 'VX21', name: '待撤销村卫生室', kind: 'village', parent_id: await unitId('T02') },
      { as: 'admin' },
    );
    const before = await auditCount();
    expect((await del(`/api/org-units/${leaf.body.id}`, { as: 'admin' })).status).to.equal(200);
    expect(await auditCount()).to.equal(before + 1);
  });

  it('deleting a unit that still has data (users, departments) is a 409', async () => {
    const r = await del<Problem>(`/api/org-units/${await unitId('V002')}`, { as: 'admin' });
    expect(r.status).to.equal(409);
    expect(r.body.error.message).to.match(/still/);
  });
});
