// The staff registry's rules without a database: titles on the category's ladder, placement, dates.
import { expect } from 'chai';
import { addYears, placementProblem, titleProblem } from './rules';

describe('hr: staff rules', () => {
  it('titles must sit on the category ladder', () => {
    expect(titleProblem('doctor', 'attending_physician')).to.equal(null);
    expect(titleProblem('nurse', 'attending_physician')).to.match(/nursing ladder/);
    expect(titleProblem('admin', 'nurse')).to.match(/no professional title/);
    expect(titleProblem('village_doctor', 'assistant_physician')).to.equal(null);
  });

  it('a person works at the employer or below it; a township-hired one in a village clinic of the employing township', () => {
    const branch = { id: 2, kind: 'branch', level: 2, parent_id: 1, path: 'hq.b1' };
    const township = { id: 10, kind: 'township', level: 3, parent_id: 2, path: 'hq.b1.t01' };
    const own = { id: 11, kind: 'village', level: 4, parent_id: 10, path: 'hq.b1.t01.v001' };
    const other = { id: 12, kind: 'village', level: 4, parent_id: 20, path: 'hq.b2.t02.v050' };
    expect(placementProblem('contract', branch, township)).to.equal(null);
    expect(placementProblem('establishment', township, township)).to.equal(null);
    expect(placementProblem('contract', township, branch)).to.deep.include({ field: 'work_org_unit_id' });
    expect(placementProblem('establishment', township, other)).to.deep.include({ field: 'work_org_unit_id' });
    expect(placementProblem('township_hired', township, own)).to.equal(null);
    expect(placementProblem('township_hired', township, other)).to.deep.include({ field: 'work_org_unit_id', rule: 'village_clinic_other_township' });
    expect(placementProblem('township_hired', branch, township)).to.deep.include({ field: 'employer_org_unit_id', rule: 'village_employer_not_township' });
  });

  it('a date some years on keeps its day; 29 February falls on 1 March in a common year', () => {
    expect(addYears('2026-06-30', -5)).to.equal('2021-06-30');
    expect(addYears('2024-02-29', 4)).to.equal('2028-02-29');
    expect(addYears('2024-02-29', 1)).to.equal('2025-03-01');
  });
});
