// 模拟测算 (what-if): a calculated run settled again with changed settings — bundle ratio, overspend tiers, gates,
// pools — beside its real figures: the key figures, each pool and each recipient's amount with the difference.
// Nothing is stored and no audit row is written: it runs in a READ ONLY transaction. It settles what the run
// measured and stored (spending, the gates' values, the recipients' populations and indicator values) through the
// calculation's own settledFigures, so no claim is read and the what-if differs from the run only by its settings.
import type { Actor } from '../../core/actor';
import { assertCan, getRow } from '../../core/crud';
import { AppError, badRequest, unprocessable } from '../../core/errors';
import { db } from '../../db/knex';
import { fromFen, toFen } from '../../shared/money';
import type { RUN_LABEL } from '../enums';
import { budgetOf, budgetThrough, configProblems, type AllocationConfig, type GatesConfig, type OverspendTier } from '../fundYears/rules';
import { fundYearOr404 } from '../fundYears/service';
import { isEstimate, settledFigures, type NamedRecipient, type RunFigures } from './calculation';
import { runResource, scopedFigures } from './service';

/** The settings a what-if may change, as the fund year's configuration names them; those left out keep the fund year's. */
export interface WhatIfSettings {
  bundle_ratio?: string;
  overspend_tiers?: OverspendTier[];
  gates?: GatesConfig;
  allocation?: Pick<AllocationConfig, 'pools'>;
}

/** POST /api/settlement-runs/:id/what-if: the run's figures with the settings changed, beside the real ones. */
export function whatIf(actor: Actor, id: number, settings: WhatIfSettings) {
  assertCan(actor, 'settlement-runs', 'show');
  return db().transaction(
    async (trx) => {
      const run = await getRow(runResource, actor, id, trx);
      const real = run.figures;
      if (!real) throw unprocessable(`run ${id} is not calculated yet`, [{ field: 'id', message: 'not calculated', rule: 'not_calculated' }]);
      const fy = await fundYearOr404(trx, run.fund_year_id);
      const config = { ...fy, ...settings, allocation: { ...fy.allocation, ...settings.allocation } };
      const problems = configProblems(config);
      if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
      const annual = budgetOf(config);
      const budget = budgetThrough(annual, config.monthly_profile, run.through_month);
      const gate_values = Object.fromEntries(real.gates.map((g) => [g.key, g.value]));
      const settled = settledFigures(config, {
        budget,
        spending: toFen(real.spending.total),
        gate_values,
        recipients: measuredRecipients(real, config.allocation),
      });
      const alternative: RunFigures = { ...real, annual_budget: fromFen(annual), budget: fromFen(budget), ...settled };
      return compared(run, await scopedFigures(actor, real), await scopedFigures(actor, alternative));
    },
    { readOnly: true },
  );
}

/**
 * The recipients as the run measured them, from its allocation rows (each pool's row carries the values of that
 * pool's indicators). A pool of the what-if scored on an indicator the run did not measure is refused (422, naming it).
 */
function measuredRecipients(f: RunFigures, allocation: AllocationConfig): NamedRecipient[] {
  const byUnit = new Map<number, NamedRecipient>();
  for (const a of f.allocations) {
    const r = byUnit.get(a.org_unit_id) ?? { org_unit_id: a.org_unit_id, code: a.code, name: a.name, population: a.population, values: {} };
    byUnit.set(a.org_unit_id, { ...r, values: { ...r.values, ...a.raw_values } });
  }
  const recipients = [...byUnit.values()];
  const unmeasured = allocation.pools.flatMap((p, i) =>
    p.indicators.flatMap((k, j) =>
      recipients.every((r) => k.key in r.values)
        ? []
        : [{ field: `allocation.pools.${i}.indicators.${j}.key`, message: `${k.key} was not measured in this run`, rule: 'not_measured' }],
    ),
  );
  if (unmeasured.length) throw new AppError('business_rule', 'not_measured', `not measured in run: ${unmeasured.map((u) => u.field).join(', ')}`, unmeasured);
  return recipients;
}

type LineKey = keyof typeof RUN_LABEL.labels;
/** The key figures compared, by the label the screens and the workbook give them; rates are fractions, the rest amounts. */
const LINES: { key: LineKey; rate?: true; of: (f: RunFigures) => string | number | null }[] = [
  { key: 'annual_budget', of: (f) => f.annual_budget },
  { key: 'budget_to_date', of: (f) => f.budget },
  { key: 'spending', of: (f) => f.spending.total },
  { key: 'surplus', of: (f) => f.surplus },
  { key: 'surplus_rate', rate: true, of: (f) => f.surplus_rate },
  { key: 'overspend_group', of: (f) => f.overspend_group },
  { key: 'overspend_fund', of: (f) => f.overspend_fund },
  { key: 'deductions', rate: true, of: (f) => f.deductions },
  { key: 'retained', of: (f) => f.retained },
  { key: 'returned', of: (f) => f.returned_to_fund },
];

const moneyDifference = (real: string, whatIf: string) => ({ real, what_if: whatIf, difference: fromFen(toFen(whatIf) - toFen(real)) });

/** The sum of the amounts per key (fen), e.g. per recipient over its pools. */
function sumsBy<K>(rows: RunFigures['allocations'], key: (row: RunFigures['allocations'][number]) => K) {
  const out = new Map<K, bigint>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0n) + toFen(r.amount));
  return out;
}

function compared(run: { id: number; period: string; kind: string; version: number }, real: RunFigures, alternative: RunFigures) {
  const lines = LINES.map((l) => {
    const [r, w] = [l.of(real), l.of(alternative)];
    if (!l.rate) return { key: l.key, rate: false, ...moneyDifference(String(r), String(w)) };
    const difference = r === null || w === null ? null : Math.round((Number(w) - Number(r)) * 10000) / 10000;
    return { key: l.key, rate: true, real: r, what_if: w, difference };
  });
  const poolOf = (rows: RunFigures['allocations']) => sumsBy(rows, (a) => a.pool);
  const [realPools, whatIfPools] = [poolOf(real.allocations), poolOf(alternative.allocations)];
  const pools = [...new Set([...real.pools.map((p) => p.key), ...alternative.pools.map((p) => p.key)])].map((key) => ({
    key,
    ...moneyDifference(fromFen(realPools.get(key) ?? 0n), fromFen(whatIfPools.get(key) ?? 0n)),
  }));
  const unitOf = (rows: RunFigures['allocations']) => sumsBy(rows, (a) => a.org_unit_id);
  const [realUnits, whatIfUnits] = [unitOf(real.allocations), unitOf(alternative.allocations)];
  const units = [...new Map(alternative.allocations.map((a) => [a.org_unit_id, a])).values()].map((a) => ({
    org_unit_id: a.org_unit_id,
    code: a.code,
    name: a.name,
    ...moneyDifference(fromFen(realUnits.get(a.org_unit_id) ?? 0n), fromFen(whatIfUnits.get(a.org_unit_id) ?? 0n)),
  }));
  return {
    run_id: run.id,
    period: run.period,
    kind: run.kind,
    version: run.version,
    estimate: isEstimate(real),
    lines,
    pools,
    gates: alternative.gates,
    units,
  };
}
