// `npm start` as its user runs it: a child process on a fresh data dir prints its URL and the
// demo logins, answers, stops cleanly on SIGTERM, and a second start keeps the data.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

interface Started {
  url: string;
  output: string;
  stop(): Promise<number | null>;
}

function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
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
  this.timeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-start-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('first start loads the demo group; SIGTERM stops PostgreSQL; the second start keeps the data', async () => {
    const first = await start(dataDir);
    expect(first.output).to.match(/demo group loaded/);
    expect(first.output).to.match(/admin \(集团管理员\)/);
    const health = await fetch(`${first.url}/api/health`).then((r) => r.json());
    expect(health).to.include({ database: 'reachable' });
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo123' }),
    }).then((r) => r.json());
    const created = await fetch(`${first.url}/api/departments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ org_unit_id: login.user.org_unit.id, name: '重启验证科', kind: 'administration' }),
    }).then((r) => r.json());
    expect(await first.stop()).to.equal(0);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).to.equal(false);

    const second = await start(dataDir);
    try {
      expect(second.output).not.to.match(/demo group loaded/);
      const again = await fetch(`${second.url}/api/departments/${created.id}`, { headers: { authorization: `Bearer ${login.token}` } }).then((r) => r.json());
      expect(again.name).to.equal('重启验证科');
    } finally {
      expect(await second.stop()).to.equal(0);
    }
  });
});
