import { expect } from 'chai';
import { sumFen, toFen } from '../shared/money';
import { checkBudget, evenMonthly, mayDecide, monthlyProblem, pickLimitRule, resolveSteps, riskFundReturns, type LimitRule } from './rules';

const rule = (id: number, unit_level: number | null, account: string | null, min: string, max: string | null, steps: string[]): LimitRule => ({
  id,
  unit_level,
  account,
  min_amount: toFen(min),
  max_amount: max === null ? null : toFen(max),
  steps,
  active: true,
});

describe('finance rules', () => {
  it('splits a year into twelve months adding up exactly', () => {
    const m = evenMonthly(toFen('1000.01'));
    expect(m).to.have.length(12);
    expect(sumFen(m)).to.equal(toFen('1000.01'));
    expect(monthlyProblem(toFen('1000.01'), m)).to.equal(null);
    expect(monthlyProblem(toFen('10'), new Array<bigint>(12).fill(toFen('1')))).to.match(/add up to 12.00/);
  });

  it('picks the most specific spending-limit rule: account over level, then the narrower band', () => {
    const rules = [
      rule(1, 3, null, '0', '20000', ['unit_director']),
      rule(2, 3, null, '20000', null, ['unit_director', 'group_finance']),
      rule(3, null, 'equipment', '100000', null, ['unit_director', 'group_finance', 'council']),
    ];
    expect(pickLimitRule(rules, { level: 3, account: 'drugs', amount: toFen('19999.99') })!.id).to.equal(1);
    expect(pickLimitRule(rules, { level: 3, account: 'drugs', amount: toFen('20000') })!.id).to.equal(2);
    expect(pickLimitRule(rules, { level: 3, account: 'equipment', amount: toFen('150000') })!.id).to.equal(3);
    expect(pickLimitRule(rules, { level: 2, account: 'drugs', amount: toFen('1') })).to.equal(undefined);
  });

  it('resolves director steps away from the requester and a chief-accountant step to group finance without a posting', () => {
    const chain = [
      { id: 40, level: 4, directors: [400] },
      { id: 30, level: 3, directors: [300] },
      { id: 20, level: 2, directors: [200] },
    ];
    const steps = resolveSteps(['township_director', 'group_finance'], chain, 400, null) as { approver_unit_id: number | null; approver_role: string }[];
    expect(steps.map((s) => [s.approver_role, s.approver_unit_id])).to.deep.equal([
      ['director', 30],
      ['group_finance', null],
    ]);
    const own = resolveSteps(['unit_director', 'chief_accountant'], chain.slice(1), 300, null) as { approver_unit_id: number | null; approver_role: string }[];
    expect(own.map((s) => [s.approver_role, s.approver_unit_id])).to.deep.equal([
      ['director', 20],
      ['group_finance', null],
    ]);
    expect(resolveSteps(['council'], chain, 1, null)).to.deep.equal([{ seq: 1, kind: 'council', approver_role: 'group_admin', approver_unit_id: null }]);
  });

  it('nobody decides their own request', () => {
    const who = { id: 7, roles: ['group_finance'], orgUnitId: 1, postedUnitIds: [] };
    expect(mayDecide({ approver_role: 'group_finance', approver_unit_id: null }, who, 8)).to.equal(true);
    expect(mayDecide({ approver_role: 'group_finance', approver_unit_id: null }, who, 7)).to.equal(false);
    expect(mayDecide({ approver_role: 'chief_accountant', approver_unit_id: 5 }, { ...who, postedUnitIds: [5] }, 8)).to.equal(true);
  });

  it('stops or warns with the figures', () => {
    const c = checkBudget({ budget: toFen('100'), posted: toFen('60'), committed: toFen('30') }, toFen('20'), 'stop', 'drugs');
    expect(c.outcome).to.equal('stop');
    expect(c.figures).to.deep.equal({ budget: '100.00', consumed: '90.00', requested: '20.00', remaining: '10.00' });
    expect(checkBudget({ budget: toFen('100'), posted: 0n, committed: 0n }, toFen('100'), 'stop', 'x').outcome).to.equal('ok');
  });

  it('returns the risk-fund balance pro rata, exact to the fen', () => {
    const returns = riskFundReturns(toFen('1000.00'), [
      { staff_id: 3, amount: toFen('100') },
      { staff_id: 1, amount: toFen('100') },
      { staff_id: 2, amount: toFen('100') },
    ]);
    expect(sumFen(returns.map((r) => r.amount))).to.equal(toFen('1000.00'));
    expect(returns.map((r) => r.amount)).to.deep.equal([33334n, 33333n, 33333n]);
    const uneven = riskFundReturns(
      toFen('777.77'),
      [1, 2, 3, 4, 5, 6, 7].map((i) => ({ staff_id: i, amount: BigInt(i * 1337) })),
    );
    expect(sumFen(uneven.map((r) => r.amount))).to.equal(toFen('777.77'));
  });
});
