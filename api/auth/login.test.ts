// Login as an attacker would try it: parallel guesses, a stranger locking out the real user,
// forged and revoked tokens.
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { call, post, put, unitId, type AnswerOf, type Json } from '../../scripts/test/harness';
import type { User } from './model';
import type { login } from './service';
import { config } from '../config';

const from = (address: string) => ({ 'x-forwarded-for': address }); // the API trusts its loopback proxy
const loginAs = (username: string, password: string, address: string) =>
  call<AnswerOf<typeof login>>('POST', '/api/auth/login', { body: { username, password }, headers: from(address) });

async function newClerk(username: string) {
  const r = await post<Json<User>>(
    '/api/users',
    { username, display_name: '测试文员', roles: ['staff_clerk'], org_unit_id: await unitId('T05'), password: 'first-pass-1' },
    { as: 'admin' },
  );
  expect(r.status).to.equal(200);
  return r.body.id;
}

describe('login throttling and tokens', () => {
  it('40 parallel wrong passwords check at most the allowance; the real user still logs in from another address', async () => {
    await newClerk('clerk-race');
    const replies = await Promise.all(Array.from({ length: 40 }, () => loginAs('clerk-race', 'wrong-guess', '198.51.100.7')));
    const checked = replies.filter((r) => r.status === 401).length;
    const refused = replies.filter((r) => r.status === 429);
    expect(checked).to.equal(config.loginMaxFailures);
    expect(refused.length).to.equal(40 - config.loginMaxFailures);
    expect(Number(refused[0].headers.get('retry-after'))).to.be.greaterThan(0);
    expect((await loginAs('clerk-race', 'first-pass-1', '198.51.100.7')).status).to.equal(429); // the guesser's address waits
    expect((await loginAs('clerk-race', 'first-pass-1', '203.0.113.9')).status).to.equal(200); // the user elsewhere does not
  });

  it('an unknown username costs the same password check and answers the same 401', async () => {
    const unknown = await loginAs('nobody-here', 'whatever-1', '203.0.113.20');
    const known = await loginAs('admin', 'whatever-1', '203.0.113.20');
    expect(unknown.status).to.equal(401);
    expect(unknown.body).to.deep.equal(known.body);
  });

  it('a token signed with another key, or naming no key, is a 401', async () => {
    for (const token of [jwt.sign({ sub: '1', ver: 0 }, 'dev-only-secret-change-me', { keyid: 'guess' }), jwt.sign({ sub: '1', ver: 0 }, 'x'.repeat(40))]) {
      expect((await call('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).to.equal(401);
    }
  });

  it('a password change, a role change or a deactivation revokes the tokens issued before it', async () => {
    const id = await newClerk('clerk-revoke');
    const tokenNow = async (password: string) => (await loginAs('clerk-revoke', password, '203.0.113.30')).body.token;
    const me = (token: string) => call('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    const first = await tokenNow('first-pass-1');
    expect((await me(first)).status).to.equal(200);
    expect((await put(`/api/users/${id}`, { password: 'second-pass-2' }, { as: 'admin' })).status).to.equal(200);
    expect((await me(first)).status).to.equal(401);
    const second = await tokenNow('second-pass-2');
    expect((await put(`/api/users/${id}`, { display_name: '改名不撤销' }, { as: 'admin' })).status).to.equal(200);
    expect((await me(second)).status).to.equal(200); // a new display name ends no session
    expect((await put(`/api/users/${id}`, { roles: ['director'] }, { as: 'admin' })).status).to.equal(200);
    expect((await me(second)).status).to.equal(401);
    const third = await tokenNow('second-pass-2');
    expect((await put(`/api/users/${id}`, { active: false }, { as: 'admin' })).status).to.equal(200);
    expect((await me(third)).status).to.equal(401);
  });
});
