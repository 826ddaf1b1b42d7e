// Fund years (their money and configuration) and the insured population per unit: the resources
// their CRUD runs through (a year is locked while an approved run rests on it), a year with its
// budget, and the population import.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { scopeByUnit } from '../../core/scope';
import { assertCan, type ResourceDef } from '../../core/crud';
import { badRequest, conflict, notFound } from '../../core/errors';
import type { UploadedFile } from '../../http/upload';
import { db } from '../../db/knex';
import { fromFen, toFen } from '../../shared/money';
import { runImport, unitsByCode, type ImportOptions } from '../import';
import { FundYear, FundYearPopulation } from './model';
import type { SettlementRun } from '../runs/model';
import { budgetOf, configProblems, gatesConfig, monthlyBudgets, POPULATION_COLUMNS, validatePopulation, type PopulationRow } from './rules';

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

/** A fund year, or 404 naming it. */
export async function fundYearOr404(q: Knex | Knex.Transaction, id: number): Promise<FundYear> {
  const fy = await FundYear.query(q).findById(id);
  if (!fy) throw notFound('fund-years', id);
  return fy;
}

/** An approved run's figures rest on the year's configuration and populations: the year is locked (409) until that run is superseded. */
async function assertYearOpen(trx: Knex.Transaction, fundYearId: number) {
  const approved = await trx('settlement_runs')
    .where({ fund_year_id: fundYearId, status: 'approved' })
    .whereNull('superseded_by_id')
    .orderBy('through_month', 'desc')
    .first<Pick<SettlementRun, 'id' | 'period'> | undefined>();
  if (!approved) return;
  const fy = await trx('fund_years').select('region', 'year').where('id', fundYearId).first<Pick<FundYear, 'region' | 'year'>>();
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
