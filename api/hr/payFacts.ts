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
}

const PERSON = ['id as staff_id', 'user_id', 'name', 'work_org_unit_id', 'category', 'title', 'employer_org_unit_id'];

/** The unit's employees still employed at `from` (the month's first day), with their login if they have one. */
export function payrollPeople(employerUnitId: number, from: string, conn: Knex = db()): Promise<PayrollPerson[]> {
  return conn('staff')
    .select(PERSON)
    .where('employer_org_unit_id', employerUnitId)
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
