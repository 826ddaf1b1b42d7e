// Advances and 清算 without a database: the planned split adds up to the budget to the fen; the 清算 both ways, counted by hand in fen.
import { expect } from 'chai';
import { fromFen, toFen } from '../../shared/money';
import { DEFAULT_PROFILE } from '../fundYears/rules';
import { advanceMonths, reconcile } from './rules';

describe('settlement advances: planned by the profile, paid by month', () => {
  it('splits a budget that does not divide by twelve exactly, the fen left over to the largest remainders', () => {
    // 1,000,000.07 yuan = 100,000,007 fen; / 12 = 8,333,333 fen rest 11: the first eleven months get one more fen
    const months = advanceMonths(100_000_007n, DEFAULT_PROFILE, []);
    expect(months.map((m) => m.planned)).to.deep.equal([...Array.from({ length: 11 }, () => '83333.34'), '83333.33']);
    expect(months[11].cumulative_planned).to.equal('1000000.07');
    expect(months.reduce((a, m) => a + toFen(m.planned), 0n)).to.equal(100_000_007n);
  });

  it('follows an uneven profile and still adds up exactly', () => {
    const profile = [0.1, 0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05];
    const months = advanceMonths(1_234_567n, profile, []);
    expect(months[0].planned).to.equal('1234.57'); // 123,456.7 fen → 123,457 (largest remainder .7)
    expect(months[1].planned).to.equal('617.28'); // 61,728.35 → 61,728
    expect(months.reduce((a, m) => a + toFen(m.planned), 0n)).to.equal(1_234_567n);
  });

  it('sums the payments of a month (a short one topped up late) with the running totals', () => {
    const months = advanceMonths(1_200_00n, DEFAULT_PROFILE, [
      { month: 1, amount: '100.00', paid_on: '2025-01-03' },
      { month: 2, amount: '60.00', paid_on: '2025-02-04' },
      { month: 2, amount: '40.00', paid_on: '2025-02-20' },
      { month: 3, amount: '100.00', paid_on: '2025-04-02' },
    ]);
    expect(months.slice(0, 4).map((m) => [m.planned, m.paid, m.paid_on.length, m.cumulative_paid])).to.deep.equal([
      ['100.00', '100.00', 1, '100.00'],
      ['100.00', '100.00', 2, '200.00'],
      ['100.00', '100.00', 1, '300.00'],
      ['100.00', '0.00', 0, '300.00'],
    ]);
    expect(months[1].paid_on).to.deep.equal(['2025-02-04', '2025-02-20']);
  });
});

describe('settlement 清算: due = spending + retained − overspend borne by the group, less the advances paid', () => {
  it('a surplus year whose advances exceed what is due: the group returns the difference', () => {
    // spending 900,000.00 + retained 70,000.50 = 970,000.50 due; paid 12 × 83,333.34 = 1,000,000.08
    const r = reconcile({ spending: { total: '900000.00' }, retained: '70000.50', overspend_group: '0.00' }, 12n * 8_333_334n);
    expect(r.due).to.equal('970000.50');
    expect(r.advances_paid).to.equal('1000000.08');
    expect(r.balance).to.equal('-29999.58');
    expect(r.direction).to.equal('group_returns');
    expect(r.amount).to.equal('29999.58');
  });

  it('an overspent year with one advance short: the fund pays the group the rest', () => {
    // budget 1,000,000.00, spending 1,080,000.00: overspend 80,000.00, group bears 25,000.00 + 30,000.00 = 55,000.00
    // due = 1,080,000.00 − 55,000.00 = 1,025,000.00 (= budget + the fund's 25,000.00); paid 11 × 83,333.33 = 916,666.63
    const r = reconcile({ spending: { total: '1080000.00' }, retained: '0.00', overspend_group: '55000.00' }, 11n * 8_333_333n);
    expect(r.due).to.equal('1025000.00');
    expect(r.balance).to.equal('108333.37');
    expect(r.direction).to.equal('fund_pays_group');
    expect(toFen(r.amount)).to.equal(102_500_000n - 91_666_663n);
    expect(fromFen(toFen(r.due) - toFen(r.advances_paid))).to.equal(r.balance);
  });

  it('paid exactly what is due: settled, nothing either way', () => {
    const r = reconcile({ spending: { total: '10.00' }, retained: '0.01', overspend_group: '0.00' }, 1001n);
    expect([r.direction, r.amount]).to.deep.equal(['settled', '0.00']);
  });
});
