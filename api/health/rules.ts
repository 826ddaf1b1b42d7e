// Health management rules (健康管理): key populations, measurement checks, visit classification,
// due-task scheduling and the indicators. Plain functions over plain data — no HTTP, no DB.
//
// The clinical thresholds follow 国家基本公共卫生服务规范（第三版）(National Basic Public Health
// Service Norms, 3rd ed., 2017), cited where they are applied.
import { all, read, type GrantTable } from '../core/access';
import { addDays } from '../core/clock';
import {
  KEY_TAG,
  type Advice,
  type Classification,
  type ConditionCode,
  type ContractStatus,
  type FollowupMode,
  type FollowupType,
  type IndicatorKey,
  type KeyTag,
  type ScheduleTrigger,
  type TargetMetric,
  type TargetStatus,
  type TaskState,
} from './enums';

export type { Classification, ConditionCode, ContractStatus, FollowupMode, FollowupType, KeyTag, TaskState } from './enums';

export interface FieldProblem {
  field: string;
  message: string;
}

// ---------------------------------------------------------------- key populations (重点人群)

/** Conditions that make a resident part of a key population (and get scheduled follow-ups). */
export const KEY_CONDITIONS: readonly ConditionCode[] = ['hypertension', 'diabetes', 'severe_mental', 'tb'];
/** Tags a user types (everything else is derived). */
export const TYPED_TAGS: readonly KeyTag[] = ['pregnant'];
/** Tags derived from the birth date at query time, never stored. */
export const AGE_TAGS: readonly KeyTag[] = ['elderly_65', 'child_0_6'];

export interface Condition {
  code: ConditionCode;
  diagnosed_on: string;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 老年人健康管理 covers residents aged 65 and over; 0–6岁儿童健康管理 children under 7 (规范第三版). */
export function ageTags(birthDate: string, day: string): KeyTag[] {
  const age = ageOn(birthDate, day);
  const tags: KeyTag[] = [];
  if (age >= 65) tags.push('elderly_65');
  if (age >= 0 && age <= 6) tags.push('child_0_6');
  return tags;
}

/** The tags stored on a resident: their key conditions plus the typed ones. */
export function storedTags(conditions: readonly Condition[], typed: readonly string[]): string[] {
  const fromConditions = conditions.map((c) => c.code).filter((c) => KEY_CONDITIONS.includes(c));
  return [...new Set([...fromConditions, ...typed])].sort();
}

/** All key-population tags of a resident on a day: stored ones and the age-derived ones. */
export function residentTags(r: { birth_date: string; tags: readonly string[] }, day: string): KeyTag[] {
  const byAge = ageTags(r.birth_date, day);
  return KEY_TAG.values.filter((t) => r.tags.includes(t) || byAge.includes(t));
}

/** Is the resident in one key population on a day (the age ones by comparing dates as strings). */
export function inPopulation(r: { birth_date: string; tags: readonly string[] }, tag: KeyTag, day: string): boolean {
  if (tag === 'elderly_65') return r.birth_date <= yearsBefore(day, 65);
  if (tag === 'child_0_6') return r.birth_date > yearsBefore(day, 7) && r.birth_date <= day;
  return r.tags.includes(tag);
}
/** The same day `years` earlier: born on or before it is being that old or older on `day`. */
const yearsBefore = (day: string, years: number) => `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;

/** Problems with a resident's conditions (dates after birth and not in the future, no duplicates). */
export function conditionProblems(conditions: readonly Condition[], birthDate: string, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  conditions.forEach((c, i) => {
    if (seen.has(c.code)) problems.push({ field: `conditions.${i}.code`, message: `${c.code} is listed twice` });
    seen.add(c.code);
    if (c.diagnosed_on < birthDate) problems.push({ field: `conditions.${i}.diagnosed_on`, message: 'is before the birth date' });
    if (c.diagnosed_on > today) problems.push({ field: `conditions.${i}.diagnosed_on`, message: 'is in the future' });
  });
  return problems;
}

// ---------------------------------------------------------------- follow-ups (随访)

/** Plausible ranges; outside them a value is a typing error, not a finding. */
export const MEASUREMENT_RANGES = {
  systolic: [60, 300],
  diastolic: [30, 200],
  fasting_glucose: [1.0, 35.0],
  weight_kg: [0.5, 300],
  height_cm: [30, 250],
  heart_rate: [30, 220],
} as const;
export type MeasurementField = keyof typeof MEASUREMENT_RANGES;
export const UNITS: Record<MeasurementField, string> = {
  systolic: 'mmHg',
  diastolic: 'mmHg',
  fasting_glucose: 'mmol/L',
  weight_kg: 'kg',
  height_cm: 'cm',
  heart_rate: 'bpm',
};

/** What each follow-up type must record. */
export const REQUIRED_FIELDS: Partial<Record<FollowupType, readonly string[]>> = {
  hypertension: ['systolic', 'diastolic'],
  diabetes: ['fasting_glucose'],
  health_education: ['topic', 'attendees'],
};

export type Measurements = Partial<Record<MeasurementField, number | null>>;

/** Field problems of a follow-up's measurements: ranges, systolic above diastolic, required ones. */
export function measurementProblems(type: FollowupType, m: Measurements & { topic?: string | null; attendees?: number | null }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, [lo, hi]] of Object.entries(MEASUREMENT_RANGES) as [MeasurementField, readonly [number, number]][]) {
    const v = m[field];
    if (v == null) continue;
    if (v < lo || v > hi) problems.push({ field, message: `must be between ${lo} and ${hi} ${UNITS[field]}` });
  }
  if (m.systolic != null && m.diastolic != null && m.diastolic >= m.systolic) {
    problems.push({ field: 'diastolic', message: 'must be below the systolic pressure' });
  }
  for (const field of REQUIRED_FIELDS[type] ?? []) {
    if ((m as Record<string, unknown>)[field] == null) problems.push({ field, message: `is required for a ${type} follow-up` });
  }
  return problems;
}

export interface Assessment {
  classification: Classification | null;
  /** the norms' next step for this visit, or null */
  advice: Advice | null;
}

/**
 * Classifies a visit. 规范第三版:
 * - 高血压患者健康管理服务规范: 血压控制满意 = 收缩压 < 140 且 舒张压 < 90 mmHg; 第一次出现控制不满意
 *   的 2 周内随访; 收缩压 ≥ 180 和/或 舒张压 ≥ 110 mmHg 紧急转诊。
 * - 2型糖尿病患者健康管理服务规范: 空腹血糖 < 7.0 mmol/L 控制满意; 不满意者 2 周内随访;
 *   空腹血糖 ≥ 16.7 mmol/L 或 ≤ 3.9 mmol/L 紧急转诊。
 * Other visit types are not classified.
 */
export function assess(type: FollowupType, m: Measurements): Assessment {
  if (type === 'hypertension' && m.systolic != null && m.diastolic != null) {
    if (m.systolic >= 180 || m.diastolic >= 110) return { classification: 'uncontrolled', advice: 'urgent_referral' };
    return m.systolic < 140 && m.diastolic < 90
      ? { classification: 'controlled', advice: null }
      : { classification: 'uncontrolled', advice: 'recheck_in_2_weeks' };
  }
  if (type === 'diabetes' && m.fasting_glucose != null) {
    if (m.fasting_glucose >= 16.7 || m.fasting_glucose <= 3.9)
      return { classification: m.fasting_glucose < 7.0 ? 'controlled' : 'uncontrolled', advice: 'urgent_referral' };
    return m.fasting_glucose < 7.0 ? { classification: 'controlled', advice: null } : { classification: 'uncontrolled', advice: 'recheck_in_2_weeks' };
  }
  return { classification: null, advice: null };
}

/** 面对面随访: the norms count visits in the clinic or at home; a phone call is not face to face. */
export const isFaceToFace = (mode: FollowupMode) => mode !== 'phone';

/** Which follow-up types concern which key population (a follow-up for a resident outside it is refused). */
export const POPULATION_OF: Partial<Record<FollowupType, KeyTag>> = {
  hypertension: 'hypertension',
  diabetes: 'diabetes',
  elderly_check: 'elderly_65',
  maternal: 'pregnant',
  child: 'child_0_6',
  severe_mental: 'severe_mental',
  tb: 'tb',
};

// ---------------------------------------------------------------- due tasks (待办任务)

export const OPEN_STATES: readonly TaskState[] = ['upcoming', 'due'];
/** Allowed state changes; anything else is a conflict naming these. */
export const TASK_TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  // a visit inside the window completes a task even before the daily job marked it due
  upcoming: ['due', 'done', 'missed', 'cancelled'],
  due: ['done', 'missed', 'cancelled'],
  done: [],
  missed: [],
  cancelled: [],
};

export interface Schedule {
  code: string;
  /** 'period': one task per period for the population; 'uncontrolled': a recheck after an uncontrolled visit */
  trigger: ScheduleTrigger;
  followup_type: FollowupType;
  population: KeyTag;
  period_months: number;
  due_within_days: number;
}

export interface TaskPlan {
  id: string;
  resident_id: number;
  schedule_code: string;
  type: FollowupType;
  period: string;
  window_start: string;
  window_end: string;
  due_on: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export { addDays };
/** First and last day of the month containing `day`. */
export function monthOf(day: string): { start: string; end: string } {
  const [y, m] = day.split('-').map(Number);
  return { start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)) };
}
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The schedule period containing `day`: label (2026, 2026-Q2, 2026-H1, 2026-03, 2026-B2…) and window. */
export function periodOf(periodMonths: number, day: string): { period: string; window_start: string; window_end: string } {
  const [y, m] = day.split('-').map(Number);
  const index = Math.floor((m - 1) / periodMonths); // 0-based period within the year
  const startMonth = index * periodMonths + 1;
  const endMonth = startMonth + periodMonths - 1;
  const label = { 12: `${y}`, 6: `${y}-H${index + 1}`, 4: `${y}-T${index + 1}`, 3: `${y}-Q${index + 1}`, 2: `${y}-B${index + 1}`, 1: `${y}-${pad(m)}` }[
    periodMonths
  ];
  if (!label) throw new Error(`unsupported period of ${periodMonths} months`);
  return { period: label, window_start: iso(y, startMonth, 1), window_end: iso(y, endMonth, lastDay(y, endMonth)) };
}

/** The deterministic id of a task: resident + schedule + period, so regeneration never duplicates. */
export const taskId = (residentId: number, scheduleCode: string, period: string) => `${residentId}-${scheduleCode}-${period}`;

/**
 * The due date inside a window: the schedule's due span is spread over residents (by id) so a
 * village's visits do not all fall on one day; the rest of the window is grace (overdue, still doable).
 */
export function dueOn(windowStart: string, windowEnd: string, dueWithinDays: number, residentId: number): string {
  return spreadDue(Date.parse(`${windowStart}T00:00:00Z`), Math.min(dueWithinDays, daysBetween(windowStart, windowEnd) + 1), residentId);
}
const spreadDue = (startMs: number, span: number, residentId: number) => new Date(startMs + ((residentId * 37) % span) * 86_400_000).toISOString().slice(0, 10);

export interface ResidentForTasks {
  id: number;
  birth_date: string;
  tags: readonly string[];
}

/**
 * A planner for the periods overlapping [from, to]: the periods of each schedule are worked out
 * once, then each resident gets a task per period for each schedule whose population they are
 * in at some point of the window (a 65th birthday inside the year counts).
 */
export function taskPlanner(schedules: readonly Schedule[], from: string, to: string): (resident: ResidentForTasks) => TaskPlan[] {
  const periodic = schedules
    .filter((s) => s.trigger === 'period')
    .map((s) => {
      const periods: (ReturnType<typeof periodOf> & { startMs: number; span: number })[] = [];
      for (let day = periodOf(s.period_months, from).window_start; day <= to;) {
        const p = periodOf(s.period_months, day);
        periods.push({
          ...p,
          startMs: Date.parse(`${p.window_start}T00:00:00Z`),
          span: Math.min(s.due_within_days, daysBetween(p.window_start, p.window_end) + 1),
        });
        day = addDays(p.window_end, 1);
      }
      return { s, byAge: (AGE_TAGS as readonly string[]).includes(s.population), periods };
    });
  return (resident) => {
    const plans: TaskPlan[] = [];
    for (const { s, byAge, periods } of periodic) {
      if (!byAge && !resident.tags.includes(s.population)) continue;
      for (const p of periods) {
        if (byAge && !inPopulation(resident, s.population, p.window_end) && !inPopulation(resident, s.population, p.window_start)) continue;
        plans.push({
          id: taskId(resident.id, s.code, p.period),
          resident_id: resident.id,
          schedule_code: s.code,
          type: s.followup_type,
          period: p.period,
          window_start: p.window_start,
          window_end: p.window_end,
          due_on: spreadDue(p.startMs, p.span, resident.id),
        });
      }
    }
    return plans;
  };
}

/** The tasks one resident needs in the periods overlapping [from, to]. */
export const planTasks = (resident: ResidentForTasks, schedules: readonly Schedule[], from: string, to: string) => taskPlanner(schedules, from, to)(resident);

/**
 * 规范第三版: a hypertension or diabetes visit that is not controlled is followed up again
 * within two weeks. The recheck task is due `due_within_days` after the visit and stays open
 * as long again; its period is the visit's date, so one visit makes one recheck.
 */
export function recheckPlan(s: Schedule, residentId: number, visitedOn: string): TaskPlan {
  return {
    id: taskId(residentId, s.code, visitedOn),
    resident_id: residentId,
    schedule_code: s.code,
    type: s.followup_type,
    period: visitedOn,
    window_start: addDays(visitedOn, 1),
    window_end: addDays(visitedOn, 2 * s.due_within_days),
    due_on: addDays(visitedOn, s.due_within_days),
  };
}

/** The state an open task should be in on `today`, by its window; null when it should leave the open states. */
export function openStateOn(task: { window_start: string; window_end: string }, today: string): TaskState {
  if (today > task.window_end) return 'missed';
  return today < task.window_start ? 'upcoming' : 'due';
}

/** "Overdue" is computed at query time: open and past its due date. */
export const isOverdue = (task: { state: string; due_on: string }, today: string) => OPEN_STATES.includes(task.state as TaskState) && task.due_on < today;

/** Does a logged follow-up complete a task: same type, inside the window, face to face. */
export function completes(
  task: { type: string; window_start: string; window_end: string; state: string },
  f: { type: string; visited_on: string; mode: FollowupMode },
): boolean {
  return (
    OPEN_STATES.includes(task.state as TaskState) &&
    task.type === f.type &&
    f.visited_on >= task.window_start &&
    f.visited_on <= task.window_end &&
    isFaceToFace(f.mode)
  );
}

// ---------------------------------------------------------------- family-doctor teams (家庭医生团队)

export interface TeamShape {
  village_ids: number[];
  members: { user_id: number; role: string; is_leader?: boolean }[];
}

export interface TeamFacts {
  /** the villages under the team's township centre */
  townshipVillageIds: ReadonlySet<number>;
  users: ReadonlyMap<number, { roles: readonly string[]; org_unit_id: number; active: boolean }>;
}

/**
 * A team is led by one general practitioner (全科医生牵头); it serves villages of its own
 * township; a member listed as village doctor is a village-doctor user working in a served village.
 */
export function teamProblems(team: TeamShape, facts: TeamFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!team.village_ids.length) problems.push({ field: 'village_ids', message: 'a team serves at least one village' });
  team.village_ids.forEach((v, i) => {
    if (!facts.townshipVillageIds.has(v)) problems.push({ field: `village_ids.${i}`, message: `unit ${v} is not a village of the team's township` });
  });
  const leaders = team.members.filter((m) => m.is_leader);
  if (leaders.length !== 1) problems.push({ field: 'members', message: `a team has exactly one leader (found ${leaders.length})` });
  else if (leaders[0].role !== 'general_practitioner') problems.push({ field: 'members', message: 'the leader is a general practitioner' });
  const seen = new Set<number>();
  team.members.forEach((m, i) => {
    if (seen.has(m.user_id)) problems.push({ field: `members.${i}.user_id`, message: 'listed twice' });
    seen.add(m.user_id);
    const user = facts.users.get(m.user_id);
    if (!user || !user.active) {
      problems.push({ field: `members.${i}.user_id`, message: `no active user ${m.user_id}` });
      return;
    }
    if (m.role === 'village_doctor' && (!user.roles.includes('village_doctor') || !team.village_ids.includes(user.org_unit_id))) {
      problems.push({ field: `members.${i}.user_id`, message: 'a village doctor member works in one of the villages the team serves' });
    }
  });
  return problems;
}

// ---------------------------------------------------------------- contracts (家庭医生签约)

export const CONTRACT_TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  active: ['renewed', 'expired', 'terminated'],
  renewed: [],
  expired: ['renewed'],
  terminated: [],
};

/** A contract runs one year: from the start day to the day before its anniversary. */
export function contractEnd(startOn: string): string {
  const [y, m, d] = startOn.split('-').map(Number);
  // 29 February: the anniversary in a common year is 1 March
  const anniversary = d > lastDay(y + 1, m) ? iso(y + 1, m + 1, 1) : iso(y + 1, m, d);
  return addDays(anniversary, -1);
}

/** The allowed next statuses, or a message naming them. */
export function contractTransitionProblem(from: ContractStatus, to: ContractStatus): string | null {
  return CONTRACT_TRANSITIONS[from].includes(to) ? null : `a ${from} contract cannot become ${to}; allowed: ${CONTRACT_TRANSITIONS[from].join(', ') || 'none'}`;
}

// ---------------------------------------------------------------- indicators (考核指标)

export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface HealthIndicators {
  /** 签约率: residents with a contract in force during the year / registered residents */
  contract_rate: Ratio;
  /** 重点人群签约率: the same over residents in a key population */
  key_population_contract_rate: Ratio;
  /** 规范管理率: hypertension/diabetes patients with ≥ 4 face-to-face follow-ups of that type in the year / registered patients */
  standardised_management_rate: Ratio;
  /** 控制率: patients whose last follow-up of the year was controlled / patients followed up in the year */
  control_rate: Ratio;
  /** 任务完成率: tasks done / tasks that came due in the year (not cancelled) */
  task_completion_rate: Ratio;
}

/** numerator / denominator to 4 decimals, null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

/** 规范第三版: a hypertension or diabetes patient is 规范管理 with at least 4 face-to-face follow-ups a year. */
export const STANDARD_FOLLOWUPS_PER_YEAR = 4;

/** Worst first: the lowest value of an indicator first, units with no denominator last. */
export function worstFirst<T extends { indicators: HealthIndicators; name: string }>(rows: T[], key: IndicatorKey): T[] {
  const v = (r: T) => r.indicators[key].value ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => v(a) - v(b) || a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------- households (户)

/** A visit of one member in a household's one-save visit (the rest of the follow-up's fields aside). */
export interface HouseholdVisit {
  resident_id: number;
  task_id?: string | null;
  type: string;
}

/**
 * Problems of a household visit before anything is written: every visit is for a member of the
 * household, a task is answered once, a member gets one visit of each type.
 */
export function householdVisitProblems(visits: readonly HouseholdVisit[], memberIds: ReadonlySet<number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!visits.length) problems.push({ field: 'visits', message: 'at least one visit' });
  const tasks = new Set<string>();
  const kinds = new Set<string>();
  visits.forEach((v, i) => {
    if (!memberIds.has(v.resident_id))
      problems.push({ field: `visits.${i}.resident_id`, message: `resident ${v.resident_id} is not a member of this household` });
    if (v.task_id) {
      if (tasks.has(v.task_id)) problems.push({ field: `visits.${i}.task_id`, message: 'the same task twice' });
      tasks.add(v.task_id);
    }
    const kind = `${v.resident_id}:${v.type}`;
    if (kinds.has(kind)) problems.push({ field: `visits.${i}.type`, message: `a second ${v.type} visit of the same resident` });
    kinds.add(kind);
  });
  return problems;
}

// ---------------------------------------------------------------- targets (随访目标)

/** The follow-up types a "check" target counts (体检: the elderly annual check, the child check); the others are follow-ups. */
export const CHECK_TYPES: readonly FollowupType[] = ['elderly_check', 'child'];
/** How far from this month a target may be set (months before or after). */
export const TARGET_MONTHS_AWAY = 12;

export const monthKey = (day: string) => day.slice(0, 7);
/** First and last day of a month YYYY-MM. */
export const monthRange = (month: string) => monthOf(`${month}-01`);
/** The month before YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** A target's month must be within TARGET_MONTHS_AWAY of today's month. */
export function targetMonthProblem(month: string, today: string): FieldProblem | null {
  const away = monthIndex(month) - monthIndex(monthKey(today));
  return Math.abs(away) > TARGET_MONTHS_AWAY ? { field: 'month', message: `must be within ${TARGET_MONTHS_AWAY} months of this month` } : null;
}

/**
 * The part of a goal due by `today` in its month, pro rata over the days already gone (today not
 * counted: a day's work is judged when it is over); the whole goal once the month is over, none before it.
 */
export function goalToDate(goal: number, month: string, today: string): number {
  const { start, end } = monthRange(month);
  if (today > end) return goal;
  if (today <= start) return 0;
  return Math.floor((goal * daysBetween(start, today)) / (daysBetween(start, end) + 1));
}

/**
 * Where a month's count stands: met once done reaches the goal (a goal of 0 is met); otherwise on
 * track while it keeps up with the goal to date (goalToDate), behind when not — so a past month
 * below its goal is behind, and the month under way is behind only when it lags its pace.
 */
export function targetStatus(done: number, goal: number, month: string, today: string): TargetStatus {
  if (done >= goal) return 'met';
  return done >= goalToDate(goal, month, today) ? 'on_track' : 'behind';
}

export interface MetricProgress {
  done: number;
  goal: number;
  /** the goal derived from the records (tasks due, contracts ending) */
  default_goal: number;
  /** whether a township GP or director set this goal (else it is the default) */
  set: boolean;
  status: TargetStatus;
}

/** A month's progress per metric: the goal set (a non-null one) or else the default, the count done, the status. */
export function monthProgress(
  month: string,
  today: string,
  done: Record<TargetMetric, number>,
  defaults: Record<TargetMetric, number>,
  set: Partial<Record<TargetMetric, number | null>> = {},
): Record<TargetMetric, MetricProgress> {
  const out = {} as Record<TargetMetric, MetricProgress>;
  for (const metric of Object.keys(defaults) as TargetMetric[]) {
    const chosen = set[metric];
    const goal = chosen ?? defaults[metric];
    out[metric] = { done: done[metric], goal, default_goal: defaults[metric], set: chosen != null, status: targetStatus(done[metric], goal, month, today) };
  }
  return out;
}

// ---------------------------------------------------------------- grants

const HEALTH_RESOURCES = [
  'residents',
  'family-doctor-teams',
  'contracts',
  'followups',
  'tasks',
  'service-packages',
  'followup-schedules',
  'health-indicators',
  'households',
  'doctor-targets',
] as const;
const readAll = Object.fromEntries(HEALTH_RESOURCES.map((r) => [r, read]));

/** Who may do what. Reading a full ID number is the `reveal_id` verb (audited). */
export const healthGrants: GrantTable = {
  group_admin: {
    ...readAll,
    residents: [...all, 'transfer', 'deregister', 'reveal_id'],
    'family-doctor-teams': all,
    contracts: [...read, 'create', 'renew', 'terminate'],
    tasks: [...read, 'generate', 'cancel'],
    'followup-schedules': [...read, 'edit'],
    households: all,
    'doctor-targets': all,
  },
  director: {
    ...readAll,
    residents: [...read, 'create', 'edit', 'transfer', 'deregister', 'reveal_id'],
    'family-doctor-teams': all,
    contracts: [...read, 'create', 'renew', 'terminate'],
    followups: [...read, 'create'],
    tasks: [...read, 'cancel'],
    households: [...read, 'create', 'edit', 'visit'],
    'doctor-targets': all,
  },
  // a township's general practitioners log in as staff clerks (seeds: gp-T01-01 …): they set their village doctors' targets
  staff_clerk: {
    ...readAll,
    residents: [...read, 'create', 'edit', 'transfer'],
    contracts: [...read, 'create', 'renew'],
    households: [...read, 'create', 'edit'],
    'doctor-targets': all,
  },
  village_doctor: {
    ...readAll,
    residents: [...read, 'create', 'edit', 'transfer', 'reveal_id'],
    contracts: [...read, 'create', 'renew', 'terminate'],
    followups: [...read, 'create'],
    tasks: [...read, 'cancel'],
    households: [...read, 'create', 'edit', 'visit'],
  },
  group_finance: { 'health-indicators': read, 'family-doctor-teams': read, 'service-packages': read },
  referral_coordinator: { residents: read },
};
