// The pharmacy lists of values against the database: each CHECK constraint `column in (...)` allows
// exactly the values of its list in enums.ts (a value added there without its migration fails here).
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import { checkedValues } from '../db/checkedValues';
import {
  DRUG_ROUTE,
  PRESCRIBER_ACTION_KIND,
  PRESCRIBER_ACTION_STATUS,
  RX_CARE_TYPE,
  RX_FLAG,
  RX_IRRATIONAL_REASON,
  RX_OUTCOME,
  RX_REVIEW_STATUS,
} from './enums';

describe('pharmacy: lists of values', () => {
  before(() => system());

  for (const [table, column, list] of [
    ['prescriptions', 'care_type', RX_CARE_TYPE],
    ['prescriptions', 'review_status', RX_REVIEW_STATUS],
    ['prescriptions', 'outcome', RX_OUTCOME],
    ['prescriptions', 'reason', RX_IRRATIONAL_REASON],
    ['prescriptions', 'flags', RX_FLAG],
    ['prescription_items', 'route', DRUG_ROUTE],
    ['prescriber_actions', 'kind', PRESCRIBER_ACTION_KIND],
    ['prescriber_actions', 'status', PRESCRIBER_ACTION_STATUS],
  ] as const) {
    it(`${table}.${column} allows exactly the values of enums.${list.name}`, async () => {
      expect(await checkedValues(table, column))
        .to.have.members([...list.values])
        .and.to.have.lengthOf(list.values.length);
    });
  }
});
