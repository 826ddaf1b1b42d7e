// Shared pieces of the benchmarks: a throw-away system served as `npm start` serves it (cluster
// workers running the API bundle, each with its own peak RSS), an HTTP load (autocannon on
// loopback, in its own process), the same concurrency against a raw baseline, and figures
// printed with their ratio. Ratios, not absolute times, are the targets: these machines are noisy.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Model } from 'objection';
import type pg from 'pg';
import { actorFromToken } from '../../api/auth/service';
import { connect, db, disconnect } from '../../api/db/knex';
import { listJson, listRows, type ResourceDef } from '../../api/core/crud';
import { parseListQuery } from '../../api/core/listQuery';
import { config } from '../../api/config';
import { boot, type Running } from '../../api/server';
import { demo } from '../../seeds/index';

const execFileAsync = promisify(execFile);

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** the measured runs these figures are the medians of */
  runs?: Figures[];
  /**
   * CPU time per request (µs, user + system, from /proc) of the processes serving HTTP and of the
   * database's: what a change to the code moves, and load on a shared machine moves far less than req/s
   */
  cpu?: { apiUs: number; dbUs: number };
}

// Each load is measured in three runs (BENCH_RUNS) after a warm-up, and each figure is the median
// of its runs: one 10 s run on these machines moves by a sixth from one minute to the next.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARM_UP_SECONDS = 5;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function medianOfRuns(run: () => Promise<Figures>): Promise<Figures> {
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run());
  const cpu = runs.every((r) => r.cpu) ? { apiUs: median(runs.map((r) => r.cpu!.apiUs)), dbUs: median(runs.map((r) => r.cpu!.dbUs)) } : undefined;
  return { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), runs, cpu };
}

/**
 * A fresh system (embedded PostgreSQL in a temp dir unless DATABASE_URL) with the demo group,
 * its HTTP served by `config.apiWorkers` cluster workers as `npm start` does (this process is
 * their primary, so the benchmark can also call the domain and pg directly).
 */
export async function benchSystem(demoScale = Number(process.env.BENCH_DEMO_SCALE ?? 0.05)): Promise<Running & { cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-bench-'));
  const running = await boot({ port: 0, dataDir, cron: false, demo: demo.load, demoScale, workers: config.apiWorkers });
  // the workers serve as the API's login; this process loads bulk data as the database's admin
  await disconnect();
  connect(running.adminDatabaseUrl);
  // the embedded database's processes (on this machine): its postmaster, the parent of this session's backend, and its children
  const backend = config.databaseUrl ? undefined : (await db().raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid')).rows[0].pid;
  served = backend === undefined ? undefined : { httpPids: () => running.httpPids(), postmaster: Number(procStat(backend)[1]) };
  return {
    ...running,
    async cleanup() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// What the system benchSystem started runs in, for the CPU time of each load (see `Figures.cpu`).
let served: { httpPids: () => number[]; postmaster: number } | undefined;

/** The fields of /proc/<pid>/stat after the command's name (state first). */
const procStat = (pid: number) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK']).toString());

/** CPU time (user + system, in clock ticks) of each process serving HTTP and of each of the database's, by pid. */
function cpuTicks(): { api: Map<number, number>; db: Map<number, number> } | undefined {
  if (!served) return undefined;
  const ticks = (pids: number[]) =>
    new Map(
      pids.flatMap((pid) => {
        try {
          const f = procStat(pid);
          return [[pid, Number(f[11]) + Number(f[12])] as const];
        } catch {
          return []; // a backend that ended meanwhile
        }
      }),
    );
  const dbPids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(served.postmaster)])
    .toString()
    .trim()
    .split(/\s+/)
    .map(Number)
    .concat(served.postmaster);
  return { api: ticks(served.httpPids()), db: ticks(dbPids) };
}

/** The ticks the processes spent between two readings (one started meanwhile: all of its own; one that ended: none). */
const ticksBetween = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((s, [pid, t]) => s + t - (before.get(pid) ?? 0), 0);

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

/**
 * HTTP load with autocannon on loopback: requests/s, p50 and p99 latency in ms. Fails on any
 * non-2xx. The load runs in a process of its own, as a client would: in this one it would share
 * the CPU with the collection of whatever the benchmark generated before measuring.
 */
export async function httpLoad(url: string, headers: Record<string, string>, opts: LoadOptions = {}): Promise<Figures> {
  // an unmeasured run first, so that JIT warm-up, pool growth and each connection's prepared
  // statements are not in the figures
  await autocannonRun(url, headers, opts.connections ?? 50, WARM_UP_SECONDS);
  return medianOfRuns(async () => {
    const before = cpuTicks();
    const result = await autocannonRun(url, headers, opts.connections ?? 50, opts.seconds ?? 10);
    const after = cpuTicks();
    if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    const perRequest = (ticks: number) => (ticks / CLOCK_TICKS_PER_S / result.requests.total) * 1e6;
    const cpu = before && after ? { apiUs: perRequest(ticksBetween(before.api, after.api)), dbUs: perRequest(ticksBetween(before.db, after.db)) } : undefined;
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpu };
  });
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

async function autocannonRun(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<AutocannonResult> {
  const args = [createRequire(import.meta.url).resolve('autocannon/autocannon.js'), '-j', '-c', String(connections), '-d', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const { stdout } = await execFileAsync(process.execPath, [...args, url], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as AutocannonResult;
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
    // as the route answers: a plain list as JSON text, any other as model rows
    await (def.listColumns ? listJson : listRows)(def, actor, parseListQuery(query, def.list));
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

/** The same concurrency against a baseline function (e.g. the raw SQL through pg), measured as the HTTP load is. */
async function baselineLoad(work: () => Promise<unknown>, opts: LoadOptions = {}): Promise<Figures> {
  await baselineRun(work, { ...opts, seconds: WARM_UP_SECONDS });
  return medianOfRuns(() => baselineRun(work, opts));
}

async function baselineRun(work: () => Promise<unknown>, opts: LoadOptions): Promise<Figures> {
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

/**
 * After a bulk load, what the database would do on its own within minutes, done before measuring:
 * vacuum (the visibility map index-only scans need, no dead rows to wade through), statistics,
 * and a checkpoint, so that the checkpointer is not writing the load out during the measurement.
 */
export async function settle(pool: pg.Pool, table = '') {
  await pool.query(`vacuum analyze ${table}`);
  await pool.query('checkpoint');
}

/**
 * Wall time of one call, in ms, and the CPU time (ms, user + system, from /proc) the processes
 * serving HTTP and the database's spent meanwhile: a one-off timing moves with the machine's load,
 * its CPU time far less, so two versions of the code are compared by it.
 */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T; cpu?: { apiMs: number; dbMs: number } }> {
  const before = cpuTicks();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  const after = cpuTicks();
  const inMs = (ticks: number) => (ticks / CLOCK_TICKS_PER_S) * 1000;
  const cpu = before && after ? { apiMs: inMs(ticksBetween(before.api, after.api)), dbMs: inMs(ticksBetween(before.db, after.db)) } : undefined;
  return { ms, value, cpu };
}

/** A timing's CPU time for printTiming's `extra`: empty when it was not measured (an external database). */
export const cpuNote = (t: { cpu?: { apiMs: number; dbMs: number } }) =>
  t.cpu ? `CPU ${t.cpu.apiMs.toFixed(0)} ms in the HTTP workers, ${t.cpu.dbMs.toFixed(0)} ms in the database` : '';

/** Peak resident memory so far, in MB (Linux VmHWM), of the process `pid`. */
export function peakRssMb(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  if (!line) throw new Error(`no VmHWM for ${pid}`);
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** The largest peak RSS among the processes serving HTTP, and which one it is. */
export function peakHttpRss(sys: Running): { mb: number; pid: number } {
  return sys
    .httpPids()
    .map((pid) => ({ pid, mb: peakRssMb(pid) }))
    .reduce((a, b) => (b.mb > a.mb ? b : a));
}

const f = (n: number, d = 1) => n.toFixed(d).padStart(9);
const runsOf = (x: Figures) =>
  x.runs && x.runs.length > 1 ? `   runs: ${x.runs.map((r) => `${r.rps.toFixed(0)}/${r.p99.toFixed(0)}`).join(', ')} (req/s / p99)` : '';

/**
 * Prints a load comparison and whether the targets are met. The throughput target is against
 * the plain raw statement (the issues' "raw SQL"); the ratio to the prepared one, which is the
 * API's own overhead alone, is printed beside it.
 */
export function printLoad(title: string, subject: Figures, raw: { plain: Figures; prepared: Figures }, targets: { p99Ms: number; minRatio: number }) {
  const ratio = subject.rps / raw.plain.rps;
  const ok = subject.p99 < targets.p99Ms && ratio >= targets.minRatio;
  console.log(`\n${title}`);
  console.log(`                          req/s      p50 ms    p99 ms   (medians of ${RUNS} runs each)`);
  console.log(`  API                ${f(subject.rps)} ${f(subject.p50)} ${f(subject.p99)}${runsOf(subject)}`);
  console.log(`  raw SQL            ${f(raw.plain.rps)} ${f(raw.plain.p50)} ${f(raw.plain.p99)}${runsOf(raw.plain)}`);
  console.log(`  raw SQL, prepared  ${f(raw.prepared.rps)} ${f(raw.prepared.p50)} ${f(raw.prepared.p99)}${runsOf(raw.prepared)}`);
  if (subject.cpu)
    console.log(
      `  API's CPU per request: ${subject.cpu.apiUs.toFixed(0)} µs in the HTTP workers, ${subject.cpu.dbUs.toFixed(0)} µs in the database (medians; runs: ${subject.runs?.map((r) => `${r.cpu?.apiUs.toFixed(0)}/${r.cpu?.dbUs.toFixed(0)}`).join(', ')})`,
    );
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
  console.log(
    `  time ${ms.toFixed(0)} ms (target < ${targets.maxMs} ms)${baselineMs !== undefined ? `; baseline ${baselineMs.toFixed(0)} ms; ratio ${ratio!.toFixed(2)}${targets.maxRatio ? ` (target ≤ ${targets.maxRatio})` : ''}` : ''}${extra ? `; ${extra}` : ''} → ${ok ? 'MET' : 'MISSED'}`,
  );
  return ok;
}
