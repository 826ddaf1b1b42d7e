// Every list of values of quality management (质量管理: committees, inspections, findings and their
// rectification), with its zh and en labels: the API's zod schemas and rules, the UI's choices and
// translations and the migrations' CHECK constraints derive from it.
// The admin UI imports this file: nothing from node or the database.
import { defineEnum } from '../core/enums';

/** a professional committee (专业委员会) or a group management department (集团管理部门) */
export const COMMITTEE_KIND = defineEnum('committee_kind', {
  committee: { zh: '专业委员会', en: 'Professional committee' },
  department: { zh: '管理部门', en: 'Management department' },
});
export const COMMITTEE_ROLE = defineEnum('committee_role', {
  chair: { zh: '主任委员', en: 'Chair' },
  vice_chair: { zh: '副主任委员', en: 'Vice chair' },
  secretary: { zh: '秘书', en: 'Secretary' },
  member: { zh: '委员', en: 'Member' },
});
export const MEETING_KIND = defineEnum('meeting_kind', {
  meeting: { zh: '工作会议', en: 'Meeting' },
  training: { zh: '培训班', en: 'Training' },
});
/** who inspects: a committee a member unit, or one unit another (总院与分院交叉检查) */
export const INSPECTION_KIND = defineEnum('inspection_kind', {
  committee: { zh: '委员会检查', en: 'Committee inspection' },
  cross: { zh: '交叉检查', en: 'Cross-inspection' },
});
export const INSPECTION_STATUS = defineEnum('inspection_status', {
  open: { zh: '检查中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
});
/** the points a finding costs the unit's quality score while open (twice that once overdue): see rules.ts */
export const SEVERITY = defineEnum('finding_severity', {
  minor: { zh: '一般', en: 'Minor' },
  major: { zh: '较重', en: 'Major' },
  critical: { zh: '严重', en: 'Critical' },
});
/** 整改闭环: open → reported (the unit's rectification) → verified, or back to open when rejected */
export const FINDING_STATUS = defineEnum('finding_status', {
  open: { zh: '待整改', en: 'To rectify' },
  reported: { zh: '待验证', en: 'To verify' },
  verified: { zh: '已销号', en: 'Verified' },
});

/** The lists of values the UI translates (`enums.<name>.<value>`). */
export const QUALITY_ENUMS = [COMMITTEE_KIND, COMMITTEE_ROLE, MEETING_KIND, INSPECTION_KIND, INSPECTION_STATUS, SEVERITY, FINDING_STATUS];
