// The diagnosis centres at scale (issue 20): a year of 200,000 requests (BENCH_DX_REQUESTS) for the
// group's five centres, generated in SQL in one statement.
// 1. The ECG centre's worklist (its open requests, emergencies and the nearest due first, a page of
//    25 with its count) as the centre's director, under 50 concurrent connections, against the page
//    statement the endpoint runs sent straight through pg (plain and prepared).
//    Targets: p99 < 50 ms, ≥ 1/3 of the raw throughput.
// 2. The figures over the last year (GET /api/diagnosis-requests/figures: per centre, service and
//    urgency, requesting unit, month (one GROUPING SETS statement), reader, the village ECG coverage) against a same-run raw aggregate:
//    the per-centre monthly volumes, median and 90th percentile turnaround and on-time counts.
//    Target: < 2 s. EXPLAIN ANALYZE of the worklist statement and of the baseline is printed, and
//    EXPLAIN (ANALYZE, BUFFERS) of the figures' GROUPING SETS statement as the endpoint sends it.
import pg from 'pg';
import { db } from '../../api/db/knex';
import * as clock from '../../api/core/clock';
import { actorFromToken } from '../../api/auth/service';
import { requestResource } from '../../api/diagnosis/service';
import { diagnosisFigures, FIGURES_WORK_MEM } from '../../api/diagnosis/figures';
import { benchSystem, cpuNote, httpLoad, listStatement, login, median, printLoad, printTiming, rawBaselines, settle, timed, type Statement } from './lib';

const count = Number(process.env.BENCH_DX_REQUESTS ?? 200_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

/**
 * `count` requests over the year before `now`, spread over the centres' services and every unit
 * (villages most): about one in seven of a service with an emergency norm is urgent; turnaround
 * uniform between 15 % and 110 % of the norm (about one in ten late); 3 % returned; 0.5 % left
 * open long past the norm (stuck); what is not yet due to be reported is still open (submitted,
 * accepted or assigned by its age); 2 % of the reported emergencies critical, most acknowledged.
 */
export async function generateDiagnosisRequests(pool: pg.Pool, n: number, now: Date) {
  await pool.query('select setseed(0.2027)');
  await pool.query(
    `with svc as (
       select s.id, s.centre_id, c.kind, c.host_org_unit_id, s.name, s.fee, s.norm_emergency_minutes as ne, s.norm_routine_minutes as nr,
              (row_number() over (order by s.id) - 1)::int as i, count(*) over ()::int as n
         from diagnosis_services s join diagnosis_centres c on c.id = s.centre_id where s.active and c.active),
     unit as (
       select u.id, u.name, u.level, (row_number() over (order by u.level desc, u.id) - 1)::int as i, count(*) over ()::int as n
         from org_units u),
     reader as (
       select h.id, h.name, (row_number() over (order by h.id) - 1)::int as i, count(*) over ()::int as n
         from (select s.id, s.name from staff s
                where s.work_org_unit_id = (select host_org_unit_id from diagnosis_centres order by id limit 1) order by s.id limit 40) h),
     g as (
       select k, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6
         from generate_series(1, $1::int) k),
     picked as (
       select g.*, s.id as service_id, s.centre_id, s.kind, s.host_org_unit_id, s.name as service_name, s.fee,
              u.id as from_id, u.name as from_name, u.level as from_level,
              case when s.ne is not null and (s.nr is null or g.r2 < 0.15) then 'emergency' else 'routine' end as urgency,
              $2::timestamptz - (g.r3 * 365 * 86400) * interval '1 second' as submitted_at
         from g
         join svc s on s.i = (g.k % (select max(n) from svc))
         -- the squared draw puts most requests at the first units (villages, then townships)
         join unit u on u.i = floor(g.r1 * g.r1 * (select max(n) from unit))::int),
     timed as (
       select p.*, case p.urgency when 'emergency' then s.ne else s.nr end as norm
         from picked p join svc s on s.id = p.service_id),
     fated as (
       select t.*,
              t.submitted_at + t.norm * (0.15 + 0.95 * t.r4) * interval '1 minute' as reported_at,
              t.submitted_at + t.norm * interval '1 minute' as due_at,
              t.submitted_at + (2 + 8 * t.r4) * interval '1 minute' as accepted_at,
              r.id as reader_id, r.name as reader_name,
              case when t.r5 < 0.03 then 'returned'
                   when t.r5 < 0.035 then 'stuck'
                   when t.submitted_at + t.norm * (0.15 + 0.95 * t.r4) * interval '1 minute' > $2::timestamptz then 'open'
                   else 'done' end as fate
         from timed t join reader r on r.i = t.k % (select max(n) from reader)),
     rows as (
       select f.*,
              f.fate = 'done' and f.urgency = 'emergency' and f.r6 < 0.02 as critical,
              case f.fate when 'returned' then 'returned'
                          when 'done' then case when f.r6 < 0.7 then 'acknowledged' else 'reported' end
                          else case when f.accepted_at > $2::timestamptz then 'submitted'
                                    when f.accepted_at + interval '1 minute' > $2::timestamptz then 'accepted'
                                    else 'assigned' end end as status
         from fated f)
     insert into diagnosis_requests (centre_id, centre_org_unit_id, kind, service_id, service_name, patient_name, patient_id_number_hash,
                                     patient_id_number_masked, from_org_unit_id, from_unit_name, from_level, from_doctor_name, clinical_question,
                                     urgency, status, fee, norm_minutes, submitted_at, due_at, accepted_at, returned_at, return_reason,
                                     reader_staff_id, reader_name, assigned_at, findings, conclusion, signer_staff_id, signer_name, reported_at,
                                     report_version, critical, critical_note, ack_due_at, acknowledged_at, acknowledged_by_name)
     select centre_id, host_org_unit_id, kind, service_id, service_name, '压测患者' || k, md5('dx-bench-' || k),
            '3300**********' || lpad((k % 10000)::text, 4, '0'), from_id, from_name, from_level, from_name || '医生', '压测申请',
            urgency, status, fee, norm, submitted_at, due_at,
            case when status in ('submitted', 'returned') then null else accepted_at end,
            case when status = 'returned' then accepted_at end,
            case when status = 'returned' then '申请资料不全' end,
            case when status in ('assigned', 'reported', 'acknowledged') then reader_id end,
            case when status in ('assigned', 'reported', 'acknowledged') then reader_name end,
            case when status in ('assigned', 'reported', 'acknowledged') then accepted_at + interval '1 minute' end,
            case when fate = 'done' then '未见异常' end,
            case when fate = 'done' then '未见异常' end,
            case when fate = 'done' then reader_id end,
            case when fate = 'done' then reader_name end,
            case when fate = 'done' then reported_at end,
            case when fate = 'done' then 1 else 0 end,
            critical,
            case when critical then '危急值' end,
            case when critical then reported_at + interval '15 minutes' end,
            case when status = 'acknowledged' then reported_at + (2 + 60 * r6) * interval '1 minute' end,
            case when status = 'acknowledged' then from_name || '医生' end
       from rows`,
    [n, now],
  );
}

const sys = await benchSystem(0);
const pool = new pg.Pool({ connectionString: sys.adminDatabaseUrl, max: 20 });
let ok = true;
try {
  const now = clock.now();
  const gen = await timed(() => generateDiagnosisRequests(pool, count, now));
  await settle(pool, 'diagnosis_requests');
  const centre = (await db()('diagnosis_centres').select('id', 'name', 'host_org_unit_id').where('kind', 'ecg').first()) as {
    id: number;
    name: string;
    host_org_unit_id: number;
  };
  const [{ total, open }] = (
    await pool.query<{ total: number; open: number }>(
      `select count(*)::int as total, count(*) filter (where centre_id = $1 and status in ('submitted','accepted','assigned','preliminary'))::int as open
         from diagnosis_requests`,
      [centre.id],
    )
  ).rows;
  printTiming(`generate ${total} diagnosis requests in SQL (a year of the five centres; ${open} open at ${centre.name})`, gen.ms, undefined, {
    maxMs: 120_000,
  });

  // 1. the worklist, as the director of the centre's unit, sorted as the screen sorts it
  const { code } = (await db()('org_units').select('code').where('id', centre.host_org_unit_id).first()) as { code: string };
  const token = await login(sys.url, `director-${code}`);
  const query = { filter: JSON.stringify({ worklist: centre.id }), sort: '["due_at","ASC"]', range: '[0,24]' };
  const api = await httpLoad(`${sys.url}/api/diagnosis-requests?${new URLSearchParams(query)}`, { authorization: `Bearer ${token}` }, { seconds });
  const statement = await listStatement(requestResource, token, query);
  const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, summary on) ${statement.sql}`, statement.bindings as unknown[]);
  console.log(`\n  worklist plan:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  const raw = await rawBaselines(pool, statement, { seconds });
  ok =
    printLoad(
      `GET /api/diagnosis-requests?filter={"worklist":${centre.id}} as director-${code} over ${total} requests (50 connections, ${seconds} s)`,
      api,
      raw,
      {
        p99Ms: 50,
        minRatio: 1 / 3,
      },
    ) && ok;

  // 2. the figures of the last year, through the API, against the raw monthly aggregate per centre
  const to = clock.today();
  const from = clock.addDays(to, -364);
  const url = `${sys.url}/api/diagnosis-requests/figures?from=${from}&to=${to}`;
  const figures = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { centres: { requests: number }[]; services: unknown[]; units: unknown[]; months: unknown[]; readers: unknown[] };
  };
  const baselineSql = `select centre_id, date_trunc('month', submitted_at at time zone 'Asia/Shanghai') as month, count(*)::int as requests,
            count(*) filter (where reported_at <= due_at)::int as on_time,
            percentile_cont(0.5) within group (order by extract(epoch from reported_at - submitted_at) / 60) filter (where reported_at is not null) as median,
            percentile_cont(0.9) within group (order by extract(epoch from reported_at - submitted_at) / 60) filter (where reported_at is not null) as p90
       from diagnosis_requests
      where submitted_at >= $1::timestamptz and submitted_at < $2::timestamptz + interval '1 day'
      group by 1, 2 order by 1, 2`;
  const period = [`${from}T00:00:00+08:00`, `${to}T00:00:00+08:00`];
  const baseline = () => pool.query(baselineSql, period);
  await figures(); // warm-up: the workers' first plans
  await baseline();
  const apiMs: number[] = [];
  const apiCpu: string[] = [];
  const baseMs: number[] = [];
  let shown = { centres: 0, services: 0, units: 0, months: 0, readers: 0, requests: 0 };
  for (let i = 0; i < 3; i++) {
    const a = await timed(figures);
    apiMs.push(a.ms);
    apiCpu.push(cpuNote(a));
    shown = {
      centres: a.value.centres.length,
      services: a.value.services.length,
      units: a.value.units.length,
      months: a.value.months.length,
      readers: a.value.readers.length,
      requests: a.value.centres.reduce((s, c) => s + c.requests, 0),
    };
    baseMs.push((await timed(baseline)).ms);
  }
  // the GROUPING SETS statement as the endpoint sends it, with its buffers, under the work_mem the endpoint sets for it
  let groupingStatement: Statement | undefined;
  const listen = (q: Statement) => {
    if (q.sql.includes('grouping sets') && q.sql.includes('diagnosis_requests')) groupingStatement ??= { sql: q.sql, bindings: q.bindings };
  };
  db().on('query', listen);
  try {
    await diagnosisFigures(await actorFromToken(token), { from, to });
  } finally {
    db().off('query', listen);
  }
  if (!groupingStatement) throw new Error('the figures: no GROUPING SETS statement captured');
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local work_mem = '${FIGURES_WORK_MEM}'`);
    const groupingPlan = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers, costs off, summary on) ${groupingStatement.sql}`,
      groupingStatement.bindings as unknown[],
    );
    await client.query('rollback');
    console.log(
      `\n  figures plan (work_mem ${FIGURES_WORK_MEM}; a hash table or a sort that spills says "Disk"):\n${groupingPlan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`,
    );
  } finally {
    client.release();
  }
  const basePlan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, summary on) ${baselineSql}`, period);
  console.log(`\n  baseline plan:\n${basePlan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  ok =
    printTiming(
      `The figures ${from} – ${to} (GET /api/diagnosis-requests/figures; runs ${apiMs.map((m) => m.toFixed(0)).join(', ')} ms)`,
      median(apiMs),
      median(baseMs),
      { maxMs: 2000 },
      `${shown.requests} requests in ${shown.centres} centres, ${shown.services} service rows, ${shown.units} unit rows, ${shown.months} month rows, ${shown.readers} readers; baseline: the raw monthly aggregate per centre (runs ${baseMs.map((m) => m.toFixed(0)).join(', ')} ms); ${apiCpu.join(' / ')}`,
    ) && ok;
} finally {
  await pool.end();
  await sys.cleanup();
}
process.exit(ok ? 0 : 1);
