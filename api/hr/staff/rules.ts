// The staff registry's vocabulary and rules: categories, title ladders (职称) and whether a title fits,
// employment types, status transitions, placement (employer and working unit). No I/O.
import { addDays } from '../../core/clock';
import { villageContractProblem } from '../contracts/rules';
import type { UnitFacts } from '../shared';
import { EMPLOYMENT_TYPE, LEAVE_REASON, STAFF_CATEGORY, STAFF_STATUS, TITLE, type Category, type StaffStatus, type Title } from '../enums';

export type { Category, StaffStatus } from '../enums';

export const CATEGORIES = STAFF_CATEGORY.values;
/** 编制内 | 合同制 | 乡聘村用 */
export const EMPLOYMENT_TYPES = EMPLOYMENT_TYPE.values;
export const STAFF_STATUSES = STAFF_STATUS.values;
export const LEAVE_REASONS = LEAVE_REASON.values;

/** 职称 ladders, senior first: 正高 → 副高 → 中级 → 初级(师) → 初级(士). Together they hold every TITLE value (enums.test.ts). */
export const LADDERS = {
  physician: ['chief_physician', 'associate_chief_physician', 'attending_physician', 'physician', 'assistant_physician'],
  nursing: ['chief_nurse', 'associate_chief_nurse', 'nurse_in_charge', 'senior_nurse', 'nurse'],
  pharmacy: ['chief_pharmacist', 'associate_chief_pharmacist', 'pharmacist_in_charge', 'pharmacist', 'assistant_pharmacist'],
  technician: ['chief_technician', 'associate_chief_technician', 'technician_in_charge', 'technician', 'assistant_technician'],
  village: ['village_doctor'],
} as const satisfies Record<string, readonly Title[]>;
export type Ladder = keyof typeof LADDERS;
export const TITLES = TITLE.values;

/** Which title ladder a category climbs (admin staff have none). */
export const LADDER_OF: Record<Category, Ladder | null> = {
  doctor: 'physician',
  public_health: 'physician',
  nurse: 'nursing',
  pharmacist: 'pharmacy',
  technician: 'technician',
  village_doctor: 'village',
  admin: null,
};

/** The ladder a title is on. */
export const ladderOfTitle = (title: string) => (Object.entries(LADDERS) as [Ladder, readonly string[]][]).find(([, l]) => l.includes(title))?.[0];

/** Why `title` does not fit `category`, or null. Village doctors may also hold 医师/医士. */
export function titleProblem(category: string, title: string | null | undefined): string | null {
  if (title == null) return null;
  const ladder = LADDER_OF[category as Category];
  const of = ladderOfTitle(title);
  if (!of) return `unknown title ${title}`;
  if (of === ladder) return null;
  if (category === 'village_doctor' && (title === 'physician' || title === 'assistant_physician')) return null;
  return ladder ? `title ${title} is not on the ${ladder} ladder of a ${category}` : `a ${category} holds no professional title`;
}

/** Staff status machine: the allowed next statuses. */
export const STATUS_TRANSITIONS: Record<StaffStatus, StaffStatus[]> = {
  active: ['on_leave', 'left'],
  on_leave: ['active', 'left'],
  left: [],
};

/** 乡聘村用 staff are placed as their contract is (a township employs, one of its village clinics works); others work at the employer or below. */
export function placementProblem(employmentType: string, employer: UnitFacts, work: UnitFacts): { field: string; message: string; rule?: string } | null {
  const within = work.path === employer.path || work.path.startsWith(`${employer.path}.`);
  if (employmentType === 'township_hired') return villageContractProblem(employer, work);
  if (!within && work.id !== employer.id)
    return { field: 'work_org_unit_id', message: 'the working unit must be the employer or one of its units (rotations move people between lines)' };
  return null;
}

// ---- dates (ISO strings, no time zones) ----

export { addDays };
export function addYears(iso: string, years: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
