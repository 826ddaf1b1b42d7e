// The disease spectrum (病种谱) of a fund year: the top 20 ICD-10 categories of the insured by inpatient
// admissions and by fund paid, months 1..m against the same months of the year before, for the group (all
// its insured) or one township's insured. One aggregate per read; the arithmetic is rules.ts.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { assertCan } from '../../core/crud';
import { badRequest, forbidden, notFound } from '../../core/errors';
import { db } from '../../db/knex';
import { orgUnits, under, unitInScope } from '../../org';
import { fromFen, toFen } from '../../shared/money';
import type { FundYear } from '../fundYears/model';
import { fundYearOr404 } from '../fundYears/service';
import { categoryOf, spectrumOf, sumByCategory, type CategorySums } from './rules';

/** A category's sums over the claims of one fund year's insured of one township (null: registered outside the townships). */
export interface CategoryRow extends CategorySums {
  fund_year_id: number;
  insured_unit_id: number | null;
}

/**
 * The claims of the fund years, months 1..through, summed by fund year, insured's township and ICD-10
 * category — a reversal under its original claim's diagnosis (its own amounts are negative, and a full
 * reversal's claim_count −1 takes the stay off). `inpatientOnly` reads the stays alone (the allocation
 * indicator needs admissions only). Claims without a diagnosis are summed under the code ''.
 */
export async function categoryRows(
  conn: Knex | Knex.Transaction,
  fundYearIds: readonly number[],
  through: number,
  opts: { insuredUnitId?: number; inpatientOnly?: boolean } = {},
): Promise<CategoryRow[]> {
  if (!fundYearIds.length) return [];
  const { rows } = await conn.raw<{
    rows: { fund_year_id: number; insured_unit_id: number | null; diagnosis: string | null; admissions: number; fund: string }[];
  }>(
    `SELECT c.fund_year_id, c.insured_unit_id, coalesce(o.diagnosis, c.diagnosis) AS diagnosis,
            coalesce(sum(c.claim_count) FILTER (WHERE c.care_type = 'inpatient'), 0)::int AS admissions,
            sum(c.fund_paid) AS fund
       FROM claims c LEFT JOIN claims o ON o.id = c.reverses_claim_id
      WHERE c.fund_year_id = ANY(?::int[]) AND c.period_month <= ?
        ${opts.insuredUnitId === undefined ? '' : 'AND c.insured_unit_id = ?'}
        ${opts.inpatientOnly ? "AND c.care_type = 'inpatient'" : ''}
      GROUP BY 1, 2, 3`,
    [[...fundYearIds], through, ...(opts.insuredUnitId === undefined ? [] : [opts.insuredUnitId])],
  );
  // several diagnoses (I63.9, I63.5) fall into one category: summed here, by the one rule of rules.ts
  const out = new Map<string, CategoryRow>();
  for (const r of rows) {
    const code = categoryOf(r.diagnosis) ?? '';
    const key = `${r.fund_year_id}|${r.insured_unit_id}|${code}`;
    const c = out.get(key);
    if (c) {
      c.admissions += r.admissions;
      c.fund += toFen(r.fund);
    } else out.set(key, { fund_year_id: r.fund_year_id, insured_unit_id: r.insured_unit_id, code, admissions: r.admissions, fund: toFen(r.fund) });
  }
  return [...out.values()];
}

/** The fund year of the same region the year before, when it is in the system. */
export const previousFundYear = (conn: Knex | Knex.Transaction, fy: Pick<FundYear, 'region' | 'year'>) =>
  conn('fund_years')
    .select('id', 'insured_count')
    .where({ region: fy.region, year: fy.year - 1 })
    .first<Pick<FundYear, 'id' | 'insured_count'> | undefined>();

/** The latest month with claims in the fund year (12 when none): a spectrum asked without a month is of the year to date. */
async function latestMonth(conn: Knex, fundYearId: number): Promise<number> {
  const row = await conn('claims').max<{ m: number | null }>('period_month as m').where('fund_year_id', fundYearId).first();
  return row?.m ?? 12;
}

type Unit = { id: number; code: string; name: string };

/** Insured populations of the units in a fund year. */
async function populationsOf(conn: Knex, fundYearId: number, unitIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await conn('fund_year_populations')
    .select<{ org_unit_id: number; insured_population: number }[]>('org_unit_id', 'insured_population')
    .where('fund_year_id', fundYearId)
    .whereIn('org_unit_id', unitIds);
  return new Map(rows.map((r) => [r.org_unit_id, r.insured_population]));
}

/**
 * The spectra of the group (when `group`) and of each of `units`, months 1..month, from one read of the
 * claims of this fund year and the year before. The group's population is the fund year's insured count,
 * a township's its insured population; last year's figures are null when that year is not in the system.
 */
export async function spectra(conn: Knex, fy: FundYear, month: number, units: readonly Unit[], group: boolean) {
  const prev = await previousFundYear(conn, fy);
  const years = prev ? [fy.id, prev.id] : [fy.id];
  const rows = await categoryRows(conn, years, month, !group && units.length === 1 ? { insuredUnitId: units[0].id } : {});
  const ids = units.map((u) => u.id);
  const [pops, popsLast] = await Promise.all([populationsOf(conn, fy.id, ids), prev ? populationsOf(conn, prev.id, ids) : new Map<number, number>()]);
  const of = (yearId: number, unitId?: number) =>
    rows.filter((r) => r.fund_year_id === yearId && r.code !== '' && (unitId === undefined || r.insured_unit_id === unitId));
  const uncodedOf = (unitId?: number) => {
    const u = sumByCategory(rows.filter((r) => r.fund_year_id === fy.id && r.code === '' && (unitId === undefined || r.insured_unit_id === unitId))).get('');
    return { admissions: u?.admissions ?? 0, fund_paid: fromFen(u?.fund ?? 0n) };
  };
  const section = (unit: Unit | null, population: number | null, populationLast: number | null) => ({
    unit,
    population,
    population_last: prev ? populationLast : null,
    ...spectrumOf(of(fy.id, unit?.id), prev ? of(prev.id, unit?.id) : null, { now: population, last: populationLast }),
    /** claims without a diagnosis: not ranked, counted here */
    uncoded: uncodedOf(unit?.id),
  });
  return {
    previous_fund_year_id: prev?.id ?? null,
    group: group ? section(null, fy.insured_count || null, prev?.insured_count || null) : null,
    units: units.map((u) => section(u, pops.get(u.id) ?? null, popsLast.get(u.id) ?? null)),
  };
}
export type SpectrumSection = NonNullable<Awaited<ReturnType<typeof spectra>>['group']>;

/** The townships (level 3) of a scope, by code: whose insured a spectrum is of. */
const townshipsIn = (conn: Knex, scopePath: string): Promise<Unit[]> =>
  under(orgUnits(['id', 'code', 'name'], conn).where('level', 3), scopePath).orderBy('code');

/**
 * GET /api/fund-years/:id/disease-spectrum?month=&unit=: the group's insured (no unit) or one township's.
 * A director sees the townships of their scope (the group only with a scope of the whole group; without a unit
 * the first township of their scope, their own; 403 naming `unit` when it holds none); a unit outside the scope
 * is a 404, a unit that is not a township a 400 naming `unit`.
 */
export async function diseaseSpectrum(actor: Actor, fundYearId: number, q: { month?: number; unit?: number }) {
  assertCan(actor, 'claims', 'list');
  const conn = db();
  const fy = await fundYearOr404(conn, fundYearId);
  let unit: Unit | null = null;
  if (q.unit !== undefined) {
    const u = await unitInScope(q.unit, actor.scopePath, ['id', 'code', 'name', 'level']);
    if (!u) throw notFound('org-units', q.unit);
    if (u.level !== 3)
      throw badRequest('invalid unit', [{ field: 'unit', message: 'must be a township (乡镇卫生院 or 社区卫生服务中心) whose insured are counted' }]);
    unit = { id: u.id, code: u.code, name: u.name };
  }
  const townships = await townshipsIn(conn, actor.scopePath);
  // the group's spectrum is for a reader of the whole group; a director without a unit reads the first township of their scope (their own)
  if (!unit && !actor.scopeIsWholeGroup) {
    unit = townships[0] ?? null;
    if (!unit) throw forbidden('unit: your scope holds no township; the group’s spectrum is for the group’s roles');
  }
  const month = q.month ?? (await latestMonth(conn, fy.id));
  const s = await spectra(conn, fy, month, unit ? [unit] : [], !unit);
  return {
    fund_year: { id: fy.id, region: fy.region, year: fy.year },
    previous_fund_year_id: s.previous_fund_year_id,
    month,
    ...(s.group ?? s.units[0]),
    /** the townships the reader may choose, and whether the group's insured too */
    townships,
    group_allowed: actor.scopeIsWholeGroup === true,
  };
}

/** A run's workbook sheet 病种谱: the group (for a reader of the whole group) and each township of the reader's scope, months 1..m. */
export async function runSpectra(actor: Actor, fy: FundYear, month: number) {
  const conn = db();
  const s = await spectra(conn, fy, month, await townshipsIn(conn, actor.scopePath), actor.scopeIsWholeGroup === true);
  return { month, sections: [...(s.group ? [s.group] : []), ...s.units], has_last_year: s.previous_fund_year_id !== null };
}
export type RunSpectra = Awaited<ReturnType<typeof runSpectra>>;
