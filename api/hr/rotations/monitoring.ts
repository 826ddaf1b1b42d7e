// What the national monitoring indicators (api/monitoring) read of HR: the doctors of intermediate
// title or above seconded (下派) to township and village units under a unit in a year, and the
// staff on the payroll over a year by level (the lead hospitals, 1–2; primary care, 3–4) for per-capita pay.
import type { Knex } from 'knex';
import { joinUnitSql, subtreeIdsSql } from '../../org';
import { LADDERS } from '../staff/rules';

type Conn = Knex | Knex.Transaction;
/** 中级及以上医师: the physician ladder's three senior steps (正高、副高、中级) */
export const SENIOR_DOCTOR_TITLES = LADDERS.physician.slice(0, 3);

export interface SecondedDoctor {
  rotation_id: number;
  staff_id: number;
  staff_name: string;
  title: string;
  home_name: string;
  host_name: string;
  start_on: string;
  end_on: string;
}

/** The rotations behind the count (one row each; a person may have two): started, not cancelled, overlapping the year. */
export async function secondedDoctors(conn: Conn, rootUnitId: number, year: number): Promise<SecondedDoctor[]> {
  const { rows } = await conn.raw<{ rows: SecondedDoctor[] }>(
    `SELECT ro.id AS rotation_id, s.id AS staff_id, s.name AS staff_name, s.title, home.name AS home_name, host.name AS host_name,
            to_char(ro.start_on, 'YYYY-MM-DD') AS start_on, to_char(coalesce(ro.actual_end_on, ro.planned_end_on), 'YYYY-MM-DD') AS end_on
       FROM rotations ro JOIN staff s ON s.id = ro.staff_id
            ${joinUnitSql('host', 'ro.host_org_unit_id')} ${joinUnitSql('home', 'ro.home_org_unit_id')}
      WHERE ro.type = 'down_expert' AND ro.status IN ('active', 'completed') AND host.level >= 3
        AND ro.host_org_unit_id IN ${subtreeIdsSql('?')}
        AND ro.start_on <= ?::date AND coalesce(ro.actual_end_on, ro.planned_end_on) >= ?::date
        AND s.title = ANY(?::text[])
      ORDER BY ro.start_on, ro.id`,
    [rootUnitId, `${year}-12-31`, `${year}-01-01`, SENIOR_DOCTOR_TITLES],
  );
  return rows;
}

export interface PaidStaff {
  staff_id: number;
  staff_name: string;
  title: string | null;
  unit_name: string;
  unit_level: number;
  /** the months of the period whose last day found the person employed (of `months` in all) */
  paid_months: number;
}

/**
 * The months a person counts in: each month of the year through `throughDay`'s month, on its last day (the
 * current month's: throughDay) — hired by then and not left. Month-end headcounts averaged over the months are
 * the year's average headcount (年平均在岗人数): someone hired on 1 July counts half a year.
 */
const MONTH_ENDS = `SELECT least((date_trunc('month', m) + interval '1 month - 1 day')::date, ?::date) AS day
                      FROM generate_series(make_date(?, 1, 1), ?::date, interval '1 month') m`;
const monthBindings = (year: number, throughDay: string) => [throughDay, year, throughDay];

/**
 * Who the personnel spending of a year (the ledger's, through `throughDay`) is paid to: the staff under a unit by
 * their **employer** — the unit whose personnel account pays them (a doctor seconded down is paid and topped up by
 * the sending hospital, api/pay/ledger.ts) — with the months of the period each was employed at the month's end.
 */
export async function payrollStaff(conn: Conn, rootUnitId: number, year: number, throughDay: string): Promise<PaidStaff[]> {
  const { rows } = await conn.raw<{ rows: PaidStaff[] }>(
    `SELECT s.id AS staff_id, s.name AS staff_name, s.title, u.name AS unit_name, u.level AS unit_level, count(*)::int AS paid_months
       FROM staff s ${joinUnitSql('u', 's.employer_org_unit_id')}
       JOIN (${MONTH_ENDS}) me ON s.hire_date <= me.day AND (s.left_on IS NULL OR s.left_on > me.day)
      WHERE s.employer_org_unit_id IN ${subtreeIdsSql('?')}
      GROUP BY s.id, u.name, u.level, u.id
      ORDER BY u.level, u.id, s.id`,
    [...monthBindings(year, throughDay), rootUnitId],
  );
  return rows;
}

/**
 * The average headcount of the period by level — the lead hospitals (1–2) and primary care (3–4) — by employer
 * (payrollStaff): the month-end headcounts summed over the months, divided by the months.
 */
export async function averageHeadcountByTier(
  conn: Conn,
  rootUnitId: number,
  year: number,
  throughDay: string,
): Promise<{ lead: number; primary: number; months: number }> {
  const { rows } = await conn.raw<{ rows: { lead: number; primary: number; months: number }[] }>(
    `SELECT (SELECT count(*) FROM (${MONTH_ENDS}) x)::int AS months,
            count(*) FILTER (WHERE u.level <= 2)::int AS lead, count(*) FILTER (WHERE u.level >= 3)::int AS "primary"
       FROM staff s ${joinUnitSql('u', 's.employer_org_unit_id')}
       JOIN (${MONTH_ENDS}) me ON s.hire_date <= me.day AND (s.left_on IS NULL OR s.left_on > me.day)
      WHERE s.employer_org_unit_id IN ${subtreeIdsSql('?')}`,
    [...monthBindings(year, throughDay), ...monthBindings(year, throughDay), rootUnitId],
  );
  const { lead, primary, months } = rows[0];
  return months > 0 ? { lead: lead / months, primary: primary / months, months } : { lead: 0, primary: 0, months: 0 };
}
