// The demo's pay runs (绩效工资): every township's last complete months of this year and the same months
// of last year (demoPayMonths), each calculated from the demo's follow-ups and contracts by the service's own use-cases, then
// reviewed by the township's director and approved by group finance — so that 收入变化 compares real
// figures per role and township — except the last complete month, calculated and left for the
// director's review and finance's approval (the flow the screens start from). Last year's December
// waits for the year's final settlement, as a real one would (its run takes the settlement's share).
// Every employee of the township is on its payroll; the director's login is linked to their staff
// record (the township's longest-serving physician). The budgeted fund (预算绩效资金, what the county
// approves) is the payroll's monthly budget by category (a physician ¥2,800 … a village doctor ¥1,500)
// times the township's own factor (0.88–1.15, its revenue and workload), and last year's the same over
// last year's payroll divided by the township's rise (6–30 %): deterministic, different by township.
// A township whose month holds no points (a
// small demo's one doctor whose lapsed tasks outweigh the work) keeps that run as a draft, as a real
// one would: the fund cannot be paid out by points no one earned.
// The HQ and one branch (B1; B2 is the department-run test's own) are paid the same months by department results
// (科室绩效), reviewed by their directors and approved alike, so that the run page shows their departments' figures.
import type { Knex } from 'knex';
import { systemActor, type Actor } from '../api/core/actor';
import { addMonths, dayKey } from '../api/core/clock';
import { payrollPeople, type Category } from '../api/hr';
import { seeded } from '../api/shared/random';
import { approveRun, calculateRun, createRun, reviewRun } from '../api/pay';
import type { DemoStep } from './demo';
import type { UnitRow } from './org';
import { AppError } from '../api/core/errors';

/** A person's monthly budget in the township's fund, by category (yuan, this year, at a factor of 1). */
const BUDGET_PER_PERSON: Record<Category, number> = {
  doctor: 2_800,
  public_health: 2_600,
  nurse: 2_500,
  pharmacist: 2_300,
  technician: 2_400,
  admin: 2_300,
  village_doctor: 1_500,
};

/** Each township's factor this year (0.88–1.15) and its rise on last year (6–30 %), drawn in the order given. */
export function townshipFunds(ids: readonly number[]): Map<number, { factor: number; rise: number }> {
  const rng = seeded(1919);
  return new Map(ids.map((id) => [id, { factor: 0.88 + 0.27 * rng(), rise: 0.06 + 0.24 * rng() }]));
}

/** The township's budgeted fund of a month, in fen (whole yuan): its payroll's budget × its factor, last year's ÷ its rise. */
export function budgetedFund(people: readonly { category: Category }[], fund: { factor: number; rise: number }, lastYear: boolean): bigint {
  const budget = people.reduce((a, p) => a + BUDGET_PER_PERSON[p.category], 0) * fund.factor;
  return BigInt(Math.round(lastYear ? budget / (1 + fund.rise) : budget)) * 100n;
}

/** Whether `e` is the refusal of business rule `rule`. */
const isRule = (e: unknown, rule: string) => e instanceof AppError && Array.isArray(e.details) && e.details.some((d: { rule?: string }) => d.rule === rule);

/** This year's months the demo pays (the last complete ones): each run is calculated, reviewed and approved through the service, about 2 s a township at scale 1. */
const RECENT_MONTHS = 2;

/**
 * The months paid (YYYY-MM, oldest first) when today is in `current`: this year's last RECENT_MONTHS
 * complete months and the same months of last year, which 收入变化 compares them with — never last
 * year's December (it waits for the final settlement), nor a month before last year. Every month of
 * both years made npm start at scale 1 some twenty minutes longer (660 runs).
 */
export function demoPayMonths(current: string): string[] {
  const lastYear = Number(current.slice(0, 4)) - 1;
  const shift = (m: string, by: number) => addMonths(`${m}-01`, by).slice(0, 7);
  const recent: string[] = [];
  for (let m = shift(current, -1); recent.length < RECENT_MONTHS && m >= `${lastYear}-01`; m = shift(m, -1)) if (m !== `${lastYear}-12`) recent.unshift(m);
  const before = recent.map((m) => shift(m, -12)).filter((m) => m >= `${lastYear}-01` && m !== `${lastYear}-12`);
  return [...before, ...recent];
}

interface Login {
  id: number;
  username: string;
  display_name: string;
  org_unit_id: number;
}

/** Links each township director's login to the township's longest-serving physician still employed there. */
async function linkDirectors(trx: Knex.Transaction, townships: readonly UnitRow[]): Promise<Map<number, Login>> {
  const logins: Login[] = await trx('users')
    .whereIn(
      'username',
      townships.map((t) => `director-${t.code}`),
    )
    .select('id', 'username', 'display_name', 'org_unit_id');
  for (const login of logins) {
    const head = await trx('staff')
      .where({ employer_org_unit_id: login.org_unit_id, work_org_unit_id: login.org_unit_id, category: 'doctor', status: 'active' })
      .whereNull('user_id')
      .orderBy([{ column: 'hire_date' }, { column: 'id' }])
      .first<{ id: number } | undefined>('id');
    if (head) await trx('staff').where('id', head.id).update({ user_id: login.id });
  }
  return new Map(logins.map((l) => [l.org_unit_id, l]));
}

/** The units paid by department results in the demo: the HQ and branch B1. */
const DEPARTMENT_UNITS = ['HQ', 'B1'];

export const payDemo: DemoStep = {
  name: 'pay',
  run: async (trx, ctx) => {
    const finance = await trx('users').where('username', 'finance').first<Login>('id', 'username', 'display_name', 'org_unit_id');
    const actor: Actor = { ...systemActor('finance'), id: finance.id, displayName: finance.display_name, roles: ['group_finance'] };
    const units = [...ctx.units.filter((u) => u.level === 3), ...ctx.units.filter((u) => DEPARTMENT_UNITS.includes(u.code))];
    const directors = await linkDirectors(trx, units);
    // the HQ's and the branch's factors drawn after the townships': the townships' stay as they were
    const funds = townshipFunds(units.map((t) => t.id));
    const months = demoPayMonths(dayKey(ctx.today).slice(0, 7));
    const open = months[months.length - 1];
    const thisYear = open.slice(0, 4);
    let approved = 0;
    let calculated = 0;
    let drafts = 0;
    for (const unit of units) {
      const login = directors.get(unit.id);
      const director: Actor | null = login
        ? {
            ...systemActor(login.username),
            id: login.id,
            displayName: login.display_name,
            roles: ['director'],
            orgUnitId: unit.id,
            unitPath: unit.path,
            scopePath: unit.path,
          }
        : null;
      for (const month of months) {
        const people = await payrollPeople(unit.id, `${month}-01`, trx);
        if (!people.length) continue;
        const fund = budgetedFund(people, funds.get(unit.id)!, !month.startsWith(thisYear));
        const run = await createRun(actor, { org_unit_id: unit.id, month, budgeted_fund: fund }, trx);
        const done = await calculateRun(actor, run.id, trx).then(
          () => true,
          (e: unknown) => {
            if (isRule(e, 'no_points')) return false;
            throw e;
          },
        );
        if (!done) drafts += 1;
        else if (month === open || !director) calculated += 1;
        else {
          await reviewRun(director, run.id, '已核对', trx);
          await approveRun(actor, run.id, '同意发放', trx);
          approved += 1;
        }
      }
    }
    return { months: `${months[0]}…${open}`, approved, calculated, drafts };
  },
};
