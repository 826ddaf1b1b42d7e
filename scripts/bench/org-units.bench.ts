// GET /api/org-units as a village doctor and as admin under 50 concurrent connections, against
// the page statement the endpoint runs, sent straight through pg (plain and prepared).
// Target (issue 2): p99 < 50 ms, ≥ 1/3 of the raw statement's throughput.
import pg from 'pg';
import { orgUnitResource } from '../../api/org/service';
import { benchSystem, httpLoad, listStatement, login, printLoad, rawBaselines } from './lib';

const sys = await benchSystem(0);
const pool = new pg.Pool({ connectionString: sys.adminDatabaseUrl, max: 20 });
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
let ok = true;
try {
  for (const user of ['doctor-V001', 'admin']) {
    const token = await login(sys.url, user);
    const query = { sort: '["path","ASC"]', range: '[0,24]' };
    const api = await httpLoad(`${sys.url}/api/org-units?${new URLSearchParams(query)}`, { authorization: `Bearer ${token}` }, { seconds });
    const raw = await rawBaselines(pool, await listStatement(orgUnitResource, token, query), { seconds });
    ok = printLoad(`GET /api/org-units as ${user} (50 connections, ${seconds} s)`, api, raw, { p99Ms: 50, minRatio: 1 / 3 }) && ok;
  }
} finally {
  await pool.end();
  await sys.cleanup();
}
process.exit(ok ? 0 : 1);
