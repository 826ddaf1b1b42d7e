// Advances paid (预拨付): recorded by group finance, one transaction with its audit row each (the CRUD's
// createRow); read as the fund year's months, planned by the profile against paid, and as the final run's 清算.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { assertCan, type ResourceDef } from '../../core/crud';
import { badRequest, conflict } from '../../core/errors';
import * as clock from '../../core/clock';
import { db } from '../../db/knex';
import { sumFen, toFen } from '../../shared/money';
import type { FundYear } from '../fundYears/model';
import { budgetOf } from '../fundYears/rules';
import { fundYearOr404 } from '../fundYears/service';
import { SettlementAdvance } from './model';
import { advanceMonths, reconcile, type Payment } from './rules';

export const advanceResource: ResourceDef<SettlementAdvance> = {
  name: 'settlement-advances',
  model: SettlementAdvance,
  // county-wide figures: visibility by role
  scope: (qb) => qb,
  list: {
    fields: { fund_year_id: 'int', month: 'int', paid_on: 'date', amount: 'decimal' },
    search: ['settlement_advances.reference'],
    defaultSort: ['paid_on', 'ASC'],
  },
  prepareCreate: async (data, trx, actor) => {
    const fy = await fundYearOr404(trx, data.fund_year_id as number);
    const paidOn = data.paid_on as string;
    // an advance is paid in its fund year, or after it until the 清算; never in the future
    if (paidOn < `${fy.year}-01-01` || paidOn > `${fy.year + 1}-12-31`)
      throw badRequest('paid_on outside the fund year', [
        { field: 'paid_on', message: `must lie in ${fy.year} (or ${fy.year + 1}, before the 清算)`, rule: 'advance_outside_year', params: { year: fy.year } },
      ]);
    if (paidOn > clock.today())
      throw badRequest('paid_on in the future', [{ field: 'paid_on', message: 'record an advance once it is paid', rule: 'advance_in_future' }]);
    // the approved final run's 清算 is what both sides signed: an advance more would change it unseen
    const approved = await finalRunOf(trx, fy.id);
    if (approved?.status === 'approved')
      throw conflict(`the final run of ${fy.year} is approved: its 清算 is closed`, [
        { field: 'fund_year_id', message: 'the 清算 is closed', rule: 'advance_year_closed', params: { year: fy.year, run_id: approved.id } },
      ]);
    return { ...data, created_by: actor.id || null };
  },
};

type FinalFigures = { spending: { total: string }; retained: string; overspend_group: string };

/** The fund year's current final run, once calculated: the run its 清算 is of. */
const finalRunOf = (q: Knex | Knex.Transaction, fundYearId: number) =>
  q('settlement_runs')
    .select('id', 'status', 'figures')
    .where({ fund_year_id: fundYearId, kind: 'final' })
    .whereNull('superseded_by_id')
    .whereNotNull('figures')
    .first<{ id: number; status: string; figures: FinalFigures } | undefined>();

/** The payments of a fund year, in the order paid. */
export const paymentsOf = (q: Knex | Knex.Transaction, fundYearId: number): Promise<Payment[]> =>
  q('settlement_advances')
    .select('month', db().raw('amount::text as amount'), db().raw("to_char(paid_on, 'YYYY-MM-DD') as paid_on"))
    .where('fund_year_id', fundYearId)
    .orderBy([{ column: 'paid_on' }, { column: 'id' }]);

/**
 * A fund year's advances: each month planned against paid, the totals; with the final run calculated,
 * its 清算 — closed (no advance more) once that run is approved.
 */
export function advancesOf(fy: FundYear, payments: Payment[], finalRun?: { status: string; figures: FinalFigures | null } | null) {
  const months = advanceMonths(budgetOf(fy), fy.monthly_profile, payments);
  const paid = sumFen(payments.map((p) => toFen(p.amount)));
  return {
    fund_year_id: fy.id,
    months,
    total_planned: months[11].cumulative_planned,
    total_paid: months[11].cumulative_paid,
    reconciliation: finalRun?.figures ? reconcile(finalRun.figures, paid) : null,
    closed: finalRun?.status === 'approved',
  };
}

/** A fund year's advances and 清算 as the API answers them (the dashboard, the final run, the workbook). */
export type AdvancesView = ReturnType<typeof advancesOf>;

/** GET /api/fund-years/:id/advances: the months, planned against paid, with the 清算 once the final run is calculated. */
export async function readAdvances(actor: Actor, fundYearId: number) {
  assertCan(actor, 'settlement-advances', 'list');
  const fy = await fundYearOr404(db(), fundYearId);
  const final = await finalRunOf(db(), fy.id);
  return { ...advancesOf(fy, await paymentsOf(db(), fy.id), final), final_run_id: final?.id ?? null, final_run_status: final?.status ?? null };
}
