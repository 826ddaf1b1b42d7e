// Rotations (下派驻点 / 上派进修) as plain functions: direction checks, overlap, the status
// machine, what the daily job does to a rotation on a given day, plan figures and balance.
// Each problem carries a `rule` code and `params`: the API puts them in the error details and
// the admin UI shows the Chinese text of `hr.rules.<rule>` filled with the params.
import { addDays } from '../../core/clock';
import { addYears } from '../staff/rules';
import { ROTATION_STATUS, ROTATION_TYPE, type RotationStatus, type RotationType } from '../enums';

export type { RotationStatus, RotationType } from '../enums';
export const ROTATION_TYPES = ROTATION_TYPE.values;
export const ROTATION_STATUSES = ROTATION_STATUS.values;

export const ROTATION_TRANSITIONS: Record<RotationStatus, RotationStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['completed'],
  completed: [],
  cancelled: [],
};

export interface Problem {
  kind: 'conflict' | 'business_rule';
  rule: string;
  field: string;
  message: string;
  params: Record<string, string | number | null>;
}

interface Unit {
  id: number;
  path: string;
  level: number;
  name?: string;
}

const isBelow = (path: string, ancestor: string) => path.startsWith(`${ancestor}.`);

/**
 * A down_expert goes to a unit below the home unit in its own line (host path under home path);
 * an up_training goes to one of the home unit's ancestors.
 */
export function directionProblem(type: RotationType, home: Unit, host: Unit): Problem | null {
  const params = { home: home.name ?? home.id, host: host.name ?? host.id, home_level: home.level, host_level: host.level };
  if (type === 'down_expert' && !isBelow(host.path, home.path)) {
    return {
      kind: 'business_rule',
      rule: 'down_not_below',
      field: 'host_org_unit_id',
      params,
      message: `a down_expert rotation goes to a unit below the home unit in its line; ${params.host} is not below ${params.home}`,
    };
  }
  if (type === 'up_training' && !isBelow(home.path, host.path)) {
    return {
      kind: 'business_rule',
      rule: 'up_not_above',
      field: 'host_org_unit_id',
      params,
      message: `an up_training rotation goes to a unit above the home unit in its line; ${params.host} is not above ${params.home}`,
    };
  }
  return null;
}

/**
 * The units a rotation of `type` may go to from `home`: those `directionProblem` accepts,
 * the nearest level first (下派 from HQ lists the branches before the townships).
 */
export function hostCandidates<U extends Unit>(type: RotationType, home: Unit, units: U[]): U[] {
  const distance = (u: Unit) => Math.abs(u.level - home.level);
  return units.filter((u) => !directionProblem(type, home, u)).sort((a, b) => distance(a) - distance(b) || a.path.localeCompare(b.path));
}

export function staffProblem(staff: { status: string; name: string }): Problem | null {
  if (staff.status === 'active') return null;
  return {
    kind: 'business_rule',
    rule: 'staff_not_active',
    field: 'staff_id',
    params: { staff: staff.name, status: staff.status },
    message: `only active staff rotate; ${staff.name} is ${staff.status}`,
  };
}

/** The home unit is where the person is employed or normally works. */
export function homeProblem(homeId: number, staff: { employer_org_unit_id: number; work_org_unit_id: number }): Problem | null {
  if (homeId === staff.employer_org_unit_id || homeId === staff.work_org_unit_id) return null;
  return {
    kind: 'business_rule',
    rule: 'home_not_staff_unit',
    field: 'home_org_unit_id',
    params: { home: homeId },
    message: 'the home unit must be the employer or the working unit of the person',
  };
}

export interface Span {
  id?: number;
  start_on: string;
  planned_end_on: string;
  actual_end_on?: string | null;
  status: string;
}

/** The last day a rotation occupies: the actual end once ended, else the planned end. */
export const lastDay = (r: Span) => r.actual_end_on ?? r.planned_end_on;

/** Inclusive date ranges intersect. */
export const overlaps = (a: Span, b: Span) => a.start_on <= lastDay(b) && b.start_on <= lastDay(a);

/** The first other (not cancelled) rotation of the same person that overlaps `candidate`. */
export function findOverlap<T extends Span>(candidate: Span, others: T[]): T | undefined {
  return others.find((o) => o.id !== candidate.id && o.status !== 'cancelled' && overlaps(candidate, o));
}

export function overlapProblem(other: Span & { id?: number; type?: string; host_name?: string }): Problem {
  const params = {
    other_id: other.id ?? null,
    other_type: other.type ?? null,
    other_host: other.host_name ?? null,
    other_start: other.start_on,
    other_end: lastDay(other),
    other_status: other.status,
  };
  return {
    kind: 'conflict',
    rule: 'rotation_overlap',
    field: 'start_on',
    params,
    message: `overlaps rotation #${other.id} (${other.type}, ${other.host_name ?? ''} ${other.start_on} – ${lastDay(other)}, ${other.status}) of the same person`,
  };
}

export function datesProblem(start: string, plannedEnd: string): Problem | null {
  if (plannedEnd >= start) return null;
  return {
    kind: 'business_rule',
    rule: 'end_before_start',
    field: 'planned_end_on',
    params: { start, end: plannedEnd },
    message: 'planned_end_on is before start_on',
  };
}

/** down_expert: one year (驻点服务一年) unless given; up_training needs its end. */
export function defaultPlannedEnd(type: RotationType, start: string): string | undefined {
  return type === 'down_expert' ? addDays(addYears(start, 1), -1) : undefined;
}

export function transitionProblem(from: RotationStatus, to: RotationStatus): Problem | null {
  if (ROTATION_TRANSITIONS[from].includes(to)) return null;
  const allowed = ROTATION_TRANSITIONS[from];
  return {
    kind: 'conflict',
    rule: 'transition_not_allowed',
    field: 'status',
    params: { from, to, allowed: allowed.join(', ') || 'none' },
    message: `a ${from} rotation cannot become ${to}; allowed: ${allowed.join(', ') || 'none'}`,
  };
}

/** Ending on `endOn`: not before the start, and before the planned end only with a reason. */
export function endProblem(r: Span, endOn: string, reason: string | null | undefined): Problem | null {
  if (endOn < r.start_on)
    return {
      kind: 'business_rule',
      rule: 'end_before_start',
      field: 'actual_end_on',
      params: { start: r.start_on, end: endOn },
      message: 'actual_end_on is before start_on',
    };
  if (endOn < r.planned_end_on && !reason?.trim()) {
    return {
      kind: 'business_rule',
      rule: 'early_end_needs_reason',
      field: 'end_reason',
      params: { planned_end: r.planned_end_on },
      message: `ending before the planned end ${r.planned_end_on} needs a reason`,
    };
  }
  return null;
}

/** What the daily job does to a rotation on `today`: start it, end it, or nothing. */
export function dueSteps(r: Span, today: string): ('activate' | 'complete')[] {
  const steps: ('activate' | 'complete')[] = [];
  let status = r.status;
  if (status === 'planned' && r.start_on <= today) {
    steps.push('activate');
    status = 'active';
  }
  if (status === 'active' && r.planned_end_on < today) steps.push('complete');
  return steps;
}

/** The status a rotation has on `today` if every day's job ran (demo data, checks). */
export function statusOn(r: Span, today: string): RotationStatus {
  if (r.status === 'cancelled') return 'cancelled';
  if (r.start_on > today) return 'planned';
  return lastDay(r) < today ? 'completed' : 'active';
}

// ---- plans: directions, quota vs filled, the up/down balance per receiving unit ----

const LEVEL_NAME: Record<number, string> = { 1: 'hq', 2: 'branch', 3: 'township', 4: 'village' };
const LEVEL_ORDER = ['hq', 'branch', 'township', 'village'];

/** e.g. down_expert from level 1 to 2 → down_hq_branch; up_training 3 → 2 → up_township_branch. */
export const directionKey = (type: string, homeLevel: number, hostLevel: number) =>
  `${type === 'down_expert' ? 'down' : 'up'}_${LEVEL_NAME[homeLevel] ?? `l${homeLevel}`}_${LEVEL_NAME[hostLevel] ?? `l${hostLevel}`}`;

/** The reference group's yearly plan: HQ → branches 18, branches → townships 30, the same number sent up. */
export const REFERENCE_QUOTAS: Record<string, number> = { down_hq_branch: 18, down_branch_township: 30, up_branch_hq: 18, up_township_branch: 30 };

export const DIRECTION_PATTERN = /^(down|up)_(hq|branch|township|village|l\d)_(hq|branch|township|village|l\d)$/;

export interface PlannedRotation {
  type: string;
  status: string;
  home_org_unit_id: number;
  host_org_unit_id: number;
  home_level: number;
  host_level: number;
}

export interface DirectionFigure {
  key: string;
  type: string;
  quota: number;
  filled: number;
}

/** Filled against quota per direction; directions used without a quota appear with quota 0. */
export function directionFigures(quotas: Record<string, number>, rotations: PlannedRotation[]): DirectionFigure[] {
  const filled = new Map<string, number>();
  for (const r of rotations) {
    if (r.status === 'cancelled') continue;
    const key = directionKey(r.type, r.home_level, r.host_level);
    filled.set(key, (filled.get(key) ?? 0) + 1);
  }
  const order = (k: string) => (k.startsWith('down_') ? 0 : 100) + LEVEL_ORDER.indexOf(k.split('_')[1]) * 10 + LEVEL_ORDER.indexOf(k.split('_')[2]);
  const keys = [...new Set([...Object.keys(quotas), ...filled.keys()])].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return keys.map((key) => ({ key, type: key.startsWith('down_') ? 'down_expert' : 'up_training', quota: quotas[key] ?? 0, filled: filled.get(key) ?? 0 }));
}

/** Next year's plan is copied from this one only while that year has none (计划每年一份). */
export function planCopyProblem(from: { year: number }, existing: { id: number } | undefined): Problem | null {
  if (!existing) return null;
  const year = from.year + 1;
  return {
    kind: 'conflict',
    rule: 'plan_year_exists',
    field: 'year',
    params: { year, id: existing.id },
    message: `a rotation plan for ${year} already exists (#${existing.id})`,
  };
}

export interface BalanceRow {
  org_unit_id: number;
  experts_received: number;
  trainees_sent: number;
  /** trainees sent up minus experts received: 0 when the exchange is even (等量) */
  balance: number;
}

/** Per receiving unit: experts received (down_expert hosts) against trainees sent up (up_training homes). */
export function balance(rotations: PlannedRotation[]): BalanceRow[] {
  const rows = new Map<number, BalanceRow>();
  const row = (id: number) => rows.get(id) ?? rows.set(id, { org_unit_id: id, experts_received: 0, trainees_sent: 0, balance: 0 }).get(id)!;
  for (const r of rotations) {
    if (r.status === 'cancelled') continue;
    if (r.type === 'down_expert') row(r.host_org_unit_id).experts_received += 1;
    else row(r.home_org_unit_id).trainees_sent += 1;
  }
  return [...rows.values()].map((b) => ({ ...b, balance: b.trainees_sent - b.experts_received }));
}
