// The HQ's referral inbox with a year of referrals for the whole group (≥ 200,000 generated)
// under 50 concurrent connections, against the page statement the endpoint runs, sent straight
// through pg (plain and prepared).
// Target: p99 < 50 ms, ≥ 1/3 of the raw throughput.
import pg from 'pg';
import { db } from '../../api/db/knex';
import { referralResource } from '../../api/referrals/service';
import { generateReferrals } from '../../seeds/referrals';
import type { UnitRow } from '../../seeds/org';
import { benchSystem, httpLoad, listStatement, login, printLoad, printTiming, rawBaselines, settle, timed } from './lib';

const count = Number(process.env.BENCH_REFERRALS ?? 200_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const sys = await benchSystem(0);
const pool = new pg.Pool({ connectionString: sys.adminDatabaseUrl, max: 20 });
try {
  const units: UnitRow[] = await db()('org_units').select('id', 'code', 'name', 'kind', 'level', 'parent_id', 'path');
  const gen = await timed(() => generateReferrals(db(), units, { count, today: new Date(), stuckShare: 0.005 }));
  await settle(pool);
  const [{ total }] = (await db().raw<{ rows: { total: number }[] }>('select count(*)::int as total from referrals')).rows;
  const hq = units.find((u) => u.code === 'HQ')!;
  const [{ open }] = (
    await db().raw<{ rows: { open: number }[] }>(
      `select count(*)::int as open from referrals where to_org_unit_id = ? and status in ('requested','accepted')`,
      [hq.id],
    )
  ).rows;
  printTiming(`generate ${total} referrals (a year of the group; ${open} open in the HQ inbox)`, gen.ms, undefined, { maxMs: 300_000 });

  const token = await login(sys.url, 'director-HQ');
  const query = { filter: JSON.stringify({ inbox: hq.id }), sort: '["requested_at","ASC"]', range: '[0,24]' };
  const api = await httpLoad(`${sys.url}/api/referrals?${new URLSearchParams(query)}`, { authorization: `Bearer ${token}` }, { seconds });
  // the statement the endpoint runs: the list's columns, scope, the inbox, green channel first, a page with its count
  const statement = await listStatement(referralResource, token, query);
  const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, summary on) ${statement.sql}`, statement.bindings as unknown[]);
  console.log(`\n  plan:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  const raw = await rawBaselines(pool, statement, { seconds });
  const ok = printLoad(`GET /api/referrals?filter={"inbox":HQ} as director-HQ over ${total} referrals (50 connections, ${seconds} s)`, api, raw, {
    p99Ms: 50,
    minRatio: 1 / 3,
  });
  if (!ok) process.exitCode = 1;
} finally {
  await pool.end();
  await sys.cleanup();
}
