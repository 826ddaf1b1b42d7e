// The referral lists of values, each written once with its zh and en labels: the rules and zod schemas,
// the workbook's labels, the admin UI's choices and translations derive from here, and enums.test.ts holds
// the migration's CHECK constraints to them. The admin UI imports this file: import nothing from node or the database.
import { defineEnum } from '../core/enums';

export const DIRECTION = defineEnum('referral_direction', {
  up: { zh: '上转', en: 'Up' },
  down: { zh: '下转', en: 'Down' },
  out: { zh: '转出县外', en: 'Out of county' },
});

/** emergency = the green channel (绿色通道): answered first, shown on top */
export const URGENCY = defineEnum('referral_urgency', {
  routine: { zh: '普通', en: 'Routine' },
  urgent: { zh: '紧急', en: 'Urgent' },
  emergency: { zh: '急危重（绿色通道）', en: 'Emergency (green channel)' },
});

export const STATUS = defineEnum('referral_status', {
  requested: { zh: '待接收', en: 'Requested' },
  accepted: { zh: '已接收', en: 'Accepted' },
  arrived: { zh: '已到院', en: 'Arrived' },
  completed: { zh: '已完成', en: 'Completed' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});

/** what the patient is referred for; a down-referral for rehabilitation pays no threshold */
export const PURPOSE = defineEnum('referral_purpose', {
  treatment: { zh: '诊疗', en: 'Treatment' },
  inpatient: { zh: '住院', en: 'Inpatient' },
  examination: { zh: '检查', en: 'Examination' },
  rehabilitation: { zh: '康复', en: 'Rehabilitation' },
  chronic_care: { zh: '慢病管理', en: 'Chronic care' },
});

/** Every referral list the admin UI translates as `enums.<name>.<value>`. */
export const REFERRAL_ENUMS = [DIRECTION, URGENCY, STATUS, PURPOSE];
