// The health lists of values, each written once with its zh and en labels: the zod schemas, the rules,
// the Excel labels, the admin UI's choices and translations derive from here, and enums.test.ts holds
// the migrations' CHECK constraints to them. Residents' sex is HR's SEX. The admin UI imports this file:
// import nothing from node or the database.
import { defineEnum, type EnumValue } from '../core/enums';

/** Chronic conditions a resident can be diagnosed with; the first four are key-population tags (rules.ts KEY_CONDITIONS). */
export const CONDITION = defineEnum('condition', {
  hypertension: { zh: '高血压', en: 'Hypertension' },
  diabetes: { zh: '2型糖尿病', en: 'Type 2 diabetes' },
  severe_mental: { zh: '严重精神障碍', en: 'Severe mental illness' },
  tb: { zh: '肺结核', en: 'Tuberculosis' },
  copd: { zh: '慢阻肺', en: 'COPD' },
  coronary: { zh: '冠心病', en: 'Coronary disease' },
  stroke: { zh: '脑卒中', en: 'Stroke' },
  cancer: { zh: '肿瘤', en: 'Cancer' },
});
export type ConditionCode = EnumValue<typeof CONDITION>;

/** 重点人群: key conditions, typed tags (pregnant) and age-derived ones (rules.ts). */
export const KEY_TAG = defineEnum('key_tag', {
  elderly_65: { zh: '65岁及以上', en: '65 and over' },
  hypertension: { zh: '高血压', en: 'Hypertension' },
  diabetes: { zh: '糖尿病', en: 'Diabetes' },
  pregnant: { zh: '孕产妇', en: 'Pregnant' },
  child_0_6: { zh: '0–6岁儿童', en: 'Child 0–6' },
  severe_mental: { zh: '严重精神障碍', en: 'Severe mental illness' },
  tb: { zh: '肺结核', en: 'Tuberculosis' },
});
export type KeyTag = EnumValue<typeof KEY_TAG>;

export const DEREGISTRATION_REASON = defineEnum('deregistration_reason', {
  death: { zh: '死亡', en: 'Death' },
  moved_away: { zh: '迁出本医联体', en: 'Moved out of the group' },
});
export type DeregistrationReason = EnumValue<typeof DEREGISTRATION_REASON>;

export const FOLLOWUP_TYPE = defineEnum('followup_type', {
  hypertension: { zh: '高血压随访', en: 'Hypertension' },
  diabetes: { zh: '糖尿病随访', en: 'Diabetes' },
  elderly_check: { zh: '老年人体检', en: 'Elderly annual check' },
  maternal: { zh: '孕产妇随访', en: 'Maternal' },
  child: { zh: '儿童健康检查', en: 'Child check' },
  severe_mental: { zh: '严重精神障碍随访', en: 'Severe mental illness' },
  tb: { zh: '肺结核随访', en: 'Tuberculosis' },
  home_visit: { zh: '上门访视', en: 'Home visit' },
  health_education: { zh: '健康教育', en: 'Health education' },
});
export type FollowupType = EnumValue<typeof FOLLOWUP_TYPE>;

export const FOLLOWUP_MODE = defineEnum('followup_mode', {
  clinic: { zh: '门诊', en: 'Clinic' },
  home: { zh: '入户', en: 'Home' },
  phone: { zh: '电话', en: 'Phone' },
});
export type FollowupMode = EnumValue<typeof FOLLOWUP_MODE>;

/**
 * 此次随访分类 of a hypertension or diabetes visit (国家基本公共卫生服务规范 第三版 随访服务记录表;
 * rules.ts assess). Rows logged before the national record have only the first two.
 */
export const CLASSIFICATION = defineEnum('classification', {
  controlled: { zh: '控制满意', en: 'Controlled' },
  uncontrolled: { zh: '控制不满意', en: 'Uncontrolled' },
  adverse_reaction: { zh: '不良反应', en: 'Adverse reaction' },
  complication: { zh: '并发症', en: 'Complication' },
});
export type Classification = EnumValue<typeof CLASSIFICATION>;

/** The norms' next step after a visit (rules.ts assess). */
export const ADVICE = defineEnum('advice', {
  recheck_in_2_weeks: { zh: '2周内复诊', en: 'Recheck within 2 weeks' },
  up_referral: { zh: '建议转诊上级医院', en: 'Refer to a higher-level hospital' },
  urgent_referral: { zh: '紧急转诊', en: 'Urgent referral' },
});
export type Advice = EnumValue<typeof ADVICE>;

/** Why the rules advise a referral (the 转诊原因 of the record; rules.ts assess). */
export const UP_REFERRAL_REASON = defineEnum('up_referral_reason', {
  critical: { zh: '危急情况（血压≥180/110 mmHg 或血糖≥16.7/≤3.9 mmol/L）', en: 'Critical reading' },
  uncontrolled_twice: { zh: '连续两次控制不满意', en: 'Uncontrolled twice in a row' },
  adverse_reaction_persisting: { zh: '药物不良反应难以控制', en: 'Adverse reaction persisting' },
  complication: { zh: '出现新的并发症或原有并发症加重', en: 'New or worsening complication' },
});
export type UpReferralReason = EnumValue<typeof UP_REFERRAL_REASON>;

// ---------------------------------------------------------------- the national follow-up record

type Chronic = 'hypertension' | 'diabetes';
const HT: readonly Chronic[] = ['hypertension'];
const DM: readonly Chronic[] = ['diabetes'];
const BOTH: readonly Chronic[] = ['hypertension', 'diabetes'];

/**
 * 症状 of the hypertension and diabetes follow-up records; `types` says which record lists it.
 * `none` (无症状) stands alone.
 */
export const SYMPTOM = defineEnum('symptom', {
  none: { zh: '无症状', en: 'No symptoms', types: BOTH },
  headache_dizziness: { zh: '头痛头晕', en: 'Headache, dizziness', types: HT },
  nausea_vomiting: { zh: '恶心呕吐', en: 'Nausea, vomiting', types: HT },
  blurred_vision_tinnitus: { zh: '眼花耳鸣', en: 'Blurred vision, tinnitus', types: HT },
  dyspnoea: { zh: '呼吸困难', en: 'Shortness of breath', types: HT },
  palpitation_chest_tightness: { zh: '心悸胸闷', en: 'Palpitations, chest tightness', types: HT },
  epistaxis: { zh: '鼻衄出血不止', en: 'Nosebleed', types: HT },
  limb_numbness: { zh: '四肢发麻', en: 'Numb limbs', types: HT },
  lower_limb_oedema: { zh: '下肢水肿', en: 'Swollen legs', types: BOTH },
  polydipsia: { zh: '多饮', en: 'Excessive thirst', types: DM },
  polyphagia: { zh: '多食', en: 'Excessive hunger', types: DM },
  polyuria: { zh: '多尿', en: 'Frequent urination', types: DM },
  blurred_vision: { zh: '视力模糊', en: 'Blurred vision', types: DM },
  infection: { zh: '感染', en: 'Infection', types: DM },
  hand_foot_numbness: { zh: '手脚麻木', en: 'Numb hands or feet', types: DM },
  weight_loss: { zh: '体重明显下降', en: 'Marked weight loss', types: DM },
});
export type Symptom = EnumValue<typeof SYMPTOM>;

/** 足背动脉搏动 (diabetes record). */
export const DORSALIS_PEDIS = defineEnum('dorsalis_pedis', {
  normal: { zh: '触及正常', en: 'Normal' },
  weakened_both: { zh: '减弱（双侧）', en: 'Weak (both)' },
  weakened_left: { zh: '减弱（左侧）', en: 'Weak (left)' },
  weakened_right: { zh: '减弱（右侧）', en: 'Weak (right)' },
  absent_both: { zh: '消失（双侧）', en: 'Absent (both)' },
  absent_left: { zh: '消失（左侧）', en: 'Absent (left)' },
  absent_right: { zh: '消失（右侧）', en: 'Absent (right)' },
});
export type DorsalisPedis = EnumValue<typeof DORSALIS_PEDIS>;

/** 摄盐情况（咸淡）, this visit and the target (hypertension record). */
export const SALT_INTAKE = defineEnum('salt_intake', {
  light: { zh: '轻', en: 'Light' },
  moderate: { zh: '中', en: 'Moderate' },
  heavy: { zh: '重', en: 'Heavy' },
});
export type SaltIntake = EnumValue<typeof SALT_INTAKE>;

/** 心理调整 and 遵医行为: 良好 / 一般 / 差. */
export const ADJUSTMENT = defineEnum('adjustment', {
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  poor: { zh: '差', en: 'Poor' },
});
export type Adjustment = EnumValue<typeof ADJUSTMENT>;

/** 服药依从性. */
export const MEDICATION_ADHERENCE = defineEnum('medication_adherence', {
  regular: { zh: '规律', en: 'Regular' },
  intermittent: { zh: '间断', en: 'Intermittent' },
  none: { zh: '不服药', en: 'Not taking' },
});
export type MedicationAdherence = EnumValue<typeof MEDICATION_ADHERENCE>;

/** 低血糖反应 (diabetes record). */
export const HYPOGLYCAEMIA = defineEnum('hypoglycaemia', {
  none: { zh: '无', en: 'None' },
  occasional: { zh: '偶尔', en: 'Occasional' },
  frequent: { zh: '频繁', en: 'Frequent' },
});
export type Hypoglycaemia = EnumValue<typeof HYPOGLYCAEMIA>;

/** 用药情况: the unit of a dose (每次 … ). */
export const DOSE_UNIT = defineEnum('dose_unit', {
  mg: { zh: '毫克', en: 'mg' },
  g: { zh: '克', en: 'g' },
  tablet: { zh: '片', en: 'tablet' },
  capsule: { zh: '粒', en: 'capsule' },
  iu: { zh: '单位（胰岛素）', en: 'IU (insulin)' },
  ml: { zh: '毫升', en: 'ml' },
});
export type DoseUnit = EnumValue<typeof DOSE_UNIT>;

// ---------------------------------------------------------------- the elderly annual check (老年人健康管理)

/** The levels of 老年人生活自理能力评估 (each item is answered with one, the total score gives one). */
export const SELF_CARE_LEVEL = defineEnum('self_care_level', {
  independent: { zh: '可自理', en: 'Independent', from: 0 },
  mild: { zh: '轻度依赖', en: 'Mildly dependent', from: 4 },
  moderate: { zh: '中度依赖', en: 'Moderately dependent', from: 9 },
  dependent: { zh: '不能自理', en: 'Dependent', from: 19 },
});
export type SelfCareLevel = EnumValue<typeof SELF_CARE_LEVEL>;

/**
 * The five items of 老年人生活自理能力评估表 (规范第三版 附件) with the score of each answer; an item
 * without a 轻度依赖 answer (进餐, 穿衣: "—" in the table) has no `mild`.
 */
export const SELF_CARE_ITEM = defineEnum('self_care_item', {
  eating: { zh: '进餐', en: 'Eating', scores: { independent: 0, moderate: 3, dependent: 5 } },
  grooming: { zh: '梳洗', en: 'Grooming', scores: { independent: 0, mild: 1, moderate: 3, dependent: 7 } },
  dressing: { zh: '穿衣', en: 'Dressing', scores: { independent: 0, moderate: 3, dependent: 5 } },
  toileting: { zh: '如厕', en: 'Toileting', scores: { independent: 0, mild: 1, moderate: 5, dependent: 10 } },
  activity: { zh: '活动', en: 'Moving about', scores: { independent: 0, mild: 1, moderate: 5, dependent: 10 } },
});
export type SelfCareItem = EnumValue<typeof SELF_CARE_ITEM>;

/** 老年人健康状态自我评估. */
export const HEALTH_SELF_ASSESSMENT = defineEnum('health_self_assessment', {
  satisfied: { zh: '满意', en: 'Satisfied' },
  fairly_satisfied: { zh: '基本满意', en: 'Fairly satisfied' },
  unsure: { zh: '说不清楚', en: 'Unsure' },
  not_quite_satisfied: { zh: '不太满意', en: 'Not quite satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
});

/** 认知功能 / 情感状态 粗筛. */
export const SCREEN_RESULT = defineEnum('screen_result', {
  negative: { zh: '粗筛阴性', en: 'Negative' },
  positive: { zh: '粗筛阳性', en: 'Positive' },
});

/** The physical examination's items; the record lists the abnormal ones. */
export const EXAM_ITEM = defineEnum('exam_item', {
  skin: { zh: '皮肤', en: 'Skin' },
  lymph_nodes: { zh: '浅表淋巴结', en: 'Lymph nodes' },
  heart: { zh: '心脏', en: 'Heart' },
  lungs: { zh: '肺部', en: 'Lungs' },
  abdomen: { zh: '腹部', en: 'Abdomen' },
  oral: { zh: '口腔', en: 'Mouth' },
  vision: { zh: '视力', en: 'Eyesight' },
  hearing: { zh: '听力', en: 'Hearing' },
  motor: { zh: '运动功能', en: 'Motor function' },
});
export type ExamItem = EnumValue<typeof EXAM_ITEM>;

/** 心电图, 腹部B超 and the check's 健康评价: normal or abnormal. */
export const EXAM_RESULT = defineEnum('exam_result', {
  normal: { zh: '正常', en: 'Normal' },
  abnormal: { zh: '异常', en: 'Abnormal' },
});
export type ExamResult = EnumValue<typeof EXAM_RESULT>;

/** 尿蛋白 (尿常规). */
export const URINE_PROTEIN = defineEnum('urine_protein', {
  negative: { zh: '阴性（−）', en: 'Negative' },
  trace: { zh: '±', en: 'Trace' },
  plus1: { zh: '+', en: '1+' },
  plus2: { zh: '++', en: '2+' },
  plus3: { zh: '+++', en: '3+' },
  plus4: { zh: '++++', en: '4+' },
});
export type UrineProtein = EnumValue<typeof URINE_PROTEIN>;

/** What the rules find abnormal in an elderly check (rules.ts elderlyFindings); any makes the 健康评价 有异常. */
export const FINDING = defineEnum('elderly_finding', {
  high_bp: { zh: '血压偏高', en: 'High blood pressure' },
  high_glucose: { zh: '空腹血糖偏高', en: 'High fasting glucose' },
  underweight: { zh: '体重过低', en: 'Underweight' },
  overweight: { zh: '超重', en: 'Overweight' },
  obese: { zh: '肥胖', en: 'Obese' },
  anaemia: { zh: '血红蛋白偏低', en: 'Low haemoglobin' },
  liver_function: { zh: '肝功能异常', en: 'Abnormal liver function' },
  kidney_function: { zh: '肾功能异常', en: 'Abnormal kidney function' },
  urine_protein: { zh: '尿蛋白阳性', en: 'Protein in urine' },
  dyslipidaemia: { zh: '血脂异常', en: 'Abnormal blood lipids' },
  exam: { zh: '体格检查异常', en: 'Abnormal physical examination' },
  ecg: { zh: '心电图异常', en: 'Abnormal ECG' },
  ultrasound: { zh: '腹部B超异常', en: 'Abnormal abdominal ultrasound' },
  cognition: { zh: '认知功能粗筛阳性', en: 'Cognitive screen positive' },
  emotion: { zh: '情感状态粗筛阳性', en: 'Mood screen positive' },
  self_care: { zh: '生活自理能力下降', en: 'Reduced self-care' },
});
export type Finding = EnumValue<typeof FINDING>;

/** 健康指导 after the check. */
export const GUIDANCE = defineEnum('elderly_guidance', {
  chronic_management: { zh: '纳入慢性病患者健康管理', en: 'Chronic-disease management' },
  recheck: { zh: '建议复查', en: 'Recheck' },
  referral: { zh: '建议转诊', en: 'Referral' },
});
export type Guidance = EnumValue<typeof GUIDANCE>;

/** 危险因素控制 and the other advice of the check's 健康指导. */
export const RISK_ADVICE = defineEnum('risk_advice', {
  quit_smoking: { zh: '戒烟', en: 'Quit smoking' },
  drink_less: { zh: '健康饮酒', en: 'Drink less' },
  diet: { zh: '饮食', en: 'Diet' },
  exercise: { zh: '锻炼', en: 'Exercise' },
  lose_weight: { zh: '减体重', en: 'Lose weight' },
  vaccination: { zh: '建议接种疫苗', en: 'Vaccination' },
  fall_prevention: { zh: '防跌倒', en: 'Fall prevention' },
  osteoporosis_prevention: { zh: '骨质疏松预防', en: 'Osteoporosis prevention' },
  cognition_emotion: { zh: '认知和情感指导', en: 'Cognition and mood' },
});
export type RiskAdvice = EnumValue<typeof RISK_ADVICE>;

export const SCHEDULE_TRIGGER = defineEnum('schedule_trigger', {
  period: { zh: '按周期', en: 'Every period' },
  uncontrolled: { zh: '控制不满意后复诊', en: 'Recheck after an uncontrolled visit' },
});
export type ScheduleTrigger = EnumValue<typeof SCHEDULE_TRIGGER>;

export const TASK_STATE = defineEnum('task_state', {
  upcoming: { zh: '未开始', en: 'Upcoming' },
  due: { zh: '待随访', en: 'Due' },
  done: { zh: '已完成', en: 'Done' },
  missed: { zh: '漏访', en: 'Missed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export type TaskState = EnumValue<typeof TASK_STATE>;

/** The task list's filters, in the order the task screen shows them. */
export const TASK_BUCKET = defineEnum('task_bucket', {
  overdue: { zh: '逾期', en: 'Overdue' },
  today: { zh: '今天', en: 'Today' },
  this_month: { zh: '本月', en: 'This month' },
  open: { zh: '全部待办', en: 'All open' },
});
export type TaskBucket = EnumValue<typeof TASK_BUCKET>;

/** 家庭医生团队 member roles; the leader is a general practitioner. */
export const MEMBER_ROLE = defineEnum('member_role', {
  general_practitioner: { zh: '全科医生', en: 'General practitioner' },
  village_doctor: { zh: '乡村医生', en: 'Village doctor' },
  nurse: { zh: '护士', en: 'Nurse' },
  public_health: { zh: '公卫人员', en: 'Public health' },
  specialist: { zh: '专科医生', en: 'Specialist' },
});

/** The service packages (rows of service_packages, seeded by the migration). */
export const PACKAGE = defineEnum('package', {
  basic: { zh: '基础包', en: 'Basic' },
  elderly: { zh: '老年人包', en: 'Elderly' },
  chronic: { zh: '慢病包', en: 'Chronic disease' },
  maternal_child: { zh: '母婴包', en: 'Maternal & child' },
});
export type PackageCode = EnumValue<typeof PACKAGE>;

/** 家庭医生签约 statuses (named apart from HR's village-doctor contract_status: the UI merges both domains' enums). */
export const CONTRACT_STATUS = defineEnum('family_contract_status', {
  active: { zh: '履约中', en: 'Active' },
  renewed: { zh: '已续约', en: 'Renewed' },
  expired: { zh: '已到期', en: 'Expired' },
  terminated: { zh: '已解约', en: 'Terminated' },
});
export type ContractStatus = EnumValue<typeof CONTRACT_STATUS>;

export const TERMINATION_REASON = defineEnum('termination_reason', {
  resident_request: { zh: '居民申请', en: 'Resident request' },
  moved_away: { zh: '迁出', en: 'Moved away' },
  death: { zh: '死亡', en: 'Death' },
  team_dissolved: { zh: '团队撤销', en: 'Team dissolved' },
  other: { zh: '其他', en: 'Other' },
});

/** 考核指标 (rules.ts HealthIndicators). */
export const INDICATOR = defineEnum('indicator', {
  contract_rate: { zh: '签约率', en: 'Contract rate' },
  key_population_contract_rate: { zh: '重点人群签约率', en: 'Key-population contract rate' },
  standardised_management_rate: { zh: '规范管理率', en: 'Standardised management' },
  control_rate: { zh: '控制率', en: 'Control rate' },
  task_completion_rate: { zh: '任务完成率', en: 'Task completion' },
});
export type IndicatorKey = EnumValue<typeof INDICATOR>;

/** Which units below the chosen one the indicators page lists. */
export const BREAKDOWN = defineEnum('indicator_breakdown', {
  children: { zh: '下一级', en: 'Next level' },
  townships: { zh: '按乡镇', en: 'By township' },
  villages: { zh: '按村', en: 'By village' },
});
export type Breakdown = EnumValue<typeof BREAKDOWN>;

/** 与户主关系: a household member's relation to the head of the household (residents.household_relation). */
export const HOUSEHOLD_RELATION = defineEnum('household_relation', {
  head: { zh: '户主', en: 'Head of household' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
});
export type HouseholdRelation = EnumValue<typeof HOUSEHOLD_RELATION>;

/** What a village doctor's monthly targets count (rules.ts targets). */
export const TARGET_METRIC = defineEnum('target_metric', {
  followups: { zh: '随访', en: 'Follow-ups' },
  contracts: { zh: '签约', en: 'Contracts' },
  checks: { zh: '体检', en: 'Health checks' },
});
export type TargetMetric = EnumValue<typeof TARGET_METRIC>;

/** Where a month's done stands against its goal (rules.ts targetStatus); behind is shown in red. */
export const TARGET_STATUS = defineEnum('target_status', {
  met: { zh: '已达标', en: 'Met' },
  on_track: { zh: '进度正常', en: 'On track' },
  behind: { zh: '落后', en: 'Behind' },
});
export type TargetStatus = EnumValue<typeof TARGET_STATUS>;

/** Every health list the admin UI translates as `enums.<name>.<value>`. */
export const HEALTH_ENUMS = [
  CONDITION,
  KEY_TAG,
  DEREGISTRATION_REASON,
  FOLLOWUP_TYPE,
  FOLLOWUP_MODE,
  CLASSIFICATION,
  ADVICE,
  UP_REFERRAL_REASON,
  SYMPTOM,
  DORSALIS_PEDIS,
  SALT_INTAKE,
  ADJUSTMENT,
  MEDICATION_ADHERENCE,
  HYPOGLYCAEMIA,
  DOSE_UNIT,
  SELF_CARE_LEVEL,
  SELF_CARE_ITEM,
  HEALTH_SELF_ASSESSMENT,
  SCREEN_RESULT,
  EXAM_ITEM,
  EXAM_RESULT,
  URINE_PROTEIN,
  FINDING,
  GUIDANCE,
  RISK_ADVICE,
  SCHEDULE_TRIGGER,
  TASK_STATE,
  TASK_BUCKET,
  MEMBER_ROLE,
  PACKAGE,
  CONTRACT_STATUS,
  TERMINATION_REASON,
  INDICATOR,
  BREAKDOWN,
  HOUSEHOLD_RELATION,
  TARGET_METRIC,
  TARGET_STATUS,
];
