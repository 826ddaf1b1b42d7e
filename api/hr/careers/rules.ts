// Careers as plain functions: title promotions (one step up a ladder) and their states, posts and
// their headcount, the annual assessment's grades and 优秀 quota, licences. No I/O.
import { GRADE, LICENCE_KIND, type Grade, type PostStatus } from '../enums';
import { LADDERS, ladderOfTitle, titleProblem } from '../staff/rules';

export type { PostStatus } from '../enums';

// ---- title promotions (submitted → reviewed by unit → approved by group HR, or rejected) ----

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

export const PROMOTION_TRANSITIONS: Record<string, string[]> = {
  submitted: ['reviewed', 'rejected'],
  reviewed: ['approved', 'rejected'],
  approved: [],
  rejected: [],
};

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
