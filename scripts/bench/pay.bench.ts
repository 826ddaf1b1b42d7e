// Performance pay at the group's volume (issue 19, "Benchmark"): about 5,000 people on the
// townships' payrolls (village doctors employed by their township, 乡聘村用, and the township GPs)
// and a month of their work — 30–60 follow-ups per person and a few contracts signed — over the
// 289 villages' residents (the health bench's population, with its tasks, follow-ups and contracts).
// Target: the group's month (every township's run of it, through the real calculateRuns: one transaction,
// the month's facts read once for all the townships) < 5 s and
// ≤ 3× a raw aggregate, in one SQL statement, of the same month's points per person (same run).
import fs from 'node:fs';
import inspector from 'node:inspector';
import pg from 'pg';
import { db } from '../../api/db/knex';
import { systemActor } from '../../api/core/actor';
import * as clock from '../../api/core/clock';
import { calculateRuns, createRun } from '../../api/pay';
import { seedPopulation } from '../../seeds/health';
import type { UnitRow } from '../../seeds/org';
import { benchSystem, printTiming, settle, timed } from './lib';

const PEOPLE = Number(process.env.BENCH_PAY_PEOPLE ?? 5000);
const sys = await benchSystem(0);
const pool = new pg.Pool({ connectionString: sys.adminDatabaseUrl, max: 4 });
let ok = true;
try {
  const today = clock.today();
  const month = clock.previousMonth(today.slice(0, 7));
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const villages = await db()('org_units').where('kind', 'village').select<UnitRow[]>('id', 'code', 'name', 'kind', 'level', 'parent_id', 'path').orderBy('id');
  const population = await timed(() =>
    db().transaction((trx) =>
      seedPopulation(trx, { villages, scale: Number(process.env.BENCH_PAY_RESIDENTS_SCALE ?? 0.5), today, seed: 1919, region: '630122' }),
    ),
  );

  // the payroll: PEOPLE logins and staff, spread over the villages, employed by the village's township
  // (one in eight a township GP working at the centre), all in bulk
  const loaded = await timed(async () => {
    await pool.query(
      `create temp table bench_v as select row_number() over (order by id) - 1 as k, id, parent_id from org_units where kind = 'village' and parent_id is not null`,
    );
    await pool.query(
      `insert into users (username, display_name, password_hash, roles, org_unit_id)
       select 'paybench-' || g, '绩效' || g, 'x', '{village_doctor}', v.id
         from generate_series(1, $1::int) g join bench_v v on v.k = g % (select count(*) from bench_v)`,
      [PEOPLE],
    );
    await pool.query(
      `insert into staff (name, sex, birth_date, id_number_hash, id_number_masked, id_number_cipher, category, title, employment_type,
                          employer_org_unit_id, work_org_unit_id, hire_date, user_id)
       select u.display_name, 'M', date '1980-01-01', 'paybench-' || u.id, '63****', 'x',
              case when u.id % 8 = 0 then 'doctor' else 'village_doctor' end, null,
              case when u.id % 8 = 0 then 'establishment' else 'township_hired' end,
              v.parent_id, case when u.id % 8 = 0 then v.parent_id else v.id end, date '2015-03-01', u.id
         from users u join bench_v v on v.id = u.org_unit_id where u.username like 'paybench-%'`,
    );
    // 30–60 follow-ups each in the month, of residents of their village (a few health-education sessions)
    await pool.query(
      `create temp table bench_r as select r.id, r.org_unit_id, row_number() over (partition by r.org_unit_id order by r.id) - 1 as k,
              count(*) over (partition by r.org_unit_id) as n from residents r`,
    );
    await pool.query(`create index on bench_r (org_unit_id, k)`);
    await pool.query(
      `insert into followups (org_unit_id, resident_id, type, mode, visited_on, attendees, topic, doctor_user_id)
       select v.id, case when t.type = 'health_education' then null else r.id end, t.type,
              case when t.type in ('hypertension','diabetes') and (u.id + i) % 4 = 0 then 'phone' else 'clinic' end,
              $1::date + ((u.id * 7 + i) % (($2::date - $1::date)))::int,
              case when t.type = 'health_education' then 10 + (i % 30) end,
              case when t.type = 'health_education' then '高血压防治' end, u.id
         from users u join bench_v v on v.id = u.org_unit_id
         cross join lateral generate_series(1, 30 + (u.id % 31)) i
         cross join lateral (select (array['hypertension','hypertension','diabetes','elderly_check','child','maternal','home_visit','hypertension','diabetes','tb','severe_mental','health_education'])[1 + (u.id + i) % 12] as type) t
         join bench_r r on r.org_unit_id = v.id and r.k = (u.id * 31 + i) % r.n
        where u.username like 'paybench-%'`,
      [from, to],
    );
    // 0–5 contracts signed each in the month (renewals of the village team's: not the active one of the resident)
    await pool.query(
      `insert into contracts (org_unit_id, resident_id, team_id, package_code, signed_on, start_on, end_on, status, signed_by_user_id)
       select v.id, r.id, c.team_id, c.package_code, $1::date + ((u.id + i) % 28), $1::date, $1::date + 365, 'renewed', u.id
         from users u join bench_v v on v.id = u.org_unit_id
         cross join lateral generate_series(1, u.id % 6) i
         join bench_r r on r.org_unit_id = v.id and r.k = (u.id * 17 + i * 5) % r.n
         join lateral (select team_id, package_code from contracts c where c.org_unit_id = v.id order by id limit 1) c on true
        where u.username like 'paybench-%'`,
      [from],
    );
  });
  await settle(pool);
  const {
    rows: [n],
  } = await pool.query<{ people: number; townships: number; followups: number; contracts: number; residents: number; missed: number }>(
    `select (select count(*) from staff where status <> 'left' and employer_org_unit_id in (select id from org_units where level = 3))::int as people,
            (select count(distinct employer_org_unit_id) from staff where employer_org_unit_id in (select id from org_units where level = 3))::int as townships,
            (select count(*) from followups where visited_on >= $1 and visited_on < $2)::int as followups,
            (select count(*) from contracts where signed_on >= $1 and signed_on < $2)::int as contracts,
            (select count(*) from residents)::int as residents,
            (select count(*) from tasks where state = 'missed' and window_end >= $1 and window_end < $2)::int as missed`,
    [from, to],
  );
  console.log(
    `\ndata (${month}): ${n.people} people on ${n.townships} townships' payrolls, ${n.followups} follow-ups, ${n.contracts} contracts signed, ${n.missed} tasks missed in the month; ${n.residents} residents (population ${(population.ms / 1000).toFixed(1)} s, payroll and month ${(loaded.ms / 1000).toFixed(1)} s)`,
  );

  // a draft run per township (not timed); then the group's month: every run calculated
  const actor = { ...systemActor('bench'), roles: ['group_finance'] };
  const townships = (await pool.query<{ id: number }>(`select id from org_units where level = 3 order by id`)).rows.map((r) => r.id);
  const runs: number[] = [];
  for (const t of townships) {
    const people = (await pool.query<{ n: number }>(`select count(*)::int as n from staff where employer_org_unit_id = $1 and user_id is not null`, [t]))
      .rows[0].n;
    if (!people) continue;
    // the demo's own run of the month (a draft or calculated: calculating again is allowed), else a new one
    const existing = (await pool.query<{ id: number }>(`select id from pay_runs where org_unit_id = $1 and month = $2 and status <> 'superseded'`, [t, from]))
      .rows[0];
    if (existing) await pool.query(`update pay_runs set budgeted_fund = $2 where id = $1`, [existing.id, people * 2000]);
    runs.push(existing?.id ?? (await createRun(actor, { org_unit_id: t, month, budgeted_fund: 200_000n * BigInt(people) })).id);
  }
  // where the time goes: each statement's wall time, summed by its opening (the rest is JavaScript)
  const started = new Map<string, number>();
  const bySql = new Map<string, { ms: number; n: number }>();
  const onQuery = (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now());
  // the month's work as calculateRuns read it, explained below
  let workRead: { sql: string; bindings: unknown[] } | undefined;
  const onResponse = (_r: unknown, q: { __knexQueryUid: string; sql: string; bindings: unknown[] }) => {
    if (!workRead && q.sql.includes(`'followup' AS kind`)) workRead = q;
    const key = q.sql.replace(/\s+/g, ' ').slice(0, 90);
    const e = bySql.get(key) ?? { ms: 0, n: 0 };
    e.ms += performance.now() - (started.get(q.__knexQueryUid) ?? performance.now());
    e.n += 1;
    bySql.set(key, e);
  };
  db().on('query', onQuery).on('query-response', onResponse);
  // BENCH_PAY_PROFILE=<file.cpuprofile>: this process's CPU profile of the calculation alone (open it in Chrome's DevTools)
  const profiler = process.env.BENCH_PAY_PROFILE ? new inspector.Session() : undefined;
  const post = (method: string) => new Promise<unknown>((resolve, reject) => profiler!.post(method, (e, r) => (e ? reject(e) : resolve(r))));
  if (profiler) {
    profiler.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const ownCpu = process.cpuUsage();
  const calc = await timed(() => calculateRuns(actor, runs));
  const own = process.cpuUsage(ownCpu);
  if (profiler) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(process.env.BENCH_PAY_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
  }
  db().off('query', onQuery).off('query-response', onResponse);
  const inSql = [...bySql.values()].reduce((a, e) => a + e.ms, 0);
  // CPU time moves far less with the machine's load than wall time: this process's (JavaScript, the driver) and the database's
  console.log(
    `\n  CPU: ${((own.user + own.system) / 1000).toFixed(0)} ms in this process, ${calc.cpu ? `${calc.cpu.dbMs.toFixed(0)} ms in the database` : 'the database not measured'}`,
  );
  console.log(`  statements: ${inSql.toFixed(0)} ms of ${calc.ms.toFixed(0)} ms; the slowest kinds (total ms, count):`);
  for (const [sql, e] of [...bySql.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
    console.log(`    ${e.ms.toFixed(0).padStart(7)} ${String(e.n).padStart(5)}  ${sql}`);
  const {
    rows: [made],
  } = await pool.query<{ lines: number; items: number }>(
    `select count(*)::int as lines, (select sum(json_array_length(w.items)) from pay_line_work w join pay_lines l on l.id = w.line_id where l.run_id = any($1))::int as items from pay_lines where run_id = any($1)`,
    [runs],
  );

  // the baseline: the same month's points per person in one statement (follow-ups priced by the
  // points table, phone chronic follow-ups as phone_followup, listeners, contracts), over the same payrolls
  const rawSql = `
    with work as (
      select f.doctor_user_id as user_id,
             p.points + coalesce(f.attendees, 0) * case when f.type = 'health_education' then a.points else 0 end as points
        from followups f
        join pay_service_points p on p.service = case when f.type in ('hypertension','diabetes') and f.mode = 'phone' then 'phone_followup'
                                                      when f.type in ('hypertension','diabetes','maternal','severe_mental','tb') then f.type || '_followup'
                                                      when f.type = 'child' then 'child_check' else f.type end
        cross join (select points from pay_service_points where service = 'health_education_attendee') a
       where f.visited_on >= $1 and f.visited_on < $2
      union all
      select c.signed_by_user_id, p.points from contracts c join pay_service_points p on p.service = 'contract_signed'
       where c.signed_on >= $1 and c.signed_on < $2
    )
    select s.id, s.employer_org_unit_id, sum(w.points) as points
      from staff s join work w on w.user_id = s.user_id
     where s.employer_org_unit_id = any($3) and (s.status <> 'left' or s.left_on >= $1)
     group by s.id, s.employer_org_unit_id`;
  await pool.query(rawSql, [from, to, townships]);
  const raw = await timed(() => pool.query(rawSql, [from, to, townships]));
  ok =
    printTiming(
      `the group's month ${month}: ${runs.length} township runs calculated (${made.lines} lines, ${made.items} items)`,
      calc.ms,
      raw.ms,
      { maxMs: 5_000, maxRatio: 3 },
      `baseline = one raw SQL aggregate of the month's points per person (${raw.value.rowCount} people${raw.cpu ? `, ${raw.cpu.dbMs.toFixed(0)} ms CPU in the database` : ''})`,
    ) && ok;
  const plan = workRead ? (await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, summary on) ${workRead.sql}`, workRead.bindings)).rows : [];
  // (the payrolls' logins left out of the conditions)
  console.log(
    `\n  plan (the month's work of every payroll, as calculated):\n${plan.map((r) => `    ${r['QUERY PLAN'].replace(/'\{[\d,]{40,}\}'/g, "'{…}'")}`).join('\n')}`,
  );
} finally {
  await pool.end();
  await sys.cleanup();
}
process.exit(ok ? 0 : 1);
