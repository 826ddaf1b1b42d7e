// Finance rules as plain functions over plain data: monthly budget splits, the spending-limit
// matrix (most specific rule wins), approval chains and who may decide a step, the budget
// check, the request state machine, period locks and the risk-fund year-end return.
import { fromFen, splitByLargestRemainder, sumFen, type Fen } from '../shared/money';
import { all, read, type GrantTable } from '../core/access';
import type { EnumValue } from '../core/enums';
import { OVER_BUDGET, REQUEST_STATUS, STEP_KIND } from './enums';

export const OVER_BUDGET_MODES = OVER_BUDGET.values;

/** Who may decide an approval step. `council` (理事会) is decided by group_admin accounts. */
export const STEP_KINDS = STEP_KIND.values;
export type StepKind = EnumValue<typeof STEP_KIND>;
/** Roles that may override a stop on an over-budget request, with a reason (audited). */
export const OVERRIDE_ROLES = ['group_finance', 'group_admin'];

export const REQUEST_STATES = REQUEST_STATUS.values;
export type RequestState = EnumValue<typeof REQUEST_STATUS>;
const TRANSITIONS: Record<RequestState, RequestState[]> = {
  pending: ['approved', 'rejected', 'cancelled'],
  approved: ['paid', 'cancelled'],
  rejected: [],
  cancelled: [],
  paid: [],
};
export const allowedTransitions = (from: RequestState) => TRANSITIONS[from];
export const canTransition = (from: RequestState, to: RequestState) => TRANSITIONS[from].includes(to);

// ---- budgets -------------------------------------------------------------------------

/** The year split into twelve months as evenly as the fen allow (largest remainder). */
export const evenMonthly = (amount: Fen): Fen[] => splitByLargestRemainder(amount, Array(12).fill(1));

/** A problem with a monthly split, or null when it has twelve non-negative parts adding up to the year. */
export function monthlyProblem(amount: Fen, monthly: Fen[]): string | null {
  if (monthly.length !== 12) return `needs 12 monthly amounts, got ${monthly.length}`;
  if (monthly.some((m) => m < 0n)) return 'monthly amounts cannot be negative';
  const sum = sumFen(monthly);
  if (sum !== amount) return `monthly amounts add up to ${fromFen(sum)}, not the year's ${fromFen(amount)}`;
  return null;
}

export interface BudgetFigures {
  budget: Fen;
  posted: Fen;
  committed: Fen;
}

export interface BudgetCheck {
  over: boolean;
  /** what the request does: go ahead, go ahead with a warning, or stop */
  outcome: 'ok' | 'warn' | 'stop';
  figures: { budget: string; consumed: string; requested: string; remaining: string };
  message: string;
}

/** ERPNext-style: consumption = posted + open commitments; the request may take what remains. */
export function checkBudget(f: BudgetFigures, requested: Fen, mode: 'stop' | 'warn', label: string): BudgetCheck {
  const consumed = f.posted + f.committed;
  const remaining = f.budget - consumed;
  const over = requested > remaining;
  const figures = { budget: fromFen(f.budget), consumed: fromFen(consumed), requested: fromFen(requested), remaining: fromFen(remaining) };
  const message = `${label}: budget ${figures.budget}, consumed ${figures.consumed}, requested ${figures.requested}, remaining ${figures.remaining}`;
  return { over, outcome: !over ? 'ok' : mode, figures, message: over ? `over budget for ${message}` : message };
}

// ---- spending-limit matrix -------------------------------------------------------------

export interface LimitRule {
  id: number;
  unit_level: number | null;
  account: string | null;
  min_amount: Fen;
  max_amount: Fen | null;
  steps: string[];
  active: boolean;
}

/** The rule for a request: matching level, account and band; most specific wins (account over level), then the narrowest band. */
export function pickLimitRule(rules: readonly LimitRule[], req: { level: number; account: string; amount: Fen }): LimitRule | undefined {
  const matches = rules.filter(
    (r) =>
      r.active &&
      (r.unit_level === null || r.unit_level === req.level) &&
      (r.account === null || r.account === req.account) &&
      req.amount >= r.min_amount &&
      (r.max_amount === null || req.amount < r.max_amount),
  );
  const specificity = (r: LimitRule) => (r.account !== null ? 2 : 0) + (r.unit_level !== null ? 1 : 0);
  return matches.sort((a, b) => specificity(b) - specificity(a) || (a.min_amount > b.min_amount ? -1 : a.min_amount < b.min_amount ? 1 : 0) || a.id - b.id)[0];
}

export interface UnitNode {
  id: number;
  level: number;
  /** the unit's directors (user ids) */
  directors: number[];
}

export interface ResolvedStep {
  seq: number;
  kind: StepKind;
  approver_role: 'director' | 'chief_accountant' | 'group_finance' | 'group_admin';
  approver_unit_id: number | null;
}

/**
 * Turns the rule's step kinds into steps with the role and unit that decide them.
 * `chain` is the requesting unit and its ancestors, nearest first; `postedUnitId` the nearest of
 * them with a chief accountant posted. A director step whose only
 * director is the requester moves up to the next unit with another director: nobody approves
 * their own request. Consecutive identical steps collapse into one.
 */
export function resolveSteps(
  kinds: readonly string[],
  chain: readonly UnitNode[],
  requesterId: number,
  postedUnitId: number | null,
): ResolvedStep[] | { problem: string } {
  const steps: ResolvedStep[] = [];
  for (const kind of kinds) {
    let step: Omit<ResolvedStep, 'seq'>;
    if (kind === 'unit_director' || kind === 'township_director') {
      const start = kind === 'unit_director' ? 0 : chain.findIndex((u) => u.level <= 3);
      if (start < 0) return { problem: `step ${kind}: the unit has no township above it` };
      const unit = chain.slice(start).find((u) => u.directors.some((d) => d !== requesterId));
      if (!unit) return { problem: `step ${kind}: no director other than the requester` };
      step = { kind, approver_role: 'director', approver_unit_id: unit.id };
    } else if (kind === 'chief_accountant') {
      // the accountant posted to the unit (or the nearest unit above it); without one, group finance
      step =
        postedUnitId !== null
          ? { kind, approver_role: 'chief_accountant', approver_unit_id: postedUnitId }
          : { kind, approver_role: 'group_finance', approver_unit_id: null };
    } else if (kind === 'group_finance') {
      step = { kind, approver_role: 'group_finance', approver_unit_id: null };
    } else if (kind === 'council') {
      step = { kind, approver_role: 'group_admin', approver_unit_id: null };
    } else {
      return { problem: `unknown step kind ${kind}` };
    }
    const prev = steps[steps.length - 1];
    if (prev && prev.approver_role === step.approver_role && prev.approver_unit_id === step.approver_unit_id) continue;
    steps.push({ seq: steps.length + 1, ...step });
  }
  return steps;
}

export interface Decider {
  id: number;
  roles: readonly string[];
  orgUnitId: number;
  /** units the decider is posted to as chief accountant today */
  postedUnitIds: readonly number[];
}

/** May this user decide this step of a request raised by `requesterId`? */
export function mayDecide(step: { approver_role: string; approver_unit_id: number | null }, who: Decider, requesterId: number | null): boolean {
  if (requesterId !== null && who.id === requesterId) return false;
  switch (step.approver_role) {
    case 'director':
      return who.roles.includes('director') && who.orgUnitId === step.approver_unit_id;
    case 'chief_accountant':
      return step.approver_unit_id !== null && who.postedUnitIds.includes(step.approver_unit_id);
    default:
      return who.roles.includes(step.approver_role);
  }
}

// ---- ledger ----------------------------------------------------------------------------

/** The first day of the month of an ISO date: the period it belongs to. */
export const periodOf = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;

// ---- medical-risk fund -----------------------------------------------------------------

export interface Contribution {
  staff_id: number;
  amount: Fen;
}

/** The year's balance returned to contributors pro rata to what they paid in, exact to the fen. */
export function riskFundReturns(balance: Fen, contributions: readonly Contribution[]): { staff_id: number; amount: Fen }[] {
  if (balance <= 0n || contributions.length === 0) return [];
  const ordered = [...contributions].sort((a, b) => a.staff_id - b.staff_id);
  const parts = splitByLargestRemainder(
    balance,
    ordered.map((c) => Number(c.amount)),
  );
  return ordered.map((c, i) => ({ staff_id: c.staff_id, amount: parts[i] })).filter((r) => r.amount > 0n);
}

// ---- grants ----------------------------------------------------------------------------

export const financeGrants: GrantTable = {
  group_finance: {
    accounts: [...read, 'edit'],
    budgets: [...all, 'revise'],
    'spending-limits': all,
    'expense-requests': [...all, 'approve', 'reject', 'pay', 'cancel', 'override'],
    'ledger-entries': [...read, 'create'],
    'ledger-periods': [...read, 'create'],
    'chief-accountant-postings': all,
    'risk-fund-entries': [...read, 'create', 'return'],
    // to pick the finance staff posted as chief accountants
    users: read,
  },
  group_admin: {
    accounts: read,
    budgets: read,
    'spending-limits': read,
    'expense-requests': [...read, 'approve', 'reject', 'override'],
    'ledger-entries': read,
    'ledger-periods': read,
    'chief-accountant-postings': read,
  },
  director: {
    accounts: read,
    budgets: read,
    'spending-limits': read,
    'expense-requests': [...read, 'create', 'approve', 'reject', 'cancel'],
    'ledger-entries': read,
    'ledger-periods': read,
    'risk-fund-entries': read,
  },
  staff_clerk: {
    accounts: read,
    budgets: read,
    'expense-requests': [...read, 'create', 'cancel'],
    'risk-fund-entries': [...read, 'create'],
  },
  procurement: { accounts: read, budgets: read },
};
