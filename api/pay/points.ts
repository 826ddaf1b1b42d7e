// A month of people's points, read from the work they recorded: the one computation behind a pay
// run and the village doctor's live statement (so the phone and the run never disagree).
import type { Knex } from 'knex';
import { assessmentGrades, type PayrollPerson } from '../hr';
import { healthIndicators, lapsedTasks, recordedWork } from '../health';
import { PAY_GRADE } from './enums';
import { assignMissedTasks, itemPoints, monthStart, nextMonthStart, personPoints, type PayScheme, type PersonPoints, type WorkItem } from './rules';

export interface PersonMonth {
  person: PayrollPerson;
  control_rate: number | null;
  points: PersonPoints;
  items: (WorkItem & { points: number })[];
}

/** Each person's points of the month (YYYY-MM), with the items behind them; last year's assessment grades them. */
export async function monthPoints(people: readonly PayrollPerson[], month: string, scheme: PayScheme, conn: Knex): Promise<PersonMonth[]> {
  const from = monthStart(month);
  const to = nextMonthStart(month);
  const year = Number(month.slice(0, 4));
  const villages = [...new Set(people.map((p) => p.work_org_unit_id))];
  // only a login records work: someone without one earns no health-management points
  const userIds = people.flatMap((p) => (p.user_id === null ? [] : [p.user_id]));
  const work = await recordedWork({ userIds, from, to }, conn);
  const lapsed = await lapsedTasks({ unitIds: villages, from, to }, conn);
  const grades = await assessmentGrades(
    people.map((p) => p.staff_id),
    year - 1,
    conn,
  );
  const indicators = await healthIndicators({ orgUnitIds: villages, year }, conn);
  // the resident's responsible doctor answers for a task let lapse, else the village's doctors share it
  const missed = assignMissedTasks(scheme, people, lapsed);
  const workOf = new Map<number, WorkItem[]>(userIds.map((id) => [id, []]));
  for (const w of work) workOf.get(w.user_id)?.push(w);
  return people.map((person) => {
    const items: WorkItem[] = [...((person.user_id !== null && workOf.get(person.user_id)) || []), ...missed.get(person.staff_id)!];
    const grade = grades.get(person.staff_id);
    const control_rate = indicators.get(person.work_org_unit_id)?.control_rate.value ?? null;
    const points = personPoints(scheme, { grade: PAY_GRADE.has(grade) ? grade : null, control_rate }, items);
    const priced = items.map((i) => ({ ...i, points: itemPoints(scheme, i).reduce((a, p) => a + p.points, 0) }));
    return { person, control_rate, points, items: priced };
  });
}
