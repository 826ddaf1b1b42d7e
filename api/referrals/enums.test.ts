// The referral lists of values against the database: each CHECK constraint `column in (...)` allows
// exactly the values of its list in enums.ts (a value added there without its migration fails here).
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import { checkedValues } from '../db/checkedValues';
import { DIRECTION, PURPOSE, STATUS, URGENCY } from './enums';

describe('referrals: lists of values', () => {
  before(() => system());

  for (const [column, list] of [
    ['direction', DIRECTION],
    ['urgency', URGENCY],
    ['purpose', PURPOSE],
    ['status', STATUS],
  ] as const) {
    it(`referrals.${column} allows exactly the values of enums.${list.name}`, async () => {
      expect(await checkedValues('referrals', column))
        .to.have.members([...list.values])
        .and.to.have.lengthOf(list.values.length);
    });
  }
});
