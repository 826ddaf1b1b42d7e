// Advances (预拨付) and the year-end 清算 over HTTP against the real database: finance records a payment (one
// audit row), a bad amount or date is a 400 naming the field with nothing written, the auditor reads but cannot
// write, and the final run's 清算 equals a count by hand; a provisional run's allocation is an estimate, not stored.
import { expect } from 'chai';
import { toFen } from '../../shared/money';
import { auditCount, get, post, unitId, type AnswerOf, type Json, type Problem } from '../../../scripts/test/harness';
import type { withBudget } from '../fundYears/service';
import type { SettlementRun, SurplusAllocation } from '../runs/model';
import type { readRun } from '../runs/service';
import type { SettlementAdvance } from './model';
import type { readAdvances } from './service';

type FundYearAnswer = AnswerOf<typeof withBudget>;
type RunAnswer = AnswerOf<typeof readRun>;
type AdvancesAnswer = AnswerOf<typeof readAdvances>;

describe('settlement advances and 清算 (HTTP, real database)', function () {
  this.timeout(120_000);
  let fundYearId: number;
  const count = async () =>
    (await get<Json<SettlementAdvance>[]>('/api/settlement-advances', { as: 'finance', query: { filter: { fund_year_id: fundYearId } } })).body.length;

  before(async () => {
    // (1,200,000 − 0 − 0) × 0.90 = 1,080,000.00: 90,000.00 a month by the default profile
    const r = await post<FundYearAnswer>(
      '/api/fund-years',
      { region: '预拨县', year: 2023, insured_count: 1000, premium_total: '1200000.00', catastrophic_pool: '0.00', outpatient_pool: '0.00' },
      { as: 'finance' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    fundYearId = r.body.id;
    const p = await post(
      '/api/fund-year-populations',
      { fund_year_id: fundYearId, org_unit_id: await unitId('T01'), insured_population: 1000 },
      { as: 'finance' },
    );
    expect(p.status, JSON.stringify(p.body)).to.equal(200);
  });

  it('finance records a payment: one row, one audit row; the month shows it against the plan', async () => {
    const audits = await auditCount();
    const r = await post<Json<SettlementAdvance>>(
      '/api/settlement-advances',
      { fund_year_id: fundYearId, month: 1, amount: '90000.00', paid_on: '2023-01-04', reference: 'YB202301-0001' },
      { as: 'finance' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body).to.include({ month: 1, amount: '90000.00', reference: 'YB202301-0001' });
    expect(await auditCount()).to.equal(audits + 1);
    const a = (await get<AdvancesAnswer>(`/api/fund-years/${fundYearId}/advances`, { as: 'finance' })).body;
    expect(a.months[0]).to.deep.include({ planned: '90000.00', paid: '90000.00', paid_on: ['2023-01-04'] });
    expect(a.months[1]).to.deep.include({ planned: '90000.00', paid: '0.00', cumulative_paid: '90000.00' });
    expect([a.total_planned, a.total_paid, a.reconciliation]).to.deep.equal(['1080000.00', '90000.00', null]);
  });

  for (const [field, body] of [
    ['amount', { amount: '-5.00' }],
    ['amount', { amount: '12.345' }],
    ['amount', { amount: '0' }],
    ['paid_on', { paid_on: '2023-02-30' }],
    ['paid_on', { paid_on: '2021-06-01' }],
    ['month', { month: 13 }],
  ] as const)
    it(`a bad ${field} (${JSON.stringify(body)}) is a 400 naming it; nothing is written`, async () => {
      const before = [await count(), await auditCount()];
      const r = await post<Problem>(
        '/api/settlement-advances',
        { fund_year_id: fundYearId, month: 2, amount: '90000.00', paid_on: '2023-02-03', reference: 'YB202302-0002', ...body },
        { as: 'finance' },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(400);
      expect(r.body.error.details?.map((d) => d.field)).to.include(field);
      expect(JSON.stringify(r.body)).not.to.match(/stack|select |insert /i);
      expect([await count(), await auditCount()]).to.deep.equal(before);
    });

  it('the auditor reads the advances but cannot record one (403, nothing written)', async () => {
    const n = await count();
    const r = await post(
      '/api/settlement-advances',
      { fund_year_id: fundYearId, month: 2, amount: '1.00', paid_on: '2023-02-03', reference: 'X' },
      { as: 'auditor' },
    );
    expect(r.status).to.equal(403);
    expect(await count()).to.equal(n);
    expect((await get(`/api/fund-years/${fundYearId}/advances`, { as: 'auditor' })).status).to.equal(200);
  });

  it('a provisional run shows its allocation as an estimate and stores no allocation rows', async () => {
    const run = (await post<Json<SettlementRun>>('/api/settlement-runs', { fund_year_id: fundYearId, period: '2023-01' }, { as: 'finance' })).body;
    const calc = await post(`/api/settlement-runs/${run.id}/calculate`, {}, { as: 'finance' });
    expect(calc.status, JSON.stringify(calc.body)).to.equal(200);
    const f = (await get<RunAnswer>(`/api/settlement-runs/${run.id}`, { as: 'finance' })).body;
    expect(f.figures?.estimate).to.equal(true);
    expect(f.advances).to.equal(null);
    // the estimate's shares still add up to the estimated retained surplus
    expect(f.figures!.allocations.reduce((s, a) => s + toFen(a.amount), 0n)).to.equal(toFen(f.figures!.retained));
    const stored = await get<Json<SurplusAllocation>[]>('/api/surplus-allocations', { as: 'finance', query: { filter: { run_id: run.id } } });
    expect(stored.body).to.have.length(0);
  });

  it('the final run’s 清算 equals a count by hand: due = spending + retained − overspend borne by the group, less the advances paid', async () => {
    const paid = await post(
      '/api/settlement-advances',
      { fund_year_id: fundYearId, month: 2, amount: '89999.99', paid_on: '2023-02-20', reference: 'YB202302-0002', note: '少拨 1 分' },
      { as: 'finance' },
    );
    expect(paid.status, JSON.stringify(paid.body)).to.equal(200);
    const run = (await post<Json<SettlementRun>>('/api/settlement-runs', { fund_year_id: fundYearId, period: '2023' }, { as: 'finance' })).body;
    expect((await post(`/api/settlement-runs/${run.id}/calculate`, {}, { as: 'finance' })).status).to.equal(200);
    const r = (await get<RunAnswer>(`/api/settlement-runs/${run.id}`, { as: 'finance' })).body;
    const f = r.figures!;
    expect(f.estimate).to.equal(false);
    // no claims: spending 0, surplus = budget 1,080,000.00; no claims and no survey fail all three gates (−30%):
    // retained = 756,000.00; due = 0 + 756,000.00 − 0; paid 90,000.00 + 89,999.99 = 179,999.99; the fund owes 576,000.01
    expect([f.spending.total, f.surplus, f.retained, f.overspend_group]).to.deep.equal(['0.00', '1080000.00', '756000.00', '0.00']);
    expect(r.advances?.reconciliation).to.deep.equal({
      spending: '0.00',
      retained: '756000.00',
      overspend_group: '0.00',
      due: '756000.00',
      advances_paid: '179999.99',
      balance: '576000.01',
      direction: 'fund_pays_group',
      amount: '576000.01',
    });
    const stored = await get<Json<SurplusAllocation>[]>('/api/surplus-allocations', { as: 'finance', query: { filter: { run_id: run.id } } });
    expect(stored.body.reduce((s, a) => s + toFen(a.amount), 0n)).to.equal(75_600_000n);
    const dash = (await get<{ advances: AdvancesAnswer }>(`/api/fund-years/${fundYearId}/dashboard`, { as: 'finance' })).body;
    expect(dash.advances.reconciliation?.amount).to.equal('576000.01');
  });

  it('once the final run is approved its 清算 is closed: an advance more is a 409 naming the rule, nothing written', async () => {
    const run = (await get<Json<SettlementRun>[]>('/api/settlement-runs', { as: 'finance', query: { filter: { fund_year_id: fundYearId, kind: 'final' } } }))
      .body[0];
    expect((await post(`/api/settlement-runs/${run.id}/review`, { comment: '核对无误' }, { as: 'finance' })).status).to.equal(200);
    expect((await post(`/api/settlement-runs/${run.id}/approve`, {}, { as: 'admin' })).status).to.equal(200);
    expect((await get<AdvancesAnswer>(`/api/fund-years/${fundYearId}/advances`, { as: 'finance' })).body.closed).to.equal(true);
    const before = await count();
    const r = await post<Problem>(
      '/api/settlement-advances',
      { fund_year_id: fundYearId, month: 3, amount: '1.00', paid_on: '2023-03-05', reference: 'YB202303-0003' },
      { as: 'finance' },
    );
    expect(r.status).to.equal(409);
    expect(r.body.error.details).to.deep.equal([
      { field: 'fund_year_id', message: 'the 清算 is closed', rule: 'advance_year_closed', params: { year: 2023, run_id: run.id } },
    ]);
    expect(await count()).to.equal(before);
  });
});
