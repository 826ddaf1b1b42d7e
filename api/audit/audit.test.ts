// 全程留痕: one audit row per write, in the same transaction; the database refuses to alter the log.
import { expect } from 'chai';
import pg from 'pg';
import { auditCount, get, post, put, system, unitId } from '../../scripts/test/harness';

describe('audit log', () => {
  it('every write leaves exactly one row with actor, before, after and client address', async () => {
    const before = await auditCount();
    const dep = await post('/api/departments', { org_unit_id: await unitId('T03'), name: '中医馆', kind: 'clinical' }, { as: 'director-T03' });
    const upd = await put(`/api/departments/${dep.body.id}`, { name: '国医馆' }, { as: 'director-T03' });
    expect(upd.status).to.equal(200);
    expect(await auditCount()).to.equal(before + 2);
    const rows = await get('/api/audit-log', { as: 'admin', query: { filter: { resource: 'departments', record_id: String(dep.body.id) }, sort: ['id', 'ASC'] } });
    expect(rows.body.map((r: { action: string }) => r.action)).to.deep.equal(['create', 'update']);
    expect(rows.body[1].before.name).to.equal('中医馆');
    expect(rows.body[1].after.name).to.equal('国医馆');
    expect(rows.body[1].actor_name).to.equal('director-T03');
    expect(rows.body[1].client_ip).to.be.a('string');
  });

  it('a failed write leaves no audit row (same transaction)', async () => {
    const before = await auditCount();
    const r = await post('/api/departments', { org_unit_id: await unitId('T03'), name: '国医馆', kind: 'clinical' }, { as: 'director-T03' });
    expect(r.status).to.equal(409);
    expect(await auditCount()).to.equal(before);
  });

  it('UPDATE, DELETE and TRUNCATE on audit_log fail in the database', async () => {
    const client = new pg.Client((await system()).databaseUrl);
    await client.connect();
    try {
      for (const sql of ['UPDATE audit_log SET action = $1', 'DELETE FROM audit_log WHERE action <> $1', 'TRUNCATE audit_log']) {
        const params = sql.includes('$1') ? ['x'] : [];
        const err = await client.query(sql, params).then(() => null, (e: Error) => e);
        expect(err, sql).to.be.instanceOf(Error);
        expect(err!.message).to.match(/append-only/);
      }
    } finally {
      await client.end();
    }
  });

  it('passwords never appear in the audit trail or the API', async () => {
    const r = await post('/api/users', { username: 'clerk-t03', display_name: '文员', roles: ['staff_clerk'], org_unit_id: await unitId('T03'), password: 'secret-pass-1' }, { as: 'admin' });
    expect(r.status).to.equal(200);
    expect(r.body).not.to.have.property('password_hash');
    const rows = await get('/api/audit-log', { as: 'admin', query: { filter: { resource: 'users', record_id: String(r.body.id) } } });
    expect(JSON.stringify(rows.body)).not.to.match(/scrypt|secret-pass/);
  });
});
