// Performance-pay rules as plain functions over plain data: what a piece of work is worth in
// health-management points (工分), a person's month (points less deductions, times the quality
// factor of their village's control rate and their annual assessment grade's factor), the
// township's point value and each person's amount, split so the parts add up to the pool.
// Points and factors are held as integers of hundredths, so the arithmetic is exact.
import { read, type GrantTable } from '../core/access';
import type { LapsedTask } from '../health';
import { LADDERS, type Category } from '../hr';
import { splitByLargestRemainder, type Fen } from '../shared/money';
import { PAY_GRADE, PAY_SERVICE, type PayGrade, type PayPost, type PayRunStatus, type PayService, type PayTitleLevel } from './enums';

/** A number of hundredths (4.5 points = 450; a factor of 1.2 = 120). */
export type Centi = number;
/** Effective points in millionths: hundredths of points × a factor in hundredths × a factor in hundredths. */
export type Micro = bigint;

export interface QualityBand {
  /** the lowest control rate (0–1) the band starts at */
  min_rate: number;
  factor: Centi;
}

export interface UnitQualityBand {
  /** the lowest quality score (0–100) the band starts at */
  min_score: number;
  /** points added (or, negative, taken off) a month */
  points: Centi;
}

/** The pay scheme of township and village health management (configuration, one for the group). */
export interface PayScheme {
  points: Record<PayService, Centi>;
  /** points taken off for each task let lapse (漏访) */
  missed_task_points: Centi;
  grade_factors: Record<PayGrade, Centi>;
  /** the control rate's bands, any order; the highest band the rate reaches applies */
  quality_bands: QualityBand[];
  /** the factor where the village has no patient followed up in the year (no rate) */
  no_rate_factor: Centi;
  /**
   * the unit's quality score (质量得分, quality's `unitQualityScores`, the year up to the month's end) as points
   * ± a month per band, any order: the highest band the score reaches applies; a unit not inspected adds nothing
   */
  unit_quality_bands: UnitQualityBand[];
  /** the medical-risk fund's rate (医疗风险金) in hundredths of a percent: 2 % = 200 (api/pay/riskFund.ts) */
  risk_fund_rate: Centi;
  /** the top-up (下派补助) a month the sending unit pays an expert sent down, in fen, beside the host's pay */
  rotation_top_up: Centi;
  /** the base part (基础绩效): points a month for the post (岗位) … */
  post_points: Record<PayPost, Centi>;
  /** … plus points a month for the title level (职称) */
  title_points: Record<PayTitleLevel, Centi>;
}

/**
 * Defaults for a western county (README, 绩效工资): a face-to-face chronic follow-up 4 points, by
 * phone 1, the elderly annual check 8, a signed contract 3, a household visit 3, a health-
 * education session 5 + 0.2 a listener; 2 points off a missed task; 优秀 ×1.2 … 不称职 0; a
 * village controlling ≥ 70 % of its patients ×1.1, ≥ 55 % ×1.0, ≥ 40 % ×0.9, below ×0.8; 2 % to the risk fund.
 * The unit's quality score: ≥ 95 +5 points a month, ≥ 85 ±0, ≥ 70 −5, below −10; not inspected ±0.
 * An expert sent down (下派) is topped up ¥2,000 a month by the sending unit.
 * The base part a month: 院长岗 600, 临床 300, 公卫 280, 护理/医技 260, 药学/管理 240, 乡村医生 60; plus 正高 200,
 * 副高 150, 中级 100, 师 50, 士 25, no title 0 — a township's staff above a village doctor's month of follow-ups
 * (≈ 200 points), the director about twice a clinician.
 */
export const DEFAULT_SCHEME: PayScheme = {
  points: {
    hypertension_followup: 400,
    diabetes_followup: 400,
    phone_followup: 100,
    elderly_check: 800,
    maternal_followup: 400,
    child_check: 300,
    severe_mental_followup: 500,
    tb_followup: 400,
    home_visit: 300,
    health_education: 500,
    health_education_attendee: 20,
    contract_signed: 300,
  },
  missed_task_points: 200,
  grade_factors: { excellent: 120, qualified: 100, basically_qualified: 80, unqualified: 0 },
  quality_bands: [
    { min_rate: 0.7, factor: 110 },
    { min_rate: 0.55, factor: 100 },
    { min_rate: 0.4, factor: 90 },
    { min_rate: 0, factor: 80 },
  ],
  no_rate_factor: 100,
  unit_quality_bands: [
    { min_score: 95, points: 500 },
    { min_score: 85, points: 0 },
    { min_score: 70, points: -500 },
    { min_score: 0, points: -1000 },
  ],
  risk_fund_rate: 200,
  rotation_top_up: 200_000,
  post_points: {
    director: 60_000,
    clinical: 30_000,
    public_health: 28_000,
    nursing: 26_000,
    pharmacy: 24_000,
    technology: 26_000,
    administration: 24_000,
    village_doctor: 6_000,
  },
  title_points: { senior: 20_000, associate: 15_000, intermediate: 10_000, junior: 5_000, assistant: 2_500, none: 0 },
};

const POST_OF: Record<Category, PayPost> = {
  doctor: 'clinical',
  public_health: 'public_health',
  nurse: 'nursing',
  pharmacist: 'pharmacy',
  technician: 'technology',
  admin: 'administration',
  village_doctor: 'village_doctor',
};
const LEVELS: PayTitleLevel[] = ['senior', 'associate', 'intermediate', 'junior', 'assistant'];

/** A person's post for the base part: the township's director holds 院长岗, anyone else their category's post. */
export const payPost = (category: Category, isDirector: boolean): PayPost => (isDirector ? 'director' : POST_OF[category]);

/**
 * A title's level: its rung on HR's five-rung ladders (正高 … 士); 乡村医生 is a qualification, not a
 * professional title (no title), and a village doctor holding 医师 or 医士 is on the physicians' ladder.
 */
export function titleLevel(title: string | null): PayTitleLevel {
  for (const ladder of Object.values(LADDERS) as readonly (readonly string[])[]) {
    const rung = ladder.indexOf(title ?? '');
    if (rung >= 0 && ladder.length === LEVELS.length) return LEVELS[rung];
  }
  return 'none';
}

/** The base part of a month in points: the post's plus the title level's. */
export const basePoints = (scheme: PayScheme, post: PayPost, level: PayTitleLevel): Centi => scheme.post_points[post] + scheme.title_points[level];

/** A grade missing (a newcomer not yet assessed) counts as 合格. */
export const DEFAULT_GRADE: PayGrade = 'qualified';

const FOLLOWUP_SERVICE: Record<string, PayService> = {
  hypertension: 'hypertension_followup',
  diabetes: 'diabetes_followup',
  elderly_check: 'elderly_check',
  maternal: 'maternal_followup',
  child: 'child_check',
  severe_mental: 'severe_mental_followup',
  tb: 'tb_followup',
  home_visit: 'home_visit',
  health_education: 'health_education',
};

/** The service a follow-up earns: a chronic follow-up by phone is worth less than face to face. */
export function serviceOfFollowup(type: string, mode: string): PayService | null {
  if ((type === 'hypertension' || type === 'diabetes') && mode === 'phone') return 'phone_followup';
  return FOLLOWUP_SERVICE[type] ?? null;
}

/** A piece of work recorded (or, for missed tasks, let lapse), as the drill-down lists it (its resident named when the drill-down is read). */
export interface WorkItem {
  kind: 'followup' | 'contract' | 'missed_task';
  ref_id: string;
  on: string;
  /** the follow-up's type (health's FOLLOWUP_TYPE) or the contract's package */
  type: string;
  mode: string | null;
  attendees: number | null;
  /** a missed task's deduction when shared among the village's doctors (their part); else the scheme's */
  deduction?: Centi;
  /** how many doctors share a missed task's deduction */
  shared_by?: number;
}

/**
 * The order of a line's items (the drill-down's list): by date; on a day the contracts, the follow-ups, then the missed
 * tasks; contracts and follow-ups as recorded (by id), missed tasks in the order given.
 */
export function byDateAsRecorded(a: WorkItem, b: WorkItem): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.kind === 'missed_task' ? 0 : Number(a.ref_id) - Number(b.ref_id);
}

/** What one item is worth (negative for a missed task), by service. */
export function itemPoints(scheme: PayScheme, item: WorkItem): { service: PayService | null; points: Centi }[] {
  if (item.kind === 'missed_task') return [{ service: null, points: -(item.deduction ?? scheme.missed_task_points) }];
  if (item.kind === 'contract') return [{ service: 'contract_signed', points: scheme.points.contract_signed }];
  const service = serviceOfFollowup(item.type, item.mode ?? '');
  if (!service) return [];
  const own = { service, points: scheme.points[service] };
  if (service !== 'health_education' || !item.attendees) return [own];
  return [own, { service: 'health_education_attendee', points: item.attendees * scheme.points.health_education_attendee }];
}

/**
 * Who answers for each task let lapse (the deduction rule, README 绩效工资): the doctor responsible for the
 * resident — the signer of their family-doctor contract in force on the task's last day — when that doctor is
 * on this payroll; otherwise (no contract, signed by no doctor, or by someone another unit pays) the village's
 * doctors on this payroll share it (a second doctor without a login too): the scheme's points split into equal
 * hundredths, the hundredths left over going in turn (task by task, in order) so no one always carries them. A
 * village with no one on the payroll docks no one. `people` in payroll order; the answer, by staff id, has every
 * person's missed-task items.
 */
export function assignMissedTasks(
  scheme: PayScheme,
  people: readonly { staff_id: number; user_id: number | null; work_org_unit_id: number }[],
  tasks: readonly LapsedTask[],
): Map<number, WorkItem[]> {
  const out = new Map<number, WorkItem[]>(people.map((p) => [p.staff_id, []]));
  const staffOfUser = new Map(people.filter((p) => p.user_id !== null).map((p) => [p.user_id!, p.staff_id]));
  const turn = new Map<number, number>();
  for (const t of tasks) {
    const item: WorkItem = { kind: 'missed_task', ref_id: t.ref_id, on: t.on, type: t.type, mode: null, attendees: null };
    const signer = t.responsible_user_id === null ? undefined : staffOfUser.get(t.responsible_user_id);
    const responsible = signer === undefined ? undefined : out.get(signer);
    if (responsible) {
      responsible.push(item);
      continue;
    }
    const village = people.filter((p) => p.work_org_unit_id === t.org_unit_id);
    if (!village.length) continue;
    const n = village.length;
    const base = Math.floor(scheme.missed_task_points / n);
    const left = scheme.missed_task_points - base * n;
    const k = turn.get(t.org_unit_id) ?? 0;
    turn.set(t.org_unit_id, k + 1);
    village.forEach((p, i) => {
      const extra = (i - (k % n) + n) % n < left ? 1 : 0;
      out.get(p.staff_id)!.push(n === 1 ? item : { ...item, deduction: base + extra, shared_by: n });
    });
  }
  return out;
}

/** The band of the highest threshold `value` reaches (bands in any order); undefined below them all. */
function highestBand<B>(bands: readonly B[], threshold: (b: B) => number, value: number): B | undefined {
  return [...bands].sort((a, b) => threshold(b) - threshold(a)).find((b) => value >= threshold(b));
}

/** The quality factor of a control rate: the highest band it reaches. */
export function qualityFactor(scheme: PayScheme, rate: number | null): Centi {
  if (rate === null) return scheme.no_rate_factor;
  return highestBand(scheme.quality_bands, (b) => b.min_rate, rate)?.factor ?? scheme.no_rate_factor;
}

/** The points ± of a unit's quality score: the highest band it reaches; a unit not inspected (null) or below every band, 0. */
export function unitQualityPoints(scheme: PayScheme, score: number | null): Centi {
  if (score === null) return 0;
  return highestBand(scheme.unit_quality_bands, (b) => b.min_score, score)?.points ?? 0;
}

/**
 * Whose quality score adjusts a person's pay: their work unit's when it was inspected in the period (a score), else
 * the paying township's (a village clinic answers to its township's inspection); null when neither was inspected.
 */
export function qualityScoreOf(
  scores: ReadonlyMap<number, number | null>,
  workUnitId: number,
  townshipId: number,
): { org_unit_id: number; score: number } | null {
  for (const id of [workUnitId, townshipId]) {
    const score = scores.get(id);
    if (score !== null && score !== undefined) return { org_unit_id: id, score };
  }
  return null;
}

export interface PersonFacts {
  grade: PayGrade | null;
  /** the control rate of the village (or township) they work in, this year; null without patients */
  control_rate: number | null;
  /** the base part's points of the month (post + title, `basePoints`); none given counts 0 */
  base?: Centi;
  /** the quality score of their unit for the period (`qualityScoreOf`); none given or null: not inspected */
  unit_quality_score?: number | null;
}

export interface ServiceCount {
  count: number;
  points: Centi;
}

export interface PersonPoints {
  by_service: Partial<Record<PayService, ServiceCount>>;
  gross: Centi;
  missed_tasks: number;
  deduction: Centi;
  grade: PayGrade;
  grade_factor: Centi;
  quality_factor: Centi;
  /** the base part's points (post + title) */
  base: Centi;
  /** the points ± of their unit's quality score (`unitQualityPoints`) */
  unit_quality_points: Centi;
  /** (base + (gross − deduction, never below 0) × quality factor + unit quality points, never below 0) × grade factor, in millionths of a point */
  effective: Micro;
}

/**
 * A person's month (structural performance pay): the base part by post and title, plus the points of
 * their work less the deductions times the quality factor of their village's control rate, plus or minus
 * the points of their unit's quality score (never below 0 in all); the whole times their assessment grade's factor.
 */
export function personPoints(scheme: PayScheme, facts: PersonFacts, items: readonly WorkItem[]): PersonPoints {
  const by_service: Partial<Record<PayService, ServiceCount>> = {};
  let gross = 0;
  let deduction = 0;
  let missed = 0;
  for (const item of items) {
    for (const p of itemPoints(scheme, item)) {
      if (p.service === null) {
        deduction -= p.points;
        missed += 1;
        continue;
      }
      const s = (by_service[p.service] ??= { count: 0, points: 0 });
      // an attendee line counts the session's listeners
      s.count += p.service === 'health_education_attendee' ? (item.attendees ?? 0) : 1;
      s.points += p.points;
      gross += p.points;
    }
  }
  const grade = facts.grade ?? DEFAULT_GRADE;
  const grade_factor = scheme.grade_factors[grade];
  const quality_factor = qualityFactor(scheme, facts.control_rate);
  const net = BigInt(Math.max(0, gross - deduction));
  const base = facts.base ?? 0;
  const unit_quality_points = unitQualityPoints(scheme, facts.unit_quality_score ?? null);
  const before = BigInt(base) * 100n + net * BigInt(quality_factor) + BigInt(unit_quality_points) * 100n;
  return {
    by_service,
    gross,
    missed_tasks: missed,
    deduction,
    grade,
    grade_factor,
    quality_factor,
    base,
    unit_quality_points,
    effective: (before > 0n ? before : 0n) * BigInt(grade_factor),
  };
}

/** Millionths of a point as text with six decimals. */
export const microText = (m: Micro) => `${m / 1_000_000n}.${(m % 1_000_000n).toString().padStart(6, '0')}`;

/** The point value in yuan (four decimals, half up): the pool ÷ the township's points; null without points. */
export function pointValue(pool: Fen, total: Micro): string | null {
  if (total === 0n) return null;
  // fen ÷ (micro / 10⁶) = yuan × 10⁴ ⇒ 10⁻⁴ yuan = pool × 10⁸ / total
  const tenThousandths = (pool * 100_000_000n * 2n + total) / (total * 2n);
  return `${tenThousandths / 10_000n}.${(tenThousandths % 10_000n).toString().padStart(4, '0')}`;
}

/** Each person's amount: the pool split by effective points, adding up to it exactly (largest remainder). */
export function splitPool(pool: Fen, effective: readonly Micro[]): Fen[] {
  if (effective.every((e) => e === 0n)) return effective.map(() => 0n);
  return splitByLargestRemainder(
    pool,
    effective.map((e) => Number(e)),
  );
}

// ---- rotations (下派) ---------------------------------------------------------------------

/**
 * Whether an expert sent down is paid on the host's run of `month` (YYYY-MM): the rotation covers the month's 15th,
 * so each month is paid once, by the unit they spent most of it at (a year's rotation, started on any day, pays 12).
 */
export function rotationPaysMonth(r: { start_on: string; last_day: string }, month: string): boolean {
  const mid = `${month}-15`;
  return r.start_on <= mid && mid <= r.last_day;
}

// ---- the run's workflow -------------------------------------------------------------------

export type PayStep = 'calculate' | 'review' | 'approve' | 'lock' | 'correct';
/** The states each step starts from (recalculating a calculated run is allowed until it is reviewed). */
export const PAY_STEPS: Record<PayStep, PayRunStatus[]> = {
  calculate: ['draft', 'calculated'],
  review: ['calculated'],
  approve: ['reviewed'],
  lock: ['approved'],
  // a correction supersedes a run approved for payment
  correct: ['approved', 'locked'],
};
export const STEP_TO: Record<PayStep, PayRunStatus> = {
  calculate: 'calculated',
  review: 'reviewed',
  approve: 'approved',
  lock: 'locked',
  correct: 'superseded',
};
export const mayStep = (step: PayStep, from: PayRunStatus) => PAY_STEPS[step].includes(from);

/** The first day of a month YYYY-MM. */
export const monthStart = (month: string) => `${month}-01`;
/** The first day of the month after. */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Every service and grade has its figure (the schema checks ranges; this checks completeness). */
export const schemeKeys = { services: PAY_SERVICE.values, grades: PAY_GRADE.values };

// ---- grants ---------------------------------------------------------------------------------

export const payGrants: GrantTable = {
  group_finance: {
    'pay-runs': [...read, 'create', 'edit', 'calculate', 'approve', 'lock', 'correct'],
    'pay-scheme': [...read, 'edit'],
    'pay-income-change': read,
  },
  group_admin: { 'pay-runs': read, 'pay-scheme': read, 'pay-income-change': read },
  // a director reads their own township's income change (the pay runs' unit scope)
  director: { 'pay-runs': [...read, 'calculate', 'review'], 'pay-scheme': read, 'pay-income-change': read },
  village_doctor: { 'pay-statement': read },
};
