// The income-change view's arithmetic (收入变化, issue 19 "Statements"): the performance pay of the
// approved or locked pay runs (应发 `amount`, 实发 `net_amount`) — not total salary — per level and
// role, this year's months against the same months of the year before: people paid, person-months,
// totals, the average monthly pay per person (月人均绩效 = total ÷ person-months, half up to the fen)
// and the change in % (to 0.01 %, from the exact totals). No HTTP, no database.
import { divRound, fromFen, sumFen, type Fen } from '../shared/money';
import type { IncomeLevel, IncomeRole } from './enums';

/** The statuses a run is paid in: approved by finance, or locked (a superseded or unapproved run is not). */
export const PAID_STATUSES = ['approved', 'locked'] as const;

/** One pay line as the view reads it: whose, when, which township's run, and how much. */
export interface IncomeLine {
  /** 'this' year or 'last' year */
  year: 'this' | 'last';
  /** the month's number, 1–12 */
  month: number;
  township_id: number;
  staff_id: number;
  role: IncomeRole;
  amount: Fen;
  net_amount: Fen;
}

/** One year's figures of a group of people. */
export interface IncomeFigures {
  /** distinct people with a line */
  people: number;
  /** lines: a person paid in a month */
  person_months: number;
  amount: string;
  net_amount: string;
  /** 月人均绩效 (应发): amount ÷ person-months, half up to the fen; null with no person-month */
  average: string | null;
  /** 月人均实发 */
  average_net: string | null;
}

/** A group's figures this year and last, and the change of the averages (null: 无数据 — no last-year figure). */
export interface IncomeChange {
  this_year: IncomeFigures;
  last_year: IncomeFigures;
  /** the change of the average 应发 in %, two decimals ("40.15", "-3.20"); null when last year has no average above 0 */
  change_pct: string | null;
  change_net_pct: string | null;
}

/**
 * A person's role in the view: the township's director (a login with role `director` at the run's
 * township), a village doctor (working in a village clinic), or the township's other staff.
 */
export function incomeRole(p: { is_director: boolean; works_in_village: boolean }): IncomeRole {
  if (p.is_director) return 'director';
  return p.works_in_village ? 'village_doctor' : 'township_staff';
}

/** The level a role belongs to: the township health centre's staff (the director among them) or the village clinics' doctors. */
export const levelOfRole = (role: IncomeRole): IncomeLevel => (role === 'village_doctor' ? 'village' : 'township');

/** The months (1–12) this year's view covers: those with a paid run this year (`months` of paid runs, any township). */
export function coveredMonths(thisYearPaidMonths: Iterable<number>): number[] {
  return [...new Set(thisYearPaidMonths)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
}

/** The average per person-month in fen, half up; null without a person-month. */
export const averageFen = (total: Fen, personMonths: number): Fen | null => (personMonths === 0 ? null : divRound(total, BigInt(personMonths)));

/**
 * The change of an average in %, to 0.01 %, half away from zero, from the exact totals:
 * (T₁/m₁ − T₀/m₀) ÷ (T₀/m₀) × 100 = (T₁·m₀ − T₀·m₁) × 100 ÷ (T₀·m₁). Null when last year has no
 * person-month or a total of 0 (no base to compare with: 无数据, never 0 % or ∞).
 */
export function changePct(now: { total: Fen; months: number }, before: { total: Fen; months: number }): string | null {
  if (now.months === 0 || before.months === 0 || before.total <= 0n) return null;
  const m1 = BigInt(now.months);
  const m0 = BigInt(before.months);
  const hundredths = divRound((now.total * m0 - before.total * m1) * 10_000n, before.total * m1);
  return fromFen(hundredths);
}

/** One year's figures of `lines`. */
export function incomeFigures(lines: readonly IncomeLine[]): IncomeFigures {
  const amount = sumFen(lines.map((l) => l.amount));
  const net = sumFen(lines.map((l) => l.net_amount));
  const avg = averageFen(amount, lines.length);
  const avgNet = averageFen(net, lines.length);
  return {
    people: new Set(lines.map((l) => l.staff_id)).size,
    person_months: lines.length,
    amount: fromFen(amount),
    net_amount: fromFen(net),
    average: avg === null ? null : fromFen(avg),
    average_net: avgNet === null ? null : fromFen(avgNet),
  };
}

/** This year's and last year's figures of `lines` (both years mixed) and the change. */
export function incomeChange(lines: readonly IncomeLine[]): IncomeChange {
  const now = lines.filter((l) => l.year === 'this');
  const before = lines.filter((l) => l.year === 'last');
  const totals = (ls: readonly IncomeLine[], k: 'amount' | 'net_amount') => ({ total: sumFen(ls.map((l) => l[k])), months: ls.length });
  return {
    this_year: incomeFigures(now),
    last_year: incomeFigures(before),
    change_pct: changePct(totals(now, 'amount'), totals(before, 'amount')),
    change_net_pct: changePct(totals(now, 'net_amount'), totals(before, 'net_amount')),
  };
}

/** Lines grouped by `key`, in the order of `keys` (every key answered, an empty group too). */
export function changesBy<K>(lines: readonly IncomeLine[], keys: readonly K[], key: (l: IncomeLine) => K): { key: K; change: IncomeChange }[] {
  return keys.map((k) => ({ key: k, change: incomeChange(lines.filter((l) => key(l) === k)) }));
}
