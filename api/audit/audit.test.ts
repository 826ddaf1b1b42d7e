// 全程留痕: one audit row per write, in the same transaction; the database refuses to alter the log.
import { expect } from 'chai';
import pg from 'pg';
import { auditCount, get, post, put, system, unitId, ownerPassword, type AuditRow } from '../../scripts/test/harness';

describe('audit log', () => {
  it('every write leaves exactly one row with actor, before, after and client address', async () => {
    const before = await auditCount();
    const dep = await post<{ id: number }>('/api/departments', { org_unit_id: await unitId('T03'), name: '中医馆', kind: 'clinical' }, { as: 'director-T03' });
    const upd = await put(`/api/departments/${dep.body.id}`, { name: '国医馆' }, { as: 'director-T03' });
    expect(upd.status).to.equal(200);
    expect(await auditCount()).to.equal(before + 2);
    const rows = await get<AuditRow<{ name: string }>[]>('/api/audit-log', {
      as: 'admin',
      query: { filter: { resource: 'departments', record_id: String(dep.body.id) }, sort: ['id', 'ASC'] },
    });
    expect(rows.body.map((r) => r.action)).to.deep.equal(['create', 'update']);
    expect(rows.body[1].before?.name).to.equal('中医馆');
    expect(rows.body[1].after?.name).to.equal('国医馆');
    expect(rows.body[1].actor_name).to.equal('director-T03');
    expect(rows.body[1].client_ip).to.be.a('string');
  });

  it('a failed write leaves no audit row (same transaction)', async () => {
    const before = await auditCount();
    const r = await post('/api/departments', { org_unit_id: await unitId('T03'), name: '国医馆', kind: 'clinical' }, { as: 'director-T03' });
    expect(r.status).to.equal(409);
    expect(await auditCount()).to.equal(before);
  });

  /** Runs each statement on its own connection as `url`'s login; answers the error each raised. */
  async function errorsOf(url: string, statements: string[]) {
    const client = new pg.Client(url);
    await client.connect();
    try {
      const errors: (Error | null)[] = [];
      for (const sql of statements) {
        errors.push(
          await client.query(`BEGIN; ${sql}; ROLLBACK`).then(
            () => null,
            (e: Error) => e,
          ),
        );
        await client.query('ROLLBACK');
      }
      return errors;
    } finally {
      await client.end();
    }
  }
  const REWRITES = ["UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log WHERE action <> 'x'", 'TRUNCATE audit_log'];

  it("as the API's login: UPDATE, DELETE and TRUNCATE on audit_log are refused", async () => {
    const errors = await errorsOf((await system()).databaseUrl, REWRITES);
    for (const [i, err] of errors.entries()) expect(err?.message, REWRITES[i]).to.equal('permission denied for table audit_log');
  });

  it("as the API's login: no bypass of the audit triggers (replica session, disabled or dropped trigger)", async () => {
    const bypasses = [
      "SET LOCAL session_replication_role = 'replica'; UPDATE audit_log SET action = 'x'",
      'ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log',
      'DROP TRIGGER audit_log_no_truncate ON audit_log',
      'ALTER TABLE audit_log OWNER TO erp_api',
      "GRANT UPDATE ON audit_log TO erp_api; UPDATE audit_log SET action = 'x'",
    ];
    const errors = await errorsOf((await system()).databaseUrl, bypasses);
    for (const [i, err] of errors.entries()) expect(err?.message, bypasses[i]).to.match(/permission denied|must be owner/);
    const client = new pg.Client((await system()).databaseUrl);
    await client.connect();
    const { rows } = await client.query<{ rolsuper: boolean; rolcreaterole: boolean; rolbypassrls: boolean; owns: number }>(
      `SELECT rolsuper, rolcreaterole, rolbypassrls, (SELECT count(*)::int FROM pg_tables WHERE tableowner = current_user) AS owns
         FROM pg_roles WHERE rolname = current_user`,
    );
    await client.end();
    expect(rows[0]).to.deep.equal({ rolsuper: false, rolcreaterole: false, rolbypassrls: false, owns: 0 });
  });

  it("even as the tables' owner the database refuses to alter the log (append-only triggers)", async () => {
    const { adminDatabaseUrl } = await system();
    const owner = adminDatabaseUrl.replace(/^postgres:\/\/postgres:[^@]*@/, `postgres://erp_owner:${encodeURIComponent(ownerPassword())}@`);
    const errors = await errorsOf(owner, REWRITES);
    for (const [i, err] of errors.entries()) expect(err?.message, REWRITES[i]).to.match(/append-only/);
  });

  it('passwords never appear in the audit trail or the API', async () => {
    const r = await post<{ id: number }>(
      '/api/users',
      { username: 'clerk-t03', display_name: '文员', roles: ['staff_clerk'], org_unit_id: await unitId('T03'), password: 'secret-pass-1' },
      { as: 'admin' },
    );
    expect(r.status).to.equal(200);
    expect(r.body).not.to.have.property('password_hash');
    const rows = await get<AuditRow[]>('/api/audit-log', { as: 'admin', query: { filter: { resource: 'users', record_id: String(r.body.id) } } });
    expect(JSON.stringify(rows.body)).not.to.match(/scrypt|secret-pass/);
  });
});
