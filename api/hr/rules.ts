// The staff registry's vocabulary and rules: categories, title ladders (职称), employment types,
// status transitions, posts, annual-assessment quota, village-doctor contracts. No I/O.
import { addDays } from '../core/clock';

export const CATEGORIES = ['doctor', 'nurse', 'pharmacist', 'technician', 'public_health', 'admin', 'village_doctor'] as const;
export type Category = (typeof CATEGORIES)[number];

/** 编制内 | 合同制 | 乡聘村用 */
export const EMPLOYMENT_TYPES = ['establishment', 'contract', 'township_hired'] as const;

export const STAFF_STATUSES = ['active', 'on_leave', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];
/** 离职原因 */
export const LEAVE_REASONS = ['resigned', 'retired', 'dismissed', 'transferred_out', 'contract_ended', 'exited', 'deceased', 'other'] as const;

/** 职称 ladders, senior first: 正高 → 副高 → 中级 → 初级(师) → 初级(士). */
export const LADDERS = {
  physician: ['chief_physician', 'associate_chief_physician', 'attending_physician', 'physician', 'assistant_physician'],
  nursing: ['chief_nurse', 'associate_chief_nurse', 'nurse_in_charge', 'senior_nurse', 'nurse'],
  pharmacy: ['chief_pharmacist', 'associate_chief_pharmacist', 'pharmacist_in_charge', 'pharmacist', 'assistant_pharmacist'],
  technician: ['chief_technician', 'associate_chief_technician', 'technician_in_charge', 'technician', 'assistant_technician'],
  village: ['village_doctor'],
} as const;
export type Ladder = keyof typeof LADDERS;
export const TITLES = Object.values(LADDERS).flat() as string[];

export const TITLE_ZH: Record<string, string> = {
  chief_physician: '主任医师',
  associate_chief_physician: '副主任医师',
  attending_physician: '主治医师',
  physician: '医师',
  assistant_physician: '医士',
  chief_nurse: '主任护师',
  associate_chief_nurse: '副主任护师',
  nurse_in_charge: '主管护师',
  senior_nurse: '护师',
  nurse: '护士',
  chief_pharmacist: '主任药师',
  associate_chief_pharmacist: '副主任药师',
  pharmacist_in_charge: '主管药师',
  pharmacist: '药师',
  assistant_pharmacist: '药士',
  chief_technician: '主任技师',
  associate_chief_technician: '副主任技师',
  technician_in_charge: '主管技师',
  technician: '技师',
  assistant_technician: '技士',
  village_doctor: '乡村医生',
};
export const CATEGORY_ZH: Record<string, string> = {
  doctor: '医师',
  nurse: '护理',
  pharmacist: '药剂',
  technician: '医技',
  public_health: '公共卫生',
  admin: '行政管理',
  village_doctor: '乡村医生',
};
export const EMPLOYMENT_ZH: Record<string, string> = { establishment: '编制内', contract: '合同制', township_hired: '乡聘村用' };
export const STATUS_ZH: Record<string, string> = { active: '在岗', on_leave: '休假/停岗', left: '离职' };

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

export type PostStatus = 'vacant' | 'occupied' | 'closed';
export const postStatus = (filled: number, headcount: number, closed: boolean): PostStatus => (closed ? 'closed' : filled >= headcount ? 'occupied' : 'vacant');

/** Why one more person cannot fill the post, or null. */
export function fillProblem(post: { status: string; filled: number; headcount: number }): string | null {
  if (post.status === 'closed') return 'the post is closed';
  if (post.filled + 1 > post.headcount) return `the post is full: ${post.filled} of ${post.headcount} filled`;
  return null;
}

// ---- annual assessment (年度考核) ----

export const GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export const GRADE_ZH: Record<string, string> = { excellent: '优秀', qualified: '合格', basically_qualified: '基本合格', unqualified: '不合格' };
export const DEFAULT_EXCELLENT_SHARE = 0.2;

/** How many 优秀 a unit of `headcount` active staff may have: the share rounded down, at least one. */
export const excellentQuota = (headcount: number, share: number) => Math.max(1, Math.floor(headcount * share + 1e-9));

/** The grade a score implies (the unit may grade lower, never higher). */
export function gradeForScore(score: number): (typeof GRADES)[number] {
  if (score >= 90) return 'excellent';
  if (score >= 70) return 'qualified';
  if (score >= 60) return 'basically_qualified';
  return 'unqualified';
}
export function gradeProblem(score: number, grade: string): string | null {
  const max = gradeForScore(score);
  return (GRADES as readonly string[]).indexOf(grade) < GRADES.indexOf(max) ? `a score of ${score} allows at most ${GRADE_ZH[max]} (${max})` : null;
}

// ---- licences ----

export const LICENCE_KINDS = ['physician', 'assistant_physician', 'nurse', 'pharmacist', 'technician', 'village_doctor'] as const;
export const LICENCE_ZH: Record<string, string> = {
  physician: '医师执业证书',
  assistant_physician: '助理医师执业证书',
  nurse: '护士执业证书',
  pharmacist: '执业药师注册证',
  technician: '技师资格证书',
  village_doctor: '乡村医生执业证书',
};
export const EXPIRY_ALERT_DAYS = 60;

// ---- dates (ISO strings, no time zones) ----

export { addDays };
export function addYears(iso: string, years: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
