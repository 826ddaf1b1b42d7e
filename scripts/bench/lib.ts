// Shared pieces of the benchmarks: a throw-away system, the API server in a child process (its
// own peak RSS), an HTTP load (autocannon on loopback), the same concurrency against a raw
// baseline, and figures printed with their ratio.
// Ratios, not absolute times, are the targets: these machines are noisy.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { boot, type Running } from '../../api/server';

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

/** A fresh system (embedded PostgreSQL in a temp dir unless DATABASE_URL) with the demo group. */
export async function benchSystem(demoScale = Number(process.env.BENCH_DEMO_SCALE ?? 0.05)): Promise<Running & { cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'erp-bench-'));
  const running = await boot({ port: 0, dataDir, cron: false, demoScale });
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

/** Peak resident memory so far, in MB (Linux VmHWM), of this process or of the child `pid`. */
export function peakRssMb(pid: number | 'self' = 'self'): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  if (line) return Number(line.replace(/\D+/g, '')) / 1024;
  if (pid !== 'self') throw new Error(`no VmHWM for ${pid}`);
  return process.memoryUsage().rss / 1e6;
}

export interface ChildServer {
  url: string;
  pid: number;
  /** SIGTERM, resolved once the child has exited */
  stop(): Promise<void>;
}

/**
 * The API server as its own process on `databaseUrl` (no cron, any free port; its boot skips
 * seeding since the database is not empty), so that its peak RSS is the measured work's alone.
 * Resolves once it listens.
 */
export async function childServer(databaseUrl: string): Promise<ChildServer> {
  const root = path.resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', CRON: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/is running: (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`API child exited (${code}) before listening:\n${out}`)));
  });
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    url,
    pid: child.pid!,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

const f = (n: number, d = 1) => n.toFixed(d).padStart(9);

/** Prints a load comparison and whether the targets are met. */
export function printLoad(title: string, subject: Figures, baseline: Figures, targets: { p99Ms: number; minRatio: number }) {
  const ratio = subject.rps / baseline.rps;
  const ok = subject.p99 < targets.p99Ms && ratio >= targets.minRatio;
  console.log(`\n${title}`);
  console.log(`                  req/s      p50 ms    p99 ms`);
  console.log(`  API        ${f(subject.rps)} ${f(subject.p50)} ${f(subject.p99)}`);
  console.log(`  baseline   ${f(baseline.rps)} ${f(baseline.p50)} ${f(baseline.p99)}`);
  console.log(`  ratio API/baseline throughput: ${ratio.toFixed(2)} (target ≥ ${targets.minRatio.toFixed(2)}); p99 target < ${targets.p99Ms} ms → ${ok ? 'MET' : 'MISSED'}`);
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
