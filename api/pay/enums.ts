// Every list of values of performance pay (绩效工资), with its zh and en labels: the API's zod schemas and rules,
// the UI's choices and translations and the migration's CHECK constraints derive from it.
// The admin UI imports this file: nothing from node or the database.
import { defineEnum, type EnumValue } from '../core/enums';

/** The services a village doctor or township GP earns health-management points (工分) for. */
export const PAY_SERVICE = defineEnum('pay_service', {
  hypertension_followup: { zh: '高血压面对面随访', en: 'Hypertension follow-up (face to face)' },
  diabetes_followup: { zh: '糖尿病面对面随访', en: 'Diabetes follow-up (face to face)' },
  phone_followup: { zh: '慢病电话随访', en: 'Chronic follow-up by phone' },
  elderly_check: { zh: '老年人年度体检', en: 'Elderly annual check' },
  maternal_followup: { zh: '孕产妇随访', en: 'Maternal follow-up' },
  child_check: { zh: '儿童健康检查', en: 'Child check' },
  severe_mental_followup: { zh: '严重精神障碍随访', en: 'Severe mental illness follow-up' },
  tb_followup: { zh: '肺结核随访', en: 'Tuberculosis follow-up' },
  home_visit: { zh: '上门访视', en: 'Household visit' },
  health_education: { zh: '健康教育（每场）', en: 'Health education (per session)' },
  health_education_attendee: { zh: '健康教育（每名听众）', en: 'Health education (per attendee)' },
  contract_signed: { zh: '家庭医生签约', en: 'Family-doctor contract signed' },
});
export type PayService = EnumValue<typeof PAY_SERVICE>;

/**
 * A pay run's states: draft → calculated → reviewed (the unit's director) → approved (group finance, not the
 * reviewer) → locked; an approved or locked run corrected by a new version is superseded.
 */
export const PAY_RUN_STATUS = defineEnum('pay_run_status', {
  draft: { zh: '草稿', en: 'Draft' },
  calculated: { zh: '已计算', en: 'Calculated' },
  reviewed: { zh: '院长已审核', en: 'Reviewed' },
  approved: { zh: '财务已批准', en: 'Approved' },
  locked: { zh: '已锁定', en: 'Locked' },
  superseded: { zh: '已被更正', en: 'Superseded' },
});
export type PayRunStatus = EnumValue<typeof PAY_RUN_STATUS>;

/** What a line of the drill-down is: a piece of work recorded, or a task let lapse (deducted). */
export const PAY_ITEM_KIND = defineEnum('pay_item_kind', {
  followup: { zh: '随访记录', en: 'Follow-up' },
  contract: { zh: '签约', en: 'Contract' },
  missed_task: { zh: '漏访扣分', en: 'Missed task' },
});
export type PayItemKind = EnumValue<typeof PAY_ITEM_KIND>;

/** HR's annual assessment grades (hr GRADE's values), each with the factor it multiplies pay by. */
export const PAY_GRADE = defineEnum('pay_grade', {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basically_qualified: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不称职', en: 'Unqualified' },
});
export type PayGrade = EnumValue<typeof PAY_GRADE>;

/** The base part's posts (岗位): the township's director (院长岗), else the post of the person's category (HR's STAFF_CATEGORY). */
export const PAY_POST = defineEnum('pay_post', {
  director: { zh: '院长岗', en: 'Director' },
  clinical: { zh: '临床医师岗', en: 'Clinical' },
  public_health: { zh: '公共卫生岗', en: 'Public health' },
  nursing: { zh: '护理岗', en: 'Nursing' },
  pharmacy: { zh: '药学岗', en: 'Pharmacy' },
  technology: { zh: '医技岗', en: 'Medical technology' },
  administration: { zh: '管理岗', en: 'Administration' },
  village_doctor: { zh: '乡村医生岗', en: 'Village doctor' },
});
export type PayPost = EnumValue<typeof PAY_POST>;

/** The base part's title levels (职称等级), from the person's title on HR's ladders (senior first). */
export const PAY_TITLE_LEVEL = defineEnum('pay_title_level', {
  senior: { zh: '正高级', en: 'Senior' },
  associate: { zh: '副高级', en: 'Associate senior' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  junior: { zh: '初级（师）', en: 'Junior' },
  assistant: { zh: '初级（士）', en: 'Assistant' },
  none: { zh: '无职称', en: 'No title' },
});
export type PayTitleLevel = EnumValue<typeof PAY_TITLE_LEVEL>;

/** How a person's line of a correction differs from the version it supersedes. */
export const PAY_DIFFERENCE_CHANGE = defineEnum('pay_difference_change', {
  added: { zh: '新增人员', en: 'Added' },
  gone: { zh: '不再在册', en: 'Gone' },
  changed: { zh: '金额或工分变动', en: 'Changed' },
});
export type PayDifferenceChange = EnumValue<typeof PAY_DIFFERENCE_CHANGE>;

/** The income-change view's roles (收入变化): the township's director, its other staff, the village doctors it employs. */
export const INCOME_ROLE = defineEnum('pay_income_role', {
  director: { zh: '乡镇卫生院院长', en: 'Township directors' },
  township_staff: { zh: '乡镇卫生院其他职工', en: 'Other township staff' },
  village_doctor: { zh: '村医', en: 'Village doctors' },
});
export type IncomeRole = EnumValue<typeof INCOME_ROLE>;

/** The income-change view's levels, from the person's work unit: the township health centre or a village clinic. */
export const INCOME_LEVEL = defineEnum('pay_income_level', {
  township: { zh: '乡镇卫生院人员', en: 'Township health centre staff' },
  village: { zh: '村卫生室村医', en: 'Village clinic doctors' },
});
export type IncomeLevel = EnumValue<typeof INCOME_LEVEL>;

/** The lists of values the UI translates (`enums.<name>.<value>`). */
export const PAY_ENUMS = [PAY_SERVICE, PAY_RUN_STATUS, PAY_ITEM_KIND, PAY_GRADE, PAY_DIFFERENCE_CHANGE, INCOME_ROLE, INCOME_LEVEL, PAY_POST, PAY_TITLE_LEVEL];
