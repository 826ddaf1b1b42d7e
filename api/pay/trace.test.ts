// The trace (绩效追溯) through HTTP against the real database (demo at test scale): last year's final
// settlement approved (then put back as the demo had it), a township's December pay run of last
// year takes its share of the staff-performance pool; its trace adds up from the retained surplus
// to the people, to the fen; a director sees their own township's row and the totals; a run of
// another month traces the fund to the people; nothing to trace is a 409 naming the field.
import { expect } from 'chai';
import { get, post, system, unitId, type Json, type Problem } from '../../scripts/test/harness';
import { approveFinalRun, lastYearFinalRun, restoreFinalRun, type FinalRunSnapshot } from '../../scripts/test/finalRun';
import * as clock from '../core/clock';
import type { PayRun, PayTrace } from '.';

const year = Number(clock.today().slice(0, 4)) - 1;
const fen = (yuan: string) => BigInt(Math.round(Number(yuan) * 100));
// a township no other test pays (the browser's pay test pays T19)
const TOWNSHIP = 'T18';

interface SettlementRead {
  figures: {
    surplus: string;
    retained: string;
    pools: { key: string; amount: string }[];
    allocations: { pool: string; org_unit_id: number; amount: string }[];
  };
}

describe('pay trace (HTTP, real database)', () => {
  let snapshot: FinalRunSnapshot;
  let township: number;
  let december: Json<PayRun>;
  let trace: PayTrace;

  before(async function () {
    this.timeout(300_000);
    await system();
    snapshot = await lastYearFinalRun();
    await approveFinalRun(snapshot);
    township = await unitId(TOWNSHIP);
    const made = await post<Json<PayRun>>('/api/pay-runs', { org_unit_id: township, month: `${year}-12`, budgeted_fund: '5000.00' }, { as: 'finance' });
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const calculated = await post<Json<PayRun>>(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' });
    expect(calculated.status, JSON.stringify(calculated.body)).to.equal(200);
    december = calculated.body;
    const r = await get<PayTrace>(`/api/pay-runs/${december.id}/trace`, { as: 'finance' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    trace = r.body;
  });

  after(async () => {
    await restoreFinalRun(snapshot);
    expect((await lastYearFinalRun()).status, 'the final run put back').to.equal(snapshot.status);
  });

  it("the December run: surplus → pools → the townships' shares → the pay pool → the people, every check ✓", async () => {
    const settlement = (await get<SettlementRead>(`/api/settlement-runs/${snapshot.id}`, { as: 'finance' })).body.figures;
    expect(trace.no_settlement).to.equal(null);
    const s = trace.settlement!;
    expect(s).to.include({ run_id: snapshot.id, year, status: 'approved', surplus: settlement.surplus, retained: settlement.retained });
    expect(s.pools.map((p) => p.amount)).to.deep.equal(settlement.pools.map((p) => p.amount));
    const rows = settlement.allocations.filter((a) => a.pool === 'staff_performance');
    expect(s.recipients).to.equal(rows.length);
    expect(s.shares.map((r) => r.amount)).to.deep.equal(rows.map((r) => r.amount));
    expect(fen(s.shares_total)).to.equal(fen(s.staff_pool));
    const mine = rows.find((r) => r.org_unit_id === township)!;
    expect(december.settlement_share).to.equal(mine.amount);
    expect(fen(trace.run.pool)).to.equal(500_000n + fen(mine.amount));
    expect(trace.people.reduce((a, p) => a + fen(p.amount), 0n)).to.equal(fen(december.pool!));
    expect(trace.checks.map((c) => c.name)).to.deep.equal([
      'retained_plus_returned',
      'pools_add_up',
      'shares_add_up',
      'share_is_townships_row',
      'pool_is_fund_plus_share',
      'points_add_up',
      'lines_add_up',
      'amounts_by_points',
    ]);
    expect(trace.checks.filter((c) => !c.ok)).to.deep.equal([]);
    expect(trace.checks.find((c) => c.name === 'lines_add_up')).to.include({ expected: december.pool, actual: december.pool });
  });

  it("the township's director sees their own row of the shares and the totals; another township's director nothing", async () => {
    const r = await get<PayTrace>(`/api/pay-runs/${december.id}/trace`, { as: `director-${TOWNSHIP}` });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const s = r.body.settlement!;
    expect(s.shares.map((x) => x.org_unit_id)).to.deep.equal([township]);
    expect(s).to.include({ recipients: trace.settlement!.recipients, shares_total: trace.settlement!.shares_total, staff_pool: trace.settlement!.staff_pool });
    expect(r.body.checks).to.deep.equal(trace.checks);
    expect((await get(`/api/pay-runs/${december.id}/trace`, { as: 'director-T01' })).status).to.equal(404);
    expect((await get(`/api/pay-runs/${december.id}/trace`, { as: 'doctor-V001' })).status).to.equal(403);
  });

  it('a run of another month has no settlement share: the trace says so and checks the fund → people', async () => {
    // two years back: the demo pays last year's other months
    const made = await post<Json<PayRun>>('/api/pay-runs', { org_unit_id: township, month: `${year - 1}-11`, budgeted_fund: '3000.00' }, { as: 'finance' });
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    // nothing to trace before it is calculated: 409 on the status
    const early = await get<Problem>(`/api/pay-runs/${made.body.id}/trace`, { as: 'finance' });
    expect(early.status).to.equal(409);
    expect(early.body.error.details).to.deep.include({
      field: 'status',
      message: `run ${made.body.id} is draft`,
      rule: 'not_calculated',
      params: { status: 'draft' },
    });
    expect((await post(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' })).status).to.equal(200);
    const r = await get<PayTrace>(`/api/pay-runs/${made.body.id}/trace`, { as: 'finance' });
    expect(r.body).to.include({ settlement: null, no_settlement: 'not_december' });
    expect(r.body.run).to.include({ month: `${year - 1}-11`, budgeted_fund: '3000.00', settlement_share: '0.00', pool: '3000.00' });
    expect(r.body.checks.map((c) => [c.name, c.ok])).to.deep.equal([
      ['pool_is_fund_plus_share', true],
      ['points_add_up', true],
      ['lines_add_up', true],
      ['amounts_by_points', true],
    ]);
    expect(r.body.people.reduce((a, p) => a + fen(p.amount), 0n)).to.equal(300_000n);
    expect((await get('/api/pay-runs/999999/trace', { as: 'finance' })).status).to.equal(404);
  });
});
