// 医疗风险金年终返还: on 10 January every member's balance of the year before goes back to
// its contributors (idempotent: a unit already returned is left alone).
import { systemActor } from '../core/actor';
import { db } from '../db/knex';
import type { JobDef } from '../jobs';
import { yearEndReturn } from './riskFundService';

export const riskFundYearEnd: JobDef = {
  name: 'risk-fund-year-end',
  schedule: '30 2 10 1 *',
  description:
    "Returns each member's medical-risk fund balance of the previous year to its contributors pro rata (exact to the fen), each return a ledger entry",
  run: async (ctx) => {
    const actor = systemActor('job:risk-fund-year-end');
    const year = ctx.now.getUTCFullYear() - 1;
    const units: { org_unit_id: number }[] = await db()('risk_fund_entries')
      .select('org_unit_id')
      .where('fund_year', year)
      .groupBy('org_unit_id')
      .havingRaw("sum(case when kind = 'contribution' then amount else -amount end) > 0")
      .havingRaw("bool_and(kind <> 'return')");
    let returned = 0;
    for (const u of units) {
      const r = await yearEndReturn(actor, { org_unit_id: u.org_unit_id, fund_year: year, return_date: ctx.now.toISOString().slice(0, 10) });
      returned += r.returns.length;
    }
    return { fund_year: year, units: units.length, returns: returned };
  },
};
