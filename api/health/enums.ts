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

/** A hypertension or diabetes visit's classification (rules.ts assess). */
export const CLASSIFICATION = defineEnum('classification', {
  controlled: { zh: '控制满意', en: 'Controlled' },
  uncontrolled: { zh: '控制不满意', en: 'Uncontrolled' },
});
export type Classification = EnumValue<typeof CLASSIFICATION>;

/** The norms' next step after a visit (rules.ts assess). */
export const ADVICE = defineEnum('advice', {
  recheck_in_2_weeks: { zh: '2周内复诊', en: 'Recheck within 2 weeks' },
  urgent_referral: { zh: '紧急转诊', en: 'Urgent referral' },
});
export type Advice = EnumValue<typeof ADVICE>;

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
