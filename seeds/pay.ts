// The demo's pay runs (绩效工资): every township's last complete month, calculated from the
// demo's follow-ups and contracts so the screens and the village doctors' statements are not
// empty; the director's review and finance's approval are left to do. Deterministic: the
// budgeted fund is ¥2,000 a person on the township's payroll. A township whose month holds no
// points (a small demo's one doctor whose lapsed tasks outweigh the work) keeps its run as a draft,
// as a real one would: the fund cannot be paid out by points no one earned.
import { systemActor } from '../api/core/actor';
import { dayKey, previousMonth } from '../api/core/clock';
import { payrollPeople } from '../api/hr';
import { calculateRun, createRun } from '../api/pay';
import type { DemoStep } from './demo';
import { AppError } from '../api/core/errors';

const FUND_PER_PERSON = 200_000n; // fen

/** Whether `e` is the refusal of business rule `rule`. */
const isRule = (e: unknown, rule: string) => e instanceof AppError && Array.isArray(e.details) && e.details.some((d: { rule?: string }) => d.rule === rule);

export const payDemo: DemoStep = {
  name: 'pay',
  run: async (trx, ctx) => {
    const actor = { ...systemActor('demo'), roles: ['group_finance'] };
    const month = previousMonth(dayKey(ctx.today).slice(0, 7));
    let runs = 0;
    let drafts = 0;
    for (const unit of ctx.units.filter((u) => u.level === 3)) {
      const people = await payrollPeople(unit.id, `${month}-01`, trx);
      if (!people.length) continue;
      const run = await createRun(actor, { org_unit_id: unit.id, month, budgeted_fund: FUND_PER_PERSON * BigInt(people.length) }, trx);
      const calculated = await calculateRun(actor, run.id, trx).then(
        () => true,
        (e: unknown) => {
          if (isRule(e, 'no_points')) return false;
          throw e;
        },
      );
      runs += 1;
      if (!calculated) drafts += 1;
    }
    return { month, runs, drafts };
  },
};
