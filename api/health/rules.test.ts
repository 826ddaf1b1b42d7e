// Health rules without a database: populations, measurement checks, classification by the
// norms (with the 65+ target, the critical readings, twice in a row), the national record, the
// elderly check (self-care score, findings), scheduling (periods, deterministic ids, due dates, states), contracts, indicators, teams.
// norms, scheduling (periods, deterministic ids, due dates, states), contracts, indicators, teams,
// a household's one-save visit, village doctors' monthly targets.
import { expect } from 'chai';
import { addMonths, monthRange, previousMonth } from '../core/clock';
import {
  ageOn,
  ageTags,
  assess,
  bmiOf,
  bmiProblems,
  completes,
  contractEnd,
  contractTransitionProblem,
  dueOn,
  elderlyFindings,
  elderlyProblems,
  isOverdue,
  measurementProblems,
  needsRecheck,
  nextElderlyCheckOn,
  nextVisitOn,
  nextVisitProblem,
  goalToDate,
  householdVisitProblems,
  monthProgress,
  monthlyShares,
  openStateOn,
  periodOf,
  planTasks,
  ratio,
  recheckPlan,
  recordProblems,
  referralDraft,
  residentTags,
  selfCare,
  selfCareProblems,
  storedTags,
  targetMonthProblem,
  targetStatus,
  taskId,
  teamProblems,
  worstFirst,
  type HealthIndicators,
  type Schedule,
} from './rules';
import { bucketCounts, inBucket } from './buckets';

const quarterly: Schedule = {
  code: 'hypertension_quarterly',
  trigger: 'period',
  followup_type: 'hypertension',
  population: 'hypertension',
  period_months: 3,
  due_within_days: 60,
};
const elderly: Schedule = {
  code: 'elderly_annual',
  trigger: 'period',
  followup_type: 'elderly_check',
  population: 'elderly_65',
  period_months: 12,
  due_within_days: 270,
};
const recheck: Schedule = {
  code: 'hypertension_recheck',
  trigger: 'uncontrolled',
  followup_type: 'hypertension',
  population: 'hypertension',
  period_months: 1,
  due_within_days: 14,
};

describe('health rules', () => {
  describe('key populations', () => {
    it('derives 65 and over and 0–6 from the birth date, on the day asked', () => {
      expect(ageOn('1961-11-24', '2026-11-23')).to.equal(64);
      expect(ageOn('1961-11-23', '2026-11-23')).to.equal(65);
      expect(ageTags('1961-11-24', '2026-11-23')).to.deep.equal([]);
      expect(ageTags('1961-11-23', '2026-11-23')).to.deep.equal(['elderly_65']);
      expect(ageTags('2019-11-24', '2026-11-23')).to.deep.equal(['child_0_6']);
      expect(ageTags('2019-11-23', '2026-11-23')).to.deep.equal([]);
    });

    it('stores condition tags and typed ones, never the age tags', () => {
      const tags = storedTags(
        [
          { code: 'diabetes', diagnosed_on: '2020-01-01' },
          { code: 'copd', diagnosed_on: '2021-01-01' },
        ],
        ['pregnant'],
      );
      expect(tags).to.deep.equal(['diabetes', 'pregnant']);
      expect(residentTags({ birth_date: '1950-01-01', tags }, '2026-01-01')).to.deep.equal(['elderly_65', 'diabetes', 'pregnant']);
    });
  });

  describe('measurements', () => {
    it('names the field of a value out of range, a diastolic above the systolic, a missing reading', () => {
      expect(measurementProblems('hypertension', { systolic: 400, diastolic: 90 })).to.deep.equal([
        { field: 'systolic', message: 'must be between 60 and 300 mmHg', rule: 'out_of_range', params: { lo: 60, hi: 300 } },
      ]);
      expect(measurementProblems('hypertension', { systolic: 120, diastolic: 130 }).map((p) => p.field)).to.deep.equal(['diastolic']);
      expect(measurementProblems('diabetes', { fasting_glucose: 0.5 }).map((p) => p.field)).to.deep.equal(['fasting_glucose']);
      expect(measurementProblems('diabetes', {}).map((p) => p.field)).to.deep.equal(['fasting_glucose']);
      expect(measurementProblems('health_education', {}).map((p) => p.field)).to.deep.equal(['topic', 'attendees']);
      expect(measurementProblems('elderly_check', { weight_kg: 70, height_cm: 170, heart_rate: 300 }).map((p) => p.field)).to.deep.equal(['heart_rate']);
      expect(measurementProblems('hypertension', { systolic: 139, diastolic: 89 })).to.deep.equal([]);
    });

    it('classifies hypertension below 140/90 as controlled, diabetes below 7.0 mmol/L', () => {
      expect(assess('hypertension', { systolic: 139, diastolic: 89 })).to.deep.equal({
        classification: 'controlled',
        on_target: true,
        advice: null,
        referral_reason: null,
      });
      expect(assess('hypertension', { systolic: 140, diastolic: 80 }).classification).to.equal('uncontrolled');
      expect(assess('hypertension', { systolic: 130, diastolic: 90 }).classification).to.equal('uncontrolled');
      expect(assess('hypertension', { systolic: 150, diastolic: 95 })).to.deep.equal({
        classification: 'uncontrolled',
        on_target: false,
        advice: 'recheck_in_2_weeks',
        referral_reason: null,
      });
      expect(assess('diabetes', { fasting_glucose: 6.9 }).classification).to.equal('controlled');
      expect(assess('diabetes', { fasting_glucose: 7.0 })).to.deep.equal({
        classification: 'uncontrolled',
        on_target: false,
        advice: 'recheck_in_2_weeks',
        referral_reason: null,
      });
      expect(assess('elderly_check', { systolic: 150, diastolic: 95 })).to.deep.equal({
        classification: null,
        on_target: null,
        advice: null,
        referral_reason: null,
      });
    });

    it('holds a patient aged 65 or over to 150/90 mmHg (规范第三版), younger ones to 140/90', () => {
      expect(assess('hypertension', { systolic: 146, diastolic: 84 }, { age: 64 }).classification).to.equal('uncontrolled');
      expect(assess('hypertension', { systolic: 146, diastolic: 84 }, { age: 65 }).classification).to.equal('controlled');
      expect(assess('hypertension', { systolic: 149, diastolic: 89 }, { age: 72 }).on_target).to.equal(true);
      expect(assess('hypertension', { systolic: 150, diastolic: 84 }, { age: 72 }).on_target).to.equal(false);
      expect(assess('hypertension', { systolic: 138, diastolic: 90 }, { age: 72 }).on_target).to.equal(false);
    });

    it('refers at once on a critical reading: ≥ 180/110 mmHg, glucose ≥ 16.7 or ≤ 3.9 mmol/L (even when on target)', () => {
      expect(assess('hypertension', { systolic: 182, diastolic: 100 })).to.deep.equal({
        classification: 'uncontrolled',
        on_target: false,
        advice: 'urgent_referral',
        referral_reason: 'critical',
      });
      expect(assess('hypertension', { systolic: 170, diastolic: 110 }).advice).to.equal('urgent_referral');
      expect(assess('hypertension', { systolic: 179, diastolic: 109 }).advice).to.equal('recheck_in_2_weeks');
      expect(assess('diabetes', { fasting_glucose: 16.7 }).advice).to.equal('urgent_referral');
      expect(assess('diabetes', { fasting_glucose: 16.6 }).advice).to.equal('recheck_in_2_weeks');
      expect(assess('diabetes', { fasting_glucose: 3.9 })).to.deep.equal({
        classification: 'controlled',
        on_target: true,
        advice: 'urgent_referral',
        referral_reason: 'critical',
      });
      expect(assess('diabetes', { fasting_glucose: 6.2, systolic: 185, diastolic: 100 }).advice).to.equal('urgent_referral');
    });

    it('classifies 并发症 before 不良反应 before the readings', () => {
      expect(assess('hypertension', { systolic: 128, diastolic: 78, adverse_reaction: true })).to.deep.equal({
        classification: 'adverse_reaction',
        on_target: true,
        advice: 'recheck_in_2_weeks',
        referral_reason: null,
      });
      expect(assess('hypertension', { systolic: 150, diastolic: 96, adverse_reaction: true, new_complication: true })).to.deep.equal({
        classification: 'complication',
        on_target: false,
        advice: 'up_referral',
        referral_reason: 'complication',
      });
      expect(assess('diabetes', { fasting_glucose: 6.1, new_complication: true }).advice).to.equal('up_referral');
    });

    it('advises an up-referral after two uncontrolled visits in a row, or an adverse reaction at two in a row; one alone is a two-week recheck', () => {
      const uncontrolledBefore = { on_target: false, adverse_reaction: false };
      const controlledBefore = { on_target: true, adverse_reaction: false };
      expect(assess('hypertension', { systolic: 152, diastolic: 94 }, { previous: uncontrolledBefore })).to.deep.equal({
        classification: 'uncontrolled',
        on_target: false,
        advice: 'up_referral',
        referral_reason: 'uncontrolled_twice',
      });
      expect(assess('hypertension', { systolic: 152, diastolic: 94 }, { previous: controlledBefore }).advice).to.equal('recheck_in_2_weeks');
      expect(assess('hypertension', { systolic: 152, diastolic: 94 }, { previous: null }).advice).to.equal('recheck_in_2_weeks');
      // back on target after an uncontrolled visit: nothing to do
      expect(assess('hypertension', { systolic: 132, diastolic: 82 }, { previous: uncontrolledBefore }).advice).to.equal(null);
      // 65+: 146/84 is on target, so it is not a second uncontrolled visit
      expect(assess('hypertension', { systolic: 146, diastolic: 84 }, { age: 70, previous: uncontrolledBefore }).advice).to.equal(null);
      expect(assess('diabetes', { fasting_glucose: 8.4 }, { previous: uncontrolledBefore }).referral_reason).to.equal('uncontrolled_twice');
      expect(assess('diabetes', { fasting_glucose: 6.4, adverse_reaction: true }, { previous: { on_target: true, adverse_reaction: true } })).to.deep.equal({
        classification: 'adverse_reaction',
        on_target: true,
        advice: 'up_referral',
        referral_reason: 'adverse_reaction_persisting',
      });
      expect(needsRecheck({ advice: 'up_referral' })).to.equal(true);
      expect(needsRecheck({ advice: null })).to.equal(false);
    });

    it('dates the next visit two weeks after an advice, else three months on (a shorter month ends it)', () => {
      expect(nextVisitOn('2026-11-03', { advice: 'recheck_in_2_weeks' })).to.equal('2026-11-17');
      expect(nextVisitOn('2026-11-03', { advice: 'up_referral' })).to.equal('2026-11-17');
      expect(nextVisitOn('2026-11-03', { advice: null })).to.equal('2027-02-03');
      expect(nextVisitOn('2026-11-30', { advice: null })).to.equal('2027-02-28');
      expect(nextVisitOn('2027-11-30', { advice: null })).to.equal('2028-02-29');
      expect(addMonths('2026-05-31', 3)).to.equal('2026-08-31');
      expect(addMonths('2026-12-15', 12)).to.equal('2027-12-15');
      expect(nextVisitProblem('2026-11-03', '2026-11-17', { advice: 'recheck_in_2_weeks' })).to.equal(null);
      expect(nextVisitProblem('2026-11-03', '2026-11-18', { advice: 'recheck_in_2_weeks' })).to.deep.equal({
        field: 'next_visit_on',
        message: 'must be on or before 2026-11-17: the norms ask for a visit within 14 days',
      });
      expect(nextVisitProblem('2026-11-03', '2027-02-04', { advice: null })?.message).to.equal(
        'must be on or before 2027-02-03: a patient is seen at least every 3 months',
      );
      expect(nextVisitProblem('2026-11-03', '2026-11-03', { advice: null })?.message).to.equal('must be after the visit');
    });

    it('computes BMI to one decimal', () => {
      expect(bmiOf(70, 170)).to.equal(24.2);
      expect(bmiOf(52.5, 160)).to.equal(20.5);
    });

    it('names a weight whose BMI at this height no person has; no height, nothing to judge', () => {
      expect(bmiProblems(170, { weight_kg: 65, target_weight_kg: 60 })).to.deep.equal([]);
      expect(bmiProblems(35, { weight_kg: 120, target_weight_kg: 3 })).to.deep.equal([
        { field: 'weight_kg', message: 'gives a BMI of 979.6 at 35 cm: check the weight and the height' },
      ]);
      expect(bmiProblems(180, { target_weight_kg: 1 }).map((p) => p.field)).to.deep.equal(['target_weight_kg']);
      expect(bmiProblems(undefined, { weight_kg: 300 })).to.deep.equal([]);
    });
  });

  describe('the national record', () => {
    // the answers every chronic visit gives (无症状, 规律服药, no adverse reaction, no complication)
    const answered = { symptoms: ['none' as const], medication_adherence: 'regular', adverse_reaction: false, new_complication: false };

    it('wants symptoms, adherence, adverse reaction and complication answered, each named when missing (无症状 and 无 are answers)', () => {
      expect(recordProblems('hypertension', answered)).to.deep.equal([]);
      expect(recordProblems('hypertension', {})).to.deep.equal([
        { field: 'symptoms', message: 'is required for a hypertension follow-up', rule: 'required' },
        { field: 'medication_adherence', message: 'is required for a hypertension follow-up', rule: 'required' },
        { field: 'adverse_reaction', message: 'is required for a hypertension follow-up', rule: 'required' },
        { field: 'new_complication', message: 'is required for a hypertension follow-up', rule: 'required' },
      ]);
      expect(recordProblems('diabetes', { ...answered, symptoms: [], medication_adherence: '' }).map((p) => p.field)).to.deep.equal([
        'symptoms',
        'medication_adherence',
      ]);
      expect(recordProblems('diabetes', { ...answered, adverse_reaction: null, new_complication: undefined }).map((p) => p.field)).to.deep.equal([
        'adverse_reaction',
        'new_complication',
      ]);
      // another type's visit is not asked for them
      expect(recordProblems('elderly_check', {})).to.deep.equal([]);
    });

    it('takes symptoms of its own form, 无症状 alone, and no field of the other form', () => {
      expect(recordProblems('hypertension', { ...answered, symptoms: ['headache_dizziness', 'lower_limb_oedema'], salt_intake: 'heavy' })).to.deep.equal([]);
      expect(recordProblems('hypertension', { ...answered, symptoms: ['polyuria'] })).to.deep.equal([
        { field: 'symptoms.0', message: 'polyuria is not a symptom of the hypertension record' },
      ]);
      expect(recordProblems('diabetes', { ...answered, symptoms: ['none', 'polyuria'] })).to.deep.equal([
        { field: 'symptoms', message: 'none (无症状) stands alone' },
      ]);
      expect(recordProblems('diabetes', { ...answered, salt_intake: 'light', hba1c: 7.2, dorsalis_pedis: 'normal' })).to.deep.equal([
        { field: 'salt_intake', message: 'is part of the hypertension record only' },
      ]);
      expect(recordProblems('hypertension', { ...answered, hypoglycaemia: 'none' }).map((p) => p.field)).to.deep.equal(['hypoglycaemia']);
      expect(recordProblems('elderly_check', { symptoms: ['none'], medications: [] }).map((p) => p.field)).to.deep.equal(['symptoms']);
    });

    it('keeps lifestyle numbers in range and wants an adverse reaction or a complication described', () => {
      expect(recordProblems('hypertension', { ...answered, smoking_per_day: 120, exercise_per_week: 3, drinking_per_day: 2.5 })).to.deep.equal([
        { field: 'smoking_per_day', message: 'must be between 0 and 100 cigarettes a day', rule: 'out_of_range', params: { lo: 0, hi: 100 } },
      ]);
      expect(recordProblems('diabetes', { ...answered, hba1c: 2 }).map((p) => p.field)).to.deep.equal(['hba1c']);
      expect(recordProblems('hypertension', { ...answered, adverse_reaction: true }).map((p) => p.field)).to.deep.equal(['adverse_reaction_text']);
      expect(recordProblems('hypertension', { ...answered, adverse_reaction: true, adverse_reaction_text: '干咳' })).to.deep.equal([]);
      expect(recordProblems('hypertension', { ...answered, new_complication: true, complication_text: ' ' }).map((p) => p.field)).to.deep.equal([
        'complication_text',
      ]);
      expect(recordProblems('hypertension', { ...answered, adverse_reaction: false, adverse_reaction_text: '干咳' }).map((p) => p.field)).to.deep.equal([
        'adverse_reaction_text',
      ]);
    });

    it('drafts the referral a visit advises: resident, diagnosis, the reason with the readings, a summary; none for a recheck', () => {
      const visit = {
        resident_id: 42,
        org_unit_id: 9,
        type: 'hypertension',
        visited_on: '2026-11-03',
        systolic: 158,
        diastolic: 96,
        fasting_glucose: null,
        advice: 'up_referral',
        referral_reason: 'uncontrolled_twice',
        symptoms: ['headache_dizziness'],
        medication_adherence: 'intermittent',
        medications: [{ name: '苯磺酸氨氯地平片', times_per_day: 1, dose: 5, unit: 'mg' as const }],
      };
      expect(referralDraft(visit)).to.deep.equal({
        resident_id: 42,
        from_org_unit_id: 9,
        direction: 'up',
        urgency: 'routine',
        purpose: 'treatment',
        diagnosis_code: 'I10',
        diagnosis_text: '原发性高血压',
        reason: '连续两次控制不满意；2026-11-03 随访：血压 158/96 mmHg',
        summary: '症状：头痛头晕\n服药依从性：间断\n用药：苯磺酸氨氯地平片 每日1次 每次5毫克',
      });
      expect(
        referralDraft({
          ...visit,
          type: 'diabetes',
          systolic: null,
          diastolic: null,
          fasting_glucose: 17.2,
          advice: 'urgent_referral',
          referral_reason: 'critical',
        }),
      ).to.include({
        urgency: 'urgent',
        diagnosis_code: 'E11.9',
        reason: '危急情况（血压≥180/110 mmHg 或血糖≥16.7/≤3.9 mmol/L）；2026-11-03 随访：空腹血糖 17.2 mmol/L',
      });
      expect(referralDraft({ ...visit, advice: 'recheck_in_2_weeks', referral_reason: null })).to.equal(null);
    });
  });

  describe('the elderly annual check', () => {
    const independent = { eating: 'independent', grooming: 'independent', dressing: 'independent', toileting: 'independent', activity: 'independent' } as const;

    it('scores 老年人生活自理能力评估: 0–3 可自理, 4–8 轻度依赖, 9–18 中度依赖, ≥ 19 不能自理', () => {
      expect(selfCare(independent)).to.deep.equal({ score: 0, level: 'independent' });
      // 梳洗 1 + 如厕 1 + 活动 1 = 3
      expect(selfCare({ ...independent, grooming: 'mild', toileting: 'mild', activity: 'mild' })).to.deep.equal({ score: 3, level: 'independent' });
      // 进餐 3 + 活动 1 = 4
      expect(selfCare({ ...independent, eating: 'moderate', activity: 'mild' })).to.deep.equal({ score: 4, level: 'mild' });
      // 梳洗 3 + 活动 5 = 8; + 穿衣 3 = 11
      expect(selfCare({ ...independent, grooming: 'moderate', activity: 'moderate' })).to.deep.equal({ score: 8, level: 'mild' });
      expect(selfCare({ ...independent, grooming: 'moderate', activity: 'moderate', dressing: 'moderate' })).to.deep.equal({ score: 11, level: 'moderate' });
      // 如厕 10 + 活动 5 + 进餐 3 = 18; 如厕 10 + 活动 10 = 20
      expect(selfCare({ ...independent, toileting: 'dependent', activity: 'moderate', eating: 'moderate' })).to.deep.equal({ score: 18, level: 'moderate' });
      expect(selfCare({ ...independent, toileting: 'dependent', activity: 'dependent' })).to.deep.equal({ score: 20, level: 'dependent' });
      expect(selfCare({ eating: 'dependent', grooming: 'dependent', dressing: 'dependent', toileting: 'dependent', activity: 'dependent' }).score).to.equal(37);
    });

    it('refuses 轻度依赖 for 进餐 and 穿衣 (their rows have none)', () => {
      expect(selfCareProblems({ ...independent, eating: 'mild', dressing: 'mild', grooming: 'mild' }, 'elderly_check.')).to.deep.equal([
        { field: 'elderly_check.eating', message: 'eating has no mild answer' },
        { field: 'elderly_check.dressing', message: 'dressing has no mild answer' },
      ]);
    });

    it('finds what is abnormal from the readings, the tests, the examination, the screens and self-care', () => {
      const well = {
        sex: 'F' as const,
        age: 70,
        systolic: 146,
        diastolic: 84,
        fasting_glucose: 6.2,
        bmi: 23.9,
        haemoglobin: 118,
        alt: 35,
        creatinine: 76,
        total_cholesterol: 5.1,
        triglycerides: 1.6,
        ldl: 3.0,
        hdl: 1.3,
        urine_protein: 'trace',
        exam_abnormal: [],
        ecg: 'normal',
        self_care_level: 'independent' as const,
      };
      expect(elderlyFindings(well)).to.deep.equal([]);
      expect(
        elderlyFindings({
          ...well,
          systolic: 152,
          fasting_glucose: 7.1,
          bmi: 24.0,
          haemoglobin: 109,
          alt: 41,
          creatinine: 82,
          urine_protein: 'plus1',
          hdl: 0.9,
          exam_abnormal: ['hearing'],
          ecg: 'abnormal',
          cognition_screen: 'positive',
          self_care_level: 'mild',
        }),
      ).to.deep.equal([
        'high_bp',
        'high_glucose',
        'overweight',
        'anaemia',
        'liver_function',
        'kidney_function',
        'urine_protein',
        'dyslipidaemia',
        'exam',
        'ecg',
        'cognition',
        'self_care',
      ]);
      // the limits differ by sex: 118 g/L is anaemia for a man, not for a woman; ALT 45 is abnormal for a woman only
      expect(elderlyFindings({ ...well, sex: 'M' })).to.deep.equal(['anaemia']);
      expect(elderlyFindings({ ...well, sex: 'M', haemoglobin: 130, alt: 45 })).to.deep.equal([]);
      expect(elderlyFindings({ ...well, bmi: 28 })).to.deep.equal(['obese']);
      expect(elderlyFindings({ ...well, bmi: 18.4 })).to.deep.equal(['underweight']);
      expect(elderlyFindings({ ...well, total_cholesterol: 6.2 })).to.deep.equal(['dyslipidaemia']);
    });

    it('wants the readings, numbers in range, and guidance after an abnormal check; the next check a year on', () => {
      const readings = { systolic: 130, diastolic: 80, weight_kg: 60, height_cm: 160, heart_rate: 72 };
      expect(elderlyProblems({ ...independent }, readings, [])).to.deep.equal([]);
      expect(elderlyProblems({ ...independent, guidance: ['recheck'] }, readings, ['high_bp'])).to.deep.equal([]);
      expect(elderlyProblems({ ...independent, haemoglobin: 20 }, { ...readings, height_cm: null }, ['high_bp'])).to.deep.equal([
        { field: 'height_cm', message: 'is required for an elderly check', rule: 'required' },
        { field: 'elderly_check.haemoglobin', message: 'must be between 30 and 250 g/L', rule: 'out_of_range', params: { lo: 30, hi: 250 } },
        { field: 'elderly_check.guidance', message: '体检发现血压偏高：请选择纳入慢性病患者健康管理、建议复查、建议转诊' },
      ]);
      // on the doctor's form: the findings by their Chinese labels, never the codes
      expect(elderlyProblems({ ...independent }, readings, ['high_bp', 'anaemia'])).to.deep.equal([
        { field: 'elderly_check.guidance', message: '体检发现血压偏高、血红蛋白偏低：请选择纳入慢性病患者健康管理、建议复查、建议转诊' },
      ]);
      expect(nextElderlyCheckOn('2026-03-10')).to.equal('2027-03-10');
      expect(nextElderlyCheckOn('2028-02-29')).to.equal('2029-02-28');
    });
  });

  describe('scheduling', () => {
    it('labels periods and their windows', () => {
      expect(periodOf(3, '2026-05-17')).to.deep.equal({ period: '2026-Q2', window_start: '2026-04-01', window_end: '2026-06-30' });
      expect(periodOf(12, '2024-02-29')).to.deep.equal({ period: '2024', window_start: '2024-01-01', window_end: '2024-12-31' });
      expect(periodOf(1, '2024-02-10')).to.deep.equal({ period: '2024-02', window_start: '2024-02-01', window_end: '2024-02-29' });
      expect(periodOf(6, '2026-07-01').period).to.equal('2026-H2');
      expect(periodOf(2, '2026-12-31')).to.deep.equal({ period: '2026-B6', window_start: '2026-11-01', window_end: '2026-12-31' });
    });

    it('plans four quarterly tasks a year for a hypertension patient, with deterministic ids and due dates inside the windows', () => {
      const r = { id: 42, birth_date: '1970-06-01', tags: ['hypertension'] };
      const plans = planTasks(r, [quarterly, elderly], '2026-01-01', '2026-12-31');
      expect(plans.map((p) => p.id)).to.deep.equal([
        '42-hypertension_quarterly-2026-Q1',
        '42-hypertension_quarterly-2026-Q2',
        '42-hypertension_quarterly-2026-Q3',
        '42-hypertension_quarterly-2026-Q4',
      ]);
      for (const p of plans) expect(p.due_on >= p.window_start && p.due_on <= p.window_end).to.equal(true);
      expect(planTasks(r, [quarterly, elderly], '2026-01-01', '2026-12-31')).to.deep.equal(plans); // same input, same tasks
      expect(taskId(42, 'hypertension_quarterly', '2026-Q1')).to.equal(plans[0].id);
    });

    it('gives a 65th birthday inside the year the annual check, and nothing to a 40-year-old without conditions', () => {
      expect(planTasks({ id: 1, birth_date: '1961-08-01', tags: [] }, [quarterly, elderly], '2026-01-01', '2026-12-31').map((p) => p.id)).to.deep.equal([
        '1-elderly_annual-2026',
      ]);
      expect(planTasks({ id: 2, birth_date: '1986-08-01', tags: [] }, [quarterly, elderly], '2026-01-01', '2026-12-31')).to.deep.equal([]);
    });

    it('spreads due dates over the schedule span by resident, within the window', () => {
      const days = new Set(Array.from({ length: 100 }, (_, i) => dueOn('2026-04-01', '2026-06-30', 60, i)));
      expect(days.size).to.be.greaterThan(30);
      for (const d of days) expect(d >= '2026-04-01' && d <= '2026-05-30').to.equal(true);
      expect(dueOn('2026-02-01', '2026-02-28', 60, 59)).to.equal('2026-02-28'.slice(0, 8) + String(1 + ((59 * 37) % 28)).padStart(2, '0'));
    });

    it('plans the two-week recheck after an uncontrolled visit', () => {
      expect(recheckPlan(recheck, 7, '2026-11-03')).to.deep.equal({
        id: '7-hypertension_recheck-2026-11-03',
        resident_id: 7,
        schedule_code: 'hypertension_recheck',
        type: 'hypertension',
        period: '2026-11-03',
        window_start: '2026-11-04',
        window_end: '2026-12-01',
        due_on: '2026-11-17',
      });
    });

    it('moves states by dates, computes overdue at query time, completes only inside the window and face to face', () => {
      const t = { window_start: '2026-10-01', window_end: '2026-12-31', type: 'hypertension', due_on: '2026-11-10' };
      expect(openStateOn(t, '2026-09-30')).to.equal('upcoming');
      expect(openStateOn(t, '2026-10-01')).to.equal('due');
      expect(openStateOn(t, '2027-01-01')).to.equal('missed');
      expect(isOverdue({ ...t, state: 'due' }, '2026-11-11')).to.equal(true);
      expect(isOverdue({ ...t, state: 'due' }, '2026-11-10')).to.equal(false);
      expect(isOverdue({ ...t, state: 'done' }, '2026-12-01')).to.equal(false);
      const visit = { type: 'hypertension', visited_on: '2026-11-20', mode: 'clinic' as const };
      expect(completes({ ...t, state: 'due' }, visit)).to.equal(true);
      expect(completes({ ...t, state: 'upcoming' }, visit)).to.equal(true);
      expect(completes({ ...t, state: 'missed' }, visit)).to.equal(false);
      expect(completes({ ...t, state: 'due' }, { ...visit, mode: 'phone' })).to.equal(false);
      expect(completes({ ...t, state: 'due' }, { ...visit, type: 'diabetes' })).to.equal(false);
      expect(completes({ ...t, state: 'due' }, { ...visit, visited_on: '2026-09-30' })).to.equal(false);
    });
  });

  describe('my tasks buckets', () => {
    const task = (due_on: string, state = 'due') => ({ due_on, state });
    it('today is what is due by today: the overdue and today’s; overdue strictly before; this month by the calendar', () => {
      const today = '2026-12-06';
      expect(inBucket(task('2026-10-20'), 'today', today)).to.equal(true);
      expect(inBucket(task('2026-12-06'), 'today', today)).to.equal(true);
      expect(inBucket(task('2026-12-07'), 'today', today)).to.equal(false);
      expect(inBucket(task('2026-12-06'), 'overdue', today)).to.equal(false);
      expect(inBucket(task('2026-12-05'), 'overdue', today)).to.equal(true);
      expect(inBucket(task('2026-12-01'), 'this_month', today)).to.equal(true);
      expect(inBucket(task('2026-12-31'), 'this_month', today)).to.equal(true);
      expect(inBucket(task('2026-11-30'), 'this_month', today)).to.equal(false);
      expect(inBucket(task('2027-01-04', 'upcoming'), 'open', today)).to.equal(true);
      for (const state of ['done', 'missed', 'cancelled']) {
        for (const b of ['today', 'overdue', 'this_month', 'open'] as const)
          expect(inBucket(task('2026-12-01', state), b, today), `${state} ${b}`).to.equal(false);
      }
    });

    it('counts a village’s tasks as the summary does, on the last day of a year too', () => {
      const tasks = [task('2026-10-20'), task('2026-12-30'), task('2026-12-31'), task('2027-01-02', 'upcoming'), task('2026-12-01', 'done')];
      expect(bucketCounts(tasks, '2026-12-31')).to.deep.equal({ overdue: 2, today: 3, this_month: 2, open: 4, due_today: 1 });
      expect(bucketCounts(tasks, '2027-01-01')).to.deep.equal({ overdue: 3, today: 3, this_month: 1, open: 4, due_today: 0 });
      expect(bucketCounts([], '2026-12-31')).to.deep.equal({ overdue: 0, today: 0, this_month: 0, open: 0, due_today: 0 });
    });
  });

  describe('contracts', () => {
    it('run one year and change state only along the allowed transitions', () => {
      expect(contractEnd('2026-03-15')).to.equal('2027-03-14');
      expect(contractEnd('2024-02-29')).to.equal('2025-02-28');
      expect(contractTransitionProblem('active', 'terminated')).to.equal(null);
      expect(contractTransitionProblem('terminated', 'renewed')).to.match(/allowed: none/);
      expect(contractTransitionProblem('renewed', 'terminated')).to.match(/cannot become terminated/);
    });
  });

  describe('indicators', () => {
    it('rounds to four decimals and answers null over zero', () => {
      expect(ratio(1, 3)).to.deep.equal({ numerator: 1, denominator: 3, value: 0.3333 });
      expect(ratio(0, 0)).to.deep.equal({ numerator: 0, denominator: 0, value: null });
    });

    it('sorts units worst first, units without a denominator last', () => {
      const ind = (v: number | null): HealthIndicators => {
        const r = { numerator: 0, denominator: v === null ? 0 : 1, value: v };
        return { contract_rate: r, key_population_contract_rate: r, standardised_management_rate: r, control_rate: r, task_completion_rate: r };
      };
      const rows = [
        { name: 'a', indicators: ind(0.9) },
        { name: 'b', indicators: ind(null) },
        { name: 'c', indicators: ind(0.2) },
      ];
      expect(worstFirst(rows, 'control_rate').map((r) => r.name)).to.deep.equal(['c', 'a', 'b']);
    });
  });

  describe('teams', () => {
    const facts = {
      townshipVillageIds: new Set([10, 11]),
      users: new Map([
        [1, { roles: ['staff_clerk'], org_unit_id: 5, active: true }],
        [2, { roles: ['village_doctor'], org_unit_id: 10, active: true }],
        [3, { roles: ['village_doctor'], org_unit_id: 99, active: true }],
      ]),
    };
    it('needs one general-practitioner leader, villages of the township, village doctors of served villages', () => {
      expect(
        teamProblems(
          {
            village_ids: [10],
            members: [
              { user_id: 1, role: 'general_practitioner', is_leader: true },
              { user_id: 2, role: 'village_doctor' },
            ],
          },
          facts,
        ),
      ).to.deep.equal([]);
      const bad = teamProblems(
        {
          village_ids: [10, 12],
          members: [
            { user_id: 2, role: 'village_doctor', is_leader: true },
            { user_id: 3, role: 'village_doctor' },
            { user_id: 4, role: 'nurse' },
          ],
        },
        facts,
      );
      expect(bad.map((p) => p.field)).to.deep.equal(['village_ids.1', 'members', 'members.1.user_id', 'members.2.user_id']);
    });
  });
  describe('households', () => {
    it('takes visits of members only, each task once, one visit of a type per member', () => {
      const members = new Set([7, 8]);
      expect(
        householdVisitProblems(
          [
            { resident_id: 7, type: 'hypertension', task_id: '7-hypertension_quarterly-2026-Q2' },
            { resident_id: 7, type: 'diabetes', task_id: '7-diabetes_quarterly-2026-Q2' },
            { resident_id: 8, type: 'elderly_check' },
          ],
          members,
        ),
      ).to.deep.equal([]);
      const bad = householdVisitProblems(
        [
          { resident_id: 7, type: 'hypertension', task_id: 'a' },
          { resident_id: 9, type: 'hypertension' },
          { resident_id: 8, type: 'hypertension', task_id: 'a' },
          { resident_id: 7, type: 'hypertension' },
        ],
        members,
      );
      expect(bad.map((p) => p.field)).to.deep.equal(['visits.1.resident_id', 'visits.2.task_id', 'visits.3.type']);
      expect(householdVisitProblems([], members)).to.deep.equal([{ field: 'visits', message: 'at least one visit' }]);
    });
  });

  describe('targets', () => {
    it('works in months: their days, the one before, how far a target may be set', () => {
      expect(monthRange('2028-02')).to.deep.equal({ start: '2028-02-01', end: '2028-02-29' });
      expect(previousMonth('2026-01')).to.equal('2025-12');
      expect(previousMonth('2026-10')).to.equal('2026-09');
      expect(targetMonthProblem('2027-06', '2026-06-30')).to.equal(null);
      expect(targetMonthProblem('2025-06', '2026-06-01')).to.equal(null);
      expect(targetMonthProblem('2027-07', '2026-06-30')).to.include({ field: 'month' });
      expect(targetMonthProblem('2025-05', '2026-06-01')).to.include({ field: 'month' });
    });

    it('spreads a window’s tasks evenly over its months as their goals: the third month of a quarter has its share', () => {
      const shares = (from: string, to: string, n: number) => Object.fromEntries(monthlyShares(from, to, n));
      // a quarter's 40 follow-ups (due in its first 60 days): 13, 13, 14 — the shares add up to 40
      expect(shares('2026-04-01', '2026-06-30', 40)).to.deep.equal({ '2026-04': 13, '2026-05': 13, '2026-06': 14 });
      expect(shares('2026-04-01', '2026-06-30', 3)).to.deep.equal({ '2026-04': 1, '2026-05': 1, '2026-06': 1 });
      // what does not divide falls late: one task is the third month's, two the second's and third's
      expect(shares('2026-04-01', '2026-06-30', 1)).to.deep.equal({ '2026-06': 1 });
      expect(shares('2026-04-01', '2026-06-30', 2)).to.deep.equal({ '2026-05': 1, '2026-06': 1 });
      // a recheck's four weeks across two months: the month its window closes in; within one month: that month
      expect(shares('2026-01-20', '2026-02-16', 1)).to.deep.equal({ '2026-02': 1 });
      expect(shares('2026-03-02', '2026-03-29', 2)).to.deep.equal({ '2026-03': 2 });
      // a year's elderly checks over its twelve months, across the turn of the year too
      const year = shares('2026-01-01', '2026-12-31', 30);
      expect(Object.values(year).reduce((a, b) => a + b, 0)).to.equal(30);
      expect(Object.keys(year)).to.have.length(12);
      expect(year['2026-01']).to.equal(2);
      expect(year['2026-02']).to.equal(3);
      expect(shares('2025-12-01', '2026-01-31', 4)).to.deep.equal({ '2025-12': 2, '2026-01': 2 });
    });

    it('spreads a goal over the days gone: none on the first day, the whole once the month is over', () => {
      // June has 30 days; on 16 June 15 days are gone: 30 × 15 / 30
      expect(goalToDate(30, '2026-06', '2026-06-01')).to.equal(0);
      expect(goalToDate(30, '2026-06', '2026-06-16')).to.equal(15);
      expect(goalToDate(10, '2026-06', '2026-06-16')).to.equal(5);
      // 7 × 10 / 30 = 2.33: two are due by the 11th
      expect(goalToDate(7, '2026-06', '2026-06-11')).to.equal(2);
      expect(goalToDate(30, '2026-06', '2026-06-30')).to.equal(29);
      expect(goalToDate(30, '2026-06', '2026-07-01')).to.equal(30);
      expect(goalToDate(30, '2026-07', '2026-06-20')).to.equal(0);
    });

    it('is met at the goal, on track while keeping pace, behind when lagging or below the goal of a month that is over', () => {
      expect(targetStatus(12, 12, '2026-06', '2026-06-05')).to.equal('met');
      expect(targetStatus(0, 0, '2026-05', '2026-06-05')).to.equal('met');
      // 16 June: 15 of 30 due
      expect(targetStatus(15, 30, '2026-06', '2026-06-16')).to.equal('on_track');
      expect(targetStatus(14, 30, '2026-06', '2026-06-16')).to.equal('behind');
      expect(targetStatus(0, 30, '2026-06', '2026-06-01')).to.equal('on_track');
      // last month: anything below the goal is behind
      expect(targetStatus(29, 30, '2026-05', '2026-06-01')).to.equal('behind');
    });

    it('takes the goal set for the month, else the default from the records, per metric', () => {
      const progress = monthProgress(
        '2026-05',
        '2026-06-10',
        { followups: 9, contracts: 3, checks: 0 },
        { followups: 12, contracts: 2, checks: 4 },
        {
          followups: 8,
          contracts: null,
        },
      );
      expect(progress).to.deep.equal({
        followups: { done: 9, goal: 8, default_goal: 12, set: true, status: 'met' },
        contracts: { done: 3, goal: 2, default_goal: 2, set: false, status: 'met' },
        checks: { done: 0, goal: 4, default_goal: 4, set: false, status: 'behind' },
      });
    });
  });
});
