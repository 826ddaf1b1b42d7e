// What performance pay reads of a settlement (issue 19): a township's share of the staff-performance
// pool (绩效奖励) of a fund year's approved final run, the current one (a correction replaces it).
import type { Knex } from 'knex';
import { db } from '../../db/knex';

export interface StaffPerformanceShare {
  run_id: number;
  /** yuan, two decimals */
  amount: string;
}

/** The unit's staff-performance allocation of the year's approved, current final run; null before one is approved. */
export async function staffPerformanceShare(year: number, orgUnitId: number, conn: Knex = db()): Promise<StaffPerformanceShare | null> {
  const row = await conn('settlement_runs as r')
    .join('fund_years as y', 'y.id', 'r.fund_year_id')
    .join('surplus_allocations as a', (j) => j.on('a.run_id', 'r.id').andOn('a.version', 'r.version'))
    .where({ 'y.year': year, 'r.kind': 'final', 'r.status': 'approved', 'a.pool': 'staff_performance', 'a.org_unit_id': orgUnitId })
    .whereNull('r.superseded_by_id')
    .select('r.id as run_id', 'a.amount')
    .first<StaffPerformanceShare | undefined>();
  return row ?? null;
}
