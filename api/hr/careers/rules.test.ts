// The career rules without a database: promotions one step up a ladder, posts, the 优秀 quota and grades.
import { expect } from 'chai';
import { excellentQuota, fillProblem, gradeProblem, postStatus, promotionProblem } from './rules';

describe('hr: career rules', () => {
  it('promotions go one step up the ladder of the category', () => {
    expect(promotionProblem('doctor', 'physician', 'attending_physician')).to.equal(null);
    expect(promotionProblem('doctor', 'physician', 'associate_chief_physician')).to.match(/one step/);
    expect(promotionProblem('doctor', 'attending_physician', 'physician')).to.match(/not above/);
    expect(promotionProblem('nurse', 'senior_nurse', 'attending_physician')).to.match(/nursing ladder/);
    expect(promotionProblem('doctor', null, 'physician')).to.equal(null);
    expect(promotionProblem('doctor', null, 'chief_physician')).to.match(/first title/);
  });

  it('posts: vacant, occupied, closed; one beyond headcount is refused', () => {
    expect(postStatus(1, 2, false)).to.equal('vacant');
    expect(postStatus(2, 2, false)).to.equal('occupied');
    expect(postStatus(0, 2, true)).to.equal('closed');
    expect(fillProblem({ status: 'occupied', filled: 2, headcount: 2 })).to.match(/full: 2 of 2/);
    expect(fillProblem({ status: 'closed', filled: 0, headcount: 2 })).to.match(/closed/);
    expect(fillProblem({ status: 'vacant', filled: 1, headcount: 2 })).to.equal(null);
  });

  it('优秀 quota is 20% of the unit rounded down (at least one); the grade cannot exceed the score', () => {
    expect(excellentQuota(40, 0.2)).to.equal(8);
    expect(excellentQuota(44, 0.2)).to.equal(8);
    expect(excellentQuota(3, 0.2)).to.equal(1);
    expect(gradeProblem(85, 'excellent')).to.match(/at most 合格/);
    expect(gradeProblem(95, 'qualified')).to.equal(null);
  });
});
