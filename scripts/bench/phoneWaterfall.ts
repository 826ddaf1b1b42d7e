// The village doctor's /tasks, request by request (issue 16's phone bench, phone.bench.ts, times the
// whole; this shows where the time goes), and two builds of the UI side by side on the same system:
//
//   npx tsx scripts/bench/phoneWaterfall.ts [dist …]   (default: admin-ui/dist)
//
// Each dist is served by its own server (api/http/uiFiles.ts, the API proxied to one system), so
// that builds are compared in the same run, interleaved (the machine is shared and noisy): a cold
// load at 1.5 Mbps / 300 ms RTT then a warm start, RUNS times each. Printed: the medians, the
// waterfall of each build's median cold load (each request's start and end since the navigation,
// its bytes over the wire, who asked for it) and its main-thread work until the first task row.
// TRACE=1: V8's compilations (whether from a code cache) and the main thread's trace events by name;
// PROFILE=1: a CPU profile until the row, self time per script and per function; WARM_STARTS=n: the
// app opened n times after the first visit, the last measured as the warm start; LINGER_MS=ms: each
// page left open that long after its row (a code cache is written once the page is idle).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { uiFiles } from '../../api/http/uiFiles';
import { uiDist } from '../../api/paths';
import { PHONE, login } from '../../admin-ui/e2e/browser';
import { benchSystem, median } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARM_STARTS = Number(process.env.WARM_STARTS ?? 1);
const LINGER_MS = Number(process.env.LINGER_MS ?? 0);
const USER = 'doctor-V001';
const ROW = '[data-testid^="task-"]';
const LINK = { down: 1_500_000, up: 750_000, rtt: Number(process.env.RTT ?? 300) };

interface Request {
  url: string;
  start: number;
  end: number;
  bytes: number;
  initiator: string;
}

interface Load {
  ms: number;
  bytes: number;
  requests: Request[];
  /** main-thread busy time until the row (CDP Performance TaskDuration, ScriptDuration) */
  taskMs: number;
  scriptMs: number;
  /** marks the page took: what it had when (admin-ui's performance marks, if any) */
  marks: { name: string; at: number }[];
  /** PROFILE=1: the main thread's CPU profile until the row, self time per script and per function (ms) */
  profile?: { byUrl: Map<string, number>; byFunction: Map<string, number> };
  /** TRACE=1: the main thread's trace events until the row, total duration per name (ms; they nest) */
  events?: Map<string, number>;
}

function recorder(cdp: CDPSession) {
  const requests = new Map<string, Request>();
  let origin = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!origin && e.type === 'Document') origin = e.timestamp;
    const stack = e.initiator.stack?.callFrames[0]?.url ?? e.initiator.url ?? e.initiator.type;
    requests.set(e.requestId, { url: e.request.url, start: e.timestamp, end: 0, bytes: 0, initiator: stack });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  return () =>
    [...requests.values()]
      .map((r) => ({ ...r, start: (r.start - origin) * 1000, end: r.end ? (r.end - origin) * 1000 : NaN }))
      .sort((a, b) => a.start - b.start);
}

async function open(context: BrowserContext, base: string): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LINK.rtt, downloadThroughput: LINK.down / 8, uploadThroughput: LINK.up / 8 });
  const read = recorder(cdp);
  // V8's compilations of the page's scripts: whether each came from a code cache (TRACE=1)
  const compiles: { name: string; url: string; cache: string }[] = [];
  const traced: TraceEvent[] = [];
  if (process.env.TRACE) {
    cdp.on('Tracing.dataCollected', (e) => {
      traced.push(...(e.value as unknown as TraceEvent[]));
      for (const ev of e.value as unknown as TraceEvent[]) {
        const data = ev.args?.data;
        if (!data?.url || !/compile/i.test(ev.name)) continue;
        const cache = JSON.stringify(Object.fromEntries(Object.entries(data).filter(([k]) => /cache|consum|produc|reject|stream/i.test(k))));
        compiles.push({ name: ev.name, url: data.url, cache });
      }
    });
    await cdp.send('Tracing.start', { categories: 'v8,disabled-by-default-v8.compile,devtools.timeline', transferMode: 'ReportEvents' });
  }
  if (process.env.PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(`${base}/tasks`, { waitUntil: 'commit' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const handle = await page
    .waitForFunction((sel) => document.querySelector(sel) && performance.now(), ROW, { timeout: 60_000, polling: 'raf' })
    .catch(async (e: unknown) => {
      console.log(`no task row at ${base}: ${errors.join(' | ')}\n${(await page.locator('body').innerText()).slice(0, 500)}`);
      throw e;
    });
  const ms = (await handle.jsonValue()) as number;
  const profile = process.env.PROFILE ? selfTimes((await cdp.send('Profiler.stop')).profile) : undefined;
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })));
  const requests = read().filter((r) => r.start <= ms);
  if (process.env.TRACE) {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    for (const c of compiles) if (/assets/.test(c.url)) console.log(`    compile ${c.name} ${short(c.url)} ${c.cache}`);
  }
  // the page left open a while, as a phone's is: V8 writes a code cache once the page is idle
  await page.waitForTimeout(LINGER_MS);
  await page.close();
  const events = process.env.TRACE ? mainThreadEvents(traced, ms) : undefined;
  return {
    ms,
    bytes: requests.reduce((s, r) => s + (r.bytes || 0), 0),
    requests,
    taskMs: metric('TaskDuration'),
    scriptMs: metric('ScriptDuration'),
    marks,
    profile,
    events,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } & Record<string, unknown> };
}

/** The renderer's main thread's complete events until `untilMs` after the navigation, their durations summed per name. */
function mainThreadEvents(events: TraceEvent[], untilMs: number) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const start = events.find((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser')?.ts ?? 0;
  const sums = new Map<string, number>();
  for (const e of events)
    if (main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur && e.ts - start <= untilMs * 1000)
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
  return sums;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** A CPU profile's self time (ms) per script and per function (`name url:line`). */
function selfTimes(profile: CpuProfile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byUrl = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  (profile.samples ?? []).forEach((id, i) => {
    const frame = nodes.get(id)!;
    // a sample's time is the delta to the next one
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    const url = frame.url ? short(frame.url) : frame.functionName;
    add(byUrl, url, ms);
    add(byFunction, `${frame.functionName || '(anonymous)'} ${url}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, ms);
  });
  return { byUrl, byFunction };
}

/** The `n` largest of a tally, one per line. */
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');

/** Serves `dist` as the API serves the UI, everything else proxied to the system. */
function serveDist(dist: string, target: string): Promise<{ url: string; close(): void }> {
  const upstream = new URL(target);
  const app = express();
  app.use(uiFiles(dist));
  app.use((req, res) => {
    const proxied = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.originalUrl, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', () => res.destroy());
    req.pipe(proxied);
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    );
  });
}

const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, (q) => (q.length > 40 ? q.slice(0, 40) + '…' : q));

const dists = process.argv.slice(2).map((d) => path.resolve(d));
if (!dists.length) dists.push(uiDist);
const sys = await benchSystem();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const variants = await Promise.all(
    dists.map(async (dist) => {
      const served = await serveDist(dist, sys.url);
      const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await login(await context.newPage(), served.url, USER);
      const storageState = await context.storageState();
      await context.close();
      return { dist, served, storageState, cold: [] as Load[], warm: [] as Load[] };
    }),
  );
  const round = async (v: (typeof variants)[number], keep: boolean) => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', storageState: v.storageState });
    try {
      const cold = await open(context, v.served.url);
      const page = await context.newPage();
      await page.goto(`${v.served.url}/tasks`, { waitUntil: 'commit' });
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.waitForTimeout(1500);
      await page.close();
      // the app opened again WARM_STARTS times (V8 may keep a script's code cache only after its second run): the last is measured
      let warm = await open(context, v.served.url);
      for (let i = 1; i < WARM_STARTS; i++) warm = await open(context, v.served.url);
      if (keep) {
        v.cold.push(cold);
        v.warm.push(warm);
      }
    } finally {
      await context.close();
    }
  };
  for (const v of variants) await round(v, false);
  for (let i = 0; i < RUNS; i++) for (const v of variants) await round(v, true);

  for (const v of variants) {
    const mid = (loads: Load[]) => loads.find((l) => l.ms === median(loads.map((x) => x.ms)))!;
    const cold = mid(v.cold);
    const warm = mid(v.warm);
    console.log(`\n=== ${v.dist}`);
    console.log(
      `cold: ${(cold.ms / 1000).toFixed(2)} s, ${(cold.bytes / 1024).toFixed(0)} kB, runs ${v.cold.map((l) => (l.ms / 1000).toFixed(2)).join(' / ')}`,
    );
    console.log(
      `warm: ${(warm.ms / 1000).toFixed(2)} s, runs ${v.warm.map((l) => (l.ms / 1000).toFixed(2)).join(' / ')}; main thread ${warm.taskMs.toFixed(0)} ms (script ${warm.scriptMs.toFixed(0)} ms)`,
    );
    for (const [label, load] of [
      ['cold', cold],
      ['warm', warm],
    ] as const) {
      console.log(
        `\n${label} waterfall (ms since navigation; main thread ${load.taskMs.toFixed(0)} ms, script ${load.scriptMs.toFixed(0)} ms; row at ${load.ms.toFixed(0)})`,
      );
      for (const r of load.requests)
        console.log(
          `  ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ${(r.bytes / 1024).toFixed(1).padStart(7)} kB  ${short(r.url).padEnd(60)} ← ${short(r.initiator)}`,
        );
      for (const m of load.marks) console.log(`  mark ${m.name} at ${m.at.toFixed(0)}`);
      if (load.profile) {
        console.log(`  CPU profile until the row, self time per script:\n${top(load.profile.byUrl, 15)}`);
        console.log(`  … per function:\n${top(load.profile.byFunction, 30)}`);
      }
      if (load.events?.size) console.log(`  main thread's trace events until the row (they nest):\n${top(load.events, 25)}`);
    }
  }
} finally {
  await browser.close();
  await sys.cleanup();
}
process.exit(0);
