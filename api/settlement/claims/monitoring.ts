// What the national monitoring indicators (api/monitoring) read of the claims: the sums of a year's
// claims of the insured of a unit's subtree over the sets the indicators divide, the claims behind a
// set (masked), and the stays of a set of people found by the ID number's hash — the resident–claim
// join, done inside one statement so that no ID number, not even its hash, leaves the database.
import type { Knex } from 'knex';
import { joinUnitSql, subtreeIdsSql, unitsSql } from '../../org';

/** The sets of claims the indicators divide; each a condition on `c` (the claim) and `pu` (its provider unit, when in the group). */
const IN_COUNTY = "c.provider_class IN ('in_group', 'out_group_in_county')";
export const CLAIM_SET = {
  /** the fund paid for the insured, pharmacies excluded */
  fund_all: "c.provider_kind <> 'pharmacy'",
  /** … at providers in the county */
  fund_county: `c.provider_kind <> 'pharmacy' AND ${IN_COUNTY}`,
  /** … at the group's township and village units */
  fund_primary: "c.provider_kind <> 'pharmacy' AND c.provider_class = 'in_group' AND pu.level >= 3",
  /** every stay of the insured */
  stays_all: "c.care_type = 'inpatient'",
  /** … in the county */
  stays_county: `c.care_type = 'inpatient' AND ${IN_COUNTY}`,
} as const;
export type ClaimSet = keyof typeof CLAIM_SET;

export interface ClaimSetSums {
  /** fund paid, yuan (a decimal string) */
  fund: string;
  /** total cost, yuan */
  cost: string;
  /** claims (a full reversal −1) */
  count: number;
}

/** The claims of fund years of `year` whose insured is registered under `rootUnitId` (the county or a member's subtree). */
const FROM = `claims c ${joinUnitSql('pu', 'c.org_unit_id', 'left join')}
  WHERE c.fund_year_id IN (SELECT id FROM fund_years WHERE year = ?) AND c.insured_unit_id IN ${subtreeIdsSql('?')}`;

/** Each set's sums for one year, in one statement. */
export async function claimSetSums(conn: Knex | Knex.Transaction, rootUnitId: number, year: number): Promise<Record<ClaimSet, ClaimSetSums>> {
  const sets = Object.entries(CLAIM_SET) as [ClaimSet, string][];
  const { rows } = await conn.raw<{ rows: Record<string, string | number | null>[] }>(
    `SELECT ${sets
      .map(
        ([k, cond]) =>
          `coalesce(sum(c.fund_paid) FILTER (WHERE ${cond}), 0)::text AS ${k}_fund, coalesce(sum(c.total_cost) FILTER (WHERE ${cond}), 0)::text AS ${k}_cost,
           coalesce(sum(c.claim_count) FILTER (WHERE ${cond}), 0)::int AS ${k}_count`,
      )
      .join(', ')}
       FROM ${FROM}`,
    [year, rootUnitId],
  );
  const r = rows[0];
  return Object.fromEntries(sets.map(([k]) => [k, { fund: String(r[`${k}_fund`]), cost: String(r[`${k}_cost`]), count: Number(r[`${k}_count`]) }])) as Record<
    ClaimSet,
    ClaimSetSums
  >;
}

export interface ClaimRecord {
  id: number;
  claim_no: string;
  id_number_masked: string;
  insured_name: string | null;
  provider: string | null;
  provider_class: string;
  provider_kind: string;
  care_type: string;
  settled_on: string;
  total_cost: string;
  fund_paid: string;
  claim_count: number;
}

/** The claims of one set (masked), by settlement day, a page of them and how many there are. */
export async function claimSetRecords(
  conn: Knex | Knex.Transaction,
  rootUnitId: number,
  year: number,
  set: ClaimSet,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: ClaimRecord[] }> {
  const { rows } = await conn.raw<{ rows: (ClaimRecord & { total: number })[] }>(
    `SELECT c.id, c.claim_no, c.id_number_masked, c.insured_name, coalesce(pu.name, c.provider_name) AS provider, c.provider_class, c.provider_kind,
            c.care_type, to_char(c.settled_on, 'YYYY-MM-DD') AS settled_on, c.total_cost::text, c.fund_paid::text, c.claim_count::int,
            (count(*) OVER ())::int AS total
       FROM ${FROM} AND ${CLAIM_SET[set]}
      ORDER BY c.settled_on, c.id
      LIMIT ? OFFSET ?`,
    [year, rootUnitId, page.limit, page.offset],
  );
  return { total: rows[0]?.total ?? (page.offset ? await countOf(conn, rootUnitId, year, set) : 0), rows: rows.map(({ total: _t, ...r }) => r) };
}

async function countOf(conn: Knex | Knex.Transaction, rootUnitId: number, year: number, set: ClaimSet) {
  const { rows } = await conn.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM ${FROM} AND ${CLAIM_SET[set]}`, [year, rootUnitId]);
  return rows[0].n;
}

/**
 * The resident–claim join: `people` (a query answering `id_number_hash` and any other columns) with
 * each person's stays in fund years of `year`, months 1..throughMonth (the sum of claim_count, a full reversal taking one off),
 * as a query to embed in the caller's statement (select from it what is needed, never the hash).
 */
export function staysOfPeople(conn: Knex | Knex.Transaction, people: Knex.Raw | Knex.QueryBuilder, year: number, throughMonth = 12): Knex.Raw {
  return conn.raw(
    `SELECT p.*, coalesce((SELECT sum(c.claim_count) FROM claims c
                            WHERE c.id_number_hash = p.id_number_hash AND c.care_type = 'inpatient'
                              AND c.fund_year_id IN (SELECT id FROM fund_years WHERE year = ?) AND c.period_month <= ?), 0)::int AS stays
       FROM (?) p`,
    [year, throughMonth, people],
  );
}

/** One line of a subtree's insured population: a fund year's insured count (the county's) or a unit's insured population in it. */
export interface InsuredPopulation {
  unit_id: number;
  unit_name: string;
  region: string;
  insured: number;
}

/**
 * The insured population of a unit's subtree in a year, as the fund years of the year hold it: the
 * group's root (the county) answers each fund year's insured count; another unit the insured
 * populations of the units of its subtree (a unit's own, else those below it, never counted twice).
 * Empty when the fund years hold none.
 */
export async function insuredPopulations(conn: Knex | Knex.Transaction, rootUnitId: number, year: number): Promise<InsuredPopulation[]> {
  const { rows } = await conn.raw<{ rows: InsuredPopulation[] }>(
    `SELECT root.id AS unit_id, root.name AS unit_name, f.region, f.insured_count AS insured
       FROM ${unitsSql('root')} JOIN fund_years f ON f.year = ? AND f.insured_count > 0
      WHERE root.id = ? AND root.parent_id IS NULL
     UNION ALL
     SELECT u.id, u.name, f.region, p.insured_population
       FROM fund_year_populations p JOIN fund_years f ON f.id = p.fund_year_id AND f.year = ?
       ${joinUnitSql('u', 'p.org_unit_id')}
       JOIN ${unitsSql('root')} ON root.id = ? AND root.parent_id IS NOT NULL AND u.path <@ root.path
      WHERE NOT EXISTS (SELECT 1 FROM fund_year_populations q ${joinUnitSql('qu', 'q.org_unit_id')}
                         WHERE q.fund_year_id = p.fund_year_id AND qu.id <> u.id AND u.path <@ qu.path AND qu.path <@ root.path)
     ORDER BY region, unit_id`,
    [year, rootUnitId, year, rootUnitId],
  );
  return rows;
}
