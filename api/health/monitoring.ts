// What the national monitoring indicators (api/monitoring) read of the residents' records: the
// population on a day, the managed hypertension and diabetes patients (with the ID number's hash,
// for the resident–claim join inside one statement), and by 5-year age group of 30–70 the deaths
// from a set of causes and the population — a unit's subtree each time; the records behind them masked.
import type { Knex } from 'knex';
import { joinUnitSql, subtreeIdsSql } from '../org';

type Conn = Knex | Knex.Transaction;
const IN_SUBTREE = `r.org_unit_id IN ${subtreeIdsSql('?')}`;
/** on record on a day: not deregistered on or before it */
const ON_RECORD = '(r.deregistered_on IS NULL OR r.deregistered_on > ?::date)';
const MANAGED = `(r.conditions @> '[{"code":"hypertension"}]' OR r.conditions @> '[{"code":"diabetes"}]')`;

/** Residents on record under a unit at the end of a day, per unit where they are registered (by path). */
export async function residentsOnRecordByUnit(
  conn: Conn,
  rootUnitId: number,
  day: string,
): Promise<{ unit_id: number; unit_name: string; residents: number }[]> {
  const { rows } = await conn.raw<{ rows: { unit_id: number; unit_name: string; residents: number }[] }>(
    `SELECT u.id AS unit_id, u.name AS unit_name, count(*)::int AS residents
       FROM residents r ${joinUnitSql('u', 'r.org_unit_id')} WHERE ${IN_SUBTREE} AND ${ON_RECORD} GROUP BY u.id, u.name, u.path ORDER BY u.path`,
    [rootUnitId, day],
  );
  return rows;
}

/**
 * The managed chronic patients (高血压、糖尿病 on the register) under a unit, on record at some time in
 * the year: a query answering resident_id, org_unit_id (the village) and id_number_hash, to embed.
 */
export function managedChronicPeople(conn: Conn, rootUnitId: number, year: number): Knex.Raw {
  return conn.raw(`SELECT r.id AS resident_id, r.org_unit_id, r.id_number_hash FROM residents r WHERE ${IN_SUBTREE} AND ${ON_RECORD} AND ${MANAGED}`, [
    rootUnitId,
    `${year - 1}-12-31`,
  ]);
}

/** Per 5-year group of 30–70 (index 0–7): the year's deaths whose cause matches, and the population. */
export interface AgeGroupRow {
  age_group: number;
  deaths: number;
  population: number;
}

/**
 * Deaths in the year (deregistered by death, at 30–69 on the day, the cause matching `causeSql(column)`) and the
 * population (on record at the start of the year, aged 30–69 at mid-year), by 5-year group.
 */
export async function deathsByAgeGroup(conn: Conn, rootUnitId: number, year: number, causeSql: (column: string) => string): Promise<AgeGroupRow[]> {
  const mid = `${year}-07-01`;
  const { rows } = await conn.raw<{ rows: AgeGroupRow[] }>(
    `WITH g AS (SELECT generate_series(0, 7) AS age_group),
          d AS (SELECT (date_part('year', age(r.deregistered_on, r.birth_date))::int - 30) / 5 AS age_group, count(*)::int AS n
                  FROM residents r
                 WHERE ${IN_SUBTREE} AND r.deregistration_reason = 'death' AND r.deregistered_on BETWEEN ?::date AND ?::date
                   AND ${causeSql('r.death_cause')} AND date_part('year', age(r.deregistered_on, r.birth_date)) BETWEEN 30 AND 69
                 GROUP BY 1),
          p AS (SELECT (date_part('year', age(?::date, r.birth_date))::int - 30) / 5 AS age_group, count(*)::int AS n
                  FROM residents r
                 WHERE ${IN_SUBTREE} AND (r.deregistered_on IS NULL OR r.deregistered_on >= ?::date)
                   AND date_part('year', age(?::date, r.birth_date)) BETWEEN 30 AND 69
                 GROUP BY 1)
     SELECT g.age_group, coalesce(d.n, 0) AS deaths, coalesce(p.n, 0) AS population
       FROM g LEFT JOIN d USING (age_group) LEFT JOIN p USING (age_group) ORDER BY g.age_group`,
    [rootUnitId, `${year}-01-01`, `${year}-12-31`, mid, rootUnitId, `${year}-01-01`, mid],
  );
  return rows;
}

/** Deaths in the year under a unit whose cause (ICD-10) is recorded, of any cause and age: whether causes of death are recorded at all. */
export async function deathsWithCause(conn: Conn, rootUnitId: number, year: number): Promise<number> {
  const { rows } = await conn.raw<{ rows: { n: number }[] }>(
    `SELECT count(*)::int AS n FROM residents r
      WHERE ${IN_SUBTREE} AND r.deregistration_reason = 'death' AND r.death_cause IS NOT NULL AND r.deregistered_on BETWEEN ?::date AND ?::date`,
    [rootUnitId, `${year}-01-01`, `${year}-12-31`],
  );
  return rows[0].n;
}

export interface ResidentRecord {
  id: number;
  name: string;
  id_number_masked: string;
  sex: string;
  birth_date: string;
  unit_name: string;
  conditions: { code: string }[];
  deregistered_on: string | null;
  death_cause: string | null;
}

const RECORD_COLUMNS = `r.id, r.name, r.id_number_masked, r.sex, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date, u.name AS unit_name, r.conditions,
  to_char(r.deregistered_on, 'YYYY-MM-DD') AS deregistered_on, r.death_cause`;

/** These residents (masked), in the order of the ids. */
export async function residentRecords(conn: Conn, ids: readonly number[]): Promise<ResidentRecord[]> {
  if (!ids.length) return [];
  const { rows } = await conn.raw<{ rows: ResidentRecord[] }>(
    `SELECT ${RECORD_COLUMNS} FROM residents r ${joinUnitSql('u', 'r.org_unit_id')} WHERE r.id = ANY(?::int[]) ORDER BY array_position(?::int[], r.id)`,
    [[...ids], [...ids]],
  );
  return rows;
}

/** The records behind the mortality figure: the deaths counted (`deaths`) or the population (`population`), a page of them. */
export async function mortalityRecords(
  conn: Conn,
  rootUnitId: number,
  year: number,
  which: 'deaths' | 'population',
  causeSql: (column: string) => string,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: ResidentRecord[] }> {
  const [where, bindings] =
    which === 'deaths'
      ? [
          `r.deregistration_reason = 'death' AND r.deregistered_on BETWEEN ?::date AND ?::date AND ${causeSql('r.death_cause')}
           AND date_part('year', age(r.deregistered_on, r.birth_date)) BETWEEN 30 AND 69`,
          [`${year}-01-01`, `${year}-12-31`],
        ]
      : [
          `(r.deregistered_on IS NULL OR r.deregistered_on >= ?::date) AND date_part('year', age(?::date, r.birth_date)) BETWEEN 30 AND 69`,
          [`${year}-01-01`, `${year}-07-01`],
        ];
  const { rows } = await conn.raw<{ rows: (ResidentRecord & { total: number })[] }>(
    `SELECT ${RECORD_COLUMNS}, (count(*) OVER ())::int AS total FROM residents r ${joinUnitSql('u', 'r.org_unit_id')}
      WHERE ${IN_SUBTREE} AND ${where} ORDER BY r.id LIMIT ? OFFSET ?`,
    [rootUnitId, ...bindings, page.limit, page.offset],
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => r) };
}
