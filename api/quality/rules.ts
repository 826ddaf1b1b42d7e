// 质量管理: the rules of inspections and rectification as plain functions over plain data — an
// inspection's score from its checklist, the closed loop of a finding (整改闭环) as a state machine,
// overdue findings, and the unit's quality score per period. No HTTP, no database.
import type { GrantTable } from '../core/access';
import { all, read } from '../core/access';
import { FINDING_STATUS, SEVERITY } from './enums';

export type Severity = (typeof SEVERITY.values)[number];
export type FindingStatus = (typeof FINDING_STATUS.values)[number];

// ---------------------------------------------------------------- an inspection's score

export interface ItemScore {
  item_id: number;
  /** the item's maximum (decimal text or number) */
  max_score: string | number;
  /** what the inspector gave, or undefined when not scored yet */
  score?: string | number | null;
}

/** Why these scores cannot stand, per item (the item's index in `items`), or []. */
export function scoreProblems(items: readonly ItemScore[]): { field: string; message: string }[] {
  return items.flatMap((it, i) => {
    if (it.score == null) return [];
    const s = Number(it.score);
    const max = Number(it.max_score);
    return s < 0 || s > max ? [{ field: `scores.${i}.score`, message: `must be between 0 and the item's maximum ${max}` }] : [];
  });
}

/**
 * The inspection's score on 100: the points given over the checklist's maximum, rounded to two
 * decimals; null while an item is unscored (an inspection is completed only with every item scored).
 */
export function inspectionScore(items: readonly ItemScore[]): number | null {
  if (!items.length || items.some((it) => it.score == null)) return null;
  // in hundredths, so that the sums are exact
  const given = items.reduce((s, it) => s + Math.round(Number(it.score) * 100), 0);
  const max = items.reduce((s, it) => s + Math.round(Number(it.max_score) * 100), 0);
  return Math.round((given * 10000) / max) / 100;
}

// ---------------------------------------------------------------- the closed loop of a finding

export const FINDING_ACTIONS = ['report', 'verify', 'reject'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

const MACHINE: Record<FindingStatus, Partial<Record<FindingAction, FindingStatus>>> = {
  // the unit reports its rectification with evidence
  open: { report: 'reported' },
  // the inspector verifies it (销号) or rejects it back to the unit
  reported: { verify: 'verified', reject: 'open' },
  verified: {},
};

export const allowedFindingActions = (status: FindingStatus): FindingAction[] => Object.keys(MACHINE[status]) as FindingAction[];

/** The status `action` leads to from `status`, or the problem naming the allowed actions. */
export function nextFindingStatus(status: FindingStatus, action: FindingAction): { to: FindingStatus } | { problem: string; allowed: FindingAction[] } {
  const to = MACHINE[status][action];
  if (to) return { to };
  const allowed = allowedFindingActions(status);
  return { problem: `cannot ${action} a ${status} finding; allowed from ${status}: ${allowed.length ? allowed.join(', ') : 'none (closed)'}`, allowed };
}

/** Who acts: the owner unit reports its rectification, the inspector verifies or rejects it. */
export const findingSide = (action: FindingAction): 'owner' | 'inspector' => (action === 'report' ? 'owner' : 'inspector');

/** A finding is overdue on `day` while not rectified (open) after its deadline. */
export const isOverdue = (f: { status: FindingStatus; deadline: string }, day: string) => f.status === 'open' && f.deadline < day;

// ---------------------------------------------------------------- the unit's quality score

/** Points off the unit's quality score for each finding still open at the period's end; twice that when overdue. */
export const SEVERITY_POINTS: Record<Severity, number> = { minor: 1, major: 3, critical: 5 };
export const OVERDUE_MULTIPLIER = 2;

export interface ScoredInspection {
  score: string | number;
}

/** A finding as the score reads it: its day of creation and of closure (Shanghai days), and its deadline. */
export interface ScoreFinding {
  severity: Severity;
  deadline: string;
  created_on: string;
  /** the day it was verified, or null while not */
  closed_on: string | null;
}

export interface QualityScore {
  /** the mean of the period's completed inspection scores; null when the unit was not inspected */
  base: number | null;
  inspections: number;
  /** findings open at the period's end (overdue ones included), and of those overdue */
  open: number;
  overdue: number;
  deduction: number;
  /** base − deduction, at least 0, two decimals; null when not inspected in the period */
  score: number | null;
}

/**
 * The unit's quality score for a period (质量得分), as of `asOf` (the period's last day, or today
 * while the period runs): the mean score of the unit's inspections completed in the period, minus
 * for each finding of the unit open on `asOf` (created by then and not verified by then) its
 * severity's points (一般 1, 较重 3, 严重 5), doubled when its deadline passed before `asOf`.
 * Performance pay reads score / 100 as its quality factor.
 */
export function qualityScore(inspections: readonly ScoredInspection[], findings: readonly ScoreFinding[], asOf: string): QualityScore {
  const hundredths = inspections.map((i) => Math.round(Number(i.score) * 100));
  const base = hundredths.length ? Math.round(hundredths.reduce((a, b) => a + b, 0) / hundredths.length) / 100 : null;
  let open = 0;
  let overdue = 0;
  let deduction = 0;
  for (const f of findings) {
    if (f.created_on > asOf || (f.closed_on !== null && f.closed_on <= asOf)) continue;
    open++;
    const late = f.deadline < asOf;
    if (late) overdue++;
    deduction += SEVERITY_POINTS[f.severity] * (late ? OVERDUE_MULTIPLIER : 1);
  }
  const score = base === null ? null : Math.max(0, Math.round((base - deduction) * 100) / 100);
  return { base, inspections: hundredths.length, open, overdue, deduction, score };
}

/** The day a period is judged on: its last day, or `today` while it runs. */
export const asOfDay = (to: string, today: string) => (to < today ? to : today);

// ---------------------------------------------------------------- rectification evidence (整改佐证)

/** 10 MB a file, 10 files a finding: a photo of the site put right, a scanned notice. */
export const MAX_FINDING_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FINDING_FILES = 10;
/** what a rectification's evidence may be (by its bytes): a photo or a scan */
export const FINDING_FILE_TYPES = ['image/png', 'image/jpeg', 'application/pdf'];
/** the statuses in which the owner unit adds evidence: while it rectifies, before the inspector looks */
export const FINDING_FILE_STATUSES = ['open'] as const;

// ---------------------------------------------------------------- grants

const unitSide = {
  committees: read,
  'committee-members': read,
  'committee-meetings': read,
  checklists: read,
  'quality-inspections': read,
  'quality-findings': [...read, 'report'],
  'quality-scores': read,
};

export const qualityGrants: GrantTable = {
  // the group's quality office (质控办) keeps the committees, the checklists and the inspections
  group_admin: {
    committees: all,
    'committee-members': all,
    'committee-meetings': all,
    checklists: [...read, 'create', 'edit'],
    'quality-inspections': [...all, 'score', 'complete'],
    'quality-findings': [...read, 'create', 'verify', 'reject'],
    'quality-scores': read,
  },
  // a unit's director rectifies its findings, and inspects another unit in a cross-inspection
  director: {
    ...unitSide,
    'quality-inspections': [...read, 'create', 'score', 'complete'],
    'quality-findings': [...read, 'create', 'report', 'verify', 'reject'],
  },
  staff_clerk: unitSide,
  group_finance: { 'quality-scores': read },
};
