// The roles of DESIGN.md, written once with their zh and en labels: the users' zod schema, the grants and
// the admin UI's choices and translations derive from here. Imports only core/enums, so any module may use
// them without a cycle, and the admin UI imports this file.
import { defineEnum, type EnumValue } from '../core/enums';

export const ROLE = defineEnum('role', {
  group_admin: { zh: '集团管理员', en: 'Group administrator' },
  group_finance: { zh: '集团财务', en: 'Group finance' },
  group_hr: { zh: '集团人事', en: 'Group HR' },
  procurement: { zh: '采购', en: 'Procurement' },
  referral_coordinator: { zh: '转诊协调员', en: 'Referral coordinator' },
  director: { zh: '院长', en: 'Director' }, // acts for their own unit and below
  staff_clerk: { zh: '文员', en: 'Staff clerk' },
  village_doctor: { zh: '村医', en: 'Village doctor' },
  auditor: { zh: '审计', en: 'Auditor' }, // reads everything, writes nothing
});
export const ROLES = ROLE.values;
export type Role = EnumValue<typeof ROLE>;
