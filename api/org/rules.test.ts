import { expect } from 'chai';
import { buildTree, childPath, isWithin, placementProblem } from './rules';

describe('org rules', () => {
  it('places each kind at its level', () => {
    expect(placementProblem('hq', null)).to.equal(null);
    expect(placementProblem('branch', { kind: 'hq', level: 1 })).to.equal(null);
    expect(placementProblem('township', { kind: 'branch', level: 2 })).to.equal(null);
    expect(placementProblem('village', { kind: 'township', level: 3 })).to.equal(null);
    expect(placementProblem('village', { kind: 'branch', level: 2 })).to.match(/level 4/);
    expect(placementProblem('branch', null)).to.match(/only the HQ/);
    expect(placementProblem('hq', { kind: 'hq', level: 1 })).to.match(/root/);
  });

  it('lets affiliated members hang anywhere but nothing hang under them except affiliates', () => {
    expect(placementProblem('elderly_care', { kind: 'village', level: 4 })).to.equal(null);
    expect(placementProblem('village', { kind: 'private', level: 3 })).to.match(/affiliated/);
  });

  it('derives paths and subtree membership', () => {
    expect(childPath('hq.b1', 'T07')).to.equal('hq.b1.t07');
    expect(childPath(null, 'HQ')).to.equal('hq');
    expect(isWithin('hq.b1.t07', 'hq.b1')).to.equal(true);
    expect(isWithin('hq.b10', 'hq.b1')).to.equal(false);
  });

  it('nests units by parent whatever their order', () => {
    const t = buildTree([
      { id: 3, code: 'T01', name: 't', kind: 'township', level: 3, parent_id: 2, path: 'hq.b1.t01' },
      { id: 1, code: 'HQ', name: 'h', kind: 'hq', level: 1, parent_id: null, path: 'hq' },
      { id: 2, code: 'B1', name: 'b', kind: 'branch', level: 2, parent_id: 1, path: 'hq.b1' },
    ]);
    expect(t[0].children[0].children[0].code).to.equal('T01');
  });
});
