// The HR lists of values against the database: each CHECK constraint `column in (...)` allows exactly
// the values of its list in enums.ts (a value added there without its migration fails here).
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import type { Enum } from '../core/enums';
import { checkedValues } from '../db/checkedValues';
import {
  ASSESSMENT_YEAR_STATUS,
  CONTRACT_STATUS,
  EMPLOYMENT_TYPE,
  GRADE,
  LICENCE_STATUS,
  POST_STATUS,
  PROMOTION_STATUS,
  ROTATION_STATUS,
  ROTATION_TYPE,
  SEX,
  STAFF_STATUS,
  TITLE,
} from './enums';
import { LADDERS } from './staff/rules';

const CHECKED: [table: string, column: string, list: Enum<string>][] = [
  ['staff', 'sex', SEX],
  ['staff', 'status', STAFF_STATUS],
  ['staff', 'employment_type', EMPLOYMENT_TYPE],
  ['posts', 'status', POST_STATUS],
  ['licences', 'status', LICENCE_STATUS],
  ['title_promotions', 'status', PROMOTION_STATUS],
  ['assessment_years', 'status', ASSESSMENT_YEAR_STATUS],
  ['assessments', 'grade', GRADE],
  ['village_doctor_contracts', 'status', CONTRACT_STATUS],
  ['rotations', 'type', ROTATION_TYPE],
  ['rotations', 'status', ROTATION_STATUS],
];

describe('hr: lists of values', () => {
  before(() => system());

  for (const [table, column, list] of CHECKED) {
    it(`${table}.${column} allows exactly the values of enums.${list.name}`, async () => {
      expect(await checkedValues(table, column))
        .to.have.members([...list.values])
        .and.to.have.lengthOf(list.values.length);
    });
  }

  it('the title ladders hold every title once', () => {
    const laddered = Object.values(LADDERS).flat();
    expect(laddered)
      .to.have.members([...TITLE.values])
      .and.to.have.lengthOf(TITLE.values.length);
  });
});
