// Health management use-cases. The residents, teams, contracts, follow-ups and tasks live in
// their own service files (re-exported here); this file holds what other domains call:
// the indicators (scores the settlement reads) and the workload figures of the report.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { usersSql } from '../auth';
import { isUnderSql, joinUnitSql, orgUnits, under, unitAtPath, unitInScope, unitsWithSubtreeSql } from '../org';
import { db } from '../db/knex';
import { assertCan } from '../core/crud';
import { badRequest, notFound } from '../core/errors';
import type { Breakdown, IndicatorKey } from './enums';
import { KEY_CONDITIONS, TYPED_TAGS, ratio, standardThrough, worstFirst, type HealthIndicators, type Ratio } from './rules';

export * from './residentService';
import * as clock from '../core/clock';
export * from './teamService';
export * from './contractService';
export * from './followupService';
export * from './taskService';
export * from './careService';
export * from './householdService';
export * from './targetService';
export type { HealthIndicators, Ratio } from './rules';

const n = (v: unknown) => Number(v ?? 0);
/** A grouped query's row: the target unit and its sums (PostgreSQL answers a sum of counts as a numeric string). */
type SumsRow = { target_id: number } & Record<string, string | number | null>;

/** Runs the queries side by side on the pool, or one after another on a transaction's single connection. */
async function allOn<T>(conn: Knex, queries: PromiseLike<T>[]): Promise<T[]> {
  if (!conn.isTransaction) return Promise.all(queries);
  const results: T[] = [];
  for (const q of queries) results.push(await q);
  return results;
}

/**
 * The health-management indicators of each given org unit over the year, computed over the
 * unit AND its subtree, in three grouped queries whatever the number of units. A year counts the
 * residents registered by its end and, as patients, those whose condition was diagnosed by its end
 * (the stored tags are today's: a patient diagnosed this year was not one last year).
 * - contract rate: residents with a contract in force at some time in the year / residents
 *   registered by the year's end and not deregistered before it began;
 * - key-population contract rate: the same over residents in a key population at year end;
 * - standardised management: (resident, hypertension|diabetes) pairs with ≥ 4 face-to-face
 *   follow-ups of that type in the year / registered pairs;
 * - control rate: pairs whose last follow-up of the year had blood pressure / glucose on target (控制率
 *   counts the readings: a visit classified 不良反应 or 并发症 with readings on target is controlled) / pairs followed up in the year;
 * - task completion: tasks done / tasks that came due by the year's end (or today) and were not cancelled.
 * With `throughMonth` (a settlement run's months 1..m) the period ends with month m and 规范管理 needs the year's
 * standard in proportion to the months (standardThrough): the run reads the rates of its own months.
 * `conn` lets a caller read inside its own transaction (a settlement run being calculated, the demo load).
 */
export async function healthIndicators(
  q: { orgUnitIds: number[]; year: number; throughMonth?: number },
  conn: Knex = db(),
): Promise<Map<number, HealthIndicators>> {
  const ids = [...new Set(q.orgUnitIds)];
  const out = new Map<number, HealthIndicators>();
  if (!ids.length) return out;
  const { contracts: c, management: m, tasks: t } = await indicatorSums(ids, q, INDICATOR_PARTS, conn);
  const none: SumsRow = { target_id: 0 }; // a unit with no row counts nothing
  for (const id of ids) {
    const cr = c.get(id) ?? none;
    const mr = m.get(id) ?? none;
    const tr = t.get(id) ?? none;
    out.set(id, {
      contract_rate: ratio(n(cr.contracted), n(cr.residents)),
      key_population_contract_rate: ratio(n(cr.key_contracted), n(cr.key_population)),
      standardised_management_rate: ratio(n(mr.standardised), n(mr.patients)),
      control_rate: ratio(n(mr.controlled), n(mr.followed)),
      task_completion_rate: ratio(n(tr.done), n(tr.came_due)),
    });
  }
  return out;
}

/**
 * The control rate (控制率) alone of each given unit over the year, as healthIndicators counts it, in its one grouped
 * query: performance pay reads every village's of a month at once for the quality factor, not the other four.
 */
export async function controlRates(q: { orgUnitIds: number[]; year: number }, conn: Knex = db()): Promise<Map<number, Ratio>> {
  const ids = [...new Set(q.orgUnitIds)];
  if (!ids.length) return new Map();
  const { management } = await indicatorSums(ids, q, ['management'], conn);
  return new Map(
    ids.map((id) => {
      const mr = management.get(id);
      return [id, ratio(n(mr?.controlled), n(mr?.followed))];
    }),
  );
}

const INDICATOR_PARTS = ['contracts', 'management', 'tasks'] as const;
type IndicatorPart = (typeof INDICATOR_PARTS)[number];

/** The indicators' sums per target unit, by part (contracts, management, tasks): only the parts asked for are queried. */
async function indicatorSums(
  ids: number[],
  q: { year: number; throughMonth?: number },
  parts: readonly IndicatorPart[],
  conn: Knex,
): Promise<Record<IndicatorPart, Map<number, SumsRow>>> {
  const months = q.throughMonth ?? 12;
  const yearStart = `${q.year}-01-01`;
  // the period's last day: "the year" below reads "months 1..throughMonth" when a settlement run asks for its months
  const yearEnd = clock.monthOf(`${q.year}-${String(months).padStart(2, '0')}-01`).end;
  const today = clock.today();
  const dueBy = today < yearEnd ? today : yearEnd;
  const elderlyBorn = `${q.year - 65}-12-31`; // 65 or over at the year's end
  const childBorn = `${q.year - 7}-12-31`; // under 7 at the year's end
  // every indicator is a count over residents (or tasks), so it is computed once per unit and
  // then summed over each target's subtree: a resident is read once however many targets hold it
  const targets = `targets AS (
      SELECT t.id AS target_id, v.id AS unit_id
        FROM ${unitsWithSubtreeSql('t', 'v')}
       WHERE t.id = ANY(:ids::int[])),
     units AS (SELECT DISTINCT unit_id FROM targets)`;
  const registered = `r.org_unit_id IN (SELECT unit_id FROM units) AND r.created_at < (:yearEnd::date + 1) AND (r.deregistered_on IS NULL OR r.deregistered_on >= :yearStart::date)`;
  // a resident's conditions among :codes diagnosed by the year's end, one row each
  const diagnosed = (codes: string) =>
    `SELECT c->>'code' AS cond FROM jsonb_array_elements(r.conditions) AS c WHERE c->>'code' = ANY(${codes}::text[]) AND (c->>'diagnosed_on')::date <= :yearEnd::date`;
  const rollUp = (perUnit: string, sums: string[]) =>
    `SELECT tg.target_id, ${sums.map((c) => `sum(p.${c}) AS ${c}`).join(', ')} FROM targets tg JOIN (${perUnit}) p ON p.unit_id = tg.unit_id GROUP BY tg.target_id`;
  const params = {
    ids,
    yearStart,
    yearEnd,
    dueBy,
    elderlyBorn,
    childBorn,
    standard: standardThrough(months),
    keyConditions: [...KEY_CONDITIONS],
    typedTags: [...TYPED_TAGS],
    managed: ['hypertension', 'diabetes'],
  };

  const wanted = (part: IndicatorPart, sql: string) =>
    parts.includes(part) ? conn.raw<{ rows: SumsRow[] }>(sql, params) : Promise.resolve({ rows: [] as SumsRow[] });
  const [contracts, management, tasks] = await allOn(conn, [
    wanted(
      'contracts',
      `WITH ${targets},
       in_force AS (
         SELECT DISTINCT c.resident_id FROM contracts c
          WHERE c.start_on <= :yearEnd::date AND c.end_on >= :yearStart::date
            AND (c.terminated_on IS NULL OR (c.terminated_on >= :yearStart::date AND c.terminated_on > c.start_on))),
       people AS (
         SELECT r.org_unit_id AS unit_id,
                (r.tags && :typedTags::text[] OR EXISTS (${diagnosed(':keyConditions')})
                  OR r.birth_date <= :elderlyBorn::date OR r.birth_date > :childBorn::date) AS key_population,
                f.resident_id IS NOT NULL AS contracted
           FROM residents r LEFT JOIN in_force f ON f.resident_id = r.id
          WHERE ${registered})
       ${rollUp(
         `SELECT unit_id, count(*) AS residents, count(*) FILTER (WHERE contracted) AS contracted,
                 count(*) FILTER (WHERE key_population) AS key_population, count(*) FILTER (WHERE key_population AND contracted) AS key_contracted
            FROM people GROUP BY unit_id`,
         ['residents', 'contracted', 'key_population', 'key_contracted'],
       )}`,
    ),
    wanted(
      'management',
      `WITH ${targets},
       pairs AS (
         SELECT r.org_unit_id AS unit_id, r.id AS resident_id, d.cond
           FROM residents r CROSS JOIN LATERAL (${diagnosed(':managed')}) AS d
          WHERE r.tags && :managed::text[] AND ${registered}),
       visits AS (
         SELECT f.resident_id, f.type,
                count(*) FILTER (WHERE f.mode <> 'phone') AS face_to_face,
                (array_agg(coalesce(f.on_target, f.classification = 'controlled') ORDER BY f.visited_on DESC, f.id DESC))[1] AS last_on_target
           FROM followups f
          WHERE f.type IN ('hypertension','diabetes') AND f.visited_on BETWEEN :yearStart::date AND :yearEnd::date
            AND f.resident_id IN (SELECT resident_id FROM pairs)
          GROUP BY f.resident_id, f.type)
       ${rollUp(
         `SELECT p.unit_id, count(*) AS patients, count(*) FILTER (WHERE v.face_to_face >= :standard) AS standardised,
                 count(v.resident_id) AS followed, count(*) FILTER (WHERE v.last_on_target) AS controlled
            FROM pairs p LEFT JOIN visits v ON v.resident_id = p.resident_id AND v.type = p.cond GROUP BY p.unit_id`,
         ['patients', 'standardised', 'followed', 'controlled'],
       )}`,
    ),
    wanted(
      'tasks',
      `WITH ${targets}
       ${rollUp(
         `SELECT t.org_unit_id AS unit_id,
                 count(*) FILTER (WHERE t.due_on <= :dueBy::date OR t.state = 'done') AS came_due,
                 count(*) FILTER (WHERE t.state = 'done') AS done
            FROM tasks t
           WHERE t.org_unit_id IN (SELECT unit_id FROM units) AND t.due_on BETWEEN :yearStart::date AND :yearEnd::date AND t.state <> 'cancelled'
           GROUP BY t.org_unit_id`,
         ['came_due', 'done'],
       )}`,
    ),
  ]);
  const by = (rows: SumsRow[]) => new Map(rows.map((r) => [n(r.target_id), r]));
  return { contracts: by(contracts.rows), management: by(management.rows), tasks: by(tasks.rows) };
}

/** The indicators of a unit in scope, and of the units below it, worst first. */
export async function indicatorsView(actor: Actor, q: { org_unit_id?: number; year?: number; breakdown?: Breakdown; sort?: IndicatorKey }) {
  assertCan(actor, 'health-indicators', 'list');
  const year = q.year ?? Number(clock.today().slice(0, 4));
  const unit = q.org_unit_id
    ? await unitInScope(q.org_unit_id, actor.scopePath, ['id', 'code', 'name', 'kind', 'level', 'path'])
    : await unitAtPath(actor.scopePath, ['id', 'code', 'name', 'kind', 'level', 'path']);
  if (!unit) throw notFound('org-units', q.org_unit_id);
  if (year < 2000 || year > 2100) throw badRequest('invalid year', [{ field: 'year', message: 'must be between 2000 and 2100' }]);
  const below = under(orgUnits(['id', 'code', 'name', 'kind', 'level', 'parent_id']), unit.path).whereNot('id', unit.id);
  const breakdown = q.breakdown ?? 'children';
  if (breakdown === 'children') below.where('parent_id', unit.id);
  if (breakdown === 'townships') below.where('level', 3);
  if (breakdown === 'villages') below.where('kind', 'village');
  const units = await below;
  const figures = await healthIndicators({ orgUnitIds: [unit.id, ...units.map((u) => u.id)], year });
  const rows = units.map((u) => ({ org_unit_id: u.id, code: u.code, name: u.name, kind: u.kind, parent_id: u.parent_id, indicators: figures.get(u.id)! }));
  return {
    org_unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    year,
    indicators: figures.get(unit.id)!,
    breakdown,
    sort: q.sort ?? 'standardised_management_rate',
    units: worstFirst(rows, q.sort ?? 'standardised_management_rate'),
  };
}

export interface WorkloadRow {
  township_id: number;
  township: string;
  village_id: number;
  village: string;
  user_id: number;
  username: string;
  doctor: string;
  followups: Record<string, number>;
  followups_total: number;
  tasks_due: number;
  tasks_done: number;
  tasks_missed: number;
  contracts_signed: number;
}

/** The workload query's row: ids and names as stored, counts (bigints, read as numbers by api/db/knex), follow-ups by type as JSON numbers. */
interface WorkloadSqlRow {
  township_id: number;
  township: string;
  village_id: number;
  village: string;
  user_id: number;
  username: string;
  display_name: string;
  followups: Record<string, number>;
  tasks_due: number;
  tasks_done: number;
  tasks_missed: number;
  contracts_signed: number;
}

/**
 * One row per village doctor in the unit: follow-ups they logged by type, their village's
 * tasks that came due / were done / were missed in the period, and contracts they signed.
 */
export async function workload(actor: Actor, q: { org_unit_id?: number; year: number; month?: number }) {
  assertCan(actor, 'health-indicators', 'export');
  const unit = q.org_unit_id ? await unitInScope(q.org_unit_id, actor.scopePath, ['id', 'path']) : await unitAtPath(actor.scopePath, ['id', 'path']);
  if (!unit) throw notFound('org-units', q.org_unit_id);
  const from = q.month ? `${q.year}-${String(q.month).padStart(2, '0')}-01` : `${q.year}-01-01`;
  const to = q.month ? new Date(Date.UTC(q.year, q.month, 0)).toISOString().slice(0, 10) : `${q.year}-12-31`;
  const today = clock.today();
  const { rows } = await db().raw<{ rows: WorkloadSqlRow[] }>(
    `WITH doctors AS (
       SELECT u.id AS user_id, u.username, u.display_name, v.id AS village_id, v.name AS village, t.id AS township_id, t.name AS township, v.path
         FROM ${usersSql('u')} ${joinUnitSql('v', 'u.org_unit_id')} ${joinUnitSql('t', 'v.parent_id')}
        WHERE 'village_doctor' = ANY(u.roles) AND u.active AND ${isUnderSql('v', ':path')}),
     f AS (SELECT doctor_user_id, type, count(*) AS n FROM followups
            WHERE visited_on BETWEEN :from::date AND :to::date AND doctor_user_id IN (SELECT user_id FROM doctors)
            GROUP BY doctor_user_id, type),
     tk AS (SELECT org_unit_id,
                   count(*) FILTER (WHERE state <> 'cancelled' AND (due_on <= :today::date OR state = 'done')) AS due,
                   count(*) FILTER (WHERE state = 'done') AS done,
                   count(*) FILTER (WHERE state = 'missed') AS missed
              FROM tasks WHERE due_on BETWEEN :from::date AND :to::date AND org_unit_id IN (SELECT village_id FROM doctors)
             GROUP BY org_unit_id),
     c AS (SELECT signed_by_user_id, count(*) AS n FROM contracts
            WHERE signed_on BETWEEN :from::date AND :to::date AND signed_by_user_id IN (SELECT user_id FROM doctors)
            GROUP BY signed_by_user_id)
     SELECT d.*, coalesce((SELECT jsonb_object_agg(type, n) FROM f WHERE f.doctor_user_id = d.user_id), '{}') AS followups,
            coalesce(tk.due, 0) AS tasks_due, coalesce(tk.done, 0) AS tasks_done, coalesce(tk.missed, 0) AS tasks_missed,
            coalesce(c.n, 0) AS contracts_signed
       FROM doctors d LEFT JOIN tk ON tk.org_unit_id = d.village_id LEFT JOIN c ON c.signed_by_user_id = d.user_id
      ORDER BY d.path, d.username`,
    { path: unit.path, from, to, today },
  );
  const out: WorkloadRow[] = rows.map((r) => {
    const followups = Object.fromEntries(Object.entries(r.followups).map(([k, v]) => [k, n(v)]));
    return {
      township_id: r.township_id,
      township: r.township,
      village_id: r.village_id,
      village: r.village,
      user_id: r.user_id,
      username: r.username,
      doctor: r.display_name,
      followups,
      followups_total: Object.values(followups).reduce((a, b) => a + b, 0),
      tasks_due: n(r.tasks_due),
      tasks_done: n(r.tasks_done),
      tasks_missed: n(r.tasks_missed),
      contracts_signed: n(r.contracts_signed),
    };
  });
  return { unitId: unit.id, from, to, rows: out };
}

/** The workload workbook's figures: the doctors' counts and the villages' indicators of the caller's unit or one in scope. */
export async function workloadReport(actor: Actor, q: { org_unit_id?: number; year: number; month?: number }) {
  const data = await workload(actor, q);
  const indicators = await indicatorsView(actor, { org_unit_id: data.unitId, year: q.year, breakdown: 'villages' });
  return { ...data, indicators };
}
