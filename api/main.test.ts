// `npm start` as its user runs it: a child process on a fresh data dir prints its URL and the
// demo logins, answers, stops cleanly on SIGTERM, and a second start keeps the data.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import type { LoginAnswer, Problem } from '../scripts/test/harness';

/** The JSON body of a reply, as the type the route answers (fetch's own `json()` is untyped). */
const json = <T>(r: Response) => r.json() as Promise<T>;
type Department = { id: number; name: string };

interface Started {
  url: string;
  output: string;
  stop(): Promise<number | null>;
}

function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DEMO_SCALE: '0.01', CRON: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /is running: (http:\/\/\S+)/.exec(output);
      if (m && output.includes('doctor-<village code>')) {
        resolve({
          url: m[1],
          get output() {
            return output;
          },
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code} before starting:\n${output}`)));
  });
}

describe('npm start (the real entry point, as a child process)', function () {
  // two starts of a fresh PostgreSQL with the demo: about a minute on a quiet machine, several under a loaded one
  this.timeout(360_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-start-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('first start loads the demo group; SIGTERM stops PostgreSQL; the second start keeps the data', async () => {
    const first = await start(dataDir);
    expect(first.output).to.match(/demo group loaded/);
    expect(first.output).to.match(/admin \(集团管理员\)/);
    const health = await fetch(`${first.url}/api/health`).then(json<{ status: string; database: string }>);
    expect(health).to.include({ database: 'reachable' });
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo123' }),
    }).then(json<LoginAnswer>);
    const created = await fetch(`${first.url}/api/departments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ org_unit_id: login.user.org_unit.id, name: '重启验证科', kind: 'administration' }),
    }).then(json<Department>);
    const auth = { authorization: `Bearer ${login.token}` };
    const residents = await fetch(`${first.url}/api/residents?range=[0,0]`, { headers: auth }).then(json<{ id: number }[]>);
    const idNumber = await fetch(`${first.url}/api/residents/${residents[0].id}/id-number`, { headers: auth }).then(json<{ id_number: string }>);
    expect(idNumber.id_number).to.match(/^\d{17}[\dX]$/);
    // the jobs are known to the workers that answer HTTP, and run on demand
    const jobs = await fetch(`${first.url}/api/job-runs/jobs`, { headers: auth }).then(json<{ name: string }[]>);
    expect(jobs.map((j) => j.name)).to.include.members(['health-daily', 'referrals.escalate']);
    const run = await fetch(`${first.url}/api/job-runs/run/referrals.escalate`, { method: 'POST', headers: auth });
    expect(run.status).to.equal(200);
    // no key is built in: one was made at random and kept with the data, for this user only
    const kept = path.join(dataDir, 'erp-secrets.json');
    expect(fs.statSync(kept).mode & 0o777).to.equal(0o600);
    const forged = jwt.sign({ sub: '1', ver: 0 }, 'dev-only-secret-change-me', { keyid: 'x' });
    expect((await fetch(`${first.url}/api/auth/me`, { headers: { authorization: `Bearer ${forged}` } })).status).to.equal(401);
    expect(await first.stop()).to.equal(0);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).to.equal(false);

    const second = await start(dataDir);
    try {
      expect(second.output).not.to.match(/demo group loaded/);
      const again = await fetch(`${second.url}/api/departments/${created.id}`, { headers: { authorization: `Bearer ${login.token}` } }).then(json<Department>);
      expect(again.name).to.equal('重启验证科');
      // the same keys: the first start's token still works and the 身份证号 still decrypts
      const read = await fetch(`${second.url}/api/residents/${residents[0].id}/id-number`, { headers: auth }).then(json<{ id_number: string }>);
      expect(read.id_number).to.equal(idNumber.id_number);
      // PostgreSQL gone: every route answers 503 with Retry-After, within a second
      const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      for (const [method, url, body] of [
        ['GET', '/api/auth/me'],
        ['GET', '/api/staff'],
        ['POST', '/api/departments', { org_unit_id: 1, name: '停库', kind: 'administration' }],
        ['POST', '/api/auth/login', { username: 'admin', password: 'demo123' }],
      ] as const) {
        const started = Date.now();
        const r = await fetch(`${second.url}${url}`, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
        expect(r.status, url).to.equal(503);
        expect(r.headers.get('retry-after'), url).to.match(/^\d+$/);
        expect((await json<Problem>(r)).error.code).to.equal('unavailable');
        expect(Date.now() - started, url).to.be.below(1000);
      }
    } finally {
      await second.stop();
    }
  });
});
