// The trace's (绩效追溯) arithmetic as plain functions: from a final settlement's retained surplus to
// the staff-performance pool, each township's share of it, this township's pay pool and each
// person's amount — at every step the parts checked against the whole, to the fen (money) or to
// the millionth of a point. No HTTP, no database.
import { fromFen, sumFen, type Fen } from '../shared/money';
import type { TraceCheckName } from './traceLabels';
import { microText, type Micro } from './rules';

export interface TraceCheck {
  name: TraceCheckName;
  /** what the figures are: yuan (two decimals), points (six decimals) or a count of people */
  unit: 'yuan' | 'points' | 'people';
  expected: string;
  actual: string;
  ok: boolean;
}

export interface TraceFigures {
  /** the settlement the share came from; null for a run with no share (not December, or no approved final run) */
  settlement: {
    surplus: Fen;
    retained: Fen;
    returned_to_fund: Fen;
    pools: readonly { key: string; amount: Fen }[];
    /** the staff-performance pool's key (settlement's POOL) */
    staff_pool: string;
    /** every recipient's row of the staff-performance pool (all of them, whoever reads the trace) */
    shares: readonly { org_unit_id: number; amount: Fen }[];
  } | null;
  township_id: number;
  budgeted_fund: Fen;
  settlement_share: Fen;
  pool: Fen;
  total_points: Micro;
  lines: readonly { points: Micro; amount: Fen; department_id?: number | null }[];
  /** an HQ or branch run's departments: the pool goes to them, and each one's amount to its people by points */
  departments?: readonly { department_id: number | null; points: Micro; amount: Fen }[];
}

const money = (name: TraceCheckName, expected: Fen, actual: Fen): TraceCheck => ({
  name,
  unit: 'yuan',
  expected: fromFen(expected),
  actual: fromFen(actual),
  ok: expected === actual,
});

/** The amount of the staff-performance pool (0 when the settlement has none). */
export const staffPoolAmount = (s: NonNullable<TraceFigures['settlement']>) => s.pools.find((p) => p.key === s.staff_pool)?.amount ?? 0n;

/**
 * Is `amount` within one fen of pool × points ÷ total? |amount × total − pool × points| ≤ total, in
 * integers (a largest-remainder split gives each person the floor of their exact part or one fen more).
 */
export function withinOneFen(pool: Fen, total: Micro, points: Micro, amount: Fen): boolean {
  if (total === 0n) return amount === 0n;
  const gap = amount * total - pool * points;
  return (gap < 0n ? -gap : gap) <= total;
}

/** Every check of a trace, step by step; a run without a settlement share checks the fund → people steps only. */
export function traceChecks(t: TraceFigures): TraceCheck[] {
  const checks: TraceCheck[] = [];
  const s = t.settlement;
  if (s) {
    // nothing is retained from an overspend: the surplus is then not split
    checks.push(money('retained_plus_returned', s.surplus > 0n ? s.surplus : 0n, s.retained + s.returned_to_fund));
    checks.push(money('pools_add_up', s.retained, sumFen(s.pools.map((p) => p.amount))));
    checks.push(money('shares_add_up', staffPoolAmount(s), sumFen(s.shares.map((r) => r.amount))));
    checks.push(money('share_is_townships_row', s.shares.find((r) => r.org_unit_id === t.township_id)?.amount ?? 0n, t.settlement_share));
  }
  checks.push(money('pool_is_fund_plus_share', t.budgeted_fund + t.settlement_share, t.pool));
  const points = t.lines.reduce((a, l) => a + l.points, 0n);
  checks.push({ name: 'points_add_up', unit: 'points', expected: microText(t.total_points), actual: microText(points), ok: points === t.total_points });
  checks.push(money('lines_add_up', t.pool, sumFen(t.lines.map((l) => l.amount))));
  // by department on an HQ or branch run: each department's amount over its people's points
  const depts = t.departments && new Map(t.departments.map((d) => [d.department_id, d]));
  if (t.departments) checks.push(money('departments_add_up', t.pool, sumFen(t.departments.map((d) => d.amount))));
  const share = (l: TraceFigures['lines'][number]) => {
    const d = depts?.get(l.department_id ?? null);
    return d ? withinOneFen(d.amount, d.points, l.points, l.amount) : withinOneFen(t.pool, t.total_points, l.points, l.amount);
  };
  const fair = t.lines.filter(share).length;
  checks.push({ name: 'amounts_by_points', unit: 'people', expected: String(t.lines.length), actual: String(fair), ok: fair === t.lines.length });
  return checks;
}

/** Points with six decimals ("12.345678") as millionths. */
export function microOf(text: string): Micro {
  const [whole, frac = ''] = text.split('.');
  const negative = whole.startsWith('-');
  const m = BigInt(whole.replace('-', '')) * 1_000_000n + BigInt(frac.padEnd(6, '0').slice(0, 6) || '0');
  return negative ? -m : m;
}
