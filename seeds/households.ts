// Demo households (户): a village's residents, already drawn (age, sex), grouped into plausible
// families of 1–6 — a head, often a spouse of the other sex and a similar age, children 18–40
// years younger, grandchildren under an older head, sometimes a parent — sharing the head's
// surname (a spouse or a mother keeps her own) and an address. Deterministic, and drawn from a
// generator of its own, so the rest of the demo stays as it was.
import type { HouseholdRelation } from '../api/health';
import { between, seeded, weighted } from '../api/shared/random';

export const MAX_HOUSEHOLD = 6;
/** Household sizes 1–6 aimed at (rural Qinghai: mostly 2–4). */
const SIZE_WEIGHTS = [12, 25, 22, 20, 13, 8];

export interface Person {
  age: number;
  sex: 'M' | 'F';
}

export interface Placement {
  /** the household's number in the village, from 0 in the order the households were formed */
  household: number;
  relation: HouseholdRelation;
}

/** Keeps their own surname (not the head's): a spouse, and a mother. */
export const keepsOwnSurname = (sex: Person['sex'], relation: HouseholdRelation) => relation === 'spouse' || (relation === 'parent' && sex === 'F');

/** The households of one village: a placement for each person, by index. */
export function groupHouseholds(people: readonly Person[], seed: number): Placement[] {
  const rng = seeded(seed);
  const placed: (Placement | undefined)[] = people.map(() => undefined);
  const sizes: number[] = [];
  const heads: number[] = [];
  const free = (i: number) => placed[i] === undefined;
  const put = (i: number, household: number, relation: HouseholdRelation) => {
    placed[i] = { household, relation };
    sizes[household] += 1;
  };
  /** A free person matching `test`, the closest to `ideal` age (ties by a draw). */
  const find = (test: (p: Person) => boolean, ideal: number) => {
    let best = -1;
    let bestScore = Infinity;
    people.forEach((p, i) => {
      if (!free(i) || !test(p)) return;
      const score = Math.abs(p.age - ideal) + rng();
      if (score < bestScore) [best, bestScore] = [i, score];
    });
    return best;
  };

  // heads: adults, the middle-aged first and among them the men (a rural household is registered
  // under the husband: his wife is 配偶, the children carry his surname), in a drawn order
  const order = people
    .map((p, i) => ({ i, key: (p.age >= 28 && p.age <= 70 ? 0 : 2) + (p.sex === 'F' ? 1 : 0) + rng() }))
    .filter(({ i }) => people[i].age >= 20)
    .sort((a, b) => a.key - b.key)
    .map(({ i }) => i);
  for (const h of order) {
    if (!free(h)) continue;
    const head = people[h];
    const household = sizes.length;
    sizes.push(0);
    heads.push(h);
    put(h, household, 'head');
    const want = 1 + weighted(rng, SIZE_WEIGHTS);
    const add = (relation: HouseholdRelation, test: (p: Person) => boolean, ideal: number) => {
      if (sizes[household] >= want) return false;
      const i = find(test, ideal);
      if (i < 0) return false;
      put(i, household, relation);
      return true;
    };
    if (want >= 2 && rng() < 0.85)
      add('spouse', (p) => p.sex !== head.sex && p.age >= 20 && Math.abs(p.age - head.age) <= 8, head.age + (head.sex === 'M' ? -2 : 2));
    while (add('child', (p) => p.age <= head.age - 18 && p.age >= head.age - 42, head.age - 28));
    if (head.age >= 50) while (add('grandchild', (p) => p.age <= head.age - 40, head.age - 55));
    for (let k = 0; k < 2; k++) add('parent', (p) => p.age >= head.age + 18 && p.age <= head.age + 42, head.age + 27);
  }

  // the minors no family took: the child of a household with room whose head could be their parent,
  // else a grandchild, else a relative living with any household with room
  people.forEach((p, i) => {
    if (!free(i)) return;
    const room = heads.map((h, household) => ({ h, household })).filter(({ household }) => sizes[household] < MAX_HOUSEHOLD);
    const byAge = (lo: number, hi: number) => room.filter(({ h }) => people[h].age - p.age >= lo && people[h].age - p.age <= hi);
    const parent = byAge(18, 45);
    const grand = byAge(40, 80);
    const [choice, relation] = parent.length
      ? [parent[between(rng, 0, parent.length - 1)], 'child' as const]
      : grand.length
        ? [grand[between(rng, 0, grand.length - 1)], 'grandchild' as const]
        : room.length
          ? [room[between(rng, 0, room.length - 1)], 'other' as const]
          : [undefined, 'head' as const];
    if (choice) put(i, choice.household, relation);
    else {
      // every household is full (or there is none): a household of their own
      sizes.push(0);
      heads.push(i);
      put(i, sizes.length - 1, 'head');
    }
  });
  return placed as Placement[];
}

/** 村 address of the n-th household (from 0): groups (组) of 25 households. */
export const householdAddress = (village: string, n: number) => `${village}${Math.floor(n / 25) + 1}组${(n % 25) + 1}号`;
