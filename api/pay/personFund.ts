// A person's medical-risk fund (医疗风险金) of a year, whole: what finance's monthly contributions paid in
// (`risk_fund_entries`, finance's), what the approved or locked pay runs withheld from their pay month by month
// (`pay_lines`), and the year-end returns of both — finance's return of the fund year's balance and the December
// run's return of the year's withholdings. paid in = contributed + withheld; kept = paid in − returned; each total
// the sum of its rows, in fen. GET /api/risk-fund-people/:staffId?year= (the reader's scope, as the fund's list) and
// the person's own statement (every unit's).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { assertCan } from '../core/crud';
import { notFound } from '../core/errors';
import { scopeByUnit } from '../core/scope';
import { db } from '../db/knex';
import { personFundEntries } from '../finance';
import { staffNames } from '../hr';
import { fromFen, toFen } from '../shared/money';
import { fundYear } from './riskFund';

/** A pay run's line of a person: what it withheld into the fund, and in December what it gave back. */
export interface FundWithholding {
  run_id: number;
  org_unit_id: number;
  month: string;
  /** the line's gross amount */
  amount: string;
  withheld: string;
  returned: string;
}

/** A year-end return: finance's of the fund year's balance (`fund`), or the December run's of the withholdings (`pay`). */
export interface FundReturn {
  source: 'fund' | 'pay';
  /** the risk-fund entry's or the pay run's id */
  ref_id: number;
  org_unit_id: number;
  month: string;
  amount: string;
}

export interface PersonFund {
  staff_id: number;
  name: string;
  year: number;
  /** a row per month: finance's contributions and the pay withholdings */
  months: { month: string; contributed: string; withheld: string }[];
  /** the paid runs' lines, month by month */
  withholdings: FundWithholding[];
  returns: FundReturn[];
  totals: { contributed: string; withheld: string; paid_in: string; returned: string; kept: string };
}

/** The approved or locked runs' lines of a person in the years `fromYear`…`toYear` (a superseded version never counts), oldest first. */
function withholdings(staffId: number, fromYear: number, toYear: number, scopePath: string | null, conn: Knex): Promise<FundWithholding[]> {
  const q = conn('pay_lines as l')
    .join('pay_runs as r', 'r.id', 'l.run_id')
    .where('l.staff_id', staffId)
    .whereIn('r.status', ['approved', 'locked'])
    .where('r.month', '>=', `${fromYear}-01-01`)
    .where('r.month', '<', `${toYear + 1}-01-01`)
    .orderBy([{ column: 'r.month' }, { column: 'r.id' }])
    .select(
      'r.id as run_id',
      'r.org_unit_id',
      conn.raw(`to_char(r.month, 'YYYY-MM') as month`),
      'l.amount',
      'l.risk_contribution as withheld',
      'l.risk_return as returned',
    );
  if (scopePath !== null) scopeByUnit('r.org_unit_id')(q, scopePath);
  return q;
}

/** The fund years `fromYear`…`toYear` of a person: the entries and lines of each, as `PersonFund` answers one. */
async function fundYears(staffId: number, fromYear: number, toYear: number, scopePath: string | null, conn: Knex) {
  const [entries, lines] = await Promise.all([
    personFundEntries(staffId, fromYear, toYear, scopePath, conn),
    withholdings(staffId, fromYear, toYear, scopePath, conn),
  ]);
  const years = [];
  for (let year = toYear; year >= fromYear; year--) {
    const own = entries.filter((e) => e.fund_year === year);
    const paid = lines.filter((l) => l.month.startsWith(`${year}-`));
    const returns: FundReturn[] = [
      ...own
        .filter((e) => e.kind === 'return')
        .map((e) => ({ source: 'fund' as const, ref_id: e.id, org_unit_id: e.org_unit_id, month: e.entry_date.slice(0, 7), amount: e.amount })),
      ...paid
        .filter((l) => toFen(l.returned) > 0n)
        .map((l) => ({ source: 'pay' as const, ref_id: l.run_id, org_unit_id: l.org_unit_id, month: l.month, amount: l.returned })),
    ];
    const figures = fundYear(
      year,
      own.filter((e) => e.kind === 'contribution').map((e) => ({ month: e.entry_date.slice(0, 7), amount: toFen(e.amount) })),
      paid.map((l) => ({ month: l.month, amount: toFen(l.withheld) })),
      returns.map((r) => toFen(r.amount)),
    );
    years.push({ year, withholdings: paid, returns, figures });
  }
  return years;
}

/** GET /api/risk-fund-people/:staffId?year=: a person's fund year in the reader's scope (who may list the fund's entries). */
export async function personFund(actor: Actor, staffId: number, year: number): Promise<PersonFund> {
  assertCan(actor, 'risk-fund-entries', 'list');
  const name = (await staffNames([staffId])).get(staffId);
  if (name === undefined) throw notFound('staff', staffId);
  const [{ withholdings: paid, returns, figures }] = await fundYears(staffId, year, year, actor.scopePath, db());
  // a reader below the group sees a person through their units' entries and runs only: none there is no one they may read
  if (actor.scopePath !== null && !paid.length && !returns.length && figures.paidIn === 0n) throw notFound('staff', staffId);
  return {
    staff_id: staffId,
    name,
    year,
    months: figures.months.map((m) => ({ month: m.month, contributed: fromFen(m.contributed), withheld: fromFen(m.withheld) })),
    withholdings: paid,
    returns,
    totals: {
      contributed: fromFen(figures.contributed),
      withheld: fromFen(figures.withheld),
      paid_in: fromFen(figures.paidIn),
      returned: fromFen(figures.returned),
      kept: fromFen(figures.kept),
    },
  };
}

/** A person's medical-risk fund of a year, as their statement shows it. */
export interface RiskFundYear {
  year: number;
  /** paid in: finance's contributions and the pay runs' withholdings (December's included) */
  contributed: string;
  /** of which withheld from the approved or locked pay runs */
  withheld: string;
  /** the year-end returns (finance's and the December run's); null until there is one */
  returned: string | null;
}

/** A person's medical-risk fund for `years` years up to `lastYear` (newest first), of every unit; years without anything are 0 and null. */
export async function personRiskFund(staffId: number, lastYear: number, years: number, conn: Knex): Promise<RiskFundYear[]> {
  return (await fundYears(staffId, lastYear - years + 1, lastYear, null, conn)).map(({ year, returns, figures }) => ({
    year,
    contributed: fromFen(figures.paidIn),
    withheld: fromFen(figures.withheld),
    returned: returns.length ? fromFen(figures.returned) : null,
  }));
}
