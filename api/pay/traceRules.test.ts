// The trace's checks on their own: a December run traced by hand from a settlement's surplus of
// ¥1,234,567.89 to three people, every step adding up to the fen; then each way the figures can
// disagree named by its check with the expected and actual figure; a run without a share.
import { expect } from 'chai';
import { splitPool } from './rules';
import { microOf, traceChecks, withinOneFen, type TraceFigures } from './traceRules';

const M = 1_000_000n; // a point in millionths

// surplus 1,234,567.89; 10 % deducted at the gates: retained 1,111,111.10, returned 123,456.79;
// pools 60/40: 666,666.66 and 444,444.44; three townships share the staff pool 148,148.15 ×2 + 148,148.14
const settlement = {
  surplus: 123_456_789n,
  retained: 111_111_110n,
  returned_to_fund: 12_345_679n,
  pools: [
    { key: 'health_management', amount: 66_666_666n },
    { key: 'staff_performance', amount: 44_444_444n },
  ],
  staff_pool: 'staff_performance',
  shares: [
    { org_unit_id: 11, amount: 14_814_815n },
    { org_unit_id: 12, amount: 14_814_815n },
    { org_unit_id: 13, amount: 14_814_814n },
  ],
};

function december(): TraceFigures {
  // township 11: budgeted 6,000.00 + share 148,148.15 = 154,148.15, over 30 + 20 + 10 points
  const pool = 600_000n + 14_814_815n;
  const points = [30n * M, 20n * M, 10n * M];
  const amounts = splitPool(pool, points);
  return {
    settlement,
    township_id: 11,
    budgeted_fund: 600_000n,
    settlement_share: 14_814_815n,
    pool,
    total_points: 60n * M,
    lines: points.map((p, i) => ({ points: p, amount: amounts[i] })),
  };
}

const byName = (t: TraceFigures) => Object.fromEntries(traceChecks(t).map((c) => [c.name, c]));

describe('pay trace rules (结余 → 绩效奖励池 → 乡镇 → 个人)', () => {
  it('the pool splits by hand: ½, ⅓ and ⅙ of 15,414,815 fen, the two largest remainders a fen more', () => {
    expect(december().lines.map((l) => l.amount)).to.deep.equal([7_707_407n, 5_138_272n, 2_569_136n]);
  });

  it('a December run: every step adds up, each check with its expected and actual figure', () => {
    expect(traceChecks(december())).to.deep.equal([
      { name: 'retained_plus_returned', unit: 'yuan', expected: '1234567.89', actual: '1234567.89', ok: true },
      { name: 'pools_add_up', unit: 'yuan', expected: '1111111.10', actual: '1111111.10', ok: true },
      { name: 'shares_add_up', unit: 'yuan', expected: '444444.44', actual: '444444.44', ok: true },
      { name: 'share_is_townships_row', unit: 'yuan', expected: '148148.15', actual: '148148.15', ok: true },
      { name: 'pool_is_fund_plus_share', unit: 'yuan', expected: '154148.15', actual: '154148.15', ok: true },
      { name: 'points_add_up', unit: 'points', expected: '60.000000', actual: '60.000000', ok: true },
      { name: 'lines_add_up', unit: 'yuan', expected: '154148.15', actual: '154148.15', ok: true },
      { name: 'amounts_by_points', unit: 'people', expected: '3', actual: '3', ok: true },
    ]);
  });

  it('a fen too many in a line, a township row off, a pool off: each named, with both figures', () => {
    const t = december();
    const extra = { ...t, lines: t.lines.map((l, i) => (i === 0 ? { ...l, amount: l.amount + 1n } : l)) };
    expect(byName(extra).lines_add_up).to.include({ expected: '154148.15', actual: '154148.16', ok: false });
    // half a fen over its exact part is still within one fen
    expect(byName(extra).amounts_by_points.ok).to.equal(true);
    // two fen moved from one person to another: the total holds, the split does not
    const moved = { ...t, lines: t.lines.map((l, i) => (i === 0 ? { ...l, amount: l.amount + 2n } : i === 1 ? { ...l, amount: l.amount - 2n } : l)) };
    expect(byName(moved).lines_add_up.ok).to.equal(true);
    expect(byName(moved).amounts_by_points).to.include({ expected: '3', actual: '1', ok: false });
    const wrongShare = { ...t, settlement_share: 14_814_814n };
    expect(byName(wrongShare).share_is_townships_row).to.include({ expected: '148148.15', actual: '148148.14', ok: false });
    expect(byName(wrongShare).pool_is_fund_plus_share).to.include({ expected: '154148.14', actual: '154148.15', ok: false });
    const pools = { ...t, settlement: { ...settlement, pools: [settlement.pools[0], { key: 'staff_performance', amount: 44_444_443n }] } };
    expect(byName(pools).pools_add_up).to.include({ expected: '1111111.10', actual: '1111111.09', ok: false });
    expect(byName(pools).shares_add_up).to.include({ expected: '444444.43', actual: '444444.44', ok: false });
    const points = { ...t, total_points: 61n * M };
    expect(byName(points).points_add_up).to.include({ expected: '61.000000', actual: '60.000000', ok: false });
  });

  it('an overspend retains nothing: the surplus side checks 0 = retained + returned', () => {
    const t = december();
    const over = { ...t, settlement: { ...settlement, surplus: -5_000n, retained: 0n, returned_to_fund: 0n } };
    expect(byName(over).retained_plus_returned).to.include({ expected: '0.00', actual: '0.00', ok: true });
  });

  it('a township with no row in the pool expects a share of 0', () => {
    const t = { ...december(), township_id: 99 };
    expect(byName(t).share_is_townships_row).to.include({ expected: '0.00', actual: '148148.15', ok: false });
  });

  it('a run without a settlement share checks the fund → people steps only', () => {
    const t = december();
    const plain = {
      ...t,
      settlement: null,
      settlement_share: 0n,
      pool: 600_000n,
      lines: t.lines.map((l, i) => ({
        ...l,
        amount: splitPool(
          600_000n,
          t.lines.map((x) => x.points),
        )[i],
      })),
    };
    const checks = traceChecks(plain);
    expect(checks.map((c) => c.name)).to.deep.equal(['pool_is_fund_plus_share', 'points_add_up', 'lines_add_up', 'amounts_by_points']);
    expect(checks.every((c) => c.ok)).to.equal(true);
    expect(checks[2]).to.include({ expected: '6000.00', actual: '6000.00' });
  });

  it('within one fen, in integers; points text to millionths', () => {
    // 100 fen over 3 points: exact parts 33⅓ — 33 and 34 are within a fen, 35 is not
    expect([33n, 34n, 35n].map((a) => withinOneFen(100n, 3n * M, M, a))).to.deep.equal([true, true, false]);
    expect(withinOneFen(0n, 0n, 0n, 0n)).to.equal(true);
    expect(microOf('12.345678')).to.equal(12_345_678n);
    expect(microOf('7.5')).to.equal(7_500_000n);
    expect(microOf('0.000001')).to.equal(1n);
  });
});
