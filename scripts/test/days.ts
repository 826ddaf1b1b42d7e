// Runs the date-sensitive tests (everything but the browser tests) once per awkward day, each
// with the whole system's clock set to it (TEST_TODAY, read by the harness); the days run at
// once, and each day's output is printed whole when it ends.
// Usage: tsx scripts/test/days.ts [day ...]   (default: the full list below)
import { spawn } from 'node:child_process';

export const AWKWARD_DAYS = [
  '2027-01-01', // the first day of a fund year
  '2026-12-31', // the last day of a fund year
  '2028-02-29', // a leap day
  '2027-03-31', // the last day of a quarter
  '2026-12-06', // a Sunday
  '2027-06-30T23:30+08:00', // 23:30 in Shanghai on the last day of a half-year
  '2027-07-01T07:30+08:00', // early morning in Shanghai: still the previous day (30 June) in UTC
];

// Tests no day can change, left out of the days' runs: the malformed-input sweep of every route
// (fixed dates in its inputs) and `npm start` in a child process (its clock is its own, not TEST_TODAY)
const DAY_FREE = ['api/http/badInput.test.ts', 'api/main.test.ts'];

/** The API, seeds and reports tests on one day; true when they all passed. */
function runOn(day: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'scripts/test/run.ts', '--api', ...DAY_FREE.flatMap((f) => ['--not', f])], {
      env: { ...process.env, TEST_TODAY: day, TEST_WORKERS: '1' },
    });
    const output: string[] = [];
    child.stdout.on('data', (c: Buffer) => output.push(c.toString()));
    child.stderr.on('data', (c: Buffer) => output.push(c.toString()));
    child.on('close', (code) => {
      process.stdout.write(`\n=== TEST_TODAY=${day}\n${output.join('')}`);
      resolve(code === 0);
    });
  });
}

const days = process.argv.slice(2).length ? process.argv.slice(2) : AWKWARD_DAYS;
// two at a time: each runs its own database and API
const failed: string[] = [];
for (let i = 0; i < days.length; i += 2) {
  const batch = days.slice(i, i + 2);
  const passed = await Promise.all(batch.map(runOn));
  failed.push(...batch.filter((_, k) => !passed[k]));
}
console.log(failed.length ? `\nfailed on: ${failed.join(', ')}` : `\npassed on every day: ${days.join(', ')}`);
process.exit(failed.length ? 1 : 0);
