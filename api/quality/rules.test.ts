// The quality rules computed by hand: an inspection's score, the closed loop of a finding, the unit's score.
import { expect } from 'chai';
import { allowedFindingActions, asOfDay, inspectionScore, isOverdue, nextFindingStatus, qualityScore, scoreProblems, type ScoreFinding } from './rules';

describe('quality rules', () => {
  it("an inspection's score is the points given over the checklist's maximum, on 100", () => {
    const items = [
      { item_id: 1, max_score: '10', score: '8' },
      { item_id: 2, max_score: '20', score: '15' },
      { item_id: 3, max_score: '30', score: '30' },
      { item_id: 4, max_score: '40', score: '31.5' },
    ];
    expect(inspectionScore(items)).to.equal(84.5); // 84.5 / 100
    // 20.5 / 30 = 68.333… → 68.33
    expect(
      inspectionScore([
        { item_id: 1, max_score: 10, score: 7.5 },
        { item_id: 2, max_score: 20, score: 13 },
      ]),
    ).to.equal(68.33);
    expect(
      inspectionScore([
        { item_id: 1, max_score: 10, score: 7.5 },
        { item_id: 2, max_score: 20, score: null },
      ]),
    ).to.equal(null);
    expect(inspectionScore([])).to.equal(null);
    expect(
      scoreProblems([
        { item_id: 1, max_score: '10', score: '10.5' },
        { item_id: 2, max_score: '5', score: '5' },
      ]),
    ).to.deep.equal([{ field: 'scores.0.score', message: "must be between 0 and the item's maximum 10" }]);
  });

  it('a finding goes open → reported → verified, a rejection back to open; any other step names the allowed ones', () => {
    expect(nextFindingStatus('open', 'report')).to.deep.equal({ to: 'reported' });
    expect(nextFindingStatus('reported', 'verify')).to.deep.equal({ to: 'verified' });
    expect(nextFindingStatus('reported', 'reject')).to.deep.equal({ to: 'open' });
    expect(nextFindingStatus('open', 'verify')).to.deep.equal({ problem: 'cannot verify a open finding; allowed from open: report', allowed: ['report'] });
    expect(nextFindingStatus('verified', 'report')).to.deep.equal({
      problem: 'cannot report a verified finding; allowed from verified: none (closed)',
      allowed: [],
    });
    expect(allowedFindingActions('reported')).to.deep.equal(['verify', 'reject']);
    expect(isOverdue({ status: 'open', deadline: '2026-06-09' }, '2026-06-10')).to.equal(true);
    expect(isOverdue({ status: 'open', deadline: '2026-06-10' }, '2026-06-10')).to.equal(false);
    expect(isOverdue({ status: 'reported', deadline: '2026-06-01' }, '2026-06-10')).to.equal(false);
  });

  it("the unit's score: the inspections' mean minus the findings open at the period's end, doubled when overdue", () => {
    const f = (severity: ScoreFinding['severity'], deadline: string, created_on: string, closed_on: string | null): ScoreFinding => ({
      severity,
      deadline,
      created_on,
      closed_on,
    });
    const findings = [
      f('minor', '2026-07-15', '2026-06-01', null), // open, not due: 1
      f('major', '2026-06-10', '2026-06-01', null), // open, overdue: 3 × 2 = 6
      f('critical', '2026-06-25', '2026-06-01', '2026-06-20'), // verified before the end: 0
      f('critical', '2026-06-25', '2026-06-01', '2026-07-05'), // verified after the end: open and overdue then, 10
      f('minor', '2026-07-20', '2026-07-02', null), // found after the end: 0
      f('major', '2026-06-30', '2026-06-05', null), // due on the last day: not overdue, 3
    ];
    // (84.5 + 90) / 2 = 87.25; 87.25 − (1 + 6 + 10 + 3) = 67.25
    expect(qualityScore([{ score: '84.50' }, { score: '90.00' }], findings, '2026-06-30')).to.deep.equal({
      base: 87.25,
      inspections: 2,
      open: 4,
      overdue: 2,
      deduction: 20,
      score: 67.25,
    });
    // never below 0; not inspected: no score, the findings still counted
    expect(qualityScore([{ score: 8 }], [f('critical', '2026-06-01', '2026-05-01', null)], '2026-06-30').score).to.equal(0);
    expect(qualityScore([], findings, '2026-06-30')).to.include({ base: null, score: null, deduction: 20 });
    expect(asOfDay('2026-06-30', '2026-12-07')).to.equal('2026-06-30');
    expect(asOfDay('2026-12-31', '2026-12-07')).to.equal('2026-12-07');
  });
});
