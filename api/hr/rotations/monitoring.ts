// What the national monitoring indicators (api/monitoring) read of HR: the doctors of intermediate
// title or above seconded (下派) to township and village units under a unit in a year, and the active
// staff at a year's end by level (the lead hospitals, 1–2; primary care, 3–4) for per-capita pay.
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

export interface StaffAtYearEnd {
  staff_id: number;
  staff_name: string;
  title: string | null;
  unit_name: string;
  unit_level: number;
}

/** The staff working under a unit at the end of a day (hired by then, not left), with their unit's level. */
export async function staffAtDay(conn: Conn, rootUnitId: number, day: string): Promise<StaffAtYearEnd[]> {
  const { rows } = await conn.raw<{ rows: StaffAtYearEnd[] }>(
    `SELECT s.id AS staff_id, s.name AS staff_name, s.title, u.name AS unit_name, u.level AS unit_level
       FROM staff s ${joinUnitSql('u', 's.work_org_unit_id')}
      WHERE s.work_org_unit_id IN ${subtreeIdsSql('?')} AND s.hire_date <= ?::date AND (s.left_on IS NULL OR s.left_on > ?::date)
      ORDER BY u.level, u.id, s.id`,
    [rootUnitId, day, day],
  );
  return rows;
}

/** The headcount at the end of a day by level: lead hospitals (levels 1–2) and primary care (3–4). */
export async function headcountByTier(conn: Conn, rootUnitId: number, day: string): Promise<{ lead: number; primary: number }> {
  const { rows } = await conn.raw<{ rows: { lead: number; primary: number }[] }>(
    `SELECT count(*) FILTER (WHERE u.level <= 2)::int AS lead, count(*) FILTER (WHERE u.level >= 3)::int AS "primary"
       FROM staff s ${joinUnitSql('u', 's.work_org_unit_id')}
      WHERE s.work_org_unit_id IN ${subtreeIdsSql('?')} AND s.hire_date <= ?::date AND (s.left_on IS NULL OR s.left_on > ?::date)`,
    [rootUnitId, day, day],
  );
  return rows[0];
}
