// The village doctor's phone statement (本月健康管理绩效): this month's points computed live from
// the work recorded so far (a follow-up logged now counts at once), and beside them the last
// calculated month's point value and amount: gross, the medical-risk fund's contribution, net paid; and the
// person's medical-risk fund of this year and the two before: paid in (contributed and withheld), and returned at the year's end.
// An expert sent down (下派) sees both parts of the month: the amount at the host township's scheme and the
// top-up the sending unit pays beside it (下派补助), with the two units named and the sum received.
import type { Actor } from '../core/actor';
import { assertCan } from '../core/crud';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import { payrollPersonOfUser } from '../hr';
import { unitsByIds } from '../org';
import { fromFen, toFen } from '../shared/money';
import { monthPoints } from './points';
import { microText } from './rules';
import { readSchemeView, schemeOf } from './scheme';
import { personRiskFund, type RiskFundYear } from './personFund';

/** The years of the medical-risk fund a statement shows: this year and the two before (a return comes a year-end later). */
const RISK_FUND_YEARS = 3;

export interface PayStatement {
  month: string;
  /** null for a login that is no one's on the payroll */
  points: string | null;
  gross_points: string | null;
  missed_tasks: number;
  /** the amount is gross: the risk fund's contribution withheld, in December the year's return given back, net paid */
  last: {
    month: string;
    status: string;
    points: string;
    point_value: string | null;
    amount: string;
    risk_contribution: string;
    risk_return: string;
    net_amount: string;
    /** the sending unit's top-up of an expert sent down ('0.00' otherwise), paid beside the pool */
    rotation_top_up: string;
    /** an expert sent down: the township whose scheme paid the amount and the unit that pays the top-up; else null */
    rotation: { host_unit: string; home_unit: string } | null;
    /** net paid + the top-up: what the person receives for the month */
    total_paid: string;
  } | null;
  /** the medical-risk fund (医疗风险金), this year first: paid in (finance's contributions and the paid runs' withholdings), and the year-end returns once there are */
  risk_fund: RiskFundYear[];
}

/** GET /api/pay-statement: the caller's own statement. */
export async function myStatement(actor: Actor): Promise<PayStatement> {
  assertCan(actor, 'pay-statement', 'show');
  const month = clock.today().slice(0, 7);
  const person = await payrollPersonOfUser(actor.id);
  if (!person) return { month, points: null, gross_points: null, missed_tasks: 0, last: null, risk_fund: [] };
  const [now] = await monthPoints([person], month, schemeOf(await readSchemeView()), db());
  // the person's own lines, by staff record: a line of a month before their login was linked counts too
  const row = await db()('pay_lines as l')
    .join('pay_runs as r', 'r.id', 'l.run_id')
    .where('l.staff_id', person.staff_id)
    .whereNotIn('r.status', ['draft', 'superseded'])
    .where('r.month', '<', `${month}-01`)
    .orderBy('r.month', 'desc')
    .select(
      db().raw("to_char(r.month, 'YYYY-MM') as month"),
      'r.status',
      'l.points',
      'r.point_value',
      'l.amount',
      'l.risk_contribution',
      'l.risk_return',
      'l.net_amount',
      'l.rotation_top_up',
      'l.home_org_unit_id',
      'r.org_unit_id',
    )
    .first<(Omit<NonNullable<PayStatement['last']>, 'rotation' | 'total_paid'> & { home_org_unit_id: number | null; org_unit_id: number }) | undefined>();
  let last: PayStatement['last'] = null;
  if (row) {
    const { home_org_unit_id: home, org_unit_id: host, ...figures } = row;
    const names = home === null ? null : new Map((await unitsByIds([host, home], ['id', 'name'])).map((u) => [u.id, u.name]));
    last = {
      ...figures,
      rotation: names && home !== null ? { host_unit: names.get(host) ?? '', home_unit: names.get(home) ?? '' } : null,
      total_paid: fromFen(toFen(figures.net_amount) + toFen(figures.rotation_top_up)),
    };
  }
  return {
    month,
    points: microText(now.points.effective),
    gross_points: (now.points.gross / 100).toFixed(2),
    missed_tasks: now.points.missed_tasks,
    last,
    risk_fund: await personRiskFund(person.staff_id, Number(month.slice(0, 4)), RISK_FUND_YEARS, db()),
  };
}
