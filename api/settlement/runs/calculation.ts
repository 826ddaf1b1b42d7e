// The figures of a settlement run from ONE pass over the claims: a plain aggregate GROUP BY
// (provider class, care type, providing unit, month, insured's township) — a few thousand rows
// even for millions of claims; PostgreSQL aggregates it in parallel (the migration's ndistinct
// statistics on these columns let the planner see how few groups there are) — then the rules over
// those rows: spending by month × class × care type, the group's, each unit's own and each
// township's insured figures all derive from them. No loop over claims anywhere.
import type { Knex } from 'knex';
import { fromFen, toFen, type Fen } from '../../shared/money';
import { orgUnits } from '../../org';
import { CARE_TYPE, PROVIDER_CLASS } from '../enums';
import type { FundYear } from '../fundYears/model';
import type { AllocationConfig } from '../fundYears/rules';
import { budgetOf, budgetThrough, monthlyBudgets } from '../fundYears/rules';
import {
  addSums,
  admissionsChange,
  emptySums,
  gateValues,
  indicatorsOf,
  inputValues,
  insuredIndicatorsOf,
  providerTier,
  rate4,
  satisfactionOf,
  settle,
  sumsOf,
  type AggregateRow,
  type AllocationRow,
  type ClaimSums,
  type GateResult,
  type HealthInput,
  type Indicator,
  type Period,
  type Recipient,
  type SettleConfig,
  type SettleInputs,
} from './rules';
import { categoryRows } from '../spectrum/service';
import { sumByCategory, topCategories, topDiseasesAdmissionsChange } from '../spectrum/rules';

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  level: number;
  kind: string;
  path: string;
  parent_id: number | null;
}

export interface SpendingCell {
  provider_class: string;
  care_type: string;
  claims: number;
  total_cost: string;
  fund_paid: string;
}

export interface RunFigures {
  region: string;
  year: number;
  period: string;
  kind: Period['kind'];
  through_month: number;
  annual_budget: string;
  /** budget to date: the months covered by the profile */
  budget: string;
  spending: {
    total: string;
    claims: number;
    by_provider_class: Record<string, string>;
    by_care_type: Record<string, string>;
    by_class_and_care: SpendingCell[];
    by_month: { month: number; budget: string; spending: string; cumulative_budget: string; cumulative_spending: string; cells: SpendingCell[] }[];
  };
  surplus: string;
  surplus_rate: number | null;
  overspend: string;
  overspend_group: string;
  overspend_fund: string;
  overspend_slices: { from: number; upTo: number | null; groupShare: number; amount: string; group: string; fund: string }[];
  satisfaction: number | null;
  gates: GateResult[];
  deductions: number;
  retained: string;
  returned_to_fund: string;
  /** the group row: the five provision indicators over the claims the group's units provided, the four others over all claims of the insured */
  indicators: Indicator[];
  /** the group's insured row: all nine over every claim of the county's insured, out-of-group and out-of-county hospitals included (absent in versions calculated before) */
  insured_indicators?: Indicator[];
  unit_indicators: { org_unit_id: number; code: string; name: string; level: number; indicators: Indicator[] }[];
  /** each pool with its share, amount and the indicators (configured weights) its recipients are scored on */
  pools: { key: string; share: number; amount: string; indicators?: AllocationConfig['pools'][number]['indicators'] }[];
  /**
   * true for a provisional run: its retained surplus and allocation rows are an estimate (预估) of the year to
   * date, not money allocated; only the final run allocates (its rows alone are stored in surplus_allocations).
   * Absent in versions calculated before: read it as `kind === 'provisional'` (isEstimate).
   */
  estimate?: boolean;
  allocations: (AllocationRow & { name: string })[];
}

export { isEstimate } from './estimate';

const CLASSES = PROVIDER_CLASS.values;
const CARE = CARE_TYPE.values;

export async function loadUnits(trx: Knex | Knex.Transaction): Promise<Map<number, UnitInfo>> {
  const rows: UnitInfo[] = await orgUnits(['id', 'code', 'name', 'level', 'kind', 'path', 'parent_id'], trx);
  return new Map(rows.map((u) => [u.id, u]));
}

/** The member unit a provider counts under: itself at levels 1–3, else its level-3 ancestor (villages roll up to their township). */
function memberOf(units: Map<number, UnitInfo>, id: number): UnitInfo {
  let u = units.get(id)!;
  while (u.level > 3 && u.parent_id !== null) u = units.get(u.parent_id)!;
  return u;
}

interface SqlRow {
  provider_class: AggregateRow['provider_class'];
  care_type: AggregateRow['care_type'];
  org_unit_id: number | null;
  period_month: number;
  insured_unit_id: number | null;
  claims: number;
  referred_up: number;
  total: string;
  fund: string;
  self_pay: string;
  self_funded: string;
  drug: string;
  consumables: string;
}

/**
 * The one aggregate statement of a calculation, over the claims' totals by group (claim_totals, kept
 * by the database with every write to the claims: migration 20261227000100) — the same rows as a
 * GROUP BY over the claims themselves (the benchmark compares the two).
 */
export function aggregateSql(trx: Knex | Knex.Transaction, fundYearId: number, throughMonth: number) {
  return trx.raw<{ rows: SqlRow[] }>(
    `SELECT provider_class, care_type, org_unit_id, period_month, insured_unit_id,
            sum(claims)::int AS claims, coalesce(sum(claims) FILTER (WHERE referred_up), 0)::int AS referred_up,
            sum(total_cost) AS total, sum(fund_paid) AS fund, sum(self_pay) AS self_pay, sum(self_funded) AS self_funded,
            sum(drug_cost) AS drug, sum(consumables_cost) AS consumables
       FROM claim_totals
      WHERE fund_year_id = ? AND period_month <= ?
      GROUP BY provider_class, care_type, org_unit_id, period_month, insured_unit_id`,
    [fundYearId, throughMonth],
  );
}

/** Inpatient admissions of the insured per township, months 1..through (a fully reversed stay counts −1: claim_count). */
async function admissionsByTownship(trx: Knex | Knex.Transaction, fundYearId: number, throughMonth: number): Promise<Map<number, number>> {
  const rows: { insured_unit_id: number; n: number }[] = await trx('claim_totals')
    .select('insured_unit_id')
    .sum<{ insured_unit_id: number; n: number }[]>('claims as n')
    .where({ fund_year_id: fundYearId, care_type: 'inpatient' })
    .where('period_month', '<=', throughMonth)
    .whereNotNull('insured_unit_id')
    .groupBy('insured_unit_id');
  return new Map(rows.map((r) => [r.insured_unit_id, Number(r.n)]));
}

/**
 * Recomputes a fund year's claim totals from its claims: after a bulk load that bypassed the
 * triggers (a replica session, as the benchmark's generator), or to repair; one statement.
 */
export async function rebuildClaimTotals(trx: Knex.Transaction, fundYearId: number) {
  const key = 'fund_year_id, period_month, provider_class, care_type, org_unit_id, insured_unit_id, referred_up';
  const sums = ['total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost', 'consumables_cost'];
  await trx('claim_totals').where('fund_year_id', fundYearId).delete();
  await trx.raw(
    `INSERT INTO claim_totals (${key}, claim_rows, claims, ${sums.join(', ')})
     SELECT ${key}, count(*), sum(claim_count), ${sums.map((c) => `sum(${c})`).join(', ')}
       FROM claims WHERE fund_year_id = ? GROUP BY ${key}`,
    [fundYearId],
  );
}

async function populations(trx: Knex | Knex.Transaction, fundYearId: number) {
  const rows = await trx('fund_year_populations')
    .select<{ org_unit_id: number; insured_population: number; baseline_admissions: number | null }[]>(
      'org_unit_id',
      'insured_population',
      'baseline_admissions',
    )
    .where('fund_year_id', fundYearId);
  return new Map(rows.map((r) => [r.org_unit_id, r]));
}

/** The units the fund year's allocation shares the retained surplus among (their health indicators are the run's inputs). */
export const recipientUnits = (units: Map<number, UnitInfo>, fy: FundYear) => [...units.values()].filter((u) => fy.allocation.recipient_kinds.includes(u.kind));

/** Computes every figure of a run of `fy` for `period`, reading the claims as they are now and the health indicators from `inputs` (the version's stored inputs). */
export async function computeFigures(
  trx: Knex | Knex.Transaction,
  fy: FundYear,
  period: Period,
  periodText: string,
  inputs: readonly HealthInput[],
): Promise<RunFigures> {
  const m = period.throughMonth;
  // one connection (a transaction): the statements run one after another
  const units = await loadUnits(trx);
  const { rows } = await aggregateSql(trx, fy.id, m);
  const scores = await trx('satisfaction_scores')
    .select<{ score: string; respondents: number }[]>('score', 'respondents')
    .where('fund_year_id', fy.id)
    .where('month', '<=', m);

  // ---- spending, group sums, per-unit sums
  const group = emptySums();
  /** the claims the group's own units provided */
  const groupProvided = emptySums();
  const provided = new Map<number, ClaimSums>();
  const insured = new Map<number, ClaimSums>();
  const cells = new Map<string, { claims: number; total: Fen; fund: Fen }>();
  const add = (key: string, claims: number, total: Fen, fund: Fen) => {
    const c = cells.get(key) ?? { claims: 0, total: 0n, fund: 0n };
    cells.set(key, { claims: c.claims + claims, total: c.total + total, fund: c.fund + fund });
  };
  for (const r of rows) {
    const unit = r.org_unit_id === null ? null : units.get(r.org_unit_id)!;
    const agg: AggregateRow = {
      provider_class: r.provider_class,
      care_type: r.care_type,
      provider_tier: unit ? providerTier(unit) : null,
      claims: r.claims,
      referred_up: r.referred_up,
      total: toFen(r.total),
      fund: toFen(r.fund),
      self_pay: toFen(r.self_pay),
      self_funded: toFen(r.self_funded),
      drug: toFen(r.drug),
      consumables: toFen(r.consumables),
    };
    const sums = sumsOf(agg);
    // the insured's township (claims of insured registered outside the townships have none)
    if (r.insured_unit_id !== null) addSums(insured.get(r.insured_unit_id) ?? insured.set(r.insured_unit_id, emptySums()).get(r.insured_unit_id)!, sums);
    addSums(group, sums);
    if (unit) {
      addSums(groupProvided, sums);
      const member = memberOf(units, unit.id);
      addSums(provided.get(member.id) ?? provided.set(member.id, emptySums()).get(member.id)!, sums);
    }
    add(`${r.period_month}|${r.provider_class}|${r.care_type}`, r.claims, agg.total, agg.fund);
  }

  const cellList = (month: number | null): SpendingCell[] =>
    CLASSES.flatMap((pc) =>
      CARE.map((ct) => {
        let claims = 0;
        let total = 0n;
        let fund = 0n;
        for (let mm = 1; mm <= m; mm++) {
          if (month !== null && mm !== month) continue;
          const c = cells.get(`${mm}|${pc}|${ct}`);
          if (c) {
            claims += c.claims;
            total += c.total;
            fund += c.fund;
          }
        }
        return { provider_class: pc, care_type: ct, claims, total_cost: fromFen(total), fund_paid: fromFen(fund) };
      }),
    );
  const byClassAndCare = cellList(null);
  const sumBy = (field: 'provider_class' | 'care_type', keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, fromFen(byClassAndCare.filter((c) => c[field] === k).reduce((a, c) => a + toFen(c.fund_paid), 0n))]));

  // ---- budget, surplus, tiers, gates, retention
  const annual = budgetOf(fy);
  const monthly = monthlyBudgets(annual, fy.monthly_profile);
  const budget = budgetThrough(annual, fy.monthly_profile, m);
  const spending = group.fund;
  let cumBudget = 0n;
  let cumSpending = 0n;
  const byMonth = Array.from({ length: m }, (_, i) => {
    const month = i + 1;
    const monthCells = cellList(month);
    const spent = monthCells.reduce((a, c) => a + toFen(c.fund_paid), 0n);
    cumBudget += monthly[i];
    cumSpending += spent;
    return {
      month,
      budget: fromFen(monthly[i]),
      spending: fromFen(spent),
      cumulative_budget: fromFen(cumBudget),
      cumulative_spending: fromFen(cumSpending),
      cells: monthCells,
    };
  });
  const satisfaction = satisfactionOf(scores);

  // ---- indicators for the group and each member unit (HQ, county hospitals, townships)
  const members = [...units.values()].filter((u) => u.level <= 3).sort((a, b) => (a.path < b.path ? -1 : 1));
  const unitIndicators = members.map((u) => ({
    org_unit_id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    indicators: indicatorsOf(provided.get(u.id) ?? emptySums(), insured.get(u.id) ?? emptySums(), fy.indicator_thresholds),
  }));

  // ---- the recipients' values, then the settings: surplus to allocation
  const recipients = recipientUnits(units, fy);
  const settled = settledFigures(fy, {
    budget,
    spending,
    gate_values: gateValues(group, satisfaction),
    recipients: await recipientsOf(trx, fy, period, recipients, insured, provided, inputs),
  });

  return {
    region: fy.region,
    year: fy.year,
    period: periodText,
    kind: period.kind,
    through_month: m,
    annual_budget: fromFen(annual),
    budget: fromFen(budget),
    spending: {
      total: fromFen(spending),
      claims: group.claims,
      by_provider_class: sumBy('provider_class', CLASSES),
      by_care_type: sumBy('care_type', CARE),
      by_class_and_care: byClassAndCare,
      by_month: byMonth,
    },
    ...settled,
    satisfaction,
    indicators: indicatorsOf(groupProvided, group, fy.indicator_thresholds),
    insured_indicators: insuredIndicatorsOf(group, fy.indicator_thresholds),
    unit_indicators: unitIndicators,
    estimate: period.kind === 'provisional',
  };
}

/** A recipient as settled: its values and its name for the figures. */
export type NamedRecipient = Recipient & { name: string };

/**
 * The figures the settings decide — surplus, overspend split, gates, retained, pools and allocation — settled
 * from what the run measured. The run's calculation and a what-if (runs/whatIf.ts) both come through here.
 */
export function settledFigures(config: SettleConfig, inputs: Omit<SettleInputs, 'recipients'> & { recipients: readonly NamedRecipient[] }) {
  const { surplus, split, gates, retained, allocations } = settle(config, inputs);
  const names = new Map(inputs.recipients.map((r) => [r.org_unit_id, r.name]));
  const byPool = new Map(allocations.map((a) => [a.pool, a.pool_amount]));
  return {
    surplus: fromFen(surplus),
    surplus_rate: rate4(surplus, inputs.budget),
    overspend: fromFen(split.overspend),
    overspend_group: fromFen(split.group),
    overspend_fund: fromFen(split.fund),
    overspend_slices: split.slices.map((s) => ({ ...s, amount: fromFen(s.amount), group: fromFen(s.group), fund: fromFen(s.fund) })),
    gates,
    deductions: gates.reduce((a, g) => a + g.deduction, 0),
    retained: fromFen(retained),
    returned_to_fund: fromFen(surplus > 0n ? surplus - retained : 0n),
    pools: config.allocation.pools.map((p) => ({ key: p.key, share: p.share, amount: byPool.get(p.key) ?? fromFen(0n), indicators: p.indicators })),
    allocations: allocations.map((a) => ({ ...a, name: names.get(a.org_unit_id)! })),
  } satisfies Partial<RunFigures>;
}

/** Each recipient's population and allocation indicator values for the run's months. */
async function recipientsOf(
  trx: Knex | Knex.Transaction,
  fy: FundYear,
  period: Period,
  recipients: UnitInfo[],
  insured: Map<number, ClaimSums>,
  provided: Map<number, ClaimSums>,
  inputs: readonly HealthInput[],
): Promise<NamedRecipient[]> {
  if (!recipients.length) return [];
  const m = period.throughMonth;
  const pops = await populations(trx, fy.id);
  // the previous year: its fund year's claims over the same months when they are in the
  // system, else the baseline admissions given with this year's populations
  const prevYear = await trx('fund_years')
    .select('id')
    .where({ region: fy.region, year: fy.year - 1 })
    .first<Pick<FundYear, 'id'> | undefined>();
  const prevAdmissions = prevYear ? await admissionsByTownship(trx, prevYear.id, m) : new Map<number, number>();
  const prevPops = prevYear ? await populations(trx, prevYear.id) : new Map<number, { insured_population: number }>();
  const health = inputValues(inputs);
  const topDiseases = fy.allocation.pools.some((p) => p.indicators.some((k) => k.key === 'top_diseases_admissions_change'))
    ? await topDiseasesOf(trx, fy.id, prevYear?.id ?? null, m)
    : null;

  return recipients.map((u) => {
    const pop = pops.get(u.id);
    const population = pop?.insured_population ?? 0;
    const now = { admissions: insured.get(u.id)?.inpatient ?? 0, population };
    const prevPop = prevPops.get(u.id)?.insured_population;
    const prev =
      prevAdmissions.size > 0 && prevPop
        ? { admissions: prevAdmissions.get(u.id) ?? 0, population: prevPop }
        : pop?.baseline_admissions != null
          ? { admissions: pop.baseline_admissions * m, population: population * 12 }
          : null;
    const h = health.get(u.id);
    return {
      org_unit_id: u.id,
      code: u.code,
      name: u.name,
      population,
      values: {
        standardised_management_rate: h?.standardised_management_rate ?? null,
        control_rate: h?.control_rate ?? null,
        // measured (api/monitoring, frozen with the version) only when a pool weighs it
        ...(h && 'chronic_admission_rate' in h && { chronic_admission_rate: h.chronic_admission_rate ?? null }),
        inpatient_admissions_change: admissionsChange(now, prev),
        // over the claims the township (with its villages) provided
        drug_share: rate4(provided.get(u.id)?.drug ?? 0n, provided.get(u.id)?.total ?? 0n),
        // measured only when a pool weighs it (a second, smaller read of the stays by diagnosis)
        ...(topDiseases && {
          top_diseases_admissions_change: topDiseasesAdmissionsChange(
            topDiseases.top,
            topDiseases.rows(fy.id, u.id),
            prevYear && topDiseases.hasLast ? topDiseases.rows(prevYear.id, u.id) : null,
            { now: population, last: prevPop ?? null },
          ),
        }),
      },
    };
  });
}

/**
 * The stays of this year and last by township and ICD-10 category, months 1..m, and the group's top-20
 * categories by admissions this year: what 前20位病种千人住院变化 (spectrum/rules.ts) is measured over.
 */
async function topDiseasesOf(trx: Knex | Knex.Transaction, fundYearId: number, prevYearId: number | null, m: number) {
  const rows = (await categoryRows(trx, prevYearId === null ? [fundYearId] : [fundYearId, prevYearId], m, { inpatientOnly: true })).filter(
    (r) => r.code !== '',
  );
  const top = new Set(topCategories(sumByCategory(rows.filter((r) => r.fund_year_id === fundYearId)).values(), 'admissions').map((c) => c.code));
  return {
    top,
    /** last year's stays are data only when it has any */
    hasLast: rows.some((r) => r.fund_year_id === prevYearId),
    rows: (yearId: number, unitId: number) => rows.filter((r) => r.fund_year_id === yearId && r.insured_unit_id === unitId),
  };
}
