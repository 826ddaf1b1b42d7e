// The test runner of `npm test`: every test file once, on a pool of worker processes (each with
// its own test system: database, API, Chromium), the longest files first, so a 2-core machine runs
// the browser tests two at a time. Each file's spec output is printed whole when it ends.
// Usage: tsx scripts/test/run.ts [--checks] [--api] [--not file ...] [file ...]   (--checks: the
// typecheck, format check and lint too, alongside the tests; --api: only the API, seeds and reports
// tests; --not: leave that file out; files: just those)
// Env: TEST_WORKERS (default 3: a browser test leaves the CPU idle while its page settles), TEST_TODAY (passed on: the whole system's clock).
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureUiBuilt } from '../uiBuild';
import { prepareTemplate } from './harness';
import type { FileResult } from './worker';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_DIRS = ['api', 'seeds', 'reports'];
const BROWSER_DIR = 'admin-ui/e2e';

const testFiles = (dir: string): string[] =>
  (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules'))
    .map((f) => path.join(dir, f))
    .sort();

/**
 * The API tests first: they assert demo figures (this year's rotation plan, last year's final run
 * awaiting review) that the browser tests change as users would. Then the walks of every screen
 * (first-row*), the longest files, then the other browser files largest first, so that no long
 * file starts last while the other workers sit idle.
 */
function queue(apiOnly: boolean): string[] {
  const api = API_DIRS.flatMap(testFiles);
  if (apiOnly) return api;
  const browser = testFiles(BROWSER_DIR);
  const walks = browser.filter((f) => path.basename(f).startsWith('first-row'));
  // the rest by size, largest first: a browser file's length is a fair guess at its time, and a long
  // file started last would leave the other workers idle at the end (settlement's, 165 s, did)
  const size = (f: string) => fs.statSync(path.join(root, f)).size;
  const rest = browser.filter((f) => !walks.includes(f)).sort((a, b) => size(b) - size(a));
  return [...api, ...walks, ...rest];
}

/**
 * One worker: takes files from the queue until it is empty, printing each result as it comes. A
 * browser file waits for `uiBuilt`: the UI builds while the API files run. The worker's database
 * starts as a copy of `template`.
 */
function work(files: string[], results: FileResult[], uiBuilt: Promise<unknown>, template: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, 'scripts/test/worker.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, NODE_ENV: 'test', ...(template ? { TEST_DATA_TEMPLATE: template } : {}) },
    });
    const next = () => {
      const file = files.shift();
      if (!file?.startsWith(BROWSER_DIR)) return child.send(file ? { file } : {});
      uiBuilt.then(
        () => child.send({ file }),
        (e: unknown) => {
          console.error('the admin UI could not be built:', e);
          process.exit(1);
        },
      );
    };
    child.on('message', (m: FileResult | { ready: true }) => {
      if ('file' in m) {
        results.push(m);
        process.stdout.write(`\n── ${m.file} (${(m.ms / 1000).toFixed(0)} s)\n${m.output}`);
      }
      next();
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a test worker stopped with code ${code}`))));
  });
}

interface CheckResult {
  ok: boolean;
  output: string;
  ms: number;
}

/**
 * The static checks (`npm run typecheck`, `format:check`, `lint`), one after another in a child at
 * the lowest priority: they fill the CPU the test workers leave idle while a browser test waits on
 * its page, instead of holding every test back by two minutes before the first one starts.
 */
function staticChecks(): Promise<CheckResult> {
  const started = Date.now();
  const script = 'npm run typecheck && npm run format:check && npm run lint';
  return new Promise((resolve) => {
    const child = spawn('nice', ['-n', '19', 'sh', '-c', script], { cwd: root, env: process.env });
    const chunks: string[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
    child.stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, output: chunks.join(''), ms: Date.now() - started }));
  });
}

async function main() {
  const started = Date.now();
  const args = process.argv.slice(2);
  const left = args.filter((_a, i) => args[i - 1] === '--not');
  const named = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--not');
  const files = (named.length ? named : queue(args.includes('--api'))).filter((f) => !left.includes(f));
  const checks = args.includes('--checks') ? staticChecks() : undefined;
  const uiBuilt = files.some((f) => f.startsWith(BROWSER_DIR)) ? ensureUiBuilt() : Promise.resolve(false);
  const workers = Math.max(1, Number(process.env.TEST_WORKERS ?? 3));
  // the database every worker starts from a copy of (harness.ts), while the UI builds and the checks run
  const template = await prepareTemplate();
  const results: FileResult[] = [];
  await Promise.all(Array.from({ length: workers }, () => work(files, results, uiBuilt, template)));
  if (template) fs.rmSync(template, { recursive: true, force: true });
  const checked = await checks;
  if (checked)
    process.stdout.write(`\n── typecheck, format, lint (${(checked.ms / 1000).toFixed(0)} s): ${checked.ok ? 'passed' : 'FAILED'}\n${checked.output}`);
  const sum = (k: 'passes' | 'failures' | 'pending') => results.reduce((n, r) => n + r[k], 0);
  const failed = results.filter((r) => r.failures > 0).map((r) => r.file);
  console.log(
    `\n${sum('passes')} passing, ${sum('failures')} failing, ${sum('pending')} pending — ${results.length} files on ${workers} workers in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (checked && !checked.ok) failed.push('typecheck, format, lint');
  if (failed.length) console.log(`failed: ${failed.join(', ')}`);
  process.exit(failed.length ? 1 : 0);
}

void main();
