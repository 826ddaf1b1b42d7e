// The HR lists of values, each written once with its zh and en labels: the zod schemas, the rules,
// the Excel labels, the admin UI's choices and translations derive from here, and enums.test.ts holds
// the migrations' CHECK constraints to them. The admin UI imports this file: import nothing from node or the database.
import { defineEnum, type EnumValue } from '../core/enums';

export const SEX = defineEnum('sex', { M: { zh: '男', en: 'Male' }, F: { zh: '女', en: 'Female' } });

export const STAFF_CATEGORY = defineEnum('staff_category', {
  doctor: { zh: '医师', en: 'Doctor' },
  nurse: { zh: '护理', en: 'Nurse' },
  pharmacist: { zh: '药剂', en: 'Pharmacist' },
  technician: { zh: '医技', en: 'Technician' },
  public_health: { zh: '公共卫生', en: 'Public health' },
  admin: { zh: '行政管理', en: 'Administration' },
  village_doctor: { zh: '乡村医生', en: 'Village doctor' },
});
export type Category = EnumValue<typeof STAFF_CATEGORY>;

/** 职称, each ladder senior first (正高 → 副高 → 中级 → 初级(师) → 初级(士)); staff/rules.ts LADDERS groups them. */
export const TITLE = defineEnum('title', {
  chief_physician: { zh: '主任医师', en: 'Chief physician' },
  associate_chief_physician: { zh: '副主任医师', en: 'Associate chief physician' },
  attending_physician: { zh: '主治医师', en: 'Attending physician' },
  physician: { zh: '医师', en: 'Physician' },
  assistant_physician: { zh: '医士', en: 'Assistant physician' },
  chief_nurse: { zh: '主任护师', en: 'Chief nurse' },
  associate_chief_nurse: { zh: '副主任护师', en: 'Associate chief nurse' },
  nurse_in_charge: { zh: '主管护师', en: 'Nurse in charge' },
  senior_nurse: { zh: '护师', en: 'Senior nurse' },
  nurse: { zh: '护士', en: 'Nurse' },
  chief_pharmacist: { zh: '主任药师', en: 'Chief pharmacist' },
  associate_chief_pharmacist: { zh: '副主任药师', en: 'Associate chief pharmacist' },
  pharmacist_in_charge: { zh: '主管药师', en: 'Pharmacist in charge' },
  pharmacist: { zh: '药师', en: 'Pharmacist' },
  assistant_pharmacist: { zh: '药士', en: 'Assistant pharmacist' },
  chief_technician: { zh: '主任技师', en: 'Chief technician' },
  associate_chief_technician: { zh: '副主任技师', en: 'Associate chief technician' },
  technician_in_charge: { zh: '主管技师', en: 'Technician in charge' },
  technician: { zh: '技师', en: 'Technician' },
  assistant_technician: { zh: '技士', en: 'Assistant technician' },
  village_doctor: { zh: '乡村医生', en: 'Village doctor' },
});
export type Title = EnumValue<typeof TITLE>;

export const EMPLOYMENT_TYPE = defineEnum('employment_type', {
  establishment: { zh: '编制内', en: 'Established post' },
  contract: { zh: '合同制', en: 'Contract' },
  township_hired: { zh: '乡聘村用', en: 'Township-hired, village-based' },
});

export const STAFF_STATUS = defineEnum('staff_status', {
  active: { zh: '在岗', en: 'Active' },
  on_leave: { zh: '休假/停岗', en: 'On leave' },
  left: { zh: '离职', en: 'Left' },
});
export type StaffStatus = EnumValue<typeof STAFF_STATUS>;

/** 离职原因 */
export const LEAVE_REASON = defineEnum('leave_reason', {
  resigned: { zh: '辞职', en: 'Resigned' },
  retired: { zh: '退休', en: 'Retired' },
  dismissed: { zh: '解聘', en: 'Dismissed' },
  transferred_out: { zh: '调出医联体', en: 'Transferred out' },
  contract_ended: { zh: '合同期满', en: 'Contract ended' },
  exited: { zh: '准入退出', en: 'Exited' },
  deceased: { zh: '死亡', en: 'Deceased' },
  other: { zh: '其他', en: 'Other' },
});

/** The fields whose changes staff_history records (effective-dated). */
export const STAFF_FIELD = defineEnum('staff_field', {
  employer_org_unit_id: { zh: '聘用单位', en: 'Employer' },
  work_org_unit_id: { zh: '工作单位', en: 'Working unit' },
  department_id: { zh: '科室', en: 'Department' },
  post_id: { zh: '岗位', en: 'Post' },
  title: { zh: '职称', en: 'Title' },
  status: { zh: '状态', en: 'Status' },
  employment_type: { zh: '用工形式', en: 'Employment' },
});

export const POST_STATUS = defineEnum('post_status', {
  vacant: { zh: '有空缺', en: 'Vacant' },
  occupied: { zh: '已满编', en: 'Full' },
  closed: { zh: '已撤销', en: 'Closed' },
});
export type PostStatus = EnumValue<typeof POST_STATUS>;

export const LICENCE_KIND = defineEnum('licence_kind', {
  physician: { zh: '医师执业证书', en: 'Physician licence' },
  assistant_physician: { zh: '助理医师执业证书', en: 'Assistant physician licence' },
  nurse: { zh: '护士执业证书', en: 'Nurse licence' },
  pharmacist: { zh: '执业药师注册证', en: 'Pharmacist registration' },
  technician: { zh: '技师资格证书', en: 'Technician certificate' },
  village_doctor: { zh: '乡村医生执业证书', en: 'Village doctor licence' },
});

export const LICENCE_STATUS = defineEnum('licence_status', { valid: { zh: '有效', en: 'Valid' }, revoked: { zh: '已注销', en: 'Revoked' } });

export const PROMOTION_STATUS = defineEnum('promotion_status', {
  submitted: { zh: '已申报', en: 'Submitted' },
  reviewed: { zh: '单位已审核', en: 'Reviewed by unit' },
  approved: { zh: '集团已批准', en: 'Approved by group' },
  rejected: { zh: '已驳回', en: 'Rejected' },
});

/** 年度考核 grades, best first. */
export const GRADE = defineEnum('grade', {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basically_qualified: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
});
export type Grade = EnumValue<typeof GRADE>;

export const ASSESSMENT_YEAR_STATUS = defineEnum('assessment_year_status', {
  open: { zh: '进行中', en: 'Open' },
  approved: { zh: '已审定（锁定）', en: 'Approved (locked)' },
});

/** 乡聘村用 contracts */
export const CONTRACT_STATUS = defineEnum('contract_status', {
  active: { zh: '履约中', en: 'Active' },
  renewed: { zh: '已续签', en: 'Renewed' },
  expired: { zh: '已到期', en: 'Expired' },
  exited: { zh: '已退出', en: 'Exited' },
});

/** 准入退出 reasons of a village-doctor contract */
export const EXIT_REASON = defineEnum('exit_reason', {
  resigned: { zh: '辞职', en: 'Resigned' },
  retired: { zh: '退休', en: 'Retired' },
  assessment_failed: { zh: '考核不合格', en: 'Failed assessment' },
  licence_revoked: { zh: '执业证书注销', en: 'Licence revoked' },
  health: { zh: '健康原因', en: 'Health' },
  dismissed: { zh: '解聘', en: 'Dismissed' },
  other: { zh: '其他', en: 'Other' },
});

export const ROTATION_TYPE = defineEnum('rotation_type', {
  down_expert: { zh: '下派驻点', en: 'Expert sent down' },
  up_training: { zh: '上派进修', en: 'Training upward' },
});
export type RotationType = EnumValue<typeof ROTATION_TYPE>;

export const ROTATION_STATUS = defineEnum('rotation_status', {
  planned: { zh: '计划', en: 'Planned' },
  active: { zh: '进行中', en: 'Active' },
  completed: { zh: '已完成', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export type RotationStatus = EnumValue<typeof ROTATION_STATUS>;

/** The unit levels a rotation direction names (down_hq_branch …), top first. */
export const LEVEL_NAME = defineEnum('level_name', {
  hq: { zh: '总院', en: 'HQ' },
  branch: { zh: '分院', en: 'branches' },
  township: { zh: '乡镇卫生院', en: 'townships' },
  village: { zh: '村卫生室', en: 'villages' },
});

/** Every HR list the admin UI translates as `enums.<name>.<value>`. */
export const HR_ENUMS = [
  SEX,
  STAFF_CATEGORY,
  TITLE,
  EMPLOYMENT_TYPE,
  STAFF_STATUS,
  LEAVE_REASON,
  STAFF_FIELD,
  POST_STATUS,
  LICENCE_KIND,
  LICENCE_STATUS,
  PROMOTION_STATUS,
  GRADE,
  ASSESSMENT_YEAR_STATUS,
  CONTRACT_STATUS,
  EXIT_REASON,
  ROTATION_TYPE,
  ROTATION_STATUS,
];
