// HR: (1) the streamed staff roster of the whole group with ≥ 50,000 generated staff, served by
// the API's worker processes as `npm start` runs them: wall time against the same rows read raw
// through pg, and the largest worker's peak RSS (VmHWM from /proc/<pid>/status);
// (2) GET /api/staff filtered by level and title with 5,000 staff, 50 connections, against the
// same statement through pg.
// Targets: roster < 20 s and < 200 MB RSS; list p99 < 100 ms and ≥ 1/3 of raw throughput.
import pg from 'pg';
import { staffResource } from '../../api/hr/staff/service';
import { benchSystem, httpLoad, listStatement, login, peakHttpRss, printLoad, printTiming, rawBaselines, settle, timed } from './lib';

const sys = await benchSystem(Number(process.env.BENCH_DEMO_SCALE ?? 0.05));
const pool = new pg.Pool({ connectionString: sys.adminDatabaseUrl, max: 20 });
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

/** Tops the registry up to `total` people spread over the hospitals (levels 1–3), titles on the physician and nursing ladders. */
async function growStaff(total: number) {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from staff');
  const missing = total - rows[0].n;
  if (missing <= 0) return;
  await pool.query(
    `insert into staff (name, sex, birth_date, id_number_hash, id_number_masked, id_number_cipher, category, title, employment_type,
                        employer_org_unit_id, work_org_unit_id, hire_date, status)
     select '压测' || i, case when i % 2 = 0 then 'F' else 'M' end, date '1970-01-01' + (i % 12000), md5('bench-' || i || '-' || $2::text), '6301**********0000', 'bench',
            case when i % 2 = 0 then 'doctor' else 'nurse' end,
            case when i % 2 = 0 then (array['chief_physician','associate_chief_physician','attending_physician','physician','assistant_physician'])[1 + i % 5]
                 else (array['chief_nurse','associate_chief_nurse','nurse_in_charge','senior_nurse','nurse'])[1 + i % 5] end,
            'contract', u.id, u.id, date '2010-01-01' + (i % 5000), 'active'
       from generate_series(1, $1::int) i
       join lateral (select id from org_units where level <= 3 order by md5(i::text || id::text) limit 1) u on true`,
    [missing, total],
  );
  await pool.query('analyze staff');
}

try {
  const rosterSize = Number(process.env.BENCH_ROSTER_STAFF ?? 50_000);
  await growStaff(rosterSize);
  const {
    rows: [hq],
  } = await pool.query<{ id: number }>(`select id from org_units where level = 1`);
  const {
    rows: [{ n: rosterRows }],
  } = await pool.query<{ n: number }>('select count(*)::int as n from staff');
  const token = await login(sys.url, 'hr');
  const rssBefore = peakHttpRss(sys).mb;
  const roster = await timed(async () => {
    const res = await fetch(`${sys.url}/api/reports/staff-roster.xlsx?org_unit_id=${hq.id}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok || !res.body) throw new Error(`roster: ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
    return bytes;
  });
  const { mb: peak, pid } = peakHttpRss(sys);
  const baseline = await timed(() =>
    pool.query(`select s.*, e.name, w.name from staff s join org_units e on e.id = s.employer_org_unit_id join org_units w on w.id = s.work_org_unit_id`),
  );
  const rosterOk = printTiming(
    `GET /api/reports/staff-roster.xlsx of the whole group (${rosterRows.toLocaleString()} staff, streamed by an API worker process)`,
    roster.ms,
    baseline.ms,
    { maxMs: 20_000 },
    `${(roster.value / 1e6).toFixed(1)} MB xlsx`,
  );
  console.log(
    `  API worker peak RSS (VmHWM of pid ${pid}, the largest of the workers) ${peak.toFixed(0)} MB (target < 200 MB) → ${peak < 200 ? 'MET' : 'MISSED'}; before the roster the largest was ${rssBefore.toFixed(0)} MB, so the streamed roster added ${(peak - rssBefore).toFixed(0)} MB`,
  );

  // back to 5,000 people for the list
  await pool.query(`delete from staff where id_number_cipher = 'bench' and id > (select max(id) from staff) - ($1::int - 5000)`, [rosterSize]);
  await settle(pool, 'staff');
  const {
    rows: [{ n }],
  } = await pool.query<{ n: number }>('select count(*)::int as n from staff');
  const query = { filter: JSON.stringify({ level: 2, title: 'attending_physician' }), sort: '["name","ASC"]', range: '[0,24]' };
  const listed = await httpLoad(`${sys.url}/api/staff?${new URLSearchParams(query)}`, { authorization: `Bearer ${token}` }, { seconds });
  // the baseline is the page the endpoint reads: filtered, sorted, with its window count and licence flags
  const raw = await rawBaselines(pool, await listStatement(staffResource, token, query), { seconds });
  const listOk = printLoad(`GET /api/staff filtered by level 2 and title (${n.toLocaleString()} staff, 50 connections, ${seconds} s)`, listed, raw, {
    p99Ms: 100,
    minRatio: 1 / 3,
  });
  if (!listOk || !rosterOk || peak >= 200) process.exitCode = 1;
} finally {
  await pool.end();
  await sys.cleanup();
}
