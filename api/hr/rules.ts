// The staff registry's vocabulary and rules: categories, title ladders (职称), employment types,
// status transitions, posts, annual-assessment quota, village-doctor contracts. No I/O.
import { addDays } from '../core/clock';
import {
  EMPLOYMENT_TYPE,
  GRADE,
  LEAVE_REASON,
  LICENCE_KIND,
  STAFF_CATEGORY,
  STAFF_STATUS,
  TITLE,
  type Category,
  type Grade,
  type PostStatus,
  type StaffStatus,
  type Title,
} from './enums';

export type { Category, PostStatus, StaffStatus } from './enums';

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

const ladderOfTitle = (title: string) => (Object.entries(LADDERS) as [Ladder, readonly string[]][]).find(([, l]) => l.includes(title))?.[0];

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

/**
 * Why a promotion from `from` to `to` is not allowed, or null: one step up the same ladder
 * (a first title — from none — is the ladder's entry grade or the one above it).
 */
export function promotionProblem(category: string, from: string | null, to: string): string | null {
  const fit = titleProblem(category, to);
  if (fit) return fit;
  const ladder = LADDERS[ladderOfTitle(to)!] as readonly string[];
  const toRank = ladder.indexOf(to);
  if (from == null) return toRank >= ladder.length - 2 ? null : `a first title must be ${ladder.slice(-2).join(' or ')}`;
  const fromRank = ladder.indexOf(from);
  if (fromRank < 0) return `current title ${from} is on another ladder`;
  if (toRank >= fromRank) return `${to} is not above the current title ${from}`;
  if (fromRank - toRank > 1) return `promotion goes one step at a time: next is ${ladder[fromRank - 1]}`;
  return null;
}

/** Staff status machine: the allowed next statuses. */
export const STATUS_TRANSITIONS: Record<StaffStatus, StaffStatus[]> = {
  active: ['on_leave', 'left'],
  on_leave: ['active', 'left'],
  left: [],
};

/** 乡聘村用 staff must be village doctors employed by a township and working in one of its villages. */
export interface UnitFacts {
  id: number;
  kind: string;
  level: number;
  parent_id: number | null;
  path: string;
}
export function placementProblem(employmentType: string, employer: UnitFacts, work: UnitFacts): { field: string; message: string; rule?: string } | null {
  const within = work.path === employer.path || work.path.startsWith(`${employer.path}.`);
  if (employmentType === 'township_hired') return villageContractProblem(employer, work);
  if (!within && work.id !== employer.id)
    return { field: 'work_org_unit_id', message: 'the working unit must be the employer or one of its units (rotations move people between lines)' };
  return null;
}

/** 乡聘村用: the employer is a township centre and the clinic one of its own villages. `rule` names the case for the UI's text. */
export function villageContractProblem(township: UnitFacts, village: UnitFacts): { field: string; message: string; rule: string } | null {
  if (township.level !== 3)
    return { field: 'employer_org_unit_id', rule: 'village_employer_not_township', message: 'a village doctor is employed by a township centre (level 3)' };
  if (village.kind !== 'village') return { field: 'work_org_unit_id', rule: 'village_work_not_clinic', message: 'a village doctor works in a village clinic' };
  if (village.parent_id !== township.id)
    return { field: 'work_org_unit_id', rule: 'village_clinic_other_township', message: 'the village clinic does not belong to the employing township' };
  return null;
}

// ---- posts (岗位设置) ----

export const postStatus = (filled: number, headcount: number, closed: boolean): PostStatus => (closed ? 'closed' : filled >= headcount ? 'occupied' : 'vacant');

/** Why one more person cannot fill the post, or null. */
export function fillProblem(post: { status: string; filled: number; headcount: number }): string | null {
  if (post.status === 'closed') return 'the post is closed';
  if (post.filled + 1 > post.headcount) return `the post is full: ${post.filled} of ${post.headcount} filled`;
  return null;
}

// ---- annual assessment (年度考核) ----

export const GRADES = GRADE.values;
export const DEFAULT_EXCELLENT_SHARE = 0.2;

/** How many 优秀 a unit of `headcount` active staff may have: the share rounded down, at least one. */
export const excellentQuota = (headcount: number, share: number) => Math.max(1, Math.floor(headcount * share + 1e-9));

/** The grade a score implies (the unit may grade lower, never higher). */
export function gradeForScore(score: number): Grade {
  if (score >= 90) return 'excellent';
  if (score >= 70) return 'qualified';
  if (score >= 60) return 'basically_qualified';
  return 'unqualified';
}
export function gradeProblem(score: number, grade: string): string | null {
  const max = gradeForScore(score);
  return (GRADES as readonly string[]).indexOf(grade) < GRADES.indexOf(max) ? `a score of ${score} allows at most ${GRADE.zh(max)} (${max})` : null;
}

// ---- licences ----

export const LICENCE_KINDS = LICENCE_KIND.values;
export const EXPIRY_ALERT_DAYS = 60;

// ---- dates (ISO strings, no time zones) ----

export { addDays };
export function addYears(iso: string, years: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
