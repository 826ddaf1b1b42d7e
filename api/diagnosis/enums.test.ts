// The diagnosis lists of values against the database: each CHECK constraint `column in (...)` allows
// exactly the values of its list in enums.ts (a value added there without its migration fails here).
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import { checkedValues } from '../db/checkedValues';
import { AGREEMENT, CENTRE_KIND, CHEST_PAIN_OUTCOME, CONSULTATION_CANCEL_REASON, CONSULTATION_STATUS, DX_STATUS, DX_URGENCY } from './enums';

describe('diagnosis: lists of values', () => {
  before(() => system());

  for (const [table, column, list] of [
    ['diagnosis_centres', 'kind', CENTRE_KIND],
    ['diagnosis_requests', 'kind', CENTRE_KIND],
    ['diagnosis_requests', 'urgency', DX_URGENCY],
    ['diagnosis_requests', 'status', DX_STATUS],
    ['diagnosis_samples', 'agreement', AGREEMENT],
    ['chest_pain_cases', 'outcome', CHEST_PAIN_OUTCOME],
    ['diagnosis_consultations', 'status', CONSULTATION_STATUS],
    ['diagnosis_consultations', 'cancel_reason', CONSULTATION_CANCEL_REASON],
  ] as const) {
    it(`${table}.${column} allows exactly the values of enums.${list.name}`, async () => {
      expect(await checkedValues(table, column))
        .to.have.members([...list.values])
        .and.to.have.lengthOf(list.values.length);
    });
  }
});
