// The medical-risk fund (医疗风险金): the scheme's rate withheld from each person's monthly amount, and in
// the December run the year's contributions returned — in full, unless the person's annual grade (the one
// the run applies) is 不称职: then they stay in the fund. Exact to the fen: contribution = amount × rate
// rounded half up, net = amount − contribution (+ the return in December), so a run's totals add up.
import type { Knex } from 'knex';
import { sumFen, type Fen } from '../shared/money';
import type { PayGrade } from './enums';
import type { Centi } from './rules';

/** The contribution withheld from an amount at a rate in hundredths of a percent (2 % = 200), half up to the fen. */
export function riskContribution(amount: Fen, rate: Centi): Fen {
  if (amount <= 0n) return 0n;
  return (amount * BigInt(rate) * 2n + 10_000n) / 20_000n;
}

export interface RiskFigures {
  amount: Fen;
  contribution: Fen;
  /** the year's contributions given back (December only) */
  returned: Fen;
  /** amount − contribution + returned: what the person is paid */
  net: Fen;
}

/**
 * Each person's three (in December four) figures. `december` lists, per person in the same order, the
 * contributions the year's earlier runs withheld and the annual grade: December returns those plus its own.
 */
export function riskFigures(amounts: readonly Fen[], rate: Centi, december: { earlier: Fen; grade: PayGrade }[] | null): RiskFigures[] {
  return amounts.map((amount, i) => {
    const contribution = riskContribution(amount, rate);
    const d = december?.[i];
    const returned = d && d.grade !== 'unqualified' ? d.earlier + contribution : 0n;
    return { amount, contribution, returned, net: amount - contribution + returned };
  });
}

/**
 * What the year's runs before December withheld from each person (by staff id): the lines of approved or
 * locked runs (the money actually withheld; a superseded version's lines never count), of any township —
 * the fund is the group's, and a person who changed townships gets back all they gave.
 */
export async function yearContributions(staffIds: readonly number[], year: number, conn: Knex): Promise<Map<number, Fen>> {
  if (!staffIds.length) return new Map();
  const rows: { staff_id: number; fen: string }[] = await conn('pay_lines as l')
    .join('pay_runs as r', 'r.id', 'l.run_id')
    .whereIn('l.staff_id', [...staffIds])
    .whereIn('r.status', ['approved', 'locked'])
    .where('r.month', '>=', `${year}-01-01`)
    .where('r.month', '<', `${year}-12-01`)
    .groupBy('l.staff_id')
    .select('l.staff_id', conn.raw('(sum(l.risk_contribution) * 100)::bigint::text as fen'));
  return new Map(rows.map((r) => [r.staff_id, BigInt(r.fen)]));
}

/** A month of a person's fund year: what finance's contributions paid in and what the pay runs withheld. */
export interface FundMonth {
  month: string;
  contributed: Fen;
  withheld: Fen;
}

/** A person's fund year: its months, and what was paid in, given back and kept — exact to the fen. */
export interface FundYear {
  months: FundMonth[];
  contributed: Fen;
  withheld: Fen;
  /** contributed + withheld */
  paidIn: Fen;
  /** finance's year-end return and December's pay return */
  returned: Fen;
  /** paidIn − returned: what stays in the fund (a payout's part, a 不称职 year's withholdings) */
  kept: Fen;
}

/**
 * A person's fund year from its parts: a row for each of the year's twelve months (and any other month an entry of the
 * fund year was dated in), each month's contributions and withholdings summed; the totals are the rows' sums.
 */
export function fundYear(
  year: number,
  contributions: readonly { month: string; amount: Fen }[],
  withholdings: readonly { month: string; amount: Fen }[],
  returns: readonly Fen[],
): FundYear {
  const months = new Map<string, FundMonth>();
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    months.set(month, { month, contributed: 0n, withheld: 0n });
  }
  const row = (month: string) => months.get(month) ?? months.set(month, { month, contributed: 0n, withheld: 0n }).get(month)!;
  for (const c of contributions) row(c.month).contributed += c.amount;
  for (const w of withholdings) row(w.month).withheld += w.amount;
  const rows = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  const contributed = sumFen(rows.map((r) => r.contributed));
  const withheld = sumFen(rows.map((r) => r.withheld));
  const returned = sumFen(returns);
  return { months: rows, contributed, withheld, paidIn: contributed + withheld, returned, kept: contributed + withheld - returned };
}
