// Profile of the prescription import by phase (not a bench: `npx tsx scripts/bench/rxPhases.ts`, BENCH_RX_ROWS):
// reading the xlsx, validating, and the whole import in this process (each batch's statement timed), with
// the process's RSS sampled every 100 ms. Run with `node --cpu-prof --import tsx` for a CPU profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actorFromToken } from '../../api/auth/service';
import { xlsxRows } from '../../api/core/xlsxRows';
import { db } from '../../api/db/knex';
import { boot } from '../../api/server';
import { importPrescriptions } from '../../api/pharmacy/service/import';
import { RX_COLUMNS, RX_REQUIRED, validateRxRow } from '../../api/pharmacy/rules';
import { readRows } from '../../api/settlement/import';
import { orgUnits } from '../../api/org';
import { demo } from '../../seeds/index';
import { login } from './lib';
import { writeRxFile } from './rxFile';

const ROWS = Number(process.env.BENCH_RX_ROWS ?? 100_000);
const PHASES = (process.env.RX_PHASES ?? 'read,validate,import').split(',');
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const trace: string[] = [];
let ticks = 0;
const timer = setInterval(() => {
  sample();
  if (++ticks % 50 === 0) trace.push(`${mb(process.memoryUsage().rss)}/${mb(process.memoryUsage().heapUsed)}`);
}, 100);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
async function phase(name: string, work: () => Promise<string>) {
  if (!PHASES.includes(name)) return;
  global.gc?.();
  peak = process.memoryUsage().rss;
  const before = peak;
  const t = performance.now();
  const c0 = cpu();
  const note = await work();
  const c1 = cpu();
  sample();
  console.log(
    `${name.padEnd(10)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s  RSS ${mb(before)} → peak ${mb(peak)}  heap ${mb(process.memoryUsage().heapUsed)}  cpu pg ${(c1.pg - c0.pg).toFixed(1)} s (waiting for a cpu ${(c1.wait - c0.wait).toFixed(1)} s, for the disk ${(c1.io - c0.io).toFixed(1)} s) node ${(c1.node - c0.node).toFixed(1)} s  ${note}`,
  );
}

// RX_DATA_DIR keeps the database between runs (the demo loaded once); the file's prescriptions are removed first
const dataDir = process.env.RX_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rx-phases-'));
/** CPU seconds of the database's processes (the postmaster's children) and of this one. */
function cpu() {
  const tick = 100;
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let pg = 0;
  let wait = 0;
  let io = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(f[1]) === postmaster || Number(d) === postmaster) {
        pg += (Number(f[11]) + Number(f[12])) / tick;
        io += Number(f[39]) / tick;
        wait += Number(fs.readFileSync(`/proc/${d}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
      }
    } catch {
      // gone
    }
  }
  const u = process.cpuUsage();
  return { pg, wait, io, node: (u.user + u.system) / 1e6 };
}
const file = path.join(os.tmpdir(), `rx-phases-${ROWS}.xlsx`);
const tBoot = performance.now();
const sys = await boot({ port: 0, dataDir, cron: false, demo: demo.load, demoScale: 0.01, workers: 0 });
console.log(`booted in ${((performance.now() - tBoot) / 1000).toFixed(0)} s`);
try {
  const t0 = performance.now();
  if (!fs.existsSync(file)) await writeRxFile(file, ROWS);
  console.log(`${ROWS} rows, ${mb(fs.statSync(file).size)} file (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const upload = { path: file, originalname: 'prescriptions.xlsx', size: fs.statSync(file).size };
  await phase('read', async () => {
    let n = 0;
    for await (const r of xlsxRows(file)) n += r.values.length ? 1 : 0;
    return `${n} rows`;
  });
  const units = new Map((await orgUnits(['id', 'code'])).map((u) => [u.code, { id: u.id }] as const));
  await phase('validate', async () => {
    let ok = 0;
    for await (const { raw } of readRows(upload, RX_COLUMNS, RX_REQUIRED)) if ('row' in validateRxRow(raw, units, '2026-12-01')) ok += 1;
    return `${ok} valid`;
  });
  {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: sys.adminDatabaseUrl });
    await client.connect();
    await client.query("DELETE FROM prescriptions WHERE prescription_no LIKE 'BX-%'");
    await client.query('VACUUM ANALYZE prescriptions, prescription_items');
    await client.end();
  }
  const actor = await actorFromToken(await login(sys.url, 'admin'));
  const started = new Map<string, number>();
  const batches: string[] = [];
  const explainBatch = Number(process.env.RX_EXPLAIN ?? 0);
  let explain: { sql: string; bindings: unknown[] } | undefined;
  let writes = 0;
  db().on('query', (q: { __knexQueryUid: string; sql: string; bindings: unknown[] }) => {
    if (q.sql.includes('INSERT INTO prescriptions') && ++writes === explainBatch) explain = { sql: q.sql, bindings: q.bindings };
    if (q.sql.includes('INSERT INTO prescriptions') && writes <= Number(process.env.RX_DUMP ?? 0))
      fs.writeFileSync(`/tmp/mon5batch${writes}.json`, JSON.stringify({ sql: q.sql, bindings: q.bindings }));
    if (q.sql.includes('INSERT INTO prescriptions') || q.sql.includes('UPDATE prescriptions')) started.set(q.__knexQueryUid, performance.now());
  });
  db().on('query-response', (_: unknown, q: { __knexQueryUid: string; sql: string }) => {
    const t = started.get(q.__knexQueryUid);
    if (t !== undefined) batches.push(`${q.sql.includes('INSERT INTO prescriptions') ? 'w' : 'f'}${(performance.now() - t).toFixed(0)}`);
  });
  await phase('import', async () => {
    const r = await importPrescriptions(actor, upload, { dryRun: false, allOrNothing: false });
    return `accepted ${r.accepted}, rejected ${r.rejected_rows}, ${r.prescriptions} prescriptions, ${r.flagged} flagged`;
  });
  if (explain) {
    // that batch's prescriptions removed, its statement explained as it ran (rolled back)
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: sys.adminDatabaseUrl });
    await client.connect();
    // the statement's first two arrays are its prescriptions' units and numbers (BATCH_SQL in service/import.ts)
    await client.query(
      'DELETE FROM prescriptions p USING unnest($1::int[], $2::text[]) AS h(org_unit_id, prescription_no) WHERE p.org_unit_id = h.org_unit_id AND p.prescription_no = h.prescription_no',
      [explain.bindings[0], explain.bindings[1]],
    );
    await client.query('VACUUM ANALYZE prescriptions, prescription_items');
    await client.query('BEGIN');
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${explain.sql}`, explain.bindings);
    await client.query('ROLLBACK');
    await client.end();
    console.log(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
  console.log(`RSS/heap every 5 s: ${trace.join(' ')}`);
  if (batches.length) console.log(`statements (w: a batch's write, f: stored ones flagged), ms: ${batches.join(' ')}`);
} finally {
  clearInterval(timer);
  if (!process.env.RX_DATA_DIR) fs.rmSync(file, { force: true });
  await sys.stop();
  if (!process.env.RX_DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
