// Reversals (冲正) as plain functions: the month a reversal lands in, and a reversal checked against the claim
// it reverses and what earlier reversals left of it. The import (service.ts) finds the original and those reversals.
import { fromFen, toFen, type Fen } from '../../shared/money';
import { rowProblem, type RowProblem } from '../cells';
import type { ImportProblem } from '../enums';

/** The amounts a reversal takes back, in the order the problems name them. */
export const REVERSIBLE = ['total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost', 'consumables_cost'] as const;
export type Reversible = (typeof REVERSIBLE)[number];
export type Amounts = Record<Reversible, Fen>;

/**
 * The month a reversal counts in: its settlement month while that month is open; when an approved run has locked
 * it, the first month not locked (the next open month). null when the whole year is locked (its final run is
 * approved): a correction run that supersedes it reopens the year.
 */
export function landingMonth(settledMonth: number, lockedThrough: number): number | null {
  if (settledMonth > lockedThrough) return settledMonth;
  return lockedThrough < 12 ? lockedThrough + 1 : null;
}

/** A reversal line as validated (amounts ≤ 0), with its insured's ID hash: what must agree with its original. */
export interface ReversalLine {
  id_number_hash: string;
  provider_class: string;
  org_unit_id: number | null;
  provider_name: string | null;
  care_type: string;
  referred_up: boolean;
  amounts: Amounts;
}

/** The claim a reversal reverses, as stored. */
export interface OriginalClaim extends ReversalLine {
  id: number;
  claim_no: string;
  /** the original is itself a reversal (a reversal cannot be reversed) */
  is_reversal: boolean;
}

export const amountsOf = (row: Record<Reversible, string>): Amounts => Object.fromEntries(REVERSIBLE.map((k) => [k, toFen(row[k])])) as Amounts;

/** What is left of the original after the reversals so far (their amounts are ≤ 0). */
export function remainingOf(original: Amounts, reversals: readonly Amounts[]): Amounts {
  return Object.fromEntries(REVERSIBLE.map((k) => [k, reversals.reduce((left, r) => left + r[k], original[k])])) as Amounts;
}

/**
 * Checks a reversal against its original: the same insured, provider, care type and upward referral, and no amount
 * beyond what is left (`remaining`). Answers the problems by field, or how the line counts in the number of claims:
 * −1 when it leaves nothing of the original (全额冲正: the stay or visit is cancelled), 0 for a partial reversal.
 */
export function checkReversal(line: ReversalLine, original: OriginalClaim, remaining: Amounts): { problems: RowProblem[] } | { claim_count: -1 | 0 } {
  const problems: RowProblem[] = [];
  const claim = original.claim_no;
  const bad = (field: string, problem: ImportProblem, params: Record<string, string> = {}) => problems.push(rowProblem(field, problem, { claim, ...params }));
  if (original.is_reversal) bad('reverses_claim_no', 'original_is_reversal');
  if (line.id_number_hash !== original.id_number_hash) bad('id_number', 'not_original_insured');
  if (line.provider_class !== original.provider_class) bad('provider_class', 'not_original_class');
  else if (line.org_unit_id !== original.org_unit_id) bad('provider_unit_code', 'not_original_unit');
  else if (line.org_unit_id === null && line.provider_name !== original.provider_name) bad('provider_name', 'not_original_provider');
  if (line.care_type !== original.care_type) bad('care_type', 'not_original_care');
  if (line.referred_up !== original.referred_up) bad('referred_up', 'not_original_referral');
  for (const k of REVERSIBLE) {
    if (-line.amounts[k] > remaining[k]) bad(k, 'beyond_original', { left: fromFen(remaining[k]) });
  }
  if (problems.length) return { problems };
  return { claim_count: remaining.total_cost + line.amounts.total_cost === 0n ? -1 : 0 };
}
