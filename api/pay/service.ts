// Monthly pay runs per township: draft → calculated → reviewed (the unit's director) → approved
// (group finance, never the reviewer) → locked. Each step is one transaction with its audit row.
// Calculating reads the month's work, prices it with the scheme of the day (kept on the run) and
// splits the pool — the township's budgeted fund plus, in December, its share of the fund year's
// approved settlement — over the people by their points, exactly to the fen.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { assertCan, getRow } from '../core/crud';
import { conflict, forbidden, notFound, unprocessable } from '../core/errors';
import { inTransaction, type Audit } from '../core/transaction';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import { fromFen, sumFen, toFen, type Fen } from '../shared/money';
import type { PayGrade } from './enums';
import { unitInScope, unitsByIds } from '../org';
import { payrollPeople, rotatedExperts, type PayrollPerson, type RotatedExpert } from '../hr';
import { staffPerformanceShare, type StaffPerformanceShare } from '../settlement';
import { workResidents } from '../health';
import { PayLine, PayRun, PayRunDepartment, workItem, workTuple, type PayLineItem, type PayLineWorkTuple } from './model';
import { priceMonth, readMonthFacts, type PersonMonth } from './points';
import { byDateAsRecorded, microText, monthStart, pointValue, rotationPaysMonth, splitPool, STEP_TO, type PayScheme, type PayStep } from './rules';
import { departmentSchemeOf, fromCenti, readSchemeView, schemeOf, type SchemeView } from './scheme';
import { departmentMonth, lineDepartmentTrace } from './departmentRun';
import { riskFigures, yearContributions, type RiskFigures } from './riskFund';
import { forStep, forSteps, payRunResource } from './resource';
import { runCorrection, saveDifferences } from './correction';
import { postPayRun } from './ledger';

export { payRunResource };

const TOWNSHIP_LEVEL = 3;
const centiText = (c: number) => fromCenti(c).toFixed(2);

/** POST /api/pay-runs {org_unit_id, month, budgeted_fund}: a draft run of a township's month. */
export function createRun(actor: Actor, input: { org_unit_id: number; month: string; budgeted_fund: bigint }, parent?: Knex.Transaction) {
  assertCan(actor, 'pay-runs', 'create');
  return inTransaction(
    actor,
    async (trx, audit) => {
      const unit = await unitInScope(input.org_unit_id, actor.scopePath, ['id', 'level'], trx);
      if (!unit) throw notFound('org unit', input.org_unit_id);
      // a township pays by points; the HQ and the branches by department results (departmentRun.ts); a village clinic's people are the township's
      if (unit.level > TOWNSHIP_LEVEL)
        throw unprocessable('pay runs are per township, branch or the HQ', [
          { field: 'org_unit_id', message: `unit ${unit.id} is a village clinic: its people are on the township's run`, rule: 'not_township' },
        ]);
      const month = monthStart(input.month);
      // one live version per township and month: a superseded run leaves its place to its correction
      const existing = await PayRun.query(trx).findOne({ org_unit_id: unit.id, month }).whereNot('status', 'superseded');
      if (existing)
        throw conflict(`the township already has a run for ${input.month}`, [
          { field: 'month', message: `run ${existing.id}`, rule: 'run_exists', params: { id: existing.id } },
        ]);
      const run = await PayRun.query(trx).insertAndFetch({
        org_unit_id: unit.id,
        month,
        status: 'draft',
        budgeted_fund: fromFen(input.budgeted_fund),
        created_by: actor.id,
      });
      await audit({ action: 'create', resource: 'pay-runs', recordId: run.id, after: run });
      return run;
    },
    parent,
  );
}

/** POST /api/pay-runs/:id/calculate: the month's lines from the work recorded (again, until reviewed). */
export async function calculateRun(actor: Actor, id: number, parent?: Knex.Transaction) {
  const [run] = await calculateRuns(actor, [id], parent);
  return run;
}

/**
 * Calculates the runs (each a draft or calculated one) in one transaction, an audit row each — the group's month in
 * one go. The townships' runs of a month read their facts once for all of them (the work recorded, the tasks let lapse,
 * the grades, the villages' control rates in one grouped query, the quality scores, the directors), then each payroll
 * is priced and its pool split on its own; the HQ's and branches' runs go by department results.
 */
export function calculateRuns(actor: Actor, ids: readonly number[], parent?: Knex.Transaction): Promise<PayRun[]> {
  assertCan(actor, 'pay-runs', 'calculate');
  return inTransaction(
    actor,
    async (trx, audit) => {
      const runs = await forSteps(trx, actor, [...new Set(ids)], 'calculate');
      const view = await readSchemeView(trx);
      const scheme = schemeOf(view);
      const levels = new Map(
        (
          await unitsByIds(
            runs.map((r) => r.org_unit_id),
            ['id', 'level'],
            trx,
          )
        ).map((u) => [u.id, u.level]),
      );
      const done = new Map<number, PayRun>();
      const townships = runs.filter((r) => levels.get(r.org_unit_id) === TOWNSHIP_LEVEL);
      for (const run of runs) if (!townships.includes(run)) done.set(run.id, await calculateDepartmentRun(trx, audit, actor, run, view));
      for (const month of new Set(townships.map((r) => r.month.slice(0, 7)))) {
        // each township's employees, and the experts sent down to it for this month (paid there at its scheme): one statement each for all
        const range = clock.monthRange(month);
        const monthRuns = townships.filter((r) => r.month.startsWith(month));
        const units = monthRuns.map((r) => r.org_unit_id);
        const employed = byUnit(await payrollPeople(units, range.start, trx), (p) => p.employer_org_unit_id);
        const sent = byUnit(
          (await rotatedExperts(units, range.start, range.end, trx)).filter((r) => rotationPaysMonth(r, month)),
          (r) => r.person.work_org_unit_id,
        );
        const payrolls: Payroll[] = monthRuns.map((run) => {
          const experts = sent.get(run.org_unit_id) ?? [];
          return { run, experts, people: [...(employed.get(run.org_unit_id) ?? []), ...experts.map((r) => r.person)] };
        });
        const facts = await readMonthFacts(
          payrolls.flatMap((p) => p.people),
          month,
          trx,
        );
        const priced: PricedRun[] = [];
        for (const p of payrolls) priced.push(await priceTownshipRun(trx, p, scheme, priceMonth(p.people, scheme, facts)));
        // the month's lines, and their lists of items, for all the runs at once: one statement each
        await saveLines(trx, priced, BigInt(scheme.rotation_top_up));
        for (const p of priced) done.set(p.run.id, await finishTownshipRun(trx, audit, actor, view, p));
      }
      return runs.map((r) => done.get(r.id)!);
    },
    parent,
  );
}

/** Rows grouped by their unit, each group in the rows' order. */
function byUnit<T>(rows: readonly T[], unitOf: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const group = out.get(unitOf(row));
    if (group) group.push(row);
    else out.set(unitOf(row), [row]);
  }
  return out;
}

interface Payroll {
  run: PayRun;
  experts: RotatedExpert[];
  people: PayrollPerson[];
}

/** A township's run priced: its people's month, the pool split by points, the risk fund withheld; saved by saveLines and finishTownshipRun. */
interface PricedRun extends Payroll {
  months: PersonMonth[];
  share: StaffPerformanceShare | null;
  pool: Fen;
  total: bigint;
  amounts: Fen[];
  figures: RiskFigures[];
}

/** A township's run from its people's month: the pool (the budgeted fund, in December with the settlement's share) split by points. */
async function priceTownshipRun(trx: Knex.Transaction, p: Payroll, scheme: PayScheme, months: PersonMonth[]): Promise<PricedRun> {
  const { run } = p;
  const id = run.id;
  const month = run.month.slice(0, 7);
  // the fund year's settlement reaches the people in its December run
  const share = month.endsWith('-12') ? await staffPerformanceShare(Number(month.slice(0, 4)), run.org_unit_id, trx) : null;
  const pool = toFen(run.budgeted_fund) + (share ? toFen(share.amount) : 0n);
  const total = months.reduce((a, m) => a + m.points.effective, 0n);
  if (total === 0n && pool > 0n)
    throw unprocessable(`no points recorded in ${month}: the pool cannot be paid out`, [
      { field: 'month', message: `no points (run ${id})`, rule: 'no_points', params: { run_id: id } },
    ]);
  const amounts = splitPool(
    pool,
    months.map((m) => m.points.effective),
  );
  const figures = await monthRiskFigures(
    trx,
    month,
    amounts,
    months.map((m) => ({ staff_id: m.person.staff_id, grade: m.points.grade })),
    scheme.risk_fund_rate,
  );
  return { ...p, months, share, pool, total, amounts, figures };
}

/** A priced run whose lines are saved: its differences from the version it corrects, its figures, its audit row. */
async function finishTownshipRun(trx: Knex.Transaction, audit: Audit, actor: Actor, view: SchemeView, p: PricedRun) {
  const { run, experts, months, share, pool, total, amounts, figures } = p;
  const id = run.id;
  const scheme = schemeOf(view);
  if (run.supersedes_id) await saveDifferences(trx, id, run.supersedes_id);
  const updated = await PayRun.query(trx).patchAndFetchById(id, {
    status: 'calculated',
    settlement_share: share?.amount ?? '0.00',
    settlement_run_id: share?.run_id ?? null,
    pool: fromFen(pool),
    total_points: microText(total),
    point_value: pointValue(pool, total),
    rotation_top_ups: fromFen(BigInt(scheme.rotation_top_up) * BigInt(experts.length)),
    ...calculatedBy(actor, view, figures),
  });
  await audit({
    action: 'calculate',
    resource: 'pay-runs',
    recordId: id,
    before: { status: run.status },
    after: {
      status: 'calculated',
      pool: updated.pool,
      total_points: updated.total_points,
      people: months.length,
      paid: fromFen(sumFen(amounts)),
      net_paid: updated.net_paid,
    },
  });
  return updated;
}

/**
 * The priced runs' lines (their old ones deleted) in one statement, then the lists of their items in one: the group's
 * month writes some 5,500 lines and 250,000 items. The experts sent down are each topped up `topUp` fen by the unit that
 * sent them.
 */
async function saveLines(trx: Knex.Transaction, runs: readonly PricedRun[], topUp: bigint) {
  if (!runs.length) return;
  await PayLine.query(trx)
    .delete()
    .whereIn(
      'run_id',
      runs.map((r) => r.run.id),
    );
  const rows = runs.flatMap((r) => {
    const rotations = new Map(r.experts.map((e) => [e.person.staff_id, e]));
    return r.months.map((m, i) => ({ run: r, m, figures: r.figures[i], rotation: rotations.get(m.person.staff_id) }));
  });
  const lines = rows.map(({ run: r, m, figures, rotation }) => {
    const p = m.points;
    return {
      run_id: r.run.id,
      staff_id: m.person.staff_id,
      user_id: m.person.user_id,
      name: m.person.name,
      work_org_unit_id: m.person.work_org_unit_id,
      post: m.post,
      title_level: m.title_level,
      base_points: centiText(p.base),
      by_service: p.by_service,
      gross_points: centiText(p.gross),
      missed_tasks: p.missed_tasks,
      deduction_points: centiText(p.deduction),
      control_rate: m.control_rate === null ? null : String(m.control_rate),
      quality_factor: centiText(p.quality_factor),
      quality_org_unit_id: m.quality?.org_unit_id ?? null,
      unit_quality_score: m.quality === null ? null : m.quality.score.toFixed(2),
      unit_quality_points: centiText(p.unit_quality_points),
      grade: p.grade,
      grade_factor: centiText(p.grade_factor),
      points: microText(p.effective),
      amount: fromFen(figures.amount),
      risk_contribution: fromFen(figures.contribution),
      risk_return: fromFen(figures.returned),
      net_amount: fromFen(figures.net),
      rotation_id: rotation?.rotation_id ?? null,
      home_org_unit_id: rotation?.home_org_unit_id ?? null,
      rotation_top_up: fromFen(rotation ? topUp : 0n),
    };
  });
  const ids = await insertLines(trx, lines);
  // each line's items as one list (pay_line_work), by date then as recorded: an item's place in it is its id (from 1)
  const work = rows.flatMap(({ m }, i) =>
    m.items.length === 0
      ? []
      : [
          {
            line_id: ids[i],
            items: [...m.items].sort(byDateAsRecorded).map((it) => workTuple({ ...it, points: centiText(it.points) })),
          },
        ],
  );
  // each list a parameter of its own (json, stored as given: migration 20270119000100), as many a statement as the protocol's 65,535 parameters allow
  for (let i = 0; i < work.length; i += WORK_LINES_PER_STATEMENT) {
    const part = work.slice(i, i + WORK_LINES_PER_STATEMENT);
    await trx.raw(
      `insert into pay_line_work (line_id, items) values ${part.map(() => '(?::int, ?::json)').join(', ')}`,
      part.flatMap((w) => [w.line_id, JSON.stringify(w.items)]),
    );
  }
}

const WORK_LINES_PER_STATEMENT = 30_000;

/** The risk fund withheld from each amount of the month; December gives back the year's contributions (riskFund.ts). */
async function monthRiskFigures(
  trx: Knex.Transaction,
  month: string,
  amounts: readonly Fen[],
  people: readonly { staff_id: number; grade: PayGrade }[],
  rate: number,
): Promise<RiskFigures[]> {
  if (!month.endsWith('-12')) return riskFigures(amounts, rate, null);
  const earlier = await yearContributions(
    people.map((p) => p.staff_id),
    Number(month.slice(0, 4)),
    trx,
  );
  return riskFigures(
    amounts,
    rate,
    people.map((p) => ({ earlier: earlier.get(p.staff_id) ?? 0n, grade: p.grade })),
  );
}

/** What every calculated run keeps: the risk fund's totals, the scheme it was calculated with, who and when. */
const calculatedBy = (actor: Actor, view: SchemeView, figures: readonly RiskFigures[]) => ({
  risk_contributions: fromFen(sumFen(figures.map((f) => f.contribution))),
  risk_returns: fromFen(sumFen(figures.map((f) => f.returned))),
  net_paid: fromFen(sumFen(figures.map((f) => f.net))),
  scheme: view,
  calculated_by: actor.id,
  calculated_at: clock.nowIso(),
  updated_at: clock.nowIso(),
});

/**
 * Lines of one run or several in one statement, each passed as JSON and read as a pay_lines row (its columns' own types;
 * `by_service` an object); their ids in the order given, matched by run and staff (one line a person in a run).
 */
async function insertLines(trx: Knex.Transaction, lines: readonly (Record<string, unknown> & { run_id: number; staff_id: number })[]): Promise<number[]> {
  if (!lines.length) return [];
  const columns = Object.keys(lines[0])
    .map((c) => `"${c}"`)
    .join(', ');
  const { rows }: { rows: { id: number; run_id: number; staff_id: number }[] } = await trx.raw(
    `insert into pay_lines (${columns}) select ${columns} from json_populate_recordset(null::pay_lines, ?::json) returning id, run_id, staff_id`,
    [JSON.stringify(lines)],
  );
  const idOf = new Map(rows.map((r) => [`${r.run_id}:${r.staff_id}`, r.id]));
  return lines.map((l) => idOf.get(`${l.run_id}:${l.staff_id}`)!);
}

/**
 * The HQ's or a branch's month by department results (departmentRun.ts): the budgeted fund split to the departments
 * by score × points and to their people by points, the risk fund withheld as on a township's run; the run keeps a row
 * per department (its indicators, targets, scores, points and amount), each line its department.
 */
async function calculateDepartmentRun(trx: Knex.Transaction, audit: Audit, actor: Actor, run: PayRun, view: SchemeView) {
  const month = run.month.slice(0, 7);
  const scheme = schemeOf(view);
  const pool = toFen(run.budgeted_fund);
  const { lines, departments } = await departmentMonth(run.org_unit_id, month, pool, scheme, departmentSchemeOf(view), trx);
  const total = lines.reduce((a, l) => a + l.points, 0n);
  if (total === 0n && pool > 0n)
    throw unprocessable(`no points in ${month}: the pool cannot be paid out`, [{ field: 'month', message: 'no points', rule: 'no_points' }]);
  const figures = await monthRiskFigures(
    trx,
    month,
    lines.map((l) => l.amount),
    lines.map((l) => ({ staff_id: l.person.staff_id, grade: l.grade })),
    scheme.risk_fund_rate,
  );
  await PayLine.query(trx).delete().where('run_id', run.id);
  await trx('pay_run_departments').delete().where('run_id', run.id);
  await insertLines(
    trx,
    lines.map((l, i) => ({
      run_id: run.id,
      staff_id: l.person.staff_id,
      user_id: l.person.user_id,
      name: l.person.name,
      work_org_unit_id: l.person.work_org_unit_id,
      department_id: l.person.department_id,
      post: l.post,
      title_level: l.title_level,
      base_points: centiText(l.base),
      by_service: {},
      gross_points: '0.00',
      missed_tasks: 0,
      deduction_points: '0.00',
      quality_factor: '1.00',
      unit_quality_points: '0.00',
      grade: l.grade,
      grade_factor: centiText(l.grade_factor),
      points: microText(l.points),
      amount: fromFen(figures[i].amount),
      risk_contribution: fromFen(figures[i].contribution),
      risk_return: fromFen(figures[i].returned),
      net_amount: fromFen(figures[i].net),
    })),
  );
  const text = (v: number | null, digits: number) => (v === null ? null : v.toFixed(digits));
  await trx('pay_run_departments').insert(
    departments.map((d) => ({
      run_id: run.id,
      department_id: d.department_id,
      name: d.name,
      drug_share: text(d.figures.drug_share.actual, 4),
      drug_share_target: text(d.figures.drug_share.target, 4),
      cost_per_stay: d.figures.cost_per_stay.actual === null ? null : fromFen(BigInt(d.figures.cost_per_stay.actual)),
      cost_per_stay_target: d.figures.cost_per_stay.target === null ? null : fromFen(BigInt(d.figures.cost_per_stay.target)),
      referrals: d.figures.referrals.actual,
      referrals_target: d.figures.referrals.target,
      drug_share_score: centiText(d.score.indicators.drug_share),
      cost_per_stay_score: centiText(d.score.indicators.cost_per_stay),
      referrals_score: centiText(d.score.indicators.referrals),
      score: centiText(d.score.score),
      people: d.people,
      points: microText(d.points),
      amount: fromFen(d.amount),
    })),
  );
  if (run.supersedes_id) await saveDifferences(trx, run.id, run.supersedes_id);
  const updated = await PayRun.query(trx).patchAndFetchById(run.id, {
    status: 'calculated',
    settlement_share: '0.00',
    settlement_run_id: null,
    pool: fromFen(pool),
    total_points: microText(total),
    // each department has its own value of a point: none for the unit
    point_value: null,
    rotation_top_ups: '0.00',
    ...calculatedBy(actor, view, figures),
  });
  await audit({
    action: 'calculate',
    resource: 'pay-runs',
    recordId: run.id,
    before: { status: run.status },
    after: { status: 'calculated', pool: updated.pool, departments: departments.length, people: lines.length, net_paid: updated.net_paid },
  });
  return updated;
}

/** POST /api/pay-runs/:id/review: calculated → reviewed, by the director of the run's township. */
export function reviewRun(actor: Actor, id: number, comment?: string, parent?: Knex.Transaction) {
  assertCan(actor, 'pay-runs', 'review');
  return inTransaction(
    actor,
    async (trx, audit) => {
      const head = await getRow(payRunResource, actor, id, trx);
      if (!actor.roles.includes('director') || actor.orgUnitId !== head.org_unit_id)
        throw forbidden(`only the director of unit ${head.org_unit_id} reviews its pay run`);
      const run = await forStep(trx, actor, id, 'review');
      return step(trx, audit, run, 'review', { reviewed_by: actor.id, reviewed_by_name: actor.displayName, reviewed_at: clock.nowIso() }, comment);
    },
    parent,
  );
}

/** POST /api/pay-runs/:id/approve: reviewed → approved, by group finance — never the reviewer (four eyes); the risk fund posted to the ledger. */
export function approveRun(actor: Actor, id: number, comment?: string, parent?: Knex.Transaction) {
  assertCan(actor, 'pay-runs', 'approve');
  return inTransaction(
    actor,
    async (trx, audit) => {
      const run = await forStep(trx, actor, id, 'approve');
      if (run.reviewed_by === actor.id)
        throw unprocessable('four-eyes rule: the reviewer of a pay run cannot also approve it', [
          { field: 'approved_by', message: `${actor.username} reviewed this run`, rule: 'four_eyes' },
        ]);
      // the month's risk-fund contributions (and December's return) and the sending units' top-ups into the ledger, in this transaction
      await postPayRun(trx, audit, actor, run);
      return step(trx, audit, run, 'approve', { approved_by: actor.id, approved_by_name: actor.displayName, approved_at: clock.nowIso() }, comment);
    },
    parent,
  );
}

/** POST /api/pay-runs/:id/lock: approved → locked (paid; nothing changes it any more). */
export function lockRun(actor: Actor, id: number) {
  assertCan(actor, 'pay-runs', 'lock');
  return inTransaction(actor, async (trx, audit) => {
    const run = await forStep(trx, actor, id, 'lock');
    return step(trx, audit, run, 'lock', { locked_by: actor.id, locked_at: clock.nowIso() });
  });
}

async function step(
  trx: Knex.Transaction,
  audit: (e: { action: string; resource: string; recordId: number; before: unknown; after: unknown }) => Promise<void>,
  run: PayRun,
  name: PayStep,
  who: Partial<PayRun>,
  comment?: string,
) {
  const updated = await PayRun.query(trx).patchAndFetchById(run.id, { ...who, status: STEP_TO[name], updated_at: clock.nowIso() });
  await audit({ action: name, resource: 'pay-runs', recordId: run.id, before: { status: run.status }, after: { status: updated.status, comment } });
  return updated;
}

/** GET /api/pay-runs/:id: the run with a line per person (the drill-down is per line). */
export async function readRun(actor: Actor, id: number) {
  const run = await getRow(payRunResource, actor, id);
  const lines = await PayLine.query().where('run_id', id).orderBy('id');
  // the HQ's and branches' runs: a row per department (none on a township's)
  const departments = await PayRunDepartment.query().where('run_id', id).orderBy('id');
  return { ...run, lines, departments, ...(await runCorrection(run)) };
}

/** GET /api/pay-runs/:id/lines/:lineId: a person's line with the follow-ups, contracts and missed tasks behind it (an HQ's or branch's line: its department's indicators, `department`), the names of the unit whose quality score applied and of the unit that sent an expert down. */
export async function readLine(actor: Actor, runId: number, lineId: number) {
  const run = await getRow(payRunResource, actor, runId);
  const line = await PayLine.query().findOne({ id: lineId, run_id: runId });
  if (!line) throw notFound('pay line', lineId);
  const work: { items: PayLineWorkTuple[] } | undefined = await db()('pay_line_work').where('line_id', lineId).first('items');
  const listed = (work?.items ?? []).map(workItem);
  // the residents named now: the month's work is read without them
  const residents = await workResidents(listed, db());
  const items: PayLineItem[] = listed.map((i) => ({ ...i, resident: residents.get(`${i.kind}:${i.ref_id}`) ?? null }));
  const names = new Map(
    (
      await unitsByIds(
        [line.quality_org_unit_id, line.home_org_unit_id].filter((u) => u !== null),
        ['id', 'name'],
      )
    ).map((u) => [u.id, u.name]),
  );
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  // an HQ's or branch's line: its amount traced to its department's indicators (null on a township's)
  const department = await lineDepartmentTrace(run, line, db());
  return { ...line, quality_unit_name: nameOf(line.quality_org_unit_id), home_unit_name: nameOf(line.home_org_unit_id), items, department };
}
