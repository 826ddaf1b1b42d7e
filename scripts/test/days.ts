// Runs the date-sensitive tests (everything but the browser tests) once per awkward day, each
// with the whole system's clock set to it (TEST_TODAY, read by the harness).
// Usage: tsx scripts/test/days.ts [day ...]   (default: the full list below)
import { spawnSync } from 'node:child_process';

export const AWKWARD_DAYS = [
  '2027-01-01', // the first day of a fund year
  '2026-12-31', // the last day of a fund year
  '2028-02-29', // a leap day
  '2027-03-31', // the last day of a quarter
  '2026-12-06', // a Sunday
  '2027-06-30T23:30+08:00', // 23:30 in Shanghai on the last day of a half-year
  '2027-07-01T07:30+08:00', // early morning in Shanghai: still the previous day (30 June) in UTC
];

const SUITE = ['api/**/*.test.ts', 'seeds/**/*.test.ts', 'reports/**/*.test.ts'];
const days = process.argv.slice(2).length ? process.argv.slice(2) : AWKWARD_DAYS;
const failed: string[] = [];
for (const day of days) {
  console.log(`\n=== TEST_TODAY=${day}`);
  const run = spawnSync('npx', ['mocha', ...SUITE], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', TEST_TODAY: day } });
  if (run.status !== 0) failed.push(day);
}
console.log(failed.length ? `\nfailed on: ${failed.join(', ')}` : `\npassed on every day: ${days.join(', ')}`);
process.exit(failed.length ? 1 : 0);
