// The medical-risk fund (医疗风险金): the scheme's rate withheld from each person's monthly amount, and in
// the December run the year's contributions returned — in full, unless the person's annual grade (the one
// the run applies) is 不称职: then they stay in the fund. Exact to the fen: contribution = amount × rate
// rounded half up, net = amount − contribution (+ the return in December), so a run's totals add up.
import type { Knex } from 'knex';
import type { Fen } from '../shared/money';
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

/** A person's medical-risk fund of a year, as their statement shows it. */
export interface RiskFundYear {
  year: number;
  /** withheld by the year's approved or locked runs (December's included) */
  contributed: string;
  /** the year-end return of the year's approved or locked December run; null until there is one */
  returned: string | null;
}

/**
 * A person's medical-risk fund for `years` years up to `lastYear` (newest first): what the approved or locked runs
 * withheld in each, of any township, and the year-end return once its December run is approved. Years without a
 * paid run are 0 and null.
 */
export async function personRiskFund(staffId: number, lastYear: number, years: number, conn: Knex): Promise<RiskFundYear[]> {
  const first = lastYear - years + 1;
  const rows: { year: number; contributed: string; returned: string | null }[] = await conn('pay_lines as l')
    .join('pay_runs as r', 'r.id', 'l.run_id')
    .where('l.staff_id', staffId)
    .whereIn('r.status', ['approved', 'locked'])
    .where('r.month', '>=', `${first}-01-01`)
    .where('r.month', '<', `${lastYear + 1}-01-01`)
    .groupByRaw('1')
    .select(
      conn.raw('extract(year from r.month)::int as year'),
      conn.raw('sum(l.risk_contribution)::numeric(14, 2)::text as contributed'),
      conn.raw('(sum(l.risk_return) filter (where extract(month from r.month) = 12))::numeric(14, 2)::text as returned'),
    );
  return Array.from({ length: years }, (_, i) => {
    const year = lastYear - i;
    const row = rows.find((r) => r.year === year);
    return { year, contributed: row?.contributed ?? '0.00', returned: row?.returned ?? null };
  });
}
