// GET /api/org-units as a village doctor and as admin under 50 concurrent connections,
// against the same scoped SQL run directly through pg. Target: p99 < 50 ms, ≥ 1/3 of raw throughput.
import pg from 'pg';
import { baselineLoad, benchSystem, httpLoad, login, printLoad } from './lib';

const sys = await benchSystem(0);
const pool = new pg.Pool({ connectionString: sys.databaseUrl, max: 20 });
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
try {
  for (const [user, scopeSql] of [
    ['doctor-V001', `(select path from org_units where code = 'V001')`],
    ['admin', `'hq'::ltree`],
  ]) {
    const token = await login(sys.url, user);
    const url = `${sys.url}/api/org-units?sort=${encodeURIComponent('["path","ASC"]')}&range=${encodeURIComponent('[0,24]')}`;
    const api = await httpLoad(url, { authorization: `Bearer ${token}` }, { seconds });
    // the baseline runs the statement the endpoint runs: a scoped page with its window count
    const raw = await baselineLoad(
      () => pool.query(`select org_units.*, count(*) over () as total_rows from org_units where path <@ ${scopeSql} order by path, id limit 25`),
      { seconds },
    );
    printLoad(`GET /api/org-units as ${user} (50 connections, ${seconds} s)`, api, raw, { p99Ms: 50, minRatio: 1 / 3 });
  }
} finally {
  await pool.end();
  await sys.cleanup();
}
