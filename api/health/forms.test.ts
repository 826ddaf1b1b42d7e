// The national follow-up forms over HTTP on a real database (issue 16): the hypertension record in
// full (classified, BMI, next visit, the two-week recheck task, the task done), the fields each form
// refuses with their names, two uncontrolled visits in a row → an up-referral made with one tap
// through the referrals domain, and the elderly annual check (self-care score and level, findings,
// guidance) completing the resident's elderly-check task.
import { expect } from 'chai';
import { auditCount, get, post, unitId, type AnswerOf, type Json, type Problem } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import type { OrgUnit } from '../org';
import type { Referral } from '../referrals';
import type { Followup, Resident, Task } from './model';
import type { createFollowup, readFollowup } from './followupService';
import type { readTask } from './taskService';
import { checkDigit } from '../core/personalId';
import { addDays } from './rules';
import * as clock from '../core/clock';

let serial = 700;
/** A valid ID number (region 630104, not used by the demo data) for a birth date. */
function idNumber(birth: string) {
  serial += 1;
  const first17 = `630104${birth.replace(/-/g, '')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
const today = clock.today();
const year = Number(today.slice(0, 4));
const bornYearsAgo = (n: number) => `${year - n}-03-15`;

async function resident(conditions: string[], age: number) {
  const r = await post<Json<Resident>>(
    '/api/residents',
    {
      name: `表单${serial + 1}`,
      id_number: idNumber(bornYearsAgo(age)),
      conditions: conditions.map((code) => ({ code, diagnosed_on: `${year - 3}-01-01` })),
    },
    { as: 'doctor-V001' },
  );
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body;
}

const openTasks = async (residentId: number, type: string) =>
  (await get<Json<Task>[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { resident_id: residentId, type, bucket: 'open' } } })).body;

const fields = (r: { body: Problem }) => r.body.error.details?.map((d) => d.field);
type Saved = AnswerOf<typeof createFollowup>;
const followup = async (id: number) => (await get<AnswerOf<typeof readFollowup>>(`/api/followups/${id}`, { as: 'doctor-V001' })).body;
const taskPage = async (id: string) => await get<AnswerOf<typeof readTask>>(`/api/tasks/${id}`, { as: 'doctor-V001' });
const followupsOf = async (residentId: number) =>
  (await get<Json<Followup>[]>('/api/followups', { as: 'doctor-V001', query: { filter: { resident_id: residentId } } })).body;

/** The hypertension record as the national form asks it, at 150/95 mmHg. */
const fullHypertension = {
  type: 'hypertension',
  mode: 'clinic',
  symptoms: ['headache_dizziness', 'limb_numbness'],
  symptoms_other: '偶有乏力',
  systolic: 150,
  diastolic: 95,
  weight_kg: 72.5,
  target_weight_kg: 68,
  height_cm: 168,
  heart_rate: 78,
  signs_other: '双下肢无水肿',
  smoking_per_day: 10,
  smoking_target: 0,
  drinking_per_day: 2,
  drinking_target: 1,
  exercise_per_week: 2,
  exercise_minutes: 20,
  exercise_per_week_target: 5,
  exercise_minutes_target: 30,
  salt_intake: 'heavy',
  salt_intake_target: 'light',
  psychological_adjustment: 'good',
  compliance: 'fair',
  exams_other: '心电图未见异常',
  medication_adherence: 'intermittent',
  adverse_reaction: false,
  new_complication: false,
  medications: [
    { name: '苯磺酸氨氯地平片', times_per_day: 1, dose: 5, unit: 'mg' },
    { name: '氢氯噻嗪片', times_per_day: 1, dose: 12.5, unit: 'mg' },
  ],
};

describe('health: the national follow-up forms (HTTP, real database)', () => {
  let township: number | null;
  before(async () => {
    const v001 = await unitId('V001');
    township = (await get<Json<OrgUnit>>(`/api/org-units/${v001}`, { as: 'admin' })).body.parent_id;
  });

  describe('the hypertension and diabetes records', () => {
    it('saves the hypertension record in full: classified 控制不满意, BMI, next visit in two weeks, the recheck task, the task done', async () => {
      const r = await resident(['hypertension'], 58);
      const task = (await openTasks(r.id, 'hypertension')).find((t) => t.window_start <= today && t.window_end >= today)!;
      expect(task, 'this quarter’s task').to.not.equal(undefined);
      const before = await auditCount();
      const res = await post<Saved>('/api/followups', { ...fullHypertension, resident_id: r.id, visited_on: today, task_id: task.id }, { as: 'doctor-V001' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({
        classification: 'uncontrolled',
        on_target: false,
        advice: 'recheck_in_2_weeks',
        referral_reason: null,
        bmi: 25.7, // 72.5 / 1.68²
        target_bmi: 24.1, // 68 / 1.68²
        next_visit_on: addDays(today, 14),
        salt_intake: 'heavy',
        medication_adherence: 'intermittent',
        task_id: task.id,
      });
      expect(res.body.task).to.include({ id: task.id, state: 'done' });
      expect(await auditCount()).to.equal(before + 1);
      // the record reads back as it was written
      const read = { body: await followup(res.body.id) };
      expect(read.body.symptoms).to.deep.equal(['headache_dizziness', 'limb_numbness']);
      expect(read.body.medications).to.deep.equal(fullHypertension.medications);
      expect(read.body).to.include({ drinking_per_day: 2, exercise_minutes_target: 30, compliance: 'fair', elderly_check: null });
      // the norms' two-week recheck
      const recheck = await taskPage(`${r.id}-hypertension_recheck-${today}`);
      expect(recheck.status).to.equal(200);
      expect(recheck.body).to.include({ type: 'hypertension', due_on: addDays(today, 14), window_end: addDays(today, 28) });
    });

    it('a controlled diabetes visit is seen again within three months, with no recheck task; the BMI takes the last height measured', async () => {
      const r = await resident(['diabetes'], 50);
      const first = await post<Saved>(
        '/api/followups',
        { ...ANSWERED, resident_id: r.id, type: 'diabetes', visited_on: addDays(today, -30), fasting_glucose: 6.4, weight_kg: 60, height_cm: 160 },
        { as: 'doctor-V001' },
      );
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      const res = await post<Saved>(
        '/api/followups',
        {
          ...ANSWERED,
          resident_id: r.id,
          type: 'diabetes',
          visited_on: today,
          symptoms: ['none'],
          fasting_glucose: 6.1,
          hba1c: 6.6,
          weight_kg: 64,
          dorsalis_pedis: 'normal',
          staple_food_g: 300,
          staple_food_target_g: 250,
          hypoglycaemia: 'none',
          medication_adherence: 'regular',
          adverse_reaction: false,
          medications: [{ name: '盐酸二甲双胍片', times_per_day: 2, dose: 500, unit: 'mg' }],
          next_visit_on: addDays(today, 60),
        },
        { as: 'doctor-V001' },
      );
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ classification: 'controlled', on_target: true, advice: null, bmi: 25, next_visit_on: addDays(today, 60), hba1c: 6.6 });
      expect((await taskPage(`${r.id}-diabetes_recheck-${today}`)).status).to.equal(404);
    });

    it('names the field of each wrong answer (400) and writes nothing', async () => {
      const r = await resident(['hypertension', 'diabetes'], 62);
      const base = { ...ANSWERED, resident_id: r.id, visited_on: today, type: 'hypertension', systolic: 150, diastolic: 92 };
      const cases: [Record<string, unknown>, string[]][] = [
        [{ symptoms: ['polyuria'] }, ['symptoms.0']],
        [{ symptoms: ['none', 'headache_dizziness'] }, ['symptoms']],
        [{ symptoms: ['fever'] }, ['symptoms.0']],
        [{ hypoglycaemia: 'none', staple_food_g: 300 }, ['staple_food_g', 'hypoglycaemia']],
        [{ type: 'diabetes', fasting_glucose: 8, salt_intake: 'heavy' }, ['salt_intake']],
        [{ adverse_reaction: true }, ['adverse_reaction_text']],
        [{ new_complication: true }, ['complication_text']],
        [{ smoking_per_day: 150, exercise_per_week: 30 }, ['smoking_per_day', 'exercise_per_week']],
        [{ medications: [{ name: '氨氯地平', times_per_day: 1, dose: 5, unit: 'pill' }] }, ['medications.0.unit']],
        [{ medications: [{ name: '', times_per_day: 0, dose: 5, unit: 'mg' }] }, ['medications.0.name', 'medications.0.times_per_day']],
        [{ medication_adherence: 'sometimes' }, ['medication_adherence']],
        // the record's required answers, whichever form sent the visit
        [
          { symptoms: [], medication_adherence: null, adverse_reaction: null, new_complication: null },
          ['symptoms', 'medication_adherence', 'adverse_reaction', 'new_complication'],
        ],
        // uncontrolled: the norms want the next visit within two weeks
        [{ next_visit_on: addDays(today, 30) }, ['next_visit_on']],
        [{ type: 'home_visit', symptoms: ['none'] }, ['symptoms']],
        // each in range, together no person: a BMI of 979.6 (once saved as it was) and of 1,562.5 (once a database overflow)
        [{ weight_kg: 120, height_cm: 35 }, ['weight_kg']],
        [{ height_cm: 40, target_weight_kg: 250 }, ['target_weight_kg']],
        [
          { elderly_check: { eating: 'independent' } },
          ['elderly_check.grooming', 'elderly_check.dressing', 'elderly_check.toileting', 'elderly_check.activity'],
        ],
      ];
      for (const [change, expected] of cases) {
        const res = await post<Problem>('/api/followups', { ...base, ...change }, { as: 'doctor-V001' });
        expect(res.status, JSON.stringify(change)).to.equal(400);
        expect(fields(res), JSON.stringify(change)).to.include.members(expected);
        expect(res.body.error.message).to.not.match(/select|insert|stack/i);
      }
      expect(await followupsOf(r.id)).to.deep.equal([]);
    });
  });

  describe('the one-tap up-referral', () => {
    it('two uncontrolled visits in a row advise an up-referral; one tap refers the resident to the township with diagnosis and reason', async () => {
      const r = await resident(['hypertension'], 55);
      const first = await post<Saved>(
        '/api/followups',
        { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: addDays(today, -10), systolic: 156, diastolic: 94 },
        { as: 'doctor-V001' },
      );
      expect(first.body).to.include({ classification: 'uncontrolled', advice: 'recheck_in_2_weeks' });
      // the first visit advises no referral: the tap is refused, naming the follow-up
      const tooEarly = await post<Problem>('/api/referrals/from-followup', { followup_id: first.body.id }, { as: 'doctor-V001' });
      expect(tooEarly.status).to.equal(422);
      expect(fields(tooEarly)).to.deep.equal(['followup_id']);

      const second = await post<Saved>(
        '/api/followups',
        {
          ...fullHypertension,
          resident_id: r.id,
          visited_on: today,
          systolic: 162,
          diastolic: 98,
          task_id: `${r.id}-hypertension_recheck-${addDays(today, -10)}`,
        },
        { as: 'doctor-V001' },
      );
      expect(second.status, JSON.stringify(second.body)).to.equal(200);
      expect(second.body).to.include({
        classification: 'uncontrolled',
        advice: 'up_referral',
        referral_reason: 'uncontrolled_twice',
        next_visit_on: addDays(today, 14),
      });
      expect(second.body.task).to.include({ state: 'done' }); // the two-week recheck it answered

      // another village's doctor cannot see the visit
      const stranger = await post('/api/referrals/from-followup', { followup_id: second.body.id }, { as: 'doctor-V002' });
      expect(stranger.status).to.equal(404);

      const before = await auditCount();
      const tap = await post<Json<Referral>>('/api/referrals/from-followup', { followup_id: second.body.id }, { as: 'doctor-V001' });
      expect(tap.status, JSON.stringify(tap.body)).to.equal(200);
      expect(tap.body).to.include({
        resident_id: r.id,
        direction: 'up',
        urgency: 'routine',
        purpose: 'treatment',
        from_org_unit_id: r.org_unit_id,
        to_org_unit_id: township,
        diagnosis_code: 'I10',
        diagnosis_text: '原发性高血压',
        reason: `连续两次控制不满意；${today} 随访：血压 162/98 mmHg`,
        status: 'requested',
      });
      expect(tap.body.summary).to.equal(
        '症状：头痛头晕、四肢发麻\n服药依从性：间断\n用药：苯磺酸氨氯地平片 每日1次 每次5毫克；氢氯噻嗪片 每日1次 每次12.5毫克',
      );
      // the referral and the follow-up's link, one transaction, an audit row each
      expect(await auditCount()).to.equal(before + 2);
      expect((await followup(second.body.id)).referral_id).to.equal(tap.body.id);
      const referral = await get<Json<Referral>>(`/api/referrals/${tap.body.id}`, { as: 'doctor-V001' });
      expect(referral.body).to.include({ patient_name: r.name, status: 'requested' });
      // one tap is one referral
      const again = await post<Problem<Record<string, unknown>>>('/api/referrals/from-followup', { followup_id: second.body.id }, { as: 'doctor-V001' });
      expect(again.status).to.equal(409);
      expect(again.body.error.details).to.include({ referral_id: tap.body.id });
    });

    it('a new complication advises the referral at once; a critical glucose refers urgently', async () => {
      const r = await resident(['hypertension', 'diabetes'], 66);
      const complication = await post<Saved>(
        '/api/followups',
        {
          ...ANSWERED,
          resident_id: r.id,
          type: 'hypertension',
          visited_on: today,
          systolic: 138,
          diastolic: 82,
          new_complication: true,
          complication_text: '新发左下肢无力',
        },
        { as: 'doctor-V001' },
      );
      expect(complication.body).to.include({ classification: 'complication', on_target: true, advice: 'up_referral', referral_reason: 'complication' });
      const critical = await post<Saved>(
        '/api/followups',
        { ...ANSWERED, resident_id: r.id, type: 'diabetes', visited_on: today, fasting_glucose: 17.4 },
        { as: 'doctor-V001' },
      );
      expect(critical.body).to.include({ classification: 'uncontrolled', advice: 'urgent_referral', referral_reason: 'critical' });
      const tap = await post<Json<Referral>>('/api/referrals/from-followup', { followup_id: critical.body.id }, { as: 'doctor-V001' });
      expect(tap.status, JSON.stringify(tap.body)).to.equal(200);
      expect(tap.body).to.include({ urgency: 'urgent', diagnosis_code: 'E11.9', to_org_unit_id: township });
      expect(tap.body.reason).to.match(/^危急情况.*空腹血糖 17\.4 mmol\/L$/);
    });
  });

  describe('the elderly annual check', () => {
    const check = {
      eating: 'independent',
      grooming: 'mild',
      dressing: 'independent',
      toileting: 'independent',
      activity: 'moderate',
      health_self_assessment: 'fairly_satisfied',
      cognition_screen: 'negative',
      emotion_screen: 'negative',
      temperature_c: 36.5,
      respiration_rate: 18,
      waist_cm: 88,
      exam_abnormal: ['hearing'],
      exam_notes: '右耳听力下降',
      haemoglobin: 128,
      wbc: 6.2,
      platelets: 210,
      urine_protein: 'negative',
      alt: 28,
      ast: 25,
      total_bilirubin: 12.5,
      creatinine: 70,
      urea: 5.6,
      total_cholesterol: 6.4,
      triglycerides: 1.9,
      ldl: 3.6,
      hdl: 1.2,
      ecg: 'normal',
      ultrasound: 'normal',
      guidance: ['recheck'],
      risk_advice: ['fall_prevention', 'diet', 'exercise'],
    };

    it('records the check on its own form: self-care 6 (轻度依赖), the findings, 有异常 with guidance; the elderly task done, the next check a year on', async () => {
      const r = await resident([], 72);
      const task = (await openTasks(r.id, 'elderly_check')).find((t) => t.window_start <= today && t.window_end >= today)!;
      expect(task, 'this year’s elderly check').to.not.equal(undefined);
      const before = await auditCount();
      const res = await post<Saved>(
        '/api/followups',
        {
          resident_id: r.id,
          type: 'elderly_check',
          visited_on: today,
          task_id: task.id,
          systolic: 146,
          diastolic: 86,
          heart_rate: 74,
          weight_kg: 66,
          height_cm: 165,
          fasting_glucose: 5.8,
          elderly_check: check,
        },
        { as: 'doctor-V001' },
      );
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body.task).to.include({ id: task.id, state: 'done' });
      expect(res.body).to.include({ bmi: 24.2, classification: null });
      // 梳洗 轻度依赖 1 + 活动 中度依赖 5 = 6 → 轻度依赖; 146/86 is on target at 72; cholesterol 6.4 ≥ 6.2
      expect(res.body.elderly_check).to.include({
        self_care_score: 6,
        self_care_level: 'mild',
        assessment: 'abnormal',
        // a year on: from 29 February, the 28th (clock.addMonths)
        next_check_on: clock.addMonths(today, 12),
      });
      expect(res.body.elderly_check?.findings).to.deep.equal(['overweight', 'dyslipidaemia', 'exam', 'self_care']);
      expect(res.body.elderly_check?.risk_advice).to.deep.equal(['fall_prevention', 'diet', 'exercise']);
      expect(await auditCount()).to.equal(before + 1);
      const read = { body: await followup(res.body.id) };
      expect(read.body.elderly_check).to.include({ total_cholesterol: 6.4, urea: 5.6, exam_notes: '右耳听力下降', self_care_level: 'mild' });
      expect((await taskPage(task.id)).body.state).to.equal('done');
    });

    it('refuses an item answered with a level its row lacks, a missing reading, a lab out of range, an abnormal check without guidance (400 naming each)', async () => {
      const r = await resident([], 68);
      const body = { resident_id: r.id, type: 'elderly_check', visited_on: today, systolic: 128, diastolic: 78, heart_rate: 70, weight_kg: 60, height_cm: 160 };
      const cases: [Record<string, unknown>, Record<string, unknown>, string[]][] = [
        [{}, { eating: 'mild' }, ['elderly_check.eating']],
        [{ height_cm: undefined }, {}, ['height_cm']],
        [{}, { urine_protein: 'lots' }, ['elderly_check.urine_protein']],
        [{}, { haemoglobin: 400, creatinine: 5 }, ['elderly_check.haemoglobin', 'elderly_check.creatinine']],
        [{}, { guidance: [] }, ['elderly_check.guidance']],
        [{}, { exam_abnormal: ['teeth'] }, ['elderly_check.exam_abnormal.0']],
      ];
      for (const [change, checkChange, expected] of cases) {
        const res = await post<Problem>('/api/followups', { ...body, ...change, elderly_check: { ...check, ...checkChange } }, { as: 'doctor-V001' });
        expect(res.status, JSON.stringify(checkChange)).to.equal(400);
        expect(fields(res), JSON.stringify(checkChange)).to.include.members(expected);
      }
      expect(await followupsOf(r.id)).to.deep.equal([]);
      // a resident under 65 has no elderly check (422)
      const young = await resident(['hypertension'], 50);
      const refused = await post('/api/followups', { ...body, resident_id: young.id, elderly_check: check }, { as: 'doctor-V001' });
      expect(refused.status).to.equal(422);
    });
  });
});
