// GET /api/pay-runs/:id/trace (绩效追溯): a calculated run traced back to the money it pays out —
// from the fund year's approved final settlement (the one its December share came from): the
// retained surplus → the pools → the townships' shares of the staff-performance pool → this
// township's pay pool (budgeted fund + share) → each person — with the named checks that every
// step adds up. A director sees their own township's row of the shares and the totals; group
// finance every row. A run without a share (not December) traces the fund to the people.
import type { Actor } from '../core/actor';
import { assertCan, getRow } from '../core/crud';
import { conflict } from '../core/errors';
import { fromFen, sumFen, toFen } from '../shared/money';
import { orgUnits, under, unitsByIds } from '../org';
import { settlementForTrace, type SettlementForTrace } from '../settlement';
import { PayLine, PayRunDepartment } from './model';
import { payRunResource } from './service';
import type { TraceNoSettlement } from './traceLabels';
import { microOf, traceChecks, type TraceCheck } from './traceRules';

/** The settlement's pool that pays staff performance (settlement's POOL). */
const STAFF_POOL = 'staff_performance';

export interface PayTrace {
  run: {
    id: number;
    org_unit_id: number;
    township: string;
    month: string;
    status: string;
    budgeted_fund: string;
    settlement_share: string;
    pool: string;
    total_points: string;
    point_value: string | null;
  };
  /** null: the run has no settlement share (`no_settlement` says why) */
  settlement:
    | (Pick<SettlementForTrace, 'run_id' | 'region' | 'year' | 'period' | 'version' | 'status' | 'surplus' | 'retained' | 'returned_to_fund' | 'pools'> & {
        staff_pool: string;
        /** the staff-performance pool's rows the reader may see (a director: their own township's) */
        shares: { org_unit_id: number; code: string; name: string; population: number; score: number; share: number; amount: string }[];
        /** how many rows the pool has, and their total (whoever reads) */
        recipients: number;
        shares_total: string;
      })
    | null;
  no_settlement: TraceNoSettlement | null;
  people: { line_id: number; name: string; work_org_unit_id: number; works_at: string; points: string; amount: string }[];
  checks: TraceCheck[];
}

/** The unit ids the actor's scope covers among `ids` (all of them for a group-wide actor). */
async function visibleUnits(actor: Actor, ids: number[]): Promise<Set<number>> {
  if (!actor.scopePath || !actor.scopePath.includes('.')) return new Set(ids);
  const rows = await under(orgUnits(['id']), actor.scopePath).whereIn('id', ids);
  return new Set(rows.map((r) => r.id));
}

/** GET /api/pay-runs/:id/trace */
export async function traceRun(actor: Actor, id: number): Promise<PayTrace> {
  assertCan(actor, 'pay-runs', 'show');
  const run = await getRow(payRunResource, actor, id);
  if (run.status === 'draft' || run.pool === null || run.total_points === null)
    throw conflict(`run ${id} is not calculated yet: there is nothing to trace`, [
      { field: 'status', message: `run ${id} is ${run.status}`, rule: 'not_calculated', params: { status: run.status } },
    ]);
  const settlement = run.settlement_run_id === null ? null : await settlementForTrace(run.settlement_run_id);
  if (run.settlement_run_id !== null && !settlement)
    throw conflict(`settlement run ${run.settlement_run_id} has no figures to trace`, [
      { field: 'settlement_run_id', message: `settlement run ${run.settlement_run_id}`, rule: 'no_figures' },
    ]);
  const lines = await PayLine.query().where('run_id', id).orderBy('id');
  const departments = await PayRunDepartment.query().where('run_id', id);
  const units = new Map((await unitsByIds([run.org_unit_id, ...lines.map((l) => l.work_org_unit_id)], ['id', 'name'])).map((u) => [u.id, u.name]));
  const rows = (settlement?.allocations ?? []).filter((a) => a.pool === STAFF_POOL);
  const staff = settlement && {
    surplus: toFen(settlement.surplus),
    retained: toFen(settlement.retained),
    returned_to_fund: toFen(settlement.returned_to_fund),
    pools: settlement.pools.map((p) => ({ key: p.key, amount: toFen(p.amount) })),
    staff_pool: STAFF_POOL,
    shares: rows.map((r) => ({ org_unit_id: r.org_unit_id, amount: toFen(r.amount) })),
  };
  const checks = traceChecks({
    settlement: staff,
    township_id: run.org_unit_id,
    budgeted_fund: toFen(run.budgeted_fund),
    settlement_share: toFen(run.settlement_share),
    pool: toFen(run.pool),
    total_points: microOf(run.total_points),
    lines: lines.map((l) => ({ points: microOf(l.points), amount: toFen(l.amount), department_id: l.department_id })),
    departments: departments.length
      ? departments.map((d) => ({ department_id: d.department_id, points: microOf(d.points), amount: toFen(d.amount) }))
      : undefined,
  });
  const seen = await visibleUnits(
    actor,
    rows.map((r) => r.org_unit_id),
  );
  const month = run.month.slice(0, 7);
  return {
    run: {
      id: run.id,
      org_unit_id: run.org_unit_id,
      township: units.get(run.org_unit_id) ?? '',
      month,
      status: run.status,
      budgeted_fund: run.budgeted_fund,
      settlement_share: run.settlement_share,
      pool: run.pool,
      total_points: run.total_points,
      point_value: run.point_value,
    },
    settlement: settlement && {
      run_id: settlement.run_id,
      region: settlement.region,
      year: settlement.year,
      period: settlement.period,
      version: settlement.version,
      status: settlement.status,
      surplus: settlement.surplus,
      retained: settlement.retained,
      returned_to_fund: settlement.returned_to_fund,
      pools: settlement.pools,
      staff_pool: settlement.pools.find((p) => p.key === STAFF_POOL)?.amount ?? '0.00',
      shares: rows.filter((r) => seen.has(r.org_unit_id)).map(({ pool: _pool, ...r }) => r),
      recipients: rows.length,
      shares_total: staff ? fromFen(sumFen(staff.shares.map((r) => r.amount))) : '0.00',
    },
    no_settlement: settlement ? null : month.endsWith('-12') ? 'no_final_run' : 'not_december',
    people: lines.map((l) => ({
      line_id: l.id,
      name: l.name,
      work_org_unit_id: l.work_org_unit_id,
      works_at: units.get(l.work_org_unit_id) ?? '',
      points: l.points,
      amount: l.amount,
    })),
    checks,
  };
}
