// One running system for the whole test run: a throw-away embedded PostgreSQL (or
// DATABASE_URL), migrations, the demo group at a small scale, and the API on a free port.
// Tests talk to it over HTTP like any client; rules tests need none of this.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setClockFromEnv } from '../../api/core/clock';
import { readEmbeddedSecrets } from '../../api/core/secrets';
import type { AuditEntry } from '../../api/audit/model';
import type { login } from '../../api/auth/service';
import type { FieldProblem } from '../../api/core/errors';
import type { OrgUnit } from '../../api/org';
import { config } from '../../api/config';
import { boot, type Running } from '../../api/server';
import { demo } from '../../seeds/index';

// TEST_TODAY=2028-02-29 or 2028-02-29T23:30+08:00 runs the whole suite on that day
setClockFromEnv('TEST_TODAY');

let running: Promise<Running> | undefined;
let dataDir: string | undefined;

const bootOptions = (dir: string) => ({
  port: 0,
  dataDir: dir,
  cron: false,
  demo: demo.load,
  demoScale: Number(process.env.TEST_DEMO_SCALE ?? 0.01),
  throwaway: true,
});

/**
 * The embedded database with the demo loaded, made once for a test run (the runner's): each worker
 * starts from a copy of it (TEST_DATA_TEMPLATE) instead of loading the demo itself — three workers
 * loading it at once on two cores held every test back. None with DATABASE_URL (nothing to copy).
 */
export async function prepareTemplate(): Promise<string | undefined> {
  if (config.databaseUrl) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-test-template-'));
  await (await boot(bootOptions(dir))).stop();
  return dir;
}

/** Boots on first use (from the run's template when there is one); later calls share the same system. */
export function system(): Promise<Running> {
  if (!running) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-test-'));
    const template = process.env.TEST_DATA_TEMPLATE;
    // cp -a: PostgreSQL runs as its own user, who must own the copy as it owns the template
    if (template) execFileSync('cp', ['-a', `${template}/.`, dataDir]);
    running = boot(bootOptions(dataDir));
  }
  return running;
}

/** The owner role's password of the test system's embedded database (kept with its data). */
export function ownerPassword(): string {
  const kept = dataDir && readEmbeddedSecrets(dataDir);
  if (!kept) throw new Error('no embedded test database');
  return kept.ownerPassword;
}

export async function shutdown() {
  if (!running) return;
  const r = await running;
  await r.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  running = undefined;
}

/** One answer of the API: `body` is the parsed JSON (or the bytes of a file), typed by the caller as the API answers it (`unknown` until named). */
export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

import type { AnswerOf, Json } from '../../api/core/json';
export type { Json, AnswerOf } from '../../api/core/json';

/** A row of the audit log, its `before` and `after` read as records of the audited resource (null on create, delete). */
export type AuditRow<R = Record<string, unknown>> = Omit<Json<AuditEntry>, 'before' | 'after'> & { before: R | null; after: R | null };

/** One field's problem; a business rule's also names the rule and the figures its message is made of. */
export type RuleProblem = FieldProblem & { rule?: string; params?: Record<string, unknown> };

/** The API's one error body (api/http/errors.ts): `{"error":{"code","message","details"}}`. */
export interface Problem<D = RuleProblem[]> {
  error: { code: string; message: string; details?: D };
}

/** The body of a login: the bearer token and who it is (a test of any domain may log in). */
export type LoginAnswer = AnswerOf<typeof login>;

const tokens = new Map<string, string>();

/** A bearer token for a demo user (password DEMO_PASSWORD), cached per username. */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const r = await call<LoginAnswer>('POST', '/api/auth/login', { body: { username, password: process.env.DEMO_PASSWORD ?? 'demo123' } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  tokens.set(username, r.body.token);
  return r.body.token;
}

export interface CallOptions {
  as?: string;
  body?: unknown;
  /** a raw body (string or bytes) sent as is */
  raw?: BodyInit;
  headers?: Record<string, string>;
  query?: Record<string, unknown>;
}

/** One HTTP call to the running API; JSON in and out. `as` logs in as that demo user. */
export async function call<T = unknown>(method: string, url: string, opts: CallOptions = {}): Promise<Reply<T>> {
  const { url: base } = await system();
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.as) headers.authorization = `Bearer ${await tokenFor(opts.as)}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const qs = opts.query ? `?${new URLSearchParams(Object.entries(opts.query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))}` : '';
  const res = await fetch(`${base}${url}${qs}`, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
  return { status: res.status, body: body as T, headers: res.headers };
}

export const get = <T = unknown>(url: string, opts?: CallOptions) => call<T>('GET', url, opts);
export const post = <T = unknown>(url: string, body: unknown, opts?: CallOptions) => call<T>('POST', url, { ...opts, body });
export const put = <T = unknown>(url: string, body: unknown, opts?: CallOptions) => call<T>('PUT', url, { ...opts, body });
export const del = <T = unknown>(url: string, opts?: CallOptions) => call<T>('DELETE', url, opts);

/** The id of a demo unit by its code. */
export async function unitId(code: string): Promise<number> {
  const r = await get<Json<OrgUnit>[]>('/api/org-units', { as: 'admin', query: { filter: { code } } });
  if (!r.body[0]) throw new Error(`no unit ${code}`);
  return r.body[0].id;
}

/** Number of audit rows so far (to assert "exactly one per write"). */
export async function auditCount(): Promise<number> {
  const r = await get('/api/audit-log', { as: 'auditor', query: { range: [0, 0] } });
  return Number(String(r.headers.get('content-range')).split('/')[1]);
}
