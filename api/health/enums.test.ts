// The health lists of values against the database: each CHECK constraint `column in (...)` (for a list
// column `column <@ array[...]`) allows exactly
// the values of its list in enums.ts (a value added there without its migration fails here), and the
// service packages the migration seeds are the PACKAGE list.
import { expect } from 'chai';
import { system } from '../../scripts/test/harness';
import type { Enum } from '../core/enums';
import { checkedValues } from '../db/checkedValues';
import { db } from '../db/knex';
import { SEX } from '../hr';
import {
  ADJUSTMENT,
  ADVICE,
  CLASSIFICATION,
  CONTRACT_STATUS,
  DEREGISTRATION_REASON,
  DORSALIS_PEDIS,
  EXAM_ITEM,
  EXAM_RESULT,
  FINDING,
  FOLLOWUP_MODE,
  FOLLOWUP_TYPE,
  GUIDANCE,
  HEALTH_SELF_ASSESSMENT,
  HYPOGLYCAEMIA,
  MEDICATION_ADHERENCE,
  HOUSEHOLD_RELATION,
  MEMBER_ROLE,
  PACKAGE,
  RISK_ADVICE,
  SALT_INTAKE,
  SCHEDULE_TRIGGER,
  SCREEN_RESULT,
  SELF_CARE_ITEM,
  SELF_CARE_LEVEL,
  SYMPTOM,
  TASK_STATE,
  UP_REFERRAL_REASON,
  URINE_PROTEIN,
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
  ['followups', 'advice', ADVICE],
  ['followups', 'referral_reason', UP_REFERRAL_REASON],
  ['followups', 'symptoms', SYMPTOM],
  ['followups', 'dorsalis_pedis', DORSALIS_PEDIS],
  ['followups', 'salt_intake', SALT_INTAKE],
  ['followups', 'salt_intake_target', SALT_INTAKE],
  ['followups', 'psychological_adjustment', ADJUSTMENT],
  ['followups', 'compliance', ADJUSTMENT],
  ['followups', 'medication_adherence', MEDICATION_ADHERENCE],
  ['followups', 'hypoglycaemia', HYPOGLYCAEMIA],
  ['tasks', 'state', TASK_STATE],
  // the elderly check: each self-care item is answered with a level, the score gives one
  ...SELF_CARE_ITEM.values.map((item): [string, string, Enum<string>] => ['elderly_checks', item, SELF_CARE_LEVEL]),
  ['elderly_checks', 'self_care_level', SELF_CARE_LEVEL],
  ['elderly_checks', 'health_self_assessment', HEALTH_SELF_ASSESSMENT],
  ['elderly_checks', 'cognition_screen', SCREEN_RESULT],
  ['elderly_checks', 'emotion_screen', SCREEN_RESULT],
  ['elderly_checks', 'exam_abnormal', EXAM_ITEM],
  ['elderly_checks', 'urine_protein', URINE_PROTEIN],
  ['elderly_checks', 'ecg', EXAM_RESULT],
  ['elderly_checks', 'ultrasound', EXAM_RESULT],
  ['elderly_checks', 'assessment', EXAM_RESULT],
  ['elderly_checks', 'findings', FINDING],
  ['elderly_checks', 'guidance', GUIDANCE],
  ['elderly_checks', 'risk_advice', RISK_ADVICE],
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

  it('the self-care scores are those of 老年人生活自理能力评估表: each item scores its levels in order, the worst total is 37 (the CHECK on self_care_score)', () => {
    const worst = SELF_CARE_ITEM.values.reduce((sum, item) => sum + SELF_CARE_ITEM.labels[item].scores.dependent, 0);
    expect(worst).to.equal(37);
    for (const item of SELF_CARE_ITEM.values) {
      const scores = SELF_CARE_LEVEL.values.flatMap((l) => (SELF_CARE_ITEM.labels[item].scores as Partial<Record<string, number>>)[l] ?? []);
      expect(scores, item).to.deep.equal([...scores].sort((a, b) => a - b));
    }
  });

  it('every symptom belongs to the hypertension record, the diabetes record or both: nine each, as the forms list them', () => {
    for (const s of SYMPTOM.values) expect(SYMPTOM.labels[s].types.length, s).to.be.greaterThan(0);
    expect(SYMPTOM.values.filter((s) => SYMPTOM.labels[s].types.includes('hypertension'))).to.have.length(9);
    expect(SYMPTOM.values.filter((s) => SYMPTOM.labels[s].types.includes('diabetes'))).to.have.length(9);
  });

  it('the service packages are the PACKAGE list', async () => {
    const codes = await db()('service_packages').pluck<string[]>('code');
    expect(codes)
      .to.have.members([...PACKAGE.values])
      .and.to.have.lengthOf(PACKAGE.values.length);
  });
});
