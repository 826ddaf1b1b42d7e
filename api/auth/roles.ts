// The roles of DESIGN.md. No imports, so any module may use them without a cycle.
export const ROLES = [
  'group_admin',
  'group_finance',
  'group_hr',
  'procurement',
  'referral_coordinator',
  'director', // 院长: acts for their own unit and below
  'staff_clerk',
  'village_doctor',
  'auditor', // reads everything, writes nothing
] as const;
export type Role = (typeof ROLES)[number];
