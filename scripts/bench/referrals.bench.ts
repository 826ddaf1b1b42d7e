// The HQ's referral inbox with a year of referrals for the whole group (≥ 200,000 generated)
// under 50 concurrent connections, against the same scoped SQL run directly through pg.
// Target: p99 < 50 ms, ≥ 1/3 of the raw throughput.
import pg from 'pg';
import { db } from '../../api/db/knex';
import { referralResource } from '../../api/referrals/service';
import { generateReferrals } from '../../seeds/referrals';
import type { UnitRow } from '../../seeds/org';
import { baselineLoad, benchSystem, httpLoad, login, printLoad, printTiming, timed } from './lib';

const count = Number(process.env.BENCH_REFERRALS ?? 200_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const sys = await benchSystem(0);
const pool = new pg.Pool({ connectionString: sys.databaseUrl, max: 20 });
try {
  const units: UnitRow[] = await db()('org_units').select('id', 'code', 'name', 'kind', 'level', 'parent_id', 'path');
  const gen = await timed(() => generateReferrals(db(), units, { count, today: new Date(), stuckShare: 0.005 }));
  await db().raw('analyze referrals');
  const [{ total }] = (await db().raw('select count(*)::int as total from referrals')).rows;
  const hq = units.find((u) => u.code === 'HQ')!;
  const [{ open }] = (await db().raw(`select count(*)::int as open from referrals where to_org_unit_id = ? and status in ('requested','accepted')`, [hq.id])).rows;
  printTiming(`generate ${total} referrals (a year of the group; ${open} open in the HQ inbox)`, gen.ms, undefined, { maxMs: 300_000 });

  const token = await login(sys.url, 'director-HQ');
  const url = `${sys.url}/api/referrals?filter=${encodeURIComponent(JSON.stringify({ inbox: hq.id }))}&sort=${encodeURIComponent('["requested_at","ASC"]')}&range=${encodeURIComponent('[0,24]')}`;
  const api = await httpLoad(url, { authorization: `Bearer ${token}` }, { seconds });
  // the statement the endpoint runs: the list's columns, scope (from or to in the HQ's subtree), the inbox, green channel first, a page with its count
  const scope = `(select id from org_units where path <@ 'hq'::ltree)`;
  const columns = referralResource.listColumns!.map((c) => `referrals.${c}`).join(', ');
  const raw = await baselineLoad(
    () =>
      pool.query(
        `select ${columns}, count(*) over () as total_rows from referrals
          where (from_org_unit_id in ${scope} or to_org_unit_id in ${scope})
            and to_org_unit_id = $1 and status in ('requested','accepted')
          order by (status <> 'requested'), urgency_rank, requested_at, id limit 25`,
        [hq.id],
      ),
    { seconds },
  );
  const ok = printLoad(`GET /api/referrals?filter={"inbox":HQ} as director-HQ over ${total} referrals (50 connections, ${seconds} s)`, api, raw, { p99Ms: 50, minRatio: 1 / 3 });
  if (!ok) process.exitCode = 1;
} finally {
  await pool.end();
  await sys.cleanup();
}
