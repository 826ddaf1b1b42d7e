// The bottom-up sign-off of health data without a database: who signs which level, the order, withdrawal, the final run's months.
import { expect } from 'chai';
import { levelOf, monthOver, signerProblem, signProblem, stateOf, unsignedMonths, withdrawProblem } from './rules';

describe('health data sign-off rules', () => {
  it('a unit signs at its level: village clinic, level-3 centre (township or community), the group root; a branch hospital not at all', () => {
    expect(levelOf({ kind: 'village', level: 4, parent_id: 7 })).to.equal('village');
    expect(levelOf({ kind: 'township', level: 3, parent_id: 2 })).to.equal('township');
    expect(levelOf({ kind: 'community', level: 3, parent_id: 2 })).to.equal('township');
    expect(levelOf({ kind: 'hq', level: 1, parent_id: null })).to.equal('group');
    expect(levelOf({ kind: 'branch', level: 2, parent_id: 1 })).to.equal(null);
  });

  it('the village doctor signs their clinic, the director their township, group finance the group — each for their own unit only', () => {
    expect(signerProblem('village', ['village_doctor'], true)).to.equal(null);
    expect(signerProblem('township', ['director'], true)).to.equal(null);
    expect(signerProblem('group', ['group_finance'], true)).to.equal(null);
    // a township's director does not sign for a village below, a doctor not for the township, the HQ director not for the group
    expect(signerProblem('village', ['director'], false)).to.include({ kind: 'forbidden', rule: 'not_the_signer' });
    expect(signerProblem('township', ['village_doctor'], true)).to.include({ rule: 'not_the_signer' });
    expect(signerProblem('group', ['director'], true)).to.include({ rule: 'not_the_signer' });
    expect(signerProblem('group', ['group_admin'], true)).to.deep.include({ params: { level: 'group' } });
  });

  it('only a month that is over can be signed: November 2026 on 1 December, not on 30 November', () => {
    expect(monthOver(2026, 11, '2026-12-01')).to.equal(true);
    expect(monthOver(2026, 11, '2026-11-30')).to.equal(false);
    expect(monthOver(2025, 12, '2026-01-01')).to.equal(true);
    expect(signProblem({ year: 2026, month: 11, today: '2026-11-30', signed: false, unsignedBelow: [] })).to.deep.include({
      rule: 'month_not_over',
      params: { period: '2026-11' },
    });
  });

  it('a level signs only after every unit below it, naming those that have not; once only', () => {
    const base = { year: 2026, month: 3, today: '2026-12-06', signed: false };
    expect(signProblem({ ...base, unsignedBelow: [] })).to.equal(null);
    expect(signProblem({ ...base, unsignedBelow: ['甲村卫生室（V001）', '乙村卫生室（V002）'] })).to.deep.equal({
      kind: 'business_rule',
      rule: 'below_not_signed',
      message: '2026-03: 2 unit(s) below have not signed off: 甲村卫生室（V001）、乙村卫生室（V002）',
      params: { period: '2026-03', count: 2, units: '甲村卫生室（V001）、乙村卫生室（V002）' },
    });
    expect(signProblem({ ...base, signed: true, unsignedBelow: [] })).to.include({ rule: 'already_signed' });
  });

  it('a sign-off is withdrawn only while the level above has not signed (naming who has)', () => {
    expect(withdrawProblem({ year: 2026, month: 3, signed: true, aboveSignedBy: null })).to.equal(null);
    expect(withdrawProblem({ year: 2026, month: 3, signed: true, aboveSignedBy: '新庄镇卫生院（院长）' })).to.deep.include({
      rule: 'above_signed',
      params: { period: '2026-03', unit: '新庄镇卫生院（院长）' },
    });
    expect(withdrawProblem({ year: 2026, month: 3, signed: false, aboveSignedBy: null })).to.include({ rule: 'not_signed' });
  });

  it('states: signed, open once the month is over, not over before', () => {
    expect([stateOf(true, true), stateOf(false, true), stateOf(false, false)]).to.deep.equal(['signed', 'open', 'not_over']);
  });

  it('a final run through December needs every month signed at the group level: the missing ones, in order', () => {
    expect(unsignedMonths([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 12)).to.deep.equal([11, 12]);
    expect(unsignedMonths([3, 1, 2], 3)).to.deep.equal([]);
    expect(unsignedMonths([], 2)).to.deep.equal([1, 2]);
  });
});
