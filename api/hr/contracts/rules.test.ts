// The contract rules without a database: where a 乡聘村用 contract may place a village doctor, and
// which contracts may be renewed or exited.
import { expect } from 'chai';
import { moveProblem, villageContractProblem } from './rules';

describe('hr: contract rules', () => {
  it('乡聘村用: a township employs, and the clinic must be one of its own villages', () => {
    const township = { id: 10, kind: 'township', level: 3, parent_id: 2, path: 'hq.b1.t01' };
    const own = { id: 11, kind: 'village', level: 4, parent_id: 10, path: 'hq.b1.t01.v001' };
    const other = { id: 12, kind: 'village', level: 4, parent_id: 20, path: 'hq.b2.t02.v050' };
    expect(villageContractProblem(township, own)).to.equal(null);
    expect(villageContractProblem(township, other)).to.deep.include({ field: 'work_org_unit_id' });
    expect(villageContractProblem({ ...township, level: 2 }, own)).to.deep.include({ field: 'employer_org_unit_id' });
  });

  it('a running or expired contract may be renewed, only a running one exited', () => {
    expect(moveProblem('active', 'renew')).to.equal(null);
    expect(moveProblem('expired', 'renew')).to.equal(null);
    expect(moveProblem('renewed', 'renew')).to.equal('a renewed contract cannot be renewed; allowed from: active, expired');
    expect(moveProblem('active', 'exit')).to.equal(null);
    expect(moveProblem('renewed', 'exit')).to.equal('a renewed contract cannot be exited; allowed from: active');
  });
});
