// The national follow-up records and the elderly annual check (issue 16), after 国家基本公共卫生服务规范
// （第三版）: the hypertension and type-2 diabetes follow-ups become the 随访服务记录表 (symptoms, signs,
// lifestyle this visit / target, adherence, adverse reactions, medicines, the visit's classification,
// the referral advice, the next visit), and 老年人健康管理 gets its own record (`elderly_checks`, one per
// follow-up of type elderly_check: self-care assessment, the check's items, assessment and guidance).
//
// Every new column is nullable: follow-ups logged before keep their shape and stay valid. Their
// classification was computed from the readings alone, so it is also their `on_target`.
// The lists are written out here as they were when this migration landed (a landed migration never
// changes); api/health/enums.test.ts holds each CHECK to its list in api/health/enums.ts.
import type { Knex } from 'knex';

const SYMPTOMS = [
  'none',
  'headache_dizziness',
  'nausea_vomiting',
  'blurred_vision_tinnitus',
  'dyspnoea',
  'palpitation_chest_tightness',
  'epistaxis',
  'limb_numbness',
  'lower_limb_oedema',
  'polydipsia',
  'polyphagia',
  'polyuria',
  'blurred_vision',
  'infection',
  'hand_foot_numbness',
  'weight_loss',
];
const CLASSIFICATIONS = ['controlled', 'uncontrolled', 'adverse_reaction', 'complication'];
const ADVICE = ['recheck_in_2_weeks', 'up_referral', 'urgent_referral'];
const REFERRAL_REASONS = ['critical', 'uncontrolled_twice', 'adverse_reaction_persisting', 'complication'];
const DORSALIS_PEDIS = ['normal', 'weakened_both', 'weakened_left', 'weakened_right', 'absent_both', 'absent_left', 'absent_right'];
const SALT = ['light', 'moderate', 'heavy'];
const ADJUSTMENT = ['good', 'fair', 'poor'];
const ADHERENCE = ['regular', 'intermittent', 'none'];
const HYPOGLYCAEMIA = ['none', 'occasional', 'frequent'];
const SELF_CARE_LEVELS = ['independent', 'mild', 'moderate', 'dependent'];
const SELF_ASSESSMENT = ['satisfied', 'fairly_satisfied', 'unsure', 'not_quite_satisfied', 'dissatisfied'];
const SCREEN = ['negative', 'positive'];
const EXAM_ITEMS = ['skin', 'lymph_nodes', 'heart', 'lungs', 'abdomen', 'oral', 'vision', 'hearing', 'motor'];
const EXAM_RESULT = ['normal', 'abnormal'];
const URINE_PROTEIN = ['negative', 'trace', 'plus1', 'plus2', 'plus3', 'plus4'];
const FINDINGS = [
  'high_bp',
  'high_glucose',
  'underweight',
  'overweight',
  'obese',
  'anaemia',
  'liver_function',
  'kidney_function',
  'urine_protein',
  'dyslipidaemia',
  'exam',
  'ecg',
  'ultrasound',
  'cognition',
  'emotion',
  'self_care',
];
const GUIDANCE = ['chronic_management', 'recheck', 'referral'];
const RISK_ADVICE = [
  'quit_smoking',
  'drink_less',
  'diet',
  'exercise',
  'lose_weight',
  'vaccination',
  'fall_prevention',
  'osteoporosis_prevention',
  'cognition_emotion',
];

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
/** `column <@ ARRAY[...]`: every element of a text[] column is one of the values. */
const subsetOf = (column: string, values: readonly string[]) => `${column} <@ array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const nullOr = (column: string, check: string) => `${column} is null or ${check}`;

export async function up(knex: Knex) {
  await knex.schema.alterTable('followups', (t) => {
    // 症状
    t.specificType('symptoms', 'text[]');
    t.text('symptoms_other');
    // 体征 (blood pressure, weight, height and heart rate are the existing columns)
    t.decimal('target_weight_kg', 5, 1);
    t.decimal('bmi', 4, 1);
    t.decimal('target_bmi', 4, 1);
    t.text('dorsalis_pedis');
    t.text('signs_other');
    // 生活方式指导: this visit and the target
    t.integer('smoking_per_day');
    t.integer('smoking_target');
    t.decimal('drinking_per_day', 3, 1); // 两
    t.decimal('drinking_target', 3, 1);
    t.integer('exercise_per_week');
    t.integer('exercise_minutes');
    t.integer('exercise_per_week_target');
    t.integer('exercise_minutes_target');
    t.text('salt_intake');
    t.text('salt_intake_target');
    t.integer('staple_food_g');
    t.integer('staple_food_target_g');
    t.text('psychological_adjustment');
    t.text('compliance');
    // 辅助检查
    t.decimal('hba1c', 3, 1);
    t.text('exams_other');
    // 服药依从性, 药物不良反应, 低血糖反应, 并发症
    t.text('medication_adherence');
    t.boolean('adverse_reaction');
    t.text('adverse_reaction_text');
    t.text('hypoglycaemia');
    t.boolean('new_complication');
    t.text('complication_text');
    // 用药情况: [{name, times_per_day, dose, unit}]
    t.jsonb('medications');
    // the rules' findings: blood pressure / glucose on target, why a referral is advised, the next visit
    t.boolean('on_target');
    t.text('referral_reason');
    t.date('next_visit_on');
    // the referral made from this visit's advice (one tap)
    t.integer('referral_id').references('referrals.id').onDelete('RESTRICT');
    t.check(nullOr('symptoms', subsetOf('symptoms', SYMPTOMS)), [], 'followups_symptoms');
    t.check(nullOr('dorsalis_pedis', checkIn('dorsalis_pedis', DORSALIS_PEDIS)), [], 'followups_dorsalis_pedis');
    t.check(nullOr('salt_intake', checkIn('salt_intake', SALT)), [], 'followups_salt_intake');
    t.check(nullOr('salt_intake_target', checkIn('salt_intake_target', SALT)), [], 'followups_salt_intake_target');
    t.check(nullOr('psychological_adjustment', checkIn('psychological_adjustment', ADJUSTMENT)), [], 'followups_psychological_adjustment');
    t.check(nullOr('compliance', checkIn('compliance', ADJUSTMENT)), [], 'followups_compliance');
    t.check(nullOr('medication_adherence', checkIn('medication_adherence', ADHERENCE)), [], 'followups_medication_adherence');
    t.check(nullOr('hypoglycaemia', checkIn('hypoglycaemia', HYPOGLYCAEMIA)), [], 'followups_hypoglycaemia');
    t.check(nullOr('advice', checkIn('advice', ADVICE)), [], 'followups_advice');
    t.check(nullOr('referral_reason', checkIn('referral_reason', REFERRAL_REASONS)), [], 'followups_referral_reason');
    t.check("medications is null or jsonb_typeof(medications) = 'array'", [], 'followups_medications_array');
    t.check('next_visit_on is null or next_visit_on > visited_on', [], 'followups_next_visit_after');
  });
  await knex.raw('ALTER TABLE followups DROP CONSTRAINT followups_classification');
  await knex.raw(
    `ALTER TABLE followups ADD CONSTRAINT followups_classification CHECK (${nullOr('classification', checkIn('classification', CLASSIFICATIONS))})`,
  );
  await knex.raw("UPDATE followups SET on_target = (classification = 'controlled') WHERE classification IS NOT NULL");
  await knex.raw('CREATE INDEX followups_referral ON followups (referral_id) WHERE referral_id IS NOT NULL');

  // 老年人健康管理: the annual check of a resident aged 65 and over, the detail of its follow-up row
  // (which holds the date, mode, blood pressure, pulse, height, weight, BMI and fasting glucose)
  await knex.schema.createTable('elderly_checks', (t) => {
    t.bigInteger('followup_id').primary().references('followups.id').onDelete('CASCADE');
    // 老年人生活自理能力评估: the answer to each item, the total score and its level
    t.text('eating').notNullable();
    t.text('grooming').notNullable();
    t.text('dressing').notNullable();
    t.text('toileting').notNullable();
    t.text('activity').notNullable();
    t.integer('self_care_score').notNullable();
    t.text('self_care_level').notNullable();
    // 健康状态自我评估, 认知功能 and 情感状态 粗筛
    t.text('health_self_assessment');
    t.text('cognition_screen');
    t.text('emotion_screen');
    // 一般体格检查
    t.decimal('temperature_c', 3, 1);
    t.integer('respiration_rate');
    t.decimal('waist_cm', 4, 1);
    t.specificType('exam_abnormal', 'text[]').notNullable().defaultTo('{}');
    t.text('exam_notes');
    // 辅助检查: 血常规, 尿常规, 肝功能, 肾功能, 血脂, 心电图, 腹部B超 (空腹血糖 is the follow-up's)
    t.integer('haemoglobin'); // g/L
    t.decimal('wbc', 4, 1); // ×10⁹/L
    t.integer('platelets'); // ×10⁹/L
    t.text('urine_protein');
    t.integer('alt'); // U/L
    t.integer('ast'); // U/L
    t.decimal('total_bilirubin', 4, 1); // μmol/L
    t.integer('creatinine'); // μmol/L
    t.decimal('urea', 4, 1); // mmol/L
    t.decimal('total_cholesterol', 4, 2); // mmol/L
    t.decimal('triglycerides', 4, 2);
    t.decimal('ldl', 4, 2);
    t.decimal('hdl', 4, 2);
    t.text('ecg');
    t.text('ultrasound');
    // 健康评价 and 健康指导
    t.specificType('findings', 'text[]').notNullable().defaultTo('{}');
    t.text('assessment').notNullable();
    t.text('abnormal_notes');
    t.specificType('guidance', 'text[]').notNullable().defaultTo('{}');
    t.specificType('risk_advice', 'text[]').notNullable().defaultTo('{}');
    t.date('next_check_on').notNullable();
    for (const item of ['eating', 'grooming', 'dressing', 'toileting', 'activity']) t.check(checkIn(item, SELF_CARE_LEVELS), [], `elderly_checks_${item}`);
    t.check(checkIn('self_care_level', SELF_CARE_LEVELS), [], 'elderly_checks_self_care_level');
    t.check('self_care_score between 0 and 37', [], 'elderly_checks_self_care_score');
    t.check(nullOr('health_self_assessment', checkIn('health_self_assessment', SELF_ASSESSMENT)), [], 'elderly_checks_health_self_assessment');
    t.check(nullOr('cognition_screen', checkIn('cognition_screen', SCREEN)), [], 'elderly_checks_cognition_screen');
    t.check(nullOr('emotion_screen', checkIn('emotion_screen', SCREEN)), [], 'elderly_checks_emotion_screen');
    t.check(subsetOf('exam_abnormal', EXAM_ITEMS), [], 'elderly_checks_exam_abnormal');
    t.check(nullOr('urine_protein', checkIn('urine_protein', URINE_PROTEIN)), [], 'elderly_checks_urine_protein');
    t.check(nullOr('ecg', checkIn('ecg', EXAM_RESULT)), [], 'elderly_checks_ecg');
    t.check(nullOr('ultrasound', checkIn('ultrasound', EXAM_RESULT)), [], 'elderly_checks_ultrasound');
    t.check(subsetOf('findings', FINDINGS), [], 'elderly_checks_findings');
    t.check(checkIn('assessment', EXAM_RESULT), [], 'elderly_checks_assessment');
    t.check(subsetOf('guidance', GUIDANCE), [], 'elderly_checks_guidance');
    t.check(subsetOf('risk_advice', RISK_ADVICE), [], 'elderly_checks_risk_advice');
    t.check("(assessment = 'abnormal') = (cardinality(findings) > 0)", [], 'elderly_checks_assessment_findings');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('elderly_checks');
  await knex.raw('DROP INDEX IF EXISTS followups_referral');
  await knex.raw(
    "UPDATE followups SET classification = CASE WHEN on_target THEN 'controlled' ELSE 'uncontrolled' END WHERE classification IN ('adverse_reaction', 'complication')",
  );
  await knex.raw('ALTER TABLE followups DROP CONSTRAINT followups_classification');
  await knex.raw(
    "ALTER TABLE followups ADD CONSTRAINT followups_classification CHECK (classification is null or classification in ('controlled','uncontrolled'))",
  );
  await knex.schema.alterTable('followups', (t) => {
    for (const c of [
      'followups_symptoms',
      'followups_dorsalis_pedis',
      'followups_salt_intake',
      'followups_salt_intake_target',
      'followups_psychological_adjustment',
      'followups_compliance',
      'followups_medication_adherence',
      'followups_hypoglycaemia',
      'followups_advice',
      'followups_referral_reason',
      'followups_medications_array',
      'followups_next_visit_after',
    ])
      t.dropChecks(c);
    t.dropColumns(
      'symptoms',
      'symptoms_other',
      'target_weight_kg',
      'bmi',
      'target_bmi',
      'dorsalis_pedis',
      'signs_other',
      'smoking_per_day',
      'smoking_target',
      'drinking_per_day',
      'drinking_target',
      'exercise_per_week',
      'exercise_minutes',
      'exercise_per_week_target',
      'exercise_minutes_target',
      'salt_intake',
      'salt_intake_target',
      'staple_food_g',
      'staple_food_target_g',
      'psychological_adjustment',
      'compliance',
      'hba1c',
      'exams_other',
      'medication_adherence',
      'adverse_reaction',
      'adverse_reaction_text',
      'hypoglycaemia',
      'new_complication',
      'complication_text',
      'medications',
      'on_target',
      'referral_reason',
      'next_visit_on',
      'referral_id',
    );
  });
}
