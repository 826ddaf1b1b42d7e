// Fund years (their money and configuration), the insured population per unit, and the
// finance dashboard: budget against cumulative spending by month, the latest run's figures,
// and the drill-down from a unit to its claims.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { scopeByUnit } from '../core/scope';
import { assertCan, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound } from '../core/errors';
import type { UploadedFile } from '../http/upload';
import { db } from '../db/knex';
import { fromFen, toFen } from '../shared/money';
import { POPULATION_COLUMNS, validatePopulation, type PopulationRow } from './claimRules';
import { fundYearOr404, unitsByCode } from './claims';
import { runImport, type ImportOptions } from './import';
import { unitIdsUnderSql, unitInScope } from '../org';
import { FundYear, FundYearPopulation, SettlementRun } from './model';
import { budgetOf, configProblems, gatesConfig, monthlyBudgets } from './rules';
import { scopedFigures } from './runs';

type Row = Record<string, unknown>;

export const fundYearResource: ResourceDef<FundYear> = {
  name: 'fund-years',
  model: FundYear,
  // county-wide figures: visibility by role
  scope: (qb) => qb,
  list: { fields: { region: 'text', year: 'int' }, search: ['fund_years.region'], defaultSort: ['year', 'DESC'] },
  prepareCreate: async (data) => checked(data),
  prepareUpdate: async (data, current, trx) => {
    await assertYearOpen(trx, current.id);
    return checked({ ...current.toJSON(), ...data }, Object.keys(data));
  },
};

/** An approved run's figures rest on the year's configuration and populations: the year is locked (409) until that run is superseded. */
async function assertYearOpen(trx: Knex.Transaction, fundYearId: number) {
  const approved = await trx('settlement_runs')
    .where({ fund_year_id: fundYearId, status: 'approved' })
    .whereNull('superseded_by_id')
    .orderBy('through_month', 'desc')
    .first();
  if (!approved) return;
  const fy = await trx('fund_years').select('region', 'year').where('id', fundYearId).first();
  throw conflict(
    `fund year ${fy.region} ${fy.year} is locked: run ${approved.id} (${approved.period}) is approved; supersede it with a new run to change the configuration`,
    {
      locked_by_run_id: approved.id,
      period: approved.period,
    },
  );
}

/** Validates the configuration as a whole (tier order, shares and weights adding up to 1, the profile). */
function checked(data: Row, keep?: string[]): Row {
  // the body has passed the route's schema (createFundYear / updateFundYear) and been merged over the stored row
  const problems = configProblems(data as Parameters<typeof configProblems>[0]);
  const pools = toFen(String(data.catastrophic_pool)) + toFen(String(data.outpatient_pool));
  if (pools > toFen(String(data.premium_total))) problems.push({ field: 'catastrophic_pool', message: 'the pools exceed the premiums' });
  if (problems.length) throw badRequest(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
  const out = keep ? Object.fromEntries(Object.entries(data).filter(([k]) => keep.includes(k))) : data;
  for (const k of ['overspend_tiers', 'gates', 'indicator_thresholds', 'allocation', 'monthly_profile']) if (k in out) out[k] = JSON.stringify(out[k]);
  return out;
}

/** A fund year with its budget (and the twelve monthly budgets); a gate added after the year was stored shows its default. */
export function withBudget(fy: FundYear) {
  const budget = budgetOf(fy);
  return { ...fy.toJSON(), gates: gatesConfig(fy.gates), budget: fromFen(budget), monthly_budgets: monthlyBudgets(budget, fy.monthly_profile).map(fromFen) };
}

export const populationResource: ResourceDef<FundYearPopulation> = {
  name: 'fund-year-populations',
  model: FundYearPopulation,
  scope: scopeByUnit('fund_year_populations.org_unit_id'),
  list: { fields: { fund_year_id: 'int', org_unit_id: 'int', insured_population: 'int' }, defaultSort: ['org_unit_id', 'ASC'] },
  unitOf: (data) => data.org_unit_id as number | undefined,
  prepareCreate: async (data, trx) => {
    if (
      !(await trx('fund_years')
        .where('id', data.fund_year_id as number)
        .first())
    )
      throw badRequest('unknown fund year', [{ field: 'fund_year_id', message: 'no such fund year' }]);
    await assertYearOpen(trx, data.fund_year_id as number);
    return data;
  },
  prepareUpdate: async (data, current, trx) => {
    await assertYearOpen(trx, current.fund_year_id);
    if (data.fund_year_id !== undefined && data.fund_year_id !== current.fund_year_id) await assertYearOpen(trx, data.fund_year_id as number);
    return data;
  },
  beforeDelete: (current, trx) => assertYearOpen(trx, current.fund_year_id),
};

/** POST /api/fund-year-populations/import: insured population (and baseline admissions) per unit. */
export async function importPopulations(actor: Actor, fundYearId: number, file: UploadedFile, opts: ImportOptions) {
  assertCan(actor, 'fund-year-populations', 'import');
  const fy = await fundYearOr404(db(), fundYearId);
  const units = await unitsByCode(db());
  return runImport<PopulationRow>(actor, file, opts, {
    resource: 'fund-year-populations',
    columns: POPULATION_COLUMNS,
    required: ['unit_code', 'insured_population'],
    validate: (raw) => validatePopulation(raw, units),
    keyField: 'unit_code',
    key: (r) => String(r.org_unit_id),
    summary: { fund_year_id: fy.id, year: fy.year },
    write: async (trx, rows, audit) => {
      const { rows: changed } = await trx.raw<{ rows: { id: number; inserted: boolean }[] }>(
        `INSERT INTO fund_year_populations (fund_year_id, org_unit_id, insured_population, baseline_admissions)
         SELECT ?, org_unit_id, insured_population, baseline_admissions FROM jsonb_to_recordset(?::jsonb) AS x(org_unit_id int, insured_population int, baseline_admissions int)
         ON CONFLICT (fund_year_id, org_unit_id) DO UPDATE SET insured_population = excluded.insured_population, baseline_admissions = excluded.baseline_admissions, updated_at = now()
         WHERE (fund_year_populations.insured_population, fund_year_populations.baseline_admissions) IS DISTINCT FROM (excluded.insured_population, excluded.baseline_admissions)
         RETURNING id, fund_year_id, org_unit_id, insured_population, baseline_admissions, (xmax = 0) AS inserted`,
        [fy.id, JSON.stringify(rows.map((r) => r.data))],
      );
      for (const { inserted, ...after } of changed)
        await audit({ action: inserted ? 'create' : 'update', resource: 'fund-year-populations', recordId: after.id, after });
      const inserted = changed.filter((c) => c.inserted).length;
      return { inserted, updated: changed.length - inserted };
    },
  });
}

/** Budget against cumulative spending by month, the runs, and the latest calculated run's figures (scoped). */
export async function dashboard(actor: Actor, fundYearId: number) {
  assertCan(actor, 'fund-years', 'show');
  const fy = await fundYearOr404(db(), fundYearId);
  const budget = budgetOf(fy);
  const monthly = monthlyBudgets(budget, fy.monthly_profile);
  const spentRows: { period_month: number; fund: string; claims: number }[] = await db()('claims')
    .select('period_month')
    .sum({ fund: 'fund_paid' })
    .count({ claims: '*' })
    .where('fund_year_id', fy.id)
    .groupBy('period_month');
  const spent = new Map(spentRows.map((r) => [r.period_month, r]));
  let cumBudget = 0n;
  let cumSpent = 0n;
  const months = monthly.map((b, i) => {
    const s = spent.get(i + 1);
    const fund = s ? toFen(s.fund) : 0n;
    cumBudget += b;
    cumSpent += fund;
    return {
      month: i + 1,
      budget: fromFen(b),
      spending: fromFen(fund),
      claims: Number(s?.claims ?? 0),
      cumulative_budget: fromFen(cumBudget),
      cumulative_spending: fromFen(cumSpent),
    };
  });
  const runs = await SettlementRun.query()
    .where('fund_year_id', fy.id)
    .orderBy([
      { column: 'through_month', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  const current = runs.filter((r) => r.superseded_by_id === null);
  // the latest figures: the final run once calculated, else the latest calculated month
  const latest = current.filter((r) => r.figures).sort((a, b) => (a.kind === b.kind ? b.through_month - a.through_month : a.kind === 'final' ? -1 : 1))[0];
  return {
    fund_year: withBudget(fy),
    months,
    runs: runs.map(runSummary),
    latest: latest ? { ...runSummary(latest), figures: await scopedFigures(actor, latest.figures!) } : null,
  };
}

export function runSummary(r: SettlementRun) {
  const f = r.figures;
  return {
    id: r.id,
    fund_year_id: r.fund_year_id,
    period: r.period,
    kind: r.kind,
    through_month: r.through_month,
    status: r.status,
    version: r.version,
    superseded_by_id: r.superseded_by_id,
    supersedes_id: r.supersedes_id,
    reason: r.reason,
    budget: f?.budget ?? null,
    spending: f?.spending.total ?? null,
    surplus: f?.surplus ?? null,
    surplus_rate: f?.surplus_rate ?? null,
    retained: f?.retained ?? null,
    calculated_at: r.calculated_at,
    reviewed_by_name: r.reviewed_by_name,
    approved_by_name: r.approved_by_name,
  };
}

/** Drill-down: the claims a unit (and its villages) provided, and the claims of the insured registered there, by care type and provider class. */
export async function unitSummary(actor: Actor, fundYearId: number, unitId: number) {
  assertCan(actor, 'claims', 'list');
  const fy = await fundYearOr404(db(), fundYearId);
  const unit = await unitInScope(unitId, actor.scopePath, ['id', 'code', 'name', 'path', 'kind', 'level']);
  if (!unit) throw notFound('org-units', unitId);
  const sums = (qb: Knex.QueryBuilder) =>
    qb
      .select('provider_class', 'care_type')
      .count({ claims: '*' })
      .sum({
        total_cost: 'total_cost',
        fund_paid: 'fund_paid',
        self_pay: 'self_pay',
        self_funded: 'self_funded',
        drug_cost: 'drug_cost',
        consumables_cost: 'consumables_cost',
      })
      .where('fund_year_id', fy.id)
      .groupBy('provider_class', 'care_type')
      .orderBy(['provider_class', 'care_type']);
  const [provided, insured] = await Promise.all([
    sums(db()('claims').whereRaw(`org_unit_id in ${unitIdsUnderSql('?')}`, [unit.path])),
    sums(db()('claims').where('insured_unit_id', unit.id)),
  ]);
  const norm = (rows: Row[]) => rows.map((r) => ({ ...r, claims: Number(r.claims) }));
  return { fund_year_id: fy.id, unit, provided: norm(provided), insured: norm(insured) };
}
