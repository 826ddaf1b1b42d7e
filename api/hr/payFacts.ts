// What performance pay reads of HR (issue 19): the people a unit pays (its staff, the village doctors it
// employs 乡聘村用 among them, with or without a login) and each one's latest approved annual assessment grade.
import type { Knex } from 'knex';
import { db } from '../db/knex';
import type { Category } from './staff/rules';

export interface PayrollPerson {
  staff_id: number;
  /** the login they record work with; null without one (their health-management points are then 0) */
  user_id: number | null;
  name: string;
  work_org_unit_id: number;
  /** the base part's facts: their category and title (职称) */
  category: Category;
  title: string | null;
  employer_org_unit_id: number;
  /** the department they work in (the HQ's and branches' department pay); null where the unit has none */
  department_id: number | null;
}

const PERSON = ['id as staff_id', 'user_id', 'name', 'work_org_unit_id', 'category', 'title', 'employer_org_unit_id', 'department_id'];

/**
 * The unit's employees still employed at `from` (the month's first day), with their login if they have one; given
 * several units, all of theirs in one statement (each person's `employer_org_unit_id` says whose).
 */
export function payrollPeople(employerUnitIds: number | readonly number[], from: string, conn: Knex = db()): Promise<PayrollPerson[]> {
  return conn('staff')
    .select(PERSON)
    .whereIn('employer_org_unit_id', [employerUnitIds].flat())
    .where((q) => q.whereNot('status', 'left').orWhere('left_on', '>=', from))
    .orderBy('id');
}

/** Each person's grade of the latest approved assessment year up to `year`. */
export async function assessmentGrades(staffIds: readonly number[], year: number, conn: Knex = db()): Promise<Map<number, string>> {
  if (!staffIds.length) return new Map();
  const rows = await conn('assessments as a')
    .distinctOn('a.staff_id')
    .select('a.staff_id', 'a.grade')
    .join('assessment_years as y', 'y.year', 'a.year')
    .where('y.status', 'approved')
    .whereIn('a.staff_id', [...staffIds])
    .where('a.year', '<=', year)
    .orderBy([{ column: 'a.staff_id' }, { column: 'a.year', order: 'desc' }])
    .then((r) => r as { staff_id: number; grade: string }[]);
  return new Map(rows.map((r) => [r.staff_id, r.grade]));
}

/** The employee a login belongs to, with the unit that employs (and pays) them; undefined for a login without one. */
export function payrollPersonOfUser(userId: number, conn: Knex = db()): Promise<PayrollPerson | undefined> {
  return conn('staff').select(PERSON).where('user_id', userId).whereNot('status', 'left').orderBy('id').first();
}

/** An expert sent down (下派) to a unit: who they are, paid at the host for the rotation's months, and the rotation. */
export interface RotatedExpert {
  person: PayrollPerson;
  rotation_id: number;
  /** the unit that sent them (HQ or a branch): it keeps employing them and pays their top-up */
  home_org_unit_id: number;
  start_on: string;
  /** the actual end, else the planned one */
  last_day: string;
}

/**
 * The experts another unit sent down to `hostUnitIds` (rotations of type down_expert, running or completed, never
 * planned or cancelled) whose rotation overlaps [from, to]; each person as working at the host (several hosts: one
 * statement, each expert's `person.work_org_unit_id` the host).
 */
export async function rotatedExperts(hostUnitIds: number | readonly number[], from: string, to: string, conn: Knex = db()): Promise<RotatedExpert[]> {
  const rows: (Omit<PayrollPerson, 'work_org_unit_id'> & {
    host_org_unit_id: number;
    rotation_id: number;
    home_org_unit_id: number;
    start_on: string;
    last_day: string;
  })[] = await conn('rotations as r')
    .join('staff as s', 's.id', 'r.staff_id')
    .where('r.type', 'down_expert')
    .whereIn('r.host_org_unit_id', [hostUnitIds].flat())
    .whereIn('r.status', ['active', 'completed'])
    .whereRaw('s.employer_org_unit_id <> r.host_org_unit_id')
    .where('r.start_on', '<=', to)
    .whereRaw('coalesce(r.actual_end_on, r.planned_end_on) >= ?', [from])
    .orderBy([{ column: 's.id' }, { column: 'r.start_on' }])
    .select(
      's.id as staff_id',
      's.user_id',
      's.name',
      's.category',
      's.title',
      's.employer_org_unit_id',
      's.department_id',
      'r.host_org_unit_id',
      'r.id as rotation_id',
      'r.home_org_unit_id',
      conn.raw("to_char(r.start_on, 'YYYY-MM-DD') as start_on"),
      conn.raw("to_char(coalesce(r.actual_end_on, r.planned_end_on), 'YYYY-MM-DD') as last_day"),
    );
  return rows.map(({ host_org_unit_id, rotation_id, home_org_unit_id, start_on, last_day, ...p }) => ({
    person: { ...p, work_org_unit_id: host_org_unit_id },
    rotation_id,
    home_org_unit_id,
    start_on,
    last_day,
  }));
}

/**
 * The rotations (of type down_expert, running or completed) on which `homeUnitId` sent its staff down to another unit
 * overlapping [from, to]: the staff and the rotation's days, so that the sending unit's own run leaves out the months
 * the host pays them for.
 */
export function expertsSentFrom(
  homeUnitId: number,
  from: string,
  to: string,
  conn: Knex = db(),
): Promise<{ staff_id: number; start_on: string; last_day: string }[]> {
  return conn('rotations as r')
    .where({ 'r.type': 'down_expert', 'r.home_org_unit_id': homeUnitId })
    .whereNot('r.host_org_unit_id', homeUnitId)
    .whereIn('r.status', ['active', 'completed'])
    .where('r.start_on', '<=', to)
    .whereRaw('coalesce(r.actual_end_on, r.planned_end_on) >= ?', [from])
    .orderBy([{ column: 'r.staff_id' }, { column: 'r.start_on' }])
    .select(
      'r.staff_id',
      conn.raw("to_char(r.start_on, 'YYYY-MM-DD') as start_on"),
      conn.raw("to_char(coalesce(r.actual_end_on, r.planned_end_on), 'YYYY-MM-DD') as last_day"),
    );
}
