// The medical-risk fund over HTTP: monthly contributions, a payout, the year-end return that
// adds up to the balance exactly, each return a ledger entry.
import { expect } from 'chai';
import { get, post, type AnswerOf, type Json } from '../../scripts/test/harness';
import type { runJob } from '../jobs';
import * as clock from '../core/clock';
import type { LedgerEntry } from './model';
import type { contributeMonth, summary, yearEndReturn } from './riskFundService';

describe('medical-risk fund (HTTP)', () => {
  it('the year-end return adds up to the balance exactly, each return a ledger entry', async () => {
    // a unit with at least three active staff in the demo
    const staff = await get<{ employer_org_unit_id: number }[]>('/api/staff', { as: 'admin', query: { filter: { status: 'active' }, range: [0, 999] } });
    expect(staff.status).to.equal(200);
    const counts = new Map<number, number>();
    for (const s of staff.body) counts.set(s.employer_org_unit_id, (counts.get(s.employer_org_unit_id) ?? 0) + 1);
    const [unit, people] = [...counts.entries()].find(([, n]) => n >= 3)!;
    const year = 2032;
    for (const [month, amount] of [
      ['01', '100.00'],
      ['02', '33.33'],
      ['03', '50.01'],
    ]) {
      const r = await post<AnswerOf<typeof contributeMonth>>(
        '/api/risk-fund-entries/contributions',
        { org_unit_id: unit, month: `${year}-${month}`, amount },
        { as: 'finance' },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      expect(r.body.created).to.equal(people);
    }
    // a second run of the same month adds nobody
    expect(
      (
        await post<AnswerOf<typeof contributeMonth>>(
          '/api/risk-fund-entries/contributions',
          { org_unit_id: unit, month: `${year}-01`, amount: '100.00' },
          { as: 'finance' },
        )
      ).body.created,
    ).to.equal(0);
    const payout = await post(
      '/api/risk-fund-entries/payouts',
      { org_unit_id: unit, entry_date: `${year}-06-30`, amount: '77.77', dispute_ref: 'YL-2032-007' },
      { as: 'finance' },
    );
    expect(payout.status, JSON.stringify(payout.body)).to.equal(200);
    const tooMuch = await post(
      '/api/risk-fund-entries/payouts',
      { org_unit_id: unit, entry_date: `${year}-07-01`, amount: '999999.00', dispute_ref: 'X' },
      { as: 'finance' },
    );
    expect(tooMuch.status).to.equal(422);
    const before = await get<AnswerOf<typeof summary>>('/api/risk-fund-entries/summary', { as: 'finance', query: { org_unit_id: unit, fund_year: year } });
    const expected = Math.round((100 + 33.33 + 50.01) * 100) * people - 7777;
    expect(Math.round(Number(before.body.balance) * 100)).to.equal(expected);

    const ret = await post<AnswerOf<typeof yearEndReturn>>(
      '/api/risk-fund-entries/year-end-return',
      { org_unit_id: unit, fund_year: year, return_date: `${year}-12-31` },
      { as: 'finance' },
    );
    expect(ret.status, JSON.stringify(ret.body)).to.equal(200);
    const fen = ret.body.returns.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0);
    expect(fen).to.equal(expected);
    expect(ret.body.returned_total).to.equal(before.body.balance);
    expect(ret.body.returns).to.have.length(people);
    for (const r of ret.body.returns) {
      const e = await get<Json<LedgerEntry>>(`/api/ledger-entries/${r.ledger_entry_id}`, { as: 'finance' });
      expect(e.body).to.include({ debit_account: 'risk_fund', credit_account: 'bank', amount: r.amount, source_type: 'risk-fund-entries', source_id: r.id });
    }
    const after = await get<AnswerOf<typeof summary>>('/api/risk-fund-entries/summary', { as: 'finance', query: { org_unit_id: unit, fund_year: year } });
    expect(after.body.balance).to.equal('0.00');
    expect((await post('/api/risk-fund-entries/year-end-return', { org_unit_id: unit, fund_year: year }, { as: 'finance' })).status).to.equal(409);
  });
});

describe('risk-fund year-end job', () => {
  it('returns every unit’s previous-year balance once (the demo already returned last year: nothing left)', async () => {
    const r = await post<AnswerOf<typeof runJob>>('/api/job-runs/run/risk-fund-year-end', {}, { as: 'admin' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.status).to.equal('succeeded');
    expect(r.body.result).to.include({ fund_year: Number(clock.today().slice(0, 4)) - 1, units: 0, returns: 0 });
  });
});
