// The what-if (模拟测算) and the year-end forecast (年终预测) over HTTP on the demo: last year's final run settled
// again at a 0.85 bundle ratio, every township's amount beside the real one, nothing stored; this year's forecast
// against a projection computed here from the claims.
import { expect } from 'chai';
import { toFen, fromFen } from '../../shared/money';
import { readWorkbook } from '../../../reports/xlsx';
import { auditCount, get, post, type AnswerOf, type Problem } from '../../../scripts/test/harness';
import { db } from '../../db/knex';
import type { withBudget } from '../fundYears/service';
import type { dashboard, readRun, runSummary } from './service';
import type { whatIf } from './whatIf';

type FundYear = AnswerOf<typeof withBudget>;
type WhatIf = AnswerOf<typeof whatIf>;
type Run = AnswerOf<typeof readRun>;

/** Rows the what-if must leave as they were. */
const stored = async () => {
  const { rows } = await db().raw<{ rows: { runs: number; versions: number; allocations: number }[] }>(
    `SELECT (SELECT count(*) FROM settlement_runs)::int AS runs, (SELECT count(*) FROM settlement_run_versions)::int AS versions,
            (SELECT count(*) FROM surplus_allocations)::int AS allocations`,
  );
  return { ...rows[0], audit: await auditCount() };
};

/** Fund paid per month of a fund year's claims, in fen (index 0 = January). */
async function spentByMonth(fundYearId: number): Promise<bigint[]> {
  const rows: { period_month: number; fund: string }[] = await db()('claims')
    .select('period_month')
    .sum({ fund: 'fund_paid' })
    .where('fund_year_id', fundYearId)
    .groupBy('period_month');
  return Array.from({ length: 12 }, (_, i) => toFen(rows.find((r) => r.period_month === i + 1)?.fund ?? '0'));
}
const cumulativeTo = (months: bigint[], m: number) => months.slice(0, m).reduce((a, b) => a + b, 0n);

describe('settlement what-if and forecast (HTTP, demo)', function () {
  this.timeout(120_000);
  let thisYear: FundYear;
  let lastYear: FundYear;
  let finalRun: Run;

  before(async () => {
    [thisYear, lastYear] = (await get<FundYear[]>('/api/fund-years', { as: 'finance', query: { filter: { region: '大通县' } } })).body;
    const runs = (await get<AnswerOf<typeof runSummary>[]>('/api/settlement-runs', { as: 'finance', query: { filter: { fund_year_id: lastYear.id } } })).body;
    finalRun = (await get<Run>(`/api/settlement-runs/${runs.find((r) => r.kind === 'final')!.id}`, { as: 'finance' })).body;
  });

  it('a 0.85 bundle ratio on last year’s final run: the budget, surplus and retained by hand, every township’s amount changed, adding up exactly', async () => {
    const before = await stored();
    const started = Date.now();
    const r = await post<WhatIf>(`/api/settlement-runs/${finalRun.id}/what-if`, { bundle_ratio: '0.85' }, { as: 'finance' });
    const ms = Date.now() - started;
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const f = finalRun.figures!;
    // budget = (premiums − 大病统筹 − 门诊统筹) × 0.85, half up to the fen; all twelve months in the final run
    const net = toFen(lastYear.premium_total) - toFen(lastYear.catastrophic_pool) - toFen(lastYear.outpatient_pool);
    const budget = (net * 85n + 50n) / 100n;
    const surplus = budget - toFen(f.spending.total);
    // the gates are the run's (same values, same thresholds): the same share deducted
    const kept = BigInt(Math.round((1 - f.deductions) * 1e6));
    const retained = surplus > 0n ? (surplus * kept + 500_000n) / 1_000_000n : 0n;
    const line = (key: string) => r.body.lines.find((l) => l.key === key)!;
    expect(line('annual_budget')).to.include({ real: f.annual_budget, what_if: fromFen(budget), difference: fromFen(budget - toFen(f.annual_budget)) });
    expect(line('spending')).to.include({ real: f.spending.total, what_if: f.spending.total, difference: '0.00' });
    expect(line('surplus')).to.include({ real: f.surplus, what_if: fromFen(surplus) });
    expect(line('retained')).to.include({ real: f.retained, what_if: fromFen(retained) });
    expect(line('surplus_rate').what_if).to.equal(Number(((Number(surplus) / Number(budget)) * 1e4).toFixed(0)) / 1e4);
    // every township: the real amount is the run's, the what-if differs, by the same weights within a fen
    const townships = [...new Set(f.allocations.map((a) => a.org_unit_id))];
    expect(r.body.units.map((u) => u.org_unit_id).sort()).to.deep.equal(townships.sort());
    for (const u of r.body.units) {
      const rows = f.allocations.filter((a) => a.org_unit_id === u.org_unit_id);
      expect(u.real, u.code).to.equal(fromFen(rows.reduce((a, x) => a + toFen(x.amount), 0n)));
      expect(u.difference, u.code).to.not.equal('0.00');
      expect(toFen(u.what_if) - toFen(u.real), u.code).to.equal(toFen(u.difference));
    }
    // each pool is its share of the new retained; each township its weights' share of each pool (the scores did not change)
    const poolWhatIf = new Map(r.body.pools.map((p) => [p.key, Number(p.what_if)]));
    for (const p of f.pools) expect(Math.abs(poolWhatIf.get(p.key)! - Number(fromFen(retained)) * p.share), p.key).to.be.below(0.01);
    const poolWeight = (pool: string) => f.allocations.filter((a) => a.pool === pool).reduce((a, x) => a + x.weight, 0);
    for (const u of r.body.units) {
      const expected = f.allocations
        .filter((a) => a.org_unit_id === u.org_unit_id)
        .reduce((a, x) => a + (poolWhatIf.get(x.pool)! * x.weight) / poolWeight(x.pool), 0);
      expect(Math.abs(Number(u.what_if) - expected), u.code).to.be.below(0.02);
    }
    const sum = (key: 'real' | 'what_if') => fromFen(r.body.units.reduce((a, u) => a + toFen(u[key]), 0n));
    expect([sum('real'), sum('what_if')]).to.deep.equal([f.retained, fromFen(retained)]);
    expect(fromFen(r.body.pools.reduce((a, p) => a + toFen(p.what_if), 0n))).to.equal(fromFen(retained));
    // stored nothing: runs, versions, allocations, audit rows, the run itself
    expect(await stored()).to.deep.equal(before);
    const after = (await get<Run>(`/api/settlement-runs/${finalRun.id}`, { as: 'finance' })).body;
    expect([after.version, after.figures!.retained, after.figures!.annual_budget]).to.deep.equal([finalRun.version, f.retained, f.annual_budget]);
    expect(ms, 'the what-if answers within the issue’s 2 s').to.be.below(2000);
  });

  it('the what-if with nothing changed reproduces the run to the fen: one calculation serves both', async () => {
    const r = await post<WhatIf>(`/api/settlement-runs/${finalRun.id}/what-if`, {}, { as: 'finance' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.lines.filter((l) => l.difference !== 0 && l.difference !== '0.00')).to.deep.equal([]);
    expect(r.body.units.filter((u) => u.difference !== '0.00')).to.deep.equal([]);
  });

  it('a stricter satisfaction gate and other pool weights: the deduction and the split follow', async () => {
    const f = finalRun.figures!;
    const gates = { ...lastYear.gates, satisfaction: { threshold: 100, deduction: 0.25 } };
    const pools = [
      { key: 'health_management', share: 0.5, indicators: [{ key: 'control_rate', weight: 1, higher_is_better: true }] },
      {
        key: 'staff_performance',
        share: 0.5,
        indicators: [
          { key: 'inpatient_admissions_change', weight: 0.5, higher_is_better: false },
          { key: 'drug_share', weight: 0.5, higher_is_better: false },
        ],
      },
    ];
    const r = await post<WhatIf>(`/api/settlement-runs/${finalRun.id}/what-if`, { gates, allocation: { pools } }, { as: 'finance' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.gates.find((g) => g.key === 'satisfaction')).to.include({ passed: false, deduction: 0.25 });
    const deductions = r.body.lines.find((l) => l.key === 'deductions')!;
    expect(deductions.difference).to.equal(Math.round((0.25 - (f.gates.find((g) => g.key === 'satisfaction')!.deduction ?? 0)) * 1e4) / 1e4);
    const retained = r.body.lines.find((l) => l.key === 'retained')!.what_if as string;
    expect(r.body.pools.map((p) => p.what_if)).to.have.length(2);
    expect(fromFen(r.body.pools.reduce((a, p) => a + toFen(p.what_if), 0n))).to.equal(retained);
    expect(fromFen(r.body.units.reduce((a, u) => a + toFen(u.what_if), 0n))).to.equal(retained);
  });

  it('refuses bad settings with 400 naming the field, as the fund year’s configuration does', async () => {
    const url = `/api/settlement-runs/${finalRun.id}/what-if`;
    const fields = async (body: unknown) => {
      const r = await post<Problem>(url, body, { as: 'finance' });
      expect(r.status, JSON.stringify(r.body)).to.equal(400);
      return r.body.error.details?.map((d) => d.field);
    };
    expect(await fields({ bundle_ratio: '1.5' })).to.deep.equal(['bundle_ratio']);
    expect(
      await fields({
        overspend_tiers: [
          { upTo: null, groupShare: 0.5 },
          { upTo: 0.05, groupShare: 1 },
        ],
      }),
    ).to.include('overspend_tiers.0.upTo');
    const pools = finalRun.figures!.pools.map((p) => ({ key: p.key, share: 0.6, indicators: p.indicators }));
    expect(await fields({ allocation: { pools } })).to.deep.equal(['allocation.pools']);
    expect(await fields({ allocation: { pools, recipient_kinds: ['village'] } })).to.deep.equal(['allocation.recipient_kinds']);
    expect(await fields({ premium_total: '1.00' })).to.deep.equal(['premium_total']);
    const missing = await post<Problem>('/api/settlement-runs/999999/what-if', {}, { as: 'finance' });
    expect(missing.status).to.equal(404);
  });

  it('the forecast of this year, at its latest month: within its range of the projection computed from the claims, to the fen', async () => {
    const started = Date.now();
    const d = (await get<AnswerOf<typeof dashboard>>(`/api/fund-years/${thisYear.id}/dashboard`, { as: 'finance' })).body;
    const ms = Date.now() - started;
    const f = d.forecast!;
    const m = Math.max(...d.runs.filter((r) => r.kind === 'provisional' && r.spending !== null).map((r) => r.through_month));
    expect(f).to.include({ through_month: m, period: `${thisYear.year}-${String(m).padStart(2, '0')}`, annual_budget: thisYear.budget });
    // by hand from the claims: this year's fund paid to month k × last year's ÷ last year's to month k
    const [now, last] = [await spentByMonth(thisYear.id), await spentByMonth(lastYear.id)];
    const total = cumulativeTo(last, 12);
    const project = (k: number) => {
      const n = cumulativeTo(now, k) * total;
      const d = cumulativeTo(last, k);
      return (2n * n + d) / (2n * d);
    };
    const hand = project(m);
    expect(f.spending_to_date).to.equal(fromFen(cumulativeTo(now, m)));
    expect(f.spending).to.equal(fromFen(hand));
    // the projections at the last three months of the year to date (no month before January)
    const range = [m, m - 1, m - 2].filter((k) => k >= 1 && cumulativeTo(last, k) > 0n).map(project);
    expect(f.projections.map((p) => p.spending)).to.deep.equal(range.map(fromFen));
    expect([f.spending_low, f.spending_high]).to.deep.equal([range.reduce((a, b) => (b < a ? b : a)), range.reduce((a, b) => (b > a ? b : a))].map(fromFen));
    expect(toFen(f.spending_low) <= hand && hand <= toFen(f.spending_high)).to.equal(true);
    const budget = toFen(thisYear.budget);
    expect(f.surplus).to.equal(fromFen(budget - hand));
    expect(f.surplus_rate_low! <= f.surplus_rate! && f.surplus_rate! <= f.surplus_rate_high!).to.equal(true);
    expect(ms, 'the dashboard with its forecast within the issue’s 2 s').to.be.below(2000);
    // a year whose final run is calculated has no forecast
    expect((await get<AnswerOf<typeof dashboard>>(`/api/fund-years/${lastYear.id}/dashboard`, { as: 'finance' })).body.forecast).to.equal(null);
  });

  it('the workbook of this year’s latest month has the forecast sheet', async () => {
    const runs = (
      await get<AnswerOf<typeof runSummary>[]>('/api/settlement-runs', { as: 'finance', query: { filter: { fund_year_id: thisYear.id }, range: [0, 0] } })
    ).body;
    const d = (await get<AnswerOf<typeof dashboard>>(`/api/fund-years/${thisYear.id}/dashboard`, { as: 'finance' })).body;
    expect(runs[0].id).to.equal(d.forecast!.run_id);
    const wb = await readWorkbook((await get<Buffer>(`/api/reports/settlement/${runs[0].id}.xlsx`, { as: 'finance' })).body);
    const sheet = wb.getWorksheet('年终预测')!;
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => values.set(row.getCell(1).text, row.getCell(2).value));
    expect(values.get('预测全年基金支出')).to.equal(Number(d.forecast!.spending));
    expect(values.get('预测结余率')).to.equal(d.forecast!.surplus_rate);
  });
});
