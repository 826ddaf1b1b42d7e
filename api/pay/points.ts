// A month of people's points, read from the work they recorded: the one computation behind a pay
// run and the village doctor's live statement (so the phone and the run never disagree).
import type { Knex } from 'knex';
import { assessmentGrades, type PayrollPerson } from '../hr';
import { controlRates, lapsedTasks, recordedWork, type LapsedTask, type Ratio } from '../health';
import { accounts } from '../auth';
import { unitQualityScores } from '../quality';
import { monthRange } from '../core/clock';
import { PAY_GRADE } from './enums';
import type { PayPost, PayTitleLevel } from './enums';
import {
  assignMissedTasks,
  basePoints,
  itemPoints,
  monthStart,
  nextMonthStart,
  payPost,
  personPoints,
  qualityScoreOf,
  titleLevel,
  type PayScheme,
  type PersonPoints,
  type WorkItem,
} from './rules';

export interface PersonMonth {
  person: PayrollPerson;
  /** the base part's post and title level */
  post: PayPost;
  title_level: PayTitleLevel;
  control_rate: number | null;
  /** the unit whose quality score adjusted their pay (their work unit, else the township) and the score; null: not inspected */
  quality: { org_unit_id: number; score: number } | null;
  points: PersonPoints;
  items: (WorkItem & { points: number })[];
}

/** What a month's points are read from, for any number of payrolls at once (one statement each, not one per township). */
export interface MonthFacts {
  work: Map<number, WorkItem[]>;
  lapsed: LapsedTask[];
  grades: Map<number, string>;
  rates: Map<number, Ratio>;
  scores: Map<number, number | null>;
  directorAt: Map<number, number>;
}

/** Each person's points of the month (YYYY-MM) — the base part by post and title, and the work with the items behind it; last year's assessment grades them. */
export async function monthPoints(people: readonly PayrollPerson[], month: string, scheme: PayScheme, conn: Knex): Promise<PersonMonth[]> {
  return priceMonth(people, scheme, await readMonthFacts(people, month, conn));
}

/**
 * The facts behind the month of everyone in `people` — the payrolls of one township or of the whole group: the work
 * their logins recorded, the tasks of their work units let lapse, their grades, their work units' control rates (one
 * grouped query) and quality scores, and who is a director. Each payroll is then priced on its own (priceMonth).
 */
export async function readMonthFacts(people: readonly PayrollPerson[], month: string, conn: Knex): Promise<MonthFacts> {
  const from = monthStart(month);
  const to = nextMonthStart(month);
  const year = Number(month.slice(0, 4));
  const villages = [...new Set(people.map((p) => p.work_org_unit_id))];
  // only a login records work: someone without one earns no health-management points
  const userIds = [...new Set(people.flatMap((p) => (p.user_id === null ? [] : [p.user_id])))];
  const work = new Map<number, WorkItem[]>(userIds.map((id) => [id, []]));
  for (const w of await recordedWork({ userIds, from, to }, conn)) work.get(w.user_id)?.push(w);
  const lapsed = await lapsedTasks({ unitIds: villages, from, to }, conn);
  const grades = await assessmentGrades(
    people.map((p) => p.staff_id),
    year - 1,
    conn,
  );
  const rates = await controlRates({ orgUnitIds: villages, year }, conn);
  // the units' quality scores of the year up to the month's end: the work units', and the paying townships'
  const scored = await unitQualityScores([...villages, ...people.map((p) => p.employer_org_unit_id)], `${year}-01-01`, monthRange(month).end, conn);
  const scores = new Map(scored.map((q) => [q.org_unit_id, q.score]));
  // the director's post: the login with role director at the employing unit
  const directorAt = new Map(
    (await accounts(['id', 'org_unit_id'], conn).whereIn('id', userIds).whereRaw("'director' = any(roles)")).map((u) => [u.id, u.org_unit_id]),
  );
  return { work, lapsed, grades, rates, scores, directorAt };
}

/** One payroll's month priced from the facts read (for it, or for the group): who answers for a lapsed task is decided within the payroll. */
export function priceMonth(people: readonly PayrollPerson[], scheme: PayScheme, facts: MonthFacts): PersonMonth[] {
  const villages = new Set(people.map((p) => p.work_org_unit_id));
  // the resident's responsible doctor answers for a task let lapse, else the village's doctors share it
  const missed = assignMissedTasks(
    scheme,
    people,
    facts.lapsed.filter((t) => villages.has(t.org_unit_id)),
  );
  return people.map((person) => {
    const items: WorkItem[] = [...((person.user_id !== null && facts.work.get(person.user_id)) || []), ...missed.get(person.staff_id)!];
    const grade = facts.grades.get(person.staff_id);
    const control_rate = facts.rates.get(person.work_org_unit_id)?.value ?? null;
    const post = payPost(person.category, person.user_id !== null && facts.directorAt.get(person.user_id) === person.employer_org_unit_id);
    const title_level = titleLevel(person.title);
    const base = basePoints(scheme, post, title_level);
    const quality = qualityScoreOf(facts.scores, person.work_org_unit_id, person.employer_org_unit_id);
    const points = personPoints(scheme, { grade: PAY_GRADE.has(grade) ? grade : null, control_rate, base, unit_quality_score: quality?.score ?? null }, items);
    const priced = items.map((i) => ({ ...i, points: itemPoints(scheme, i).reduce((a, p) => a + p.points, 0) }));
    return { person, post, title_level, control_rate, quality, points, items: priced };
  });
}
