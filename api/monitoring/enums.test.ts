// The monitoring lists of values against the database: each CHECK constraint `column in (...)` allows
// exactly the values of its list in enums.ts (an indicator added there without its migration fails here).
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import { checkedValues } from '../db/checkedValues';
import { INDICATOR, QUALITATIVE_INDICATORS, VISIT_SOURCE } from './enums';

describe('monitoring: lists of values', () => {
  before(() => system());

  for (const [table, column, values] of [
    ['monitoring_targets', 'indicator', INDICATOR.values],
    ['monitoring_evidence', 'indicator', QUALITATIVE_INDICATORS],
    ['visit_counts', 'source', VISIT_SOURCE.values],
  ] as const) {
    it(`${table}.${column} allows exactly its list's values`, async () => {
      expect(await checkedValues(table, column))
        .to.have.members([...values])
        .and.to.have.lengthOf(values.length);
    });
  }
});
