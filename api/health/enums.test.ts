// The health lists of values against the database: each CHECK constraint `column in (...)` allows exactly
// the values of its list in enums.ts (a value added there without its migration fails here), and the
// service packages the migration seeds are the PACKAGE list.
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import type { Enum } from '../core/enums';
import { checkedValues } from '../db/checkedValues';
import { db } from '../db/knex';
import { SEX } from '../hr';
import {
  CLASSIFICATION,
  CONTRACT_STATUS,
  DEREGISTRATION_REASON,
  FOLLOWUP_MODE,
  FOLLOWUP_TYPE,
  HOUSEHOLD_RELATION,
  MEMBER_ROLE,
  PACKAGE,
  SCHEDULE_TRIGGER,
  TASK_STATE,
} from './enums';

const CHECKED: [table: string, column: string, list: Enum<string>][] = [
  ['residents', 'sex', SEX],
  ['residents', 'deregistration_reason', DEREGISTRATION_REASON],
  ['residents', 'household_relation', HOUSEHOLD_RELATION],
  ['team_members', 'role', MEMBER_ROLE],
  ['contracts', 'status', CONTRACT_STATUS],
  ['followup_schedules', 'trigger', SCHEDULE_TRIGGER],
  ['followups', 'type', FOLLOWUP_TYPE],
  ['followups', 'mode', FOLLOWUP_MODE],
  ['followups', 'classification', CLASSIFICATION],
  ['tasks', 'state', TASK_STATE],
];

describe('health: lists of values', () => {
  before(() => system());

  for (const [table, column, list] of CHECKED) {
    it(`${table}.${column} allows exactly the values of enums.${list.name}`, async () => {
      expect(await checkedValues(table, column))
        .to.have.members([...list.values])
        .and.to.have.lengthOf(list.values.length);
    });
  }

  it('the service packages are the PACKAGE list', async () => {
    const codes: string[] = await db()('service_packages').pluck('code');
    expect(codes)
      .to.have.members([...PACKAGE.values])
      .and.to.have.lengthOf(PACKAGE.values.length);
  });
});
