// A branch's pay run by department results (科室绩效) through HTTP against the demo: finance creates and calculates
// B2's last complete month; each department's figures are counted again here from the claims and referrals in SQL
// (the department of a diagnosis by departmentOfDiagnosis, tested by hand), every indicator's score worked out from
// its figure and target as the README states it, the departments' amounts and each person's checked against the
// pool by score × points to within a fen (and adding up exactly); the director reviews, finance approves; the trace
// and the workbook's 科室绩效 sheet add up to the pool. A village clinic has no run of its own.
import { expect } from 'chai';
import type ExcelJS from 'exceljs';
import { get, post, system, unitId, type Json, type Problem } from '../../scripts/test/harness';
import { db } from '../db/knex';
import * as clock from '../core/clock';
import { toFen } from '../shared/money';
import { readWorkbook } from '../../reports/xlsx';
import type { PayLine, PayRun, PayRunDepartment, PayTrace, SchemeView } from '.';
import { departmentOfDiagnosis } from './departmentRules';
import type { LineDepartmentTrace } from './departmentRun';

type RunRead = Json<PayRun> & { lines: Json<PayLine>[]; departments: Json<PayRunDepartment>[] };
const month = clock.previousMonth(clock.today().slice(0, 7));
const lastYear = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
// a branch no other file pays
const BRANCH = 'B2';
const POOL = 300_000_00n;

/** Is `part` within one fen of whole × weight ÷ total? */
const withinFen = (whole: bigint, weight: bigint, total: bigint, part: bigint) => {
  const gap = part * total - whole * weight;
  return (gap < 0n ? -gap : gap) <= total;
};

/** Drug share, cost per stay (fen) and referrals down of each department of the branch in a month, counted in SQL here. */
async function counted(unit: number, m: string, departments: { id: number; name: string }[]) {
  const [y, mm] = m.split('-').map(Number);
  const claims = (
    await db().raw<{ rows: { diagnosis: string; total: string; drug: string; stays: number; stay_cost: string }[] }>(
      `select c.diagnosis, sum(c.total_cost) total, sum(c.drug_cost) drug,
              coalesce(sum(c.claim_count) filter (where c.care_type = 'inpatient'), 0)::int stays,
              coalesce(sum(c.total_cost) filter (where c.care_type = 'inpatient'), 0) stay_cost
         from claims c join fund_years f on f.id = c.fund_year_id
        where c.org_unit_id = ? and f.year = ? and c.period_month = ? group by c.diagnosis`,
      [unit, y, mm],
    )
  ).rows;
  const referrals = (
    await db().raw<{ rows: { diagnosis_code: string; n: number }[] }>(
      `select diagnosis_code, count(*)::int n from referrals
        where direction = 'down' and from_org_unit_id = ? and status not in ('rejected', 'cancelled')
          and to_char(requested_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ? group by diagnosis_code`,
      [unit, m],
    )
  ).rows;
  const out = new Map<number, { total: bigint; drug: bigint; stays: number; stay_cost: bigint; referrals: number }>();
  const at = (code: string) => {
    const id = departmentOfDiagnosis(code, departments)!;
    if (!out.has(id)) out.set(id, { total: 0n, drug: 0n, stays: 0, stay_cost: 0n, referrals: 0 });
    return out.get(id)!;
  };
  for (const c of claims) {
    const f = at(c.diagnosis);
    f.total += toFen(c.total);
    f.drug += toFen(c.drug);
    f.stays += c.stays;
    f.stay_cost += toFen(c.stay_cost);
  }
  for (const r of referrals) at(r.diagnosis_code).referrals += r.n;
  return out;
}

describe("a branch's pay run by department results (科室绩效, HTTP, real database)", function () {
  this.timeout(300_000);
  let unit: number;
  let run: RunRead;
  let scheme: SchemeView;

  before(async () => {
    await system();
    unit = await unitId(BRANCH);
    const made = await post<Json<PayRun>>('/api/pay-runs', { org_unit_id: unit, month, budgeted_fund: '300000.00' }, { as: 'finance' });
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const calculated = await post(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' });
    expect(calculated.status, JSON.stringify(calculated.body)).to.equal(200);
    run = (await get<RunRead>(`/api/pay-runs/${made.body.id}`, { as: 'finance' })).body;
    scheme = (await get<SchemeView>('/api/pay-scheme', { as: 'finance' })).body;
  });

  it("scores each department's drug share, cost per stay and referrals down against the same month of last year", async () => {
    const departments: { id: number; name: string }[] = await db()('departments').where('org_unit_id', unit).orderBy('id').select('id', 'name');
    const [now, before] = [await counted(unit, month, departments), await counted(unit, lastYear, departments)];
    expect(run.departments.length).to.be.greaterThan(1);
    const w = scheme.department_scheme.weights;
    const max = scheme.department_scheme.max_indicator_score;
    // attainment × 100 to two decimals, at most the maximum; no figure in either year: 100
    const score = (actual: number | null, target: number | null, lowerIsBetter: boolean) =>
      actual === null || target === null ? 100 : Math.min(max, Math.round((lowerIsBetter ? target / actual : actual / target) * 10_000) / 100);
    let scored = 0;
    for (const d of run.departments) {
      const n = now.get(d.department_id!);
      const b = before.get(d.department_id!);
      const share = (f: typeof n) => (f && f.total > 0n ? (Number(f.drug) / Number(f.total)).toFixed(4) : null);
      const perStay = (f: typeof n) => (f && f.stays > 0 ? (Number((f.stay_cost * 2n + BigInt(f.stays)) / (2n * BigInt(f.stays))) / 100).toFixed(2) : null);
      expect([d.drug_share, d.drug_share_target], d.name).to.deep.equal([share(n), share(b)]);
      expect([d.cost_per_stay, d.cost_per_stay_target], d.name).to.deep.equal([perStay(n), perStay(b)]);
      expect([d.referrals, d.referrals_target], d.name).to.deep.equal([n?.referrals ?? 0, b?.referrals ? b.referrals : null]);
      const s = [
        score(d.drug_share === null ? null : Number(d.drug_share), d.drug_share_target === null ? null : Number(d.drug_share_target), true),
        score(d.cost_per_stay === null ? null : Number(d.cost_per_stay), d.cost_per_stay_target === null ? null : Number(d.cost_per_stay_target), true),
        score(d.referrals, d.referrals_target, false),
      ];
      expect([Number(d.drug_share_score), Number(d.cost_per_stay_score), Number(d.referrals_score)], d.name).to.deep.equal(s);
      expect(Number(d.score), d.name).to.equal(Math.round(w.drug_share * s[0] + w.cost_per_stay * s[1] + w.referrals * s[2]) / 100);
      if (Number(d.score) !== 100) scored += 1;
    }
    // the demo's claims start last year: in January the month before has no year before it to be scored against
    if ([...before.values()].some((f) => f.total > 0n)) expect(scored, 'a department scored against last year').to.be.greaterThan(0);
  });

  it('splits the pool to the departments by score × points and to their people by base × grade, to the fen', () => {
    expect(run).to.include({ status: 'calculated', pool: '300000.00', point_value: null });
    const fen = (v: string) => toFen(v);
    const micro = (v: string) => BigInt(v.replace('.', ''));
    expect(run.departments.reduce((a, d) => a + fen(d.amount), 0n)).to.equal(POOL);
    expect(run.lines.reduce((a, l) => a + fen(l.amount), 0n)).to.equal(POOL);
    const weight = (d: RunRead['departments'][number]) => micro(d.score) * micro(d.points);
    const total = run.departments.reduce((a, d) => a + weight(d), 0n);
    for (const d of run.departments) {
      expect(withinFen(POOL, weight(d), total, fen(d.amount)), d.name).to.equal(true);
      const own = run.lines.filter((l) => l.department_id === d.department_id);
      expect(own.length, d.name).to.equal(d.people);
      expect(
        own.reduce((a, l) => a + fen(l.amount), 0n),
        d.name,
      ).to.equal(fen(d.amount));
      expect(
        own.reduce((a, l) => a + micro(l.points), 0n),
        d.name,
      ).to.equal(micro(d.points));
      for (const l of own) expect(withinFen(fen(d.amount), micro(l.points), micro(d.points), fen(l.amount)), l.name).to.equal(true);
    }
    for (const l of run.lines) {
      // (post + title) × grade factor, no health-management work
      const base = scheme.post_points[l.post!] + scheme.title_points[l.title_level!];
      expect(Number(l.base_points), l.name).to.equal(base);
      expect(Number(l.points), l.name).to.be.closeTo(base * Number(l.grade_factor), 1e-6);
      expect(fen(l.net_amount), l.name).to.equal(fen(l.amount) - fen(l.risk_contribution) + fen(l.risk_return));
    }
  });

  const fen = (v: string) => toFen(v);
  it("a line's drill-down traces its amount to its department's indicators: the figures read, the scores, the weights, parts adding up to the amount", async () => {
    const scored = run.departments.filter((d) => fen(d.amount) > 0n).sort((a, b) => Number(Number(a.score) === 100) - Number(Number(b.score) === 100));
    const d = scored[0];
    const line = run.lines.find((l) => l.department_id === d.department_id && fen(l.amount) > 0n)!;
    const r = await get<{ department: LineDepartmentTrace }>(`/api/pay-runs/${run.id}/lines/${line.id}`, { as: 'finance' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const t = r.body.department;
    expect(t).to.include({
      department_id: d.department_id,
      name: d.name,
      score: d.score,
      people: d.people,
      points: d.points,
      amount: d.amount,
      pool: run.pool,
    });
    const w = scheme.department_scheme.weights;
    expect(t.indicators.map((i) => [i.indicator, i.actual, i.target, i.score, i.weight])).to.deep.equal([
      ['drug_share', d.drug_share, d.drug_share_target, d.drug_share_score, w.drug_share],
      ['cost_per_stay', d.cost_per_stay, d.cost_per_stay_target, d.cost_per_stay_score, w.cost_per_stay],
      ['referrals', d.referrals, d.referrals_target, d.referrals_score, w.referrals],
    ]);
    // each part ∝ weight × score (within a fen), the parts adding up to the line's amount exactly
    const terms = t.indicators.map((i) => BigInt(i.weight) * BigInt(Math.round(Number(i.score) * 100)));
    const total = terms.reduce((a, x) => a + x, 0n);
    t.indicators.forEach((i, k) => expect(withinFen(fen(line.amount), terms[k], total, fen(i.amount)), i.indicator).to.equal(true));
    expect(t.indicators.reduce((a, i) => a + fen(i.amount), 0n)).to.equal(fen(line.amount));
    // the weighted terms add up to the department's score (rounded to the hundredth as the score is)
    expect(Math.round(t.indicators.reduce((a, i) => a + Number(i.weighted) * 100, 0))).to.be.closeTo(Math.round(Number(d.score) * 100), 2);
  });

  it("is reviewed by the branch's director and approved by finance; the trace and the workbook add up to the pool", async () => {
    expect((await post(`/api/pay-runs/${run.id}/review`, {}, { as: `director-${BRANCH}` })).status).to.equal(200);
    expect((await post(`/api/pay-runs/${run.id}/approve`, {}, { as: 'finance' })).status).to.equal(200);
    const trace = (await get<PayTrace>(`/api/pay-runs/${run.id}/trace`, { as: 'finance' })).body;
    expect(trace.checks.filter((c) => !c.ok)).to.deep.equal([]);
    expect(trace.checks.map((c) => c.name)).to.include.members(['departments_add_up', 'amounts_by_points']);
    const file = await get<Buffer>(`/api/reports/pay-runs/${run.id}.xlsx`, { as: 'finance' });
    expect(file.status).to.equal(200);
    const wb = await readWorkbook(file.body);
    expect(wb.worksheets.map((s) => s.name)).to.deep.equal(['汇总', '科室绩效', '绩效明细', '绩效方案', '结余追溯']);
    const rows: ExcelJS.CellValue[][] = [];
    wb.getWorksheet('科室绩效')!.eachRow((r) => rows.push(r.values as ExcelJS.CellValue[]));
    const names = run.departments.map((d) => d.name);
    expect(rows.slice(1, 1 + names.length).map((r) => r[1])).to.deep.equal(names);
    const sum = rows.find((r) => r[1] === '合计')!;
    expect(toFen(sum[14] as number)).to.equal(POOL);
  });

  it("refuses a village clinic's run: its people are on the township's", async () => {
    const r = await post<Problem>('/api/pay-runs', { org_unit_id: await unitId('V001'), month, budgeted_fund: '100.00' }, { as: 'finance' });
    expect(r.status).to.equal(422);
    expect(r.body.error.details?.[0]).to.include({ field: 'org_unit_id', rule: 'not_township' });
  });
});
