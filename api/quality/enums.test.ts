// The quality lists of values against the database: each CHECK constraint `column in (...)` allows
// exactly the values of its list in enums.ts (a value added there without its migration fails here).
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import { checkedValues } from '../db/checkedValues';
import { COMMITTEE_KIND, COMMITTEE_ROLE, FINDING_STATUS, INSPECTION_KIND, INSPECTION_STATUS, MEETING_KIND, SEVERITY } from './enums';

describe('quality: lists of values', () => {
  before(() => system());

  for (const [table, column, list] of [
    ['quality_committees', 'kind', COMMITTEE_KIND],
    ['quality_committee_members', 'role', COMMITTEE_ROLE],
    ['quality_meetings', 'kind', MEETING_KIND],
    ['quality_inspections', 'kind', INSPECTION_KIND],
    ['quality_inspections', 'status', INSPECTION_STATUS],
    ['quality_findings', 'severity', SEVERITY],
    ['quality_findings', 'status', FINDING_STATUS],
  ] as const) {
    it(`${table}.${column} allows exactly the values of enums.${list.name}`, async () => {
      expect(await checkedValues(table, column))
        .to.have.members([...list.values])
        .and.to.have.lengthOf(list.values.length);
    });
  }
});
