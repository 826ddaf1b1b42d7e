// The monitoring set's use-cases: the 14 indicators of a unit's subtree (the county: the group's root)
// for a year against the year before, each with its numerator, denominator, target and colour; the
// records behind a numerator or denominator (masked); the managed chronic patients' admission rate
// per village (the resident–claim join by the ID number's hash, inside one statement); the visits
// (entry); the targets (configuration); the qualitative indicators' evidence.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { assertCan, assertUnitInScope, getRow, type ResourceDef } from '../core/crud';
import { conflict, notFound, unprocessable } from '../core/errors';
import { inTransaction } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import type { UploadedFile } from '../http/upload';
import { withinScope } from '../auth';
import { joinUnitSql, orgUnits, subtreeIdsSql, unitInScope } from '../org';
import { claimSetRecords, claimSetSums, insuredPopulations, runImport, staysOfPeople, type ClaimSet, type ImportOptions } from '../settlement';
import { deathsByAgeGroup, deathsWithCause, managedChronicPeople, mortalityRecords, residentRecords, residentsOnRecordByUnit } from '../health';
import { averageHeadcountByTier, payrollStaff, secondedDoctors } from '../hr';
import { personnelEntries, personnelSpendingByTier } from '../finance';
import { villageEcgRequests } from '../diagnosis';
import { INDICATOR, QUALITATIVE_INDICATORS, VISIT_SOURCE, type IndicatorCode, type PopulationSource, type Standing } from './enums';
import { Evidence, EvidenceDocument, MonitoringTarget, VisitCount } from './model';
import {
  admissionTotals,
  judgeVillageRates,
  MIN_VILLAGE_PATIENTS,
  fourChronicSql,
  growth,
  indicatorValue,
  mortalityFigure,
  standing,
  targetProblems,
  validateVisitRow,
  VISIT_COLUMNS,
  VISIT_REQUIRED,
  type VisitRow,
} from './rules';

type Conn = Knex | Knex.Transaction;

/** One indicator's figures for one year: numerator and denominator as the definition names them, and the value. */
export interface YearFigure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** where the denominator's population comes from (an indicator per 10,000 residents) */
  denominator_source?: PopulationSource;
}

export interface IndicatorRow extends YearFigure {
  code: IndicatorCode;
  last: YearFigure;
  /** the change of the value on last year (0.05 = +5%) */
  change: number | null;
  target: number | null;
  standing: Standing;
  /** a qualitative indicator's evidence of the unit for the year */
  evidence?: EvidenceView | null;
}

const ratioFigure = (code: IndicatorCode, numerator: number, denominator: number): YearFigure => ({
  numerator,
  denominator,
  value: indicatorValue(code, numerator, denominator),
});
const yuan = (s: string) => Number(s);

/**
 * The population an indicator per 10,000 residents divides by, defined once: the insured population
 * the fund years of the year hold for the subtree (the county: the fund year's insured count; a member:
 * its townships' insured populations), else — no fund year holds one — the residents on record at year
 * end (the health records, which a demo holds only a sample of). Its lines are the drill-down's records.
 */
export async function populationOf(conn: Conn, rootUnitId: number, year: number) {
  const insured = await insuredPopulations(conn, rootUnitId, year);
  if (insured.length) return { source: 'insured' as const, population: insured.reduce((a, r) => a + r.insured, 0), lines: insured };
  const residents = await residentsOnRecordByUnit(conn, rootUnitId, `${year}-12-31`);
  return { source: 'residents' as const, population: residents.reduce((a, r) => a + r.residents, 0), lines: residents };
}

/**
 * The last day of a year's pay period the ledger holds: the year's end, or today in the current year — the
 * personnel spending so far is divided by the average headcount of the same months.
 */
const payPeriodEnd = (year: number) => (clock.today() < `${year}-12-31` ? clock.today() : `${year}-12-31`);

/** The figures of every quantitative indicator for a unit's subtree in one year (each source read once, side by side). */
export async function yearFigures(rootUnitId: number, year: number, conn: Conn = db()): Promise<Partial<Record<IndicatorCode, YearFigure>>> {
  const through = payPeriodEnd(year);
  const [claims, visits, seconded, population, ecg, spending, heads, chronic, mortality, deathCauses] = await Promise.all([
    claimSetSums(conn, rootUnitId, year),
    visitSums(conn, rootUnitId, year),
    secondedDoctors(conn, rootUnitId, year),
    populationOf(conn, rootUnitId, year),
    villageEcgRequests(conn, rootUnitId, year),
    personnelSpendingByTier(conn, rootUnitId, year),
    averageHeadcountByTier(conn, rootUnitId, year, through),
    chronicAdmissions(conn, rootUnitId, year),
    deathsByAgeGroup(conn, rootUnitId, year, fourChronicSql),
    deathsWithCause(conn, rootUnitId, year),
  ]);
  // no personnel spending on the ledger (a year before the ledger, a village that employs nobody): no figure, not a zero
  const perHead = (spent: string, n: number) => (n > 0 && yuan(spent) !== 0 ? Math.round((yuan(spent) / n) * 100) / 100 : null);
  const primaryPay = perHead(spending.primary, heads.primary);
  const leadPay = perHead(spending.lead, heads.lead);
  const chronicTotal = admissionTotals(chronic);
  return {
    seconded_doctors: {
      ...ratioFigure('seconded_doctors', new Set(seconded.map((s) => s.staff_id)).size, population.population),
      denominator_source: population.source,
    },
    ecg_village_coverage: ratioFigure('ecg_village_coverage', ecg.filter((v) => v.requests > 0).length, ecg.length),
    primary_pay_ratio: {
      numerator: primaryPay,
      denominator: leadPay,
      value: primaryPay != null && leadPay ? indicatorValue('primary_pay_ratio', primaryPay, leadPay) : null,
    },
    primary_visit_share: ratioFigure('primary_visit_share', visits.primary, visits.all),
    fund_in_county_share: ratioFigure('fund_in_county_share', yuan(claims.fund_county.fund), yuan(claims.fund_all.fund)),
    fund_primary_share: ratioFigure('fund_primary_share', yuan(claims.fund_primary.fund), yuan(claims.fund_county.fund)),
    inpatient_cost: ratioFigure('inpatient_cost', yuan(claims.stays_county.cost), claims.stays_county.count),
    inpatient_in_county_share: ratioFigure('inpatient_in_county_share', claims.stays_county.count, claims.stays_all.count),
    tcm_visit_share: ratioFigure('tcm_visit_share', visits.tcm, visits.all),
    chronic_admission_rate: ratioFigure('chronic_admission_rate', chronicTotal.stays, chronicTotal.patients),
    premature_mortality: {
      numerator: mortality.reduce((a, g) => a + g.deaths, 0),
      denominator: mortality.reduce((a, g) => a + g.population, 0),
      value: mortalityFigure(mortality, deathCauses),
    },
  };
}

/** Visits of the year under a unit: all, at township and village units, and 中医类. */
async function visitSums(conn: Conn, rootUnitId: number, year: number) {
  const { rows } = await conn.raw<{ rows: { all: number; primary: number; tcm: number }[] }>(
    `SELECT coalesce(sum(v.visits), 0)::int AS "all", coalesce(sum(v.visits) FILTER (WHERE u.level >= 3), 0)::int AS "primary",
            coalesce(sum(v.tcm_visits), 0)::int AS tcm
       FROM visit_counts v ${joinUnitSql('u', 'v.org_unit_id')}
      WHERE v.org_unit_id IN ${subtreeIdsSql('?')} AND v.month BETWEEN ?::date AND ?::date`,
    [rootUnitId, `${year}-01-01`, `${year}-12-01`],
  );
  return rows[0];
}

export interface VillageAdmissions {
  unit_id: number;
  unit_name: string;
  patients: number;
  stays: number;
  /** stays ÷ patients */
  rate: number | null;
}

/** A village's rate as the API and the workbook show it: ranked and judged only with enough patients (rules.ts judgeVillageRates). */
export type JudgedVillageAdmissions = VillageAdmissions & { judged: boolean; rank: number | null; standing: Standing | null };

/**
 * The managed hypertension and diabetes patients of each village under a unit and their stays in the
 * year (months 1..throughMonth of its claims): the residents joined to the claims by the ID number's hash
 * inside one statement (the hash is never selected out of it).
 */
export async function chronicAdmissions(conn: Conn, rootUnitId: number, year: number, throughMonth = 12): Promise<VillageAdmissions[]> {
  const people = staysOfPeople(conn, managedChronicPeople(conn, rootUnitId, year), year, throughMonth);
  const { rows } = await conn.raw<{ rows: Omit<VillageAdmissions, 'rate'>[] }>(
    `SELECT x.org_unit_id AS unit_id, u.name AS unit_name, count(*)::int AS patients, coalesce(sum(x.stays), 0)::int AS stays
       FROM (?) x ${joinUnitSql('u', 'x.org_unit_id')}
      GROUP BY x.org_unit_id, u.name, u.path ORDER BY u.path`,
    [people],
  );
  return rows.map((r) => ({ ...r, rate: indicatorValue('chronic_admission_rate', r.stays, r.patients) }));
}

/**
 * The managed chronic patients' stays and their number for each unit's subtree (a township: its villages),
 * months 1..throughMonth of the year: the settlement's allocation input 慢病管理人群住院率 (api/domains.ts wires it).
 */
export async function chronicAdmissionRates(conn: Conn, unitIds: readonly number[], year: number, throughMonth: number) {
  const out = new Map<number, { numerator: number; denominator: number }>();
  for (const id of unitIds) {
    const t = admissionTotals(await chronicAdmissions(conn, id, year, throughMonth));
    out.set(id, { numerator: t.stays, denominator: t.patients });
  }
  return out;
}

async function targetsOf(year: number, conn: Conn = db()): Promise<Partial<Record<IndicatorCode, number>>> {
  const rows = await MonitoringTarget.query(conn).where('year', year);
  return Object.fromEntries(rows.map((r) => [r.indicator, Number(r.target)]));
}

async function scopedUnit(actor: Actor, unitId: number) {
  const unit = await unitInScope(unitId, actor.scopePath, ['id', 'code', 'name', 'level', 'path']);
  if (!unit) throw notFound('org unit', unitId);
  return unit;
}

/** GET /api/monitoring-indicators: the 14 for a unit's subtree, the year against the year before. */
export async function monitoringIndicators(actor: Actor, unitId: number, year: number) {
  assertCan(actor, 'monitoring-indicators', 'list');
  const unit = await scopedUnit(actor, unitId);
  const [now, last, targets, evidence] = await Promise.all([
    yearFigures(unit.id, year),
    yearFigures(unit.id, year - 1),
    targetsOf(year),
    evidenceOf(unit.id, year),
  ]);
  const indicators: IndicatorRow[] = INDICATOR.values.map((code) => {
    const none: YearFigure = { numerator: null, denominator: null, value: null };
    if (INDICATOR.labels[code].kind === 'qualitative') {
      const e = evidence.get(code)?.now ?? null;
      const score = (v: EvidenceView | null | undefined) => (v ? (v.reviewed_score ?? v.self_score) : null);
      const value = score(e);
      const lastValue = score(evidence.get(code)?.last);
      return {
        code,
        ...none,
        value,
        last: { ...none, value: lastValue },
        change: growth(value, lastValue),
        target: targets[code] ?? null,
        standing: standing(code, value, targets[code]),
        evidence: e,
      };
    }
    const f = now[code] ?? none;
    const l = last[code] ?? none;
    return { code, ...f, last: l, change: growth(f.value, l.value), target: targets[code] ?? null, standing: standing(code, f.value, targets[code]) };
  });
  return { unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level }, year, indicators };
}

// ---------------------------------------------------------------- drill-down

export type Part = 'numerator' | 'denominator';

/** Which claims set a claims indicator's part reads. */
const CLAIM_PARTS: Partial<Record<IndicatorCode, Record<Part, ClaimSet>>> = {
  fund_in_county_share: { numerator: 'fund_county', denominator: 'fund_all' },
  fund_primary_share: { numerator: 'fund_primary', denominator: 'fund_county' },
  inpatient_cost: { numerator: 'stays_county', denominator: 'stays_county' },
  inpatient_in_county_share: { numerator: 'stays_county', denominator: 'stays_all' },
};

/** The kind of records a drill-down answers (the screen picks its columns by it). */
export type RecordKind = 'claims' | 'visits' | 'rotations' | 'residents' | 'villages' | 'populations' | 'staff' | 'ledger' | 'patients' | 'evidence';

/**
 * GET /api/monitoring-indicators/:code/records: the records behind an indicator's numerator or
 * denominator for a unit and year, masked (a claim's and a resident's ID number as 6301**********1234),
 * a page of them and how many there are.
 */
export async function indicatorRecords(actor: Actor, code: IndicatorCode, unitId: number, year: number, part: Part, page: { offset: number; limit: number }) {
  assertCan(actor, 'monitoring-indicators', 'show');
  const unit = await scopedUnit(actor, unitId);
  const conn = db();
  const paged = <T>(rows: T[]) => ({ total: rows.length, rows: rows.slice(page.offset, page.offset + page.limit) });
  const answer = (kind: RecordKind, r: { total: number; rows: unknown[] }) => ({ code, part, kind, year, unit_id: unit.id, ...r });
  const claimParts = CLAIM_PARTS[code];
  if (claimParts) return answer('claims', await claimSetRecords(conn, unit.id, year, claimParts[part], page));
  switch (code) {
    case 'resources_unified':
    case 'democratic_decisions':
    case 'service_coordination': {
      const e = (await evidenceOf(unit.id, year)).get(code)?.now;
      return answer('evidence', paged(e ? e.documents : []));
    }
    case 'seconded_doctors': {
      if (part === 'numerator') return answer('rotations', paged(await secondedDoctors(conn, unit.id, year)));
      const population = await populationOf(conn, unit.id, year);
      return answer(population.source === 'insured' ? 'populations' : 'villages', paged<object>(population.lines));
    }
    case 'ecg_village_coverage': {
      const villages = await villageEcgRequests(conn, unit.id, year);
      return answer('villages', paged(part === 'numerator' ? villages.filter((v) => v.requests > 0) : villages));
    }
    case 'primary_pay_ratio': {
      const [entries, staff] = await Promise.all([personnelEntries(conn, unit.id, year), payrollStaff(conn, unit.id, year, payPeriodEnd(year))]);
      const tier = (level: number) => (part === 'numerator' ? level >= 3 : level <= 2);
      // the spending's entries first, then the people it is divided by (each with the months of the period on the payroll)
      return answer('ledger', paged([...entries.filter((e) => tier(e.unit_level)), ...staff.filter((s) => tier(s.unit_level))]));
    }
    case 'primary_visit_share':
    case 'tcm_visit_share':
      return answer('visits', paged(await visitRows(conn, unit.id, year, code === 'primary_visit_share' && part === 'numerator')));
    case 'chronic_admission_rate': {
      const people = staysOfPeople(conn, managedChronicPeople(conn, unit.id, year), year);
      const { rows } = await conn.raw<{ rows: { resident_id: number; stays: number; total: number }[] }>(
        `SELECT x.resident_id, x.stays, (count(*) OVER ())::int AS total FROM (?) x ${part === 'numerator' ? 'WHERE x.stays > 0' : ''}
          ORDER BY x.resident_id LIMIT ? OFFSET ?`,
        [people, page.limit, page.offset],
      );
      const stays = new Map(rows.map((r) => [r.resident_id, r.stays]));
      const records = await residentRecords(
        conn,
        rows.map((r) => r.resident_id),
      );
      return answer('patients', { total: rows[0]?.total ?? 0, rows: records.map((r) => ({ ...r, stays: stays.get(r.id) ?? 0 })) });
    }
    case 'premature_mortality':
      return answer('residents', await mortalityRecords(conn, unit.id, year, part === 'numerator' ? 'deaths' : 'population', fourChronicSql, page));
  }
  throw notFound('indicator records', code);
}

async function visitRows(conn: Conn, rootUnitId: number, year: number, primaryOnly: boolean) {
  const { rows } = await conn.raw<{ rows: { id: number; unit_name: string; unit_level: number; month: string; visits: number; tcm_visits: number }[] }>(
    `SELECT v.id, u.name AS unit_name, u.level AS unit_level, to_char(v.month, 'YYYY-MM') AS month, v.visits, v.tcm_visits
       FROM visit_counts v ${joinUnitSql('u', 'v.org_unit_id')}
      WHERE v.org_unit_id IN ${subtreeIdsSql('?')} AND v.month BETWEEN ?::date AND ?::date ${primaryOnly ? 'AND u.level >= 3' : ''}
      ORDER BY u.path, v.month`,
    [rootUnitId, `${year}-01-01`, `${year}-12-01`],
  );
  return rows;
}

/**
 * GET /api/monitoring-indicators/chronic-admissions: the managed patients' admission rate per village with
 * its denominator, ranked and judged against the year's target only where a village has at least
 * MIN_VILLAGE_PATIENTS managed patients (rules.ts says why).
 */
export async function chronicAdmissionsOf(actor: Actor, unitId: number, year: number) {
  assertCan(actor, 'monitoring-indicators', 'list');
  const unit = await scopedUnit(actor, unitId);
  const [villages, targets] = await Promise.all([chronicAdmissions(db(), unit.id, year), targetsOf(year)]);
  return {
    unit_id: unit.id,
    year,
    min_patients: MIN_VILLAGE_PATIENTS,
    villages: judgeVillageRates(villages, targets.chronic_admission_rate) as JudgedVillageAdmissions[],
  };
}

// ---------------------------------------------------------------- targets

export async function readTargets(actor: Actor, year: number) {
  assertCan(actor, 'monitoring-targets', 'show');
  return { year, targets: await targetsOf(year) };
}

/** PUT /api/monitoring-targets/:year: the year's targets, replaced as a whole (an indicator left out has none). */
export function putTargets(actor: Actor, year: number, targets: Record<string, number>) {
  assertCan(actor, 'monitoring-targets', 'edit');
  const problems = targetProblems(targets);
  if (problems.length) throw unprocessable('invalid targets', problems);
  return inTransaction(actor, async (trx, audit) => {
    const before = await targetsOf(year, trx);
    await MonitoringTarget.query(trx).delete().where('year', year);
    const rows = Object.entries(targets).map(([indicator, target]) => ({ year, indicator, target: String(target) }));
    if (rows.length) await MonitoringTarget.query(trx).insert(rows);
    await audit({ action: 'update', resource: 'monitoring-targets', recordId: year, before, after: targets });
    return { year, targets: await targetsOf(year, trx) };
  });
}

// ---------------------------------------------------------------- visits

export const visitResource: ResourceDef<VisitCount> = {
  name: 'visit-counts',
  model: VisitCount,
  scope: scopeByUnit(),
  unitOf: (d) => d.org_unit_id as number | undefined,
  list: { fields: { org_unit_id: 'int', month: 'date', source: VISIT_SOURCE.values }, defaultSort: ['month', 'DESC'] },
  prepareCreate: async (data) => checkVisits(data, undefined),
  prepareUpdate: async (data, current) => checkVisits(data, current),
};

function checkVisits(data: Record<string, unknown>, current: VisitCount | undefined) {
  const visits = (data.visits ?? current?.visits) as number;
  const tcm = (data.tcm_visits ?? current?.tcm_visits ?? 0) as number;
  if (tcm > visits) throw unprocessable('tcm_visits exceeds visits', [{ field: 'tcm_visits', message: 'at most the visits' }]);
  if (typeof data.month === 'string' && !data.month.endsWith('-01'))
    throw unprocessable('month must be the first day of a month', [{ field: 'month', message: 'the first day of the month' }]);
  return Promise.resolve({ ...data, ...(current ? { updated_at: clock.nowIso() } : {}) });
}

/**
 * POST /api/visit-counts/import: the visits of units in the caller's scope per month from an xlsx or csv
 * file (streamed through settlement's import, validated row by row), idempotent by unit and month: a
 * row equal to the stored one changes nothing, another replaces its counts (the source becomes 导入).
 */
export async function importVisits(actor: Actor, file: UploadedFile, opts: ImportOptions) {
  assertCan(actor, 'visit-counts', 'import');
  const units = new Map(
    (await orgUnits(['id', 'code', 'path'])).filter((u) => withinScope(u.path, actor.scopePath)).map((u) => [u.code, { id: u.id }] as const),
  );
  const thisMonth = clock.monthKey(clock.today());
  return runImport<VisitRow>(actor, file, opts, {
    resource: 'visit-counts',
    columns: VISIT_COLUMNS,
    required: VISIT_REQUIRED,
    validate: (raw) => validateVisitRow(raw, units, thisMonth),
    keyField: 'month',
    key: (r) => `${r.org_unit_id}\t${r.month}`,
    write: async (trx, rows) => {
      const { rows: written } = await trx.raw<{ rows: { inserted: boolean }[] }>(
        `INSERT INTO visit_counts AS v (org_unit_id, month, visits, tcm_visits, source)
         SELECT x.org_unit_id, x.month, x.visits, x.tcm_visits, 'import'
           FROM jsonb_to_recordset(?::jsonb) AS x(org_unit_id int, month date, visits int, tcm_visits int)
         ON CONFLICT (org_unit_id, month) DO UPDATE SET visits = excluded.visits, tcm_visits = excluded.tcm_visits, source = 'import', updated_at = ?::timestamptz
          WHERE (v.visits, v.tcm_visits) IS DISTINCT FROM (excluded.visits, excluded.tcm_visits)
         RETURNING (xmax = 0) AS inserted`,
        [JSON.stringify(rows.map((r) => r.data)), clock.nowIso()],
      );
      const inserted = written.filter((w) => w.inserted).length;
      return { inserted, updated: written.length - inserted };
    },
    summary: {},
  });
}

// ---------------------------------------------------------------- evidence (qualitative indicators)

export interface EvidenceView {
  id: number;
  org_unit_id: number;
  year: number;
  indicator: string;
  self_score: number | null;
  self_note: string | null;
  reviewed_score: number | null;
  reviewer_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  documents: { id: number; file_name: string; size: number; uploaded_by: string; created_at: string }[];
}

const num = (v: string | null) => (v == null ? null : Number(v));

async function evidenceOf(unitId: number, year: number, conn: Conn = db()) {
  const rows = await Evidence.query(conn)
    .where('org_unit_id', unitId)
    .whereIn('year', [year, year - 1]);
  const docs = rows.length
    ? await EvidenceDocument.query(conn)
        .select('id', 'evidence_id', 'file_name', 'size', 'uploaded_by', 'created_at')
        .whereIn(
          'evidence_id',
          rows.map((r) => r.id),
        )
        .orderBy('id')
    : [];
  const byCode = new Map<string, { now?: EvidenceView; last?: EvidenceView }>();
  for (const r of rows) {
    const view: EvidenceView = {
      id: r.id,
      org_unit_id: r.org_unit_id,
      year: r.year,
      indicator: r.indicator,
      self_score: num(r.self_score),
      self_note: r.self_note,
      reviewed_score: num(r.reviewed_score),
      reviewer_note: r.reviewer_note,
      reviewed_by: r.reviewed_by,
      reviewed_at: r.reviewed_at,
      documents: docs
        .filter((d) => d.evidence_id === r.id)
        .map((d) => ({ id: d.id, file_name: d.file_name, size: d.size, uploaded_by: d.uploaded_by, created_at: d.created_at })),
    };
    byCode.set(r.indicator, { ...byCode.get(r.indicator), [r.year === year ? 'now' : 'last']: view });
  }
  return byCode;
}

/** POST /api/monitoring-evidence: a unit's self-assessment of a qualitative indicator for a year (made or replaced; a review already made stays). */
export function assess(
  actor: Actor,
  input: { org_unit_id: number; year: number; indicator: (typeof QUALITATIVE_INDICATORS)[number]; self_score: number; self_note?: string | null },
) {
  assertCan(actor, 'monitoring-evidence', 'create');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const before = await Evidence.query(trx).findOne({ org_unit_id: input.org_unit_id, year: input.year, indicator: input.indicator });
    const data = { self_score: String(input.self_score), self_note: input.self_note ?? null, updated_at: clock.nowIso() };
    const row = before
      ? await Evidence.query(trx).patchAndFetchById(before.id, data)
      : await Evidence.query(trx).insertAndFetch({ org_unit_id: input.org_unit_id, year: input.year, indicator: input.indicator, ...data });
    await audit({ action: before ? 'update' : 'create', resource: 'monitoring-evidence', recordId: row.id, before: before ?? null, after: row });
    return (await evidenceOf(row.org_unit_id, row.year, trx)).get(row.indicator)!.now!;
  });
}

/** POST /api/monitoring-evidence/:id/review: the reviewer's score and note. */
export function review(actor: Actor, id: number, input: { reviewed_score: number; reviewer_note: string }) {
  assertCan(actor, 'monitoring-evidence', 'review');
  return inTransaction(actor, async (trx, audit) => {
    const before = await getRow(evidenceResource, actor, id, trx);
    if (before.self_score == null) throw conflict(`evidence ${id} has no self-assessment to review`);
    const row = await Evidence.query(trx).patchAndFetchById(id, {
      reviewed_score: String(input.reviewed_score),
      reviewer_note: input.reviewer_note,
      reviewed_by: actor.username,
      reviewed_at: clock.nowIso(),
      updated_at: clock.nowIso(),
    });
    await audit({ action: 'review', resource: 'monitoring-evidence', recordId: id, before, after: row });
    return (await evidenceOf(row.org_unit_id, row.year, trx)).get(row.indicator)!.now!;
  });
}

export const evidenceResource: ResourceDef<Evidence> = {
  name: 'monitoring-evidence',
  model: Evidence,
  scope: scopeByUnit(),
  list: { fields: { org_unit_id: 'int', year: 'int', indicator: QUALITATIVE_INDICATORS }, defaultSort: ['id', 'DESC'] },
};

/** POST /api/monitoring-evidence/:id/documents: a document uploaded as evidence. */
export function attachDocument(actor: Actor, id: number, file: { originalname: string; size: number; content: Buffer }) {
  assertCan(actor, 'monitoring-evidence', 'create');
  return inTransaction(actor, async (trx, audit) => {
    const evidence = await getRow(evidenceResource, actor, id, trx);
    const doc = await EvidenceDocument.query(trx)
      .insert({ evidence_id: evidence.id, file_name: file.originalname.slice(0, 200), size: file.size, content: file.content, uploaded_by: actor.username })
      .returning(['id', 'evidence_id', 'file_name', 'size', 'uploaded_by', 'created_at']);
    await audit({
      action: 'attach',
      resource: 'monitoring-evidence',
      recordId: id,
      before: null,
      after: { document_id: doc.id, file_name: doc.file_name, size: doc.size },
    });
    return { id: doc.id, evidence_id: doc.evidence_id, file_name: doc.file_name, size: doc.size, uploaded_by: doc.uploaded_by, created_at: doc.created_at };
  });
}

/** GET /api/monitoring-evidence/:id/documents/:documentId: the bytes of a document. */
export async function documentContent(actor: Actor, id: number, documentId: number) {
  assertCan(actor, 'monitoring-evidence', 'show');
  await getRow(evidenceResource, actor, id);
  const doc = await EvidenceDocument.query().findOne({ id: documentId, evidence_id: id });
  if (!doc) throw notFound('document', documentId);
  return doc;
}
