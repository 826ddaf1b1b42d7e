// Finance and procurement at volume:
// 1. budget vs actual for the whole group over a year of 1,000,000 ledger entries: target
//    < 2 s and ≤ 3× a raw SQL aggregate of the same entries measured in the same run;
// 2. consolidating 10,000 approved requisition lines into purchase orders: target < 5 s.
import pg from 'pg';
import { benchSystem, cpuNote, login, printTiming, timed } from './lib';

const ENTRIES = Number(process.env.BENCH_LEDGER_ENTRIES ?? 1_000_000);
const LINES = Number(process.env.BENCH_REQUISITION_LINES ?? 10_000);
const YEAR = 2035; // a year of its own, no demo data in it

const sys = await benchSystem(0);
const pool = new pg.Pool({ connectionString: sys.adminDatabaseUrl, max: 4 });
let ok = true;
try {
  // ---- a year of ledger entries over every unit and account -----------------------------------
  await pool.query(
    `insert into budgets (org_unit_id, year, account, amount, monthly)
     select u.id, $1, a.code, 1200000.00, array_fill(100000.00::numeric, array[12])
       from org_units u cross join accounts a where a.kind in ('expense', 'income')`,
    [YEAR],
  );
  const t0 = performance.now();
  await pool.query(
    `insert into ledger_entries (org_unit_id, entry_date, debit_account, credit_account, amount, memo, source_type)
     select u.ids[1 + (i % array_length(u.ids, 1))],
            make_date($2, 1, 1) + (i % 365),
            case when i % 5 = 0 then 'bank' else a.codes[1 + (i % array_length(a.codes, 1))] end,
            case when i % 5 = 0 then (array['medical_income','drug_income','subsidy_income','insurance_income'])[1 + (i % 4)] else 'bank' end,
            round((10 + (i::bigint * 7919 % 100000) / 10.0)::numeric, 2), 'bench', 'manual'
       from generate_series(1, $1) i,
            (select array_agg(id order by id) as ids from org_units) u,
            (select array_agg(code order by sort) as codes from accounts where kind = 'expense') a`,
    [ENTRIES, YEAR],
  );
  await pool.query('analyze ledger_entries');
  console.log(`generated ${ENTRIES.toLocaleString()} ledger entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const finance = await login(sys.url, 'finance');
  const execution = async () => {
    const res = await fetch(`${sys.url}/api/budgets/execution?year=${YEAR}`, { headers: { authorization: `Bearer ${finance}` } });
    if (!res.ok) throw new Error(`execution: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ unit: { expense: { consumed: string } }; children: unknown[] }>;
  };
  const raw = () =>
    pool.query(`select org_unit_id, debit_account, sum(amount) from ledger_entries where entry_date >= $1 and entry_date < $2 group by 1, 2`, [
      `${YEAR}-01-01`,
      `${YEAR + 1}-01-01`,
    ]);
  // warm both once, then the median of three
  await execution();
  await raw();
  const median = async (work: () => Promise<unknown>) => {
    const times = [];
    for (let i = 0; i < 3; i++) times.push(await timed(work));
    return times.sort((a, b) => a.ms - b.ms)[1];
  };
  const apiRun = await median(execution);
  const rawMs = (await median(raw)).ms;
  const answer = await execution();
  ok =
    printTiming(
      `Budget vs actual, whole group rolled up, ${ENTRIES.toLocaleString()} ledger entries (GET /api/budgets/execution)`,
      apiRun.ms,
      rawMs,
      { maxMs: 2000, maxRatio: 3 },
      `group expense consumed ${answer.unit.expense.consumed}; ${answer.children.length} child units; ${cpuNote(apiRun)}`,
    ) && ok;

  // ---- 10,000 approved requisition lines from every member --------------------------------------
  const { rows: suppliers } = await pool.query(
    `insert into suppliers (code, name) select 'BS' || i, '基准供应商 ' || i from generate_series(1, 12) i returning id`,
  );
  await pool.query(
    `insert into catalog_items (code, name, category, uom, baseline_price, contract_price, supplier_id, account)
     select 'BI' || i, '基准品 ' || i, (array['drug','consumable','office'])[1 + i % 3], '盒', 20.00, 18.50,
            ($1::int[])[1 + i % array_length($1::int[], 1)], (array['drugs','consumables','operations'])[1 + i % 3]
       from generate_series(1, 400) i`,
    [suppliers.map((s: { id: number }) => s.id)],
  );
  const perRequisition = 5;
  await pool.query(
    `with u as (select array_agg(id order by id) as ids from org_units where level >= 3),
     r as (
       insert into requisitions (org_unit_id, status, note)
       select u.ids[1 + (i % array_length(u.ids, 1))], 'approved', 'bench' from generate_series(1, $1) i, u
       returning id, org_unit_id)
     insert into requisition_lines (requisition_id, org_unit_id, item_id, requested_qty, approved_qty)
     select r.id, r.org_unit_id, (select id from catalog_items where code = 'BI' || (1 + (r.id * 31 + k * 97) % 400)), 10 + k, 10 + k
       from r cross join generate_series(1, $2) k`,
    [Math.ceil(LINES / perRequisition), perRequisition],
  );
  const { rows: lines } = await pool.query<{ id: number }>(
    `select rl.id from requisition_lines rl join requisitions r on r.id = rl.requisition_id where r.note = 'bench' order by rl.id limit $1`,
    [LINES],
  );
  const procurement = await login(sys.url, 'procurement');
  const consolidation = await timed(async () => {
    const res = await fetch(`${sys.url}/api/purchase-orders/consolidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${procurement}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requisition_line_ids: lines.map((l) => l.id) }),
    });
    if (!res.ok) throw new Error(`consolidate: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ orders: unknown[] }>;
  });
  const { rows: linked } = await pool.query<{ n: number }>(
    `select count(*)::int as n from requisition_lines where id = any($1::int[]) and purchase_order_line_id is not null`,
    [lines.map((l) => l.id)],
  );
  ok =
    printTiming(
      `Consolidate ${lines.length.toLocaleString()} approved requisition lines (POST /api/purchase-orders/consolidate)`,
      consolidation.ms,
      undefined,
      { maxMs: 5000 },
      `${consolidation.value.orders.length} orders (one per supplier), ${linked[0].n} lines back-referenced; ${cpuNote(consolidation)}`,
    ) &&
    linked[0].n === lines.length &&
    ok;
} finally {
  await pool.end();
  await sys.cleanup();
}
process.exit(ok ? 0 : 1);
