// The 14 national monitoring indicators for the county (the group's root) over the demo's year,
// through the API (GET /api/monitoring-indicators: both years' figures, targets, evidence), against a
// same-run baseline: the same figures computed in this process straight from the domain
// (`yearFigures` for this year and last, side by side), so the ratio is the API's own cost.
// Target (issue 21): < 3 s. The demo at BENCH_DEMO_SCALE (default 0.05); each figure the median of three.
import { db } from '../../api/db/knex';
import * as clock from '../../api/core/clock';
import { yearFigures } from '../../api/monitoring';
import { benchSystem, login, median, printTiming, timed } from './lib';

const sys = await benchSystem();
let ok = true;
try {
  const token = await login(sys.url, 'finance');
  const hq = (await db()('org_units').select('id').where('level', 1).first<{ id: number }>()).id;
  const year = Number(clock.today().slice(0, 4));
  const url = `${sys.url}/api/monitoring-indicators?unit_id=${hq}&year=${year}`;
  const call = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { indicators: { code: string; value: number | null }[] };
  };
  const direct = () => Promise.all([yearFigures(hq, year), yearFigures(hq, year - 1)]);
  await call(); // warm-up: the workers' first query plans
  await direct();
  const api: number[] = [];
  const base: number[] = [];
  let valued = 0;
  for (let i = 0; i < 3; i++) {
    const a = await timed(call);
    api.push(a.ms);
    valued = a.value.indicators.filter((x) => x.value !== null).length;
    base.push((await timed(direct)).ms);
  }
  ok = printTiming(
    `The county's 14 indicators for ${year} against ${year - 1} (GET /api/monitoring-indicators; runs ${api.map((m) => m.toFixed(0)).join(', ')} ms)`,
    median(api),
    median(base),
    { maxMs: 3000 },
    `${valued} of 14 with a value; baseline: the domain's yearFigures for both years in-process (runs ${base.map((m) => m.toFixed(0)).join(', ')} ms)`,
  );
} finally {
  await sys.cleanup();
}
process.exit(ok ? 0 : 1);
