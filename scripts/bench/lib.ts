// Shared pieces of the benchmarks: a throw-away system served as `npm start` serves it (cluster
// workers running the API bundle, each with its own peak RSS), an HTTP load (autocannon on
// loopback), the same concurrency against a raw baseline, and figures printed with their ratio.
// Ratios, not absolute times, are the targets: these machines are noisy.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Model } from 'objection';
import type pg from 'pg';
import { actorFromToken } from '../../api/auth/service';
import { db } from '../../api/db/knex';
import { listRows, type ResourceDef } from '../../api/http/crud';
import { parseListQuery } from '../../api/http/listQuery';
import { config } from '../../api/config';
import { boot, type Running } from '../../api/server';

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

/**
 * A fresh system (embedded PostgreSQL in a temp dir unless DATABASE_URL) with the demo group,
 * its HTTP served by `config.apiWorkers` cluster workers as `npm start` does (this process is
 * their primary, so the benchmark can also call the domain and pg directly).
 */
export async function benchSystem(demoScale = Number(process.env.BENCH_DEMO_SCALE ?? 0.05)): Promise<Running & { cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-bench-'));
  const running = await boot({ port: 0, dataDir, cron: false, demoScale, workers: config.apiWorkers });
  return {
    ...running,
    async cleanup() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'demo123' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
}

/** HTTP load with autocannon: requests/s, p50 and p99 latency in ms. Fails on any non-2xx. */
export async function httpLoad(url: string, headers: Record<string, string>, opts: LoadOptions = {}): Promise<Figures> {
  // a short unmeasured run first, so JIT warm-up and pool growth are not in the figures
  await autocannon({ url, headers, connections: opts.connections ?? 50, duration: 2, workers: 1 });
  // the load runs in a worker thread so that it does not share the server's event loop
  const result = await autocannon({ url, headers, connections: opts.connections ?? 50, duration: opts.seconds ?? 10, workers: 1 });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export interface Statement {
  sql: string;
  bindings: readonly unknown[];
}

/**
 * The page statement a list endpoint runs for the user of `token` with `query` (sort, range,
 * filter), captured from the same code the workers run, so that the baseline runs exactly it.
 */
export async function listStatement<M extends Model>(def: ResourceDef<M>, token: string, query: Record<string, string>): Promise<Statement> {
  const actor = await actorFromToken(token);
  let captured: Statement | undefined;
  // knex reports each statement as sent: `$n` placeholders and their values
  const listen = (q: Statement) => {
    if (q.sql.includes('total_rows')) captured ??= { sql: q.sql, bindings: q.bindings };
  };
  db().on('query', listen);
  try {
    await listRows(def, actor, parseListQuery(query, def.list));
  } finally {
    db().off('query', listen);
  }
  if (!captured) throw new Error(`${def.name}: no page statement captured`);
  return captured;
}

/**
 * The raw baselines of a statement: as a pg client sends it by default (planned on every run),
 * and prepared as the API sends its hot lists (planned once per connection).
 */
export async function rawBaselines(pool: pg.Pool, st: Statement, opts: LoadOptions = {}) {
  const plain = await baselineLoad(() => pool.query(st.sql, st.bindings as unknown[]), opts);
  const name = `baseline_${createHash('sha1').update(st.sql).digest('hex').slice(0, 16)}`;
  const prepared = await baselineLoad(() => pool.query({ name, text: st.sql, values: st.bindings as unknown[] }), opts);
  return { plain, prepared };
}

/** The same concurrency against a baseline function (e.g. the raw SQL through pg). */
export async function baselineLoad(work: () => Promise<unknown>, opts: LoadOptions = {}): Promise<Figures> {
  if (!opts.seconds || opts.seconds > 2) await baselineLoad(work, { ...opts, seconds: 2 });
  const connections = opts.connections ?? 50;
  const until = Date.now() + (opts.seconds ?? 10) * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        await work();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rps: latencies.length / (opts.seconds ?? 10), p50: q(0.5), p99: q(0.99) };
}

/** Wall time of one call, in ms. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

/** Peak resident memory so far, in MB (Linux VmHWM), of the process `pid`. */
export function peakRssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  if (!line) throw new Error(`no VmHWM for ${pid}`);
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** The largest peak RSS among the processes serving HTTP, and which one it is. */
export function peakHttpRss(sys: Running): { mb: number; pid: number } {
  return sys.httpPids().map((pid) => ({ pid, mb: peakRssMb(pid) })).reduce((a, b) => (b.mb > a.mb ? b : a));
}

const f = (n: number, d = 1) => n.toFixed(d).padStart(9);

/**
 * Prints a load comparison and whether the targets are met. The throughput target is against
 * the plain raw statement (the issues' "raw SQL"); the ratio to the prepared one, which is the
 * API's own overhead alone, is printed beside it.
 */
export function printLoad(title: string, subject: Figures, raw: { plain: Figures; prepared: Figures }, targets: { p99Ms: number; minRatio: number }) {
  const ratio = subject.rps / raw.plain.rps;
  const ok = subject.p99 < targets.p99Ms && ratio >= targets.minRatio;
  console.log(`\n${title}`);
  console.log(`                          req/s      p50 ms    p99 ms`);
  console.log(`  API                ${f(subject.rps)} ${f(subject.p50)} ${f(subject.p99)}`);
  console.log(`  raw SQL            ${f(raw.plain.rps)} ${f(raw.plain.p50)} ${f(raw.plain.p99)}`);
  console.log(`  raw SQL, prepared  ${f(raw.prepared.rps)} ${f(raw.prepared.p50)} ${f(raw.prepared.p99)}`);
  console.log(
    `  ratio API/raw SQL throughput: ${ratio.toFixed(2)} (target ≥ ${targets.minRatio.toFixed(2)}; against the prepared statement ${(subject.rps / raw.prepared.rps).toFixed(2)}); p99 target < ${targets.p99Ms} ms → ${ok ? 'MET' : 'MISSED'}`,
  );
  return ok;
}

/** Prints a one-off timing against a same-run baseline. */
export function printTiming(title: string, ms: number, baselineMs: number | undefined, targets: { maxMs: number; maxRatio?: number }, extra = '') {
  const ratio = baselineMs ? ms / baselineMs : undefined;
  const ok = ms < targets.maxMs && (targets.maxRatio === undefined || ratio === undefined || ratio <= targets.maxRatio);
  console.log(`\n${title}`);
  console.log(`  time ${ms.toFixed(0)} ms (target < ${targets.maxMs} ms)${baselineMs !== undefined ? `; baseline ${baselineMs.toFixed(0)} ms; ratio ${ratio!.toFixed(2)}${targets.maxRatio ? ` (target ≤ ${targets.maxRatio})` : ''}` : ''}${extra ? `; ${extra}` : ''} → ${ok ? 'MET' : 'MISSED'}`);
  return ok;
}
