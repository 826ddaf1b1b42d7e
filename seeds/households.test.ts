// The demo's households without a database: every resident placed, households of 1–6 with one
// head each, spouses of the other sex and a near age, children 18–45 years younger than the head;
// the same residents give the same households.
import { expect } from 'chai';
import { between, seeded } from '../api/shared/random';
import { MAX_HOUSEHOLD, groupHouseholds, householdAddress, keepsOwnSurname, type Person } from './households';

function village(n: number, seed: number): Person[] {
  const rng = seeded(seed);
  return Array.from({ length: n }, () => ({ age: rng() < 0.2 ? between(rng, 0, 17) : between(rng, 18, 92), sex: rng() < 0.5 ? 'M' : 'F' }));
}

describe('demo households', () => {
  for (const [n, seed] of [
    [3, 1],
    [40, 2],
    [250, 3],
    [700, 4],
  ]) {
    it(`groups a village of ${n} into plausible households of 1–${MAX_HOUSEHOLD}`, () => {
      const people = village(n, seed);
      const placed = groupHouseholds(people, seed);
      expect(placed).to.have.length(n);
      const byHousehold = new Map<number, number[]>();
      placed.forEach((p, i) => byHousehold.set(p.household, [...(byHousehold.get(p.household) ?? []), i]));
      expect([...byHousehold.keys()].sort((a, b) => a - b)).to.deep.equal([...byHousehold.keys()].map((_, i) => i));
      for (const members of byHousehold.values()) {
        expect(members.length).to.be.within(1, MAX_HOUSEHOLD);
        const heads = members.filter((i) => placed[i].relation === 'head');
        expect(heads).to.have.length(1);
        const head = people[heads[0]];
        for (const i of members) {
          const p = people[i];
          if (placed[i].relation === 'spouse') {
            expect(p.sex).to.not.equal(head.sex);
            expect(Math.abs(p.age - head.age)).to.be.at.most(8);
          }
          if (placed[i].relation === 'child') expect(head.age - p.age).to.be.within(18, 45);
          if (placed[i].relation === 'grandchild') expect(head.age - p.age).to.be.at.least(40);
          if (placed[i].relation === 'parent') expect(p.age - head.age).to.be.within(18, 42);
        }
      }
      expect(groupHouseholds(people, seed)).to.deep.equal(placed);
    });
  }

  it('a spouse and a mother keep their own surname; addresses run in groups of 25', () => {
    expect(keepsOwnSurname('F', 'spouse')).to.equal(true);
    expect(keepsOwnSurname('F', 'parent')).to.equal(true);
    expect(keepsOwnSurname('M', 'parent')).to.equal(false);
    expect(keepsOwnSurname('F', 'child')).to.equal(false);
    expect(householdAddress('新庄村', 0)).to.equal('新庄村1组1号');
    expect(householdAddress('新庄村', 26)).to.equal('新庄村2组2号');
  });
});
