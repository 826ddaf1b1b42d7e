// A month of the HQ's or a branch's pay by department results (科室绩效): the unit's payroll (less the experts it sent
// down whose month a township pays), each department's claims of the month (by the diagnosis it treats: settlement's
// unitClaimsByDiagnosis) and referrals down (referrals' downReferralsByDiagnosis) against the same month of last
// year → indicator scores → department score → the department's share of the pool (score × its people's points) →
// each person by base points (post + title) × grade factor. The rules are departmentRules.ts; this reads their facts.
import type { Knex } from 'knex';
import { monthRange } from '../core/clock';
import { fromFen, toFen, type Fen } from '../shared/money';
import { orgDepartments } from '../org';
import { accounts } from '../auth';
import { assessmentGrades, expertsSentFrom, payrollPeople, type PayrollPerson } from '../hr';
import { unitClaimsByDiagnosis } from '../settlement';
import { downReferralsByDiagnosis } from '../referrals';
import { PAY_GRADE, type PayGrade, type PayPost, type PayTitleLevel } from './enums';
import { basePoints, DEFAULT_GRADE, nextMonthStart, payPost, rotationPaysMonth, titleLevel, type PayScheme } from './rules';
import {
  amountByIndicator,
  DEFAULT_DEPARTMENT_SCHEME,
  DEPARTMENT_INDICATORS,
  departmentOfDiagnosis,
  departmentPay,
  indicatorFigures,
  NO_FIGURES,
  resultsOf,
  type DepartmentFigures,
  type DepartmentIndicator,
  type DepartmentScheme,
  type DepartmentScore,
  type IndicatorFigures,
} from './departmentRules';
import { PayRunDepartment, type PayLine, type PayRun } from './model';
import { toCenti, type SchemeView } from './scheme';

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

/** An indicator behind a department line's amount: the figures read, the score, the weight applied and its part of the amount. */
export interface LineIndicator {
  indicator: DepartmentIndicator;
  /** the month's figure and its target (the same month last year); null where there is none (the score is then 100) */
  actual: string | number | null;
  target: string | number | null;
  score: string;
  /** the scheme's weight in whole percent, as the run was calculated */
  weight: number;
  /** weight × score ÷ 100: the indicator's term of the department score */
  weighted: string;
  /** the line's amount ∝ its term (amountByIndicator): the parts add up to the line's amount */
  amount: string;
}

/** A department line traced: its department's row (score, people, points, amount), the line's share of its points, the indicators. */
export interface LineDepartmentTrace {
  department_id: number | null;
  name: string;
  score: string;
  people: number;
  points: string;
  amount: string;
  /** the run's pool the departments share ∝ score × points */
  pool: string | null;
  indicators: LineIndicator[];
}

/**
 * GET /api/pay-runs/:id/lines/:lineId of an HQ's or branch's run: the line's amount traced to the indicators of its
 * department, with the weights the run was calculated with; null on a township's run (no department rows).
 */
export async function lineDepartmentTrace(run: PayRun, line: PayLine, conn: Knex): Promise<LineDepartmentTrace | null> {
  const d = await PayRunDepartment.query(conn).where('run_id', run.id).whereRaw('department_id is not distinct from ?', [line.department_id]).first();
  if (!d) return null;
  const view = run.scheme as Partial<SchemeView> | null;
  const weights = view?.department_scheme?.weights ?? DEFAULT_DEPARTMENT_SCHEME.weights;
  const read: Record<DepartmentIndicator, { actual: string | number | null; target: string | number | null; score: string }> = {
    drug_share: { actual: d.drug_share, target: d.drug_share_target, score: d.drug_share_score },
    cost_per_stay: { actual: d.cost_per_stay, target: d.cost_per_stay_target, score: d.cost_per_stay_score },
    referrals: { actual: d.referrals, target: d.referrals_target, score: d.referrals_score },
  };
  const keys = Object.keys(DEPARTMENT_INDICATORS) as DepartmentIndicator[];
  const scores = Object.fromEntries(keys.map((k) => [k, toCenti(read[k].score)])) as Record<DepartmentIndicator, number>;
  const parts = amountByIndicator(weights, scores, toFen(line.amount));
  return {
    department_id: d.department_id,
    name: d.name,
    score: d.score,
    people: d.people,
    points: d.points,
    amount: d.amount,
    pool: run.pool,
    indicators: keys.map((k) => ({
      indicator: k,
      ...read[k],
      weight: weights[k],
      weighted: ((weights[k] * scores[k]) / 100 / 100).toFixed(2),
      amount: fromFen(parts[k]),
    })),
  };
}
