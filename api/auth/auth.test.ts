import { expect } from 'chai';
import { get, post, type AnswerOf, type Problem } from '../../scripts/test/harness';
import { login, whoAmI } from './service';

/** The login page's answer on the demo database (api/auth/loginInfo.ts reads its rows untyped). */
interface LoginInfo {
  product: string;
  demo: boolean;
  password: string | null;
  logins: { username: string; display_name: string; roles: string[]; unit_name: string }[];
}

describe('login and me', () => {
  it('logs in with the demo password and returns identity, unit, scope and permissions', async () => {
    const r = await post<AnswerOf<typeof login>>('/api/auth/login', { username: 'doctor-V001', password: 'demo123' });
    expect(r.status).to.equal(200);
    expect(r.body.token).to.be.a('string');
    expect(r.body.user.roles).to.deep.equal(['village_doctor']);
    expect(r.body.user.org_unit.code).to.equal('V001');
    const me = await get<AnswerOf<typeof whoAmI>>('/api/auth/me', { headers: { authorization: `Bearer ${r.body.token}` } });
    expect(me.body.scope_path).to.equal(me.body.org_unit.path);
    const resources = me.body.permissions.map((p) => p.resource);
    expect(resources).to.include('org-units');
    expect(resources).not.to.include('audit-log');
  });

  it('GET /api/auth/login-info, without a token: the product and, on the demo database, the demo logins with their names', async () => {
    const r = await get<LoginInfo>('/api/auth/login-info');
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ product: '医联体综合管理平台', demo: true, password: 'demo123' });
    const logins = r.body.logins;
    expect(logins.map((u) => u.username)).to.deep.equal([
      'admin',
      'finance',
      'hr',
      'procurement',
      'referral',
      'auditor',
      'director-HQ',
      'director-B1',
      'director-T01',
      'doctor-V001',
    ]);
    expect(logins[1]).to.deep.equal({ username: 'finance', display_name: '集团财务管理中心', roles: ['group_finance'], unit_name: '西宁市第一人民医院' });
    expect(Object.keys(logins[9]).sort()).to.deep.equal(['display_name', 'roles', 'unit_name', 'username']);
  });

  it('a wrong password is a 401; a missing field a 400', async () => {
    expect((await post('/api/auth/login', { username: 'admin', password: 'nope' })).status).to.equal(401);
    const r = await post<Problem>('/api/auth/login', { username: 'admin' });
    expect(r.status).to.equal(400);
    expect(r.body.error.details?.[0].field).to.equal('password');
  });

  it('rate-limits repeated failures for one account (429), without locking out others', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post('/api/auth/login', { username: 'director-B3', password: `bad${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).to.equal(true);
    expect(statuses[10]).to.equal(429);
    expect((await post('/api/auth/login', { username: 'director-B2', password: 'demo123' })).status).to.equal(200);
  });
});
