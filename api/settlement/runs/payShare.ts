// What performance pay reads of a settlement (issue 19): a township's share of the staff-performance
// pool (绩效奖励) of a fund year's approved final run, the current one (a correction replaces it).
import type { Knex } from 'knex';
import { db } from '../../db/knex';
import type { RunFigures } from './calculation';

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

/** What a pay run's trace (绩效追溯) reads of the settlement run its December share came from. */
export interface SettlementForTrace {
  run_id: number;
  region: string;
  year: number;
  period: string;
  version: number;
  status: string;
  surplus: string;
  retained: string;
  returned_to_fund: string;
  pools: { key: string; share: number; amount: string }[];
  /** every recipient's row of every pool, as the run's current version allocated them */
  allocations: { pool: string; org_unit_id: number; code: string; name: string; population: number; score: number; share: number; amount: string }[];
}

/** The figures of settlement run `runId` from its surplus to its allocation rows; null if it has no figures. */
export async function settlementForTrace(runId: number, conn: Knex = db()): Promise<SettlementForTrace | null> {
  const run = await conn('settlement_runs as r')
    .join('fund_years as y', 'y.id', 'r.fund_year_id')
    .where('r.id', runId)
    .select('r.id', 'r.period', 'r.version', 'r.status', 'r.figures', 'y.region', 'y.year')
    .first<{ id: number; period: string; version: number; status: string; figures: RunFigures | null; region: string; year: number } | undefined>();
  if (!run?.figures) return null;
  const f = run.figures;
  return {
    run_id: run.id,
    region: run.region,
    year: run.year,
    period: run.period,
    version: run.version,
    status: run.status,
    surplus: f.surplus,
    retained: f.retained,
    returned_to_fund: f.returned_to_fund,
    pools: f.pools.map((p) => ({ key: p.key, share: p.share, amount: p.amount })),
    allocations: f.allocations.map((a) => ({
      pool: a.pool,
      org_unit_id: a.org_unit_id,
      code: a.code,
      name: a.name,
      population: a.population,
      score: a.score,
      share: a.share,
      amount: a.amount,
    })),
  };
}
