// A month of the HQ's or a branch's pay by department results (科室绩效): the unit's payroll (less the experts it sent
// down whose month a township pays), each department's claims of the month (by the diagnosis it treats: settlement's
// unitClaimsByDiagnosis) and referrals down (referrals' downReferralsByDiagnosis) against the same month of last
// year → indicator scores → department score → the department's share of the pool (score × its people's points) →
// each person by base points (post + title) × grade factor. The rules are departmentRules.ts; this reads their facts.
import type { Knex } from 'knex';
import { monthRange } from '../core/clock';
import { toFen, type Fen } from '../shared/money';
import { orgDepartments } from '../org';
import { accounts } from '../auth';
import { assessmentGrades, expertsSentFrom, payrollPeople, type PayrollPerson } from '../hr';
import { unitClaimsByDiagnosis } from '../settlement';
import { downReferralsByDiagnosis } from '../referrals';
import { PAY_GRADE, type PayGrade, type PayPost, type PayTitleLevel } from './enums';
import { basePoints, DEFAULT_GRADE, nextMonthStart, payPost, rotationPaysMonth, titleLevel, type PayScheme } from './rules';
import {
  departmentOfDiagnosis,
  departmentPay,
  indicatorFigures,
  NO_FIGURES,
  resultsOf,
  type DepartmentFigures,
  type DepartmentScheme,
  type DepartmentScore,
  type IndicatorFigures,
} from './departmentRules';

/** departmentPay's key for the people without a department */
const NO_DEPARTMENT = 0;

export interface DepartmentLine {
  person: PayrollPerson;
  post: PayPost;
  title_level: PayTitleLevel;
  base: number;
  grade: PayGrade;
  grade_factor: number;
  /** base × grade factor in millionths of a point */
  points: bigint;
  amount: Fen;
}

export interface DepartmentRow {
  department_id: number | null;
  name: string;
  figures: IndicatorFigures;
  score: DepartmentScore;
  people: number;
  points: bigint;
  amount: Fen;
}

/** The unit's figures of a month by department: its claims by the department treating each diagnosis, its referrals down likewise. */
async function figuresByDepartment(unitId: number, month: string, departments: readonly { id: number; name: string }[], conn: Knex) {
  const [year, m] = month.split('-').map(Number);
  const from = `${month}-01`;
  const out = new Map<number, DepartmentFigures>();
  const at = (code: string | null) => {
    const id = departmentOfDiagnosis(code ?? '', departments);
    if (id === null) return null;
    if (!out.has(id)) out.set(id, { ...NO_FIGURES });
    return out.get(id)!;
  };
  for (const c of await unitClaimsByDiagnosis(unitId, year, m, conn)) {
    const f = at(c.diagnosis);
    if (!f) continue;
    f.total_cost += toFen(c.total_cost);
    f.drug_cost += toFen(c.drug_cost);
    f.stays += c.stays;
    f.stay_cost += toFen(c.stay_cost);
  }
  for (const r of await downReferralsByDiagnosis(unitId, from, nextMonthStart(month), conn)) {
    const f = at(r.diagnosis_code);
    if (f) f.referrals_down += r.referrals;
  }
  return out;
}

/** The month (YYYY-MM) of a unit paid by department results: a line per person, a row per department, both adding up to `pool`. */
export async function departmentMonth(
  unitId: number,
  month: string,
  pool: Fen,
  scheme: PayScheme,
  departmentScheme: DepartmentScheme,
  conn: Knex,
): Promise<{ lines: DepartmentLine[]; departments: DepartmentRow[] }> {
  const range = monthRange(month);
  const lastYear = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
  // an expert sent down is paid by the township for the months whose 15th the rotation covers
  const away = new Set((await expertsSentFrom(unitId, range.start, range.end, conn)).filter((r) => rotationPaysMonth(r, month)).map((r) => r.staff_id));
  const people = (await payrollPeople(unitId, range.start, conn)).filter((p) => !away.has(p.staff_id));
  const departments: { id: number; name: string }[] = await orgDepartments(['id', 'name'], conn).where('org_unit_id', unitId).orderBy('id');
  const [now, before] = [await figuresByDepartment(unitId, month, departments, conn), await figuresByDepartment(unitId, lastYear, departments, conn)];
  const grades = await assessmentGrades(
    people.map((p) => p.staff_id),
    Number(month.slice(0, 4)) - 1,
    conn,
  );
  const userIds = people.flatMap((p) => (p.user_id === null ? [] : [p.user_id]));
  const directors = new Set(
    (await accounts(['id', 'org_unit_id'], conn).whereIn('id', userIds).where('org_unit_id', unitId).whereRaw("'director' = any(roles)")).map((u) => u.id),
  );
  const facts = people.map((person) => {
    const post = payPost(person.category, person.user_id !== null && directors.has(person.user_id));
    const title_level = titleLevel(person.title);
    const g = grades.get(person.staff_id);
    const grade: PayGrade = PAY_GRADE.has(g) ? g : DEFAULT_GRADE;
    return { person, post, title_level, base: basePoints(scheme, post, title_level), grade, grade_factor: scheme.grade_factors[grade] };
  });
  // the departments with people on the payroll, then those without a department
  const keyOf = (p: PayrollPerson) => p.department_id ?? NO_DEPARTMENT;
  const keys = [...new Set(facts.map((f) => keyOf(f.person)))].sort((a, b) => a - b);
  const figures = new Map(keys.map((k) => [k, indicatorFigures(now.get(k) ?? NO_FIGURES, before.get(k) ?? NO_FIGURES)]));
  const pay = departmentPay(
    departmentScheme,
    pool,
    new Map(keys.map((k) => [k, resultsOf(figures.get(k)!)])),
    facts.map((f) => ({ staff_id: f.person.staff_id, department_id: keyOf(f.person), base: f.base, grade_factor: f.grade_factor })),
  );
  const paid = new Map(pay.people.map((p) => [p.staff_id, p]));
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return {
    // points in millionths: hundredths of points × a factor in hundredths × 100
    lines: facts.map((f) => ({ ...f, points: paid.get(f.person.staff_id)!.points * 100n, amount: paid.get(f.person.staff_id)!.amount })),
    departments: pay.departments.map((d) => ({
      department_id: d.department_id === NO_DEPARTMENT ? null : d.department_id,
      name: d.department_id === NO_DEPARTMENT ? '未分科室' : (names.get(d.department_id) ?? String(d.department_id)),
      figures: figures.get(d.department_id)!,
      score: d.score,
      people: facts.filter((f) => keyOf(f.person) === d.department_id).length,
      points: d.points * 100n,
      amount: d.amount,
    })),
  };
}
