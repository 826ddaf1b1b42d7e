// The monthly job: on the 1st, create and calculate the previous month's provisional run for
// every fund year of that year. Advisory-locked and recorded in job_runs by runJob; safe to
// re-run: a month whose run is already calculated (or further) is left alone.
import { systemActor } from '../core/actor';
import { shanghaiWallTime } from '../core/clock';
import type { JobDef } from '../jobs';
import { db } from '../db/knex';
import { calculateRun, createRun, currentRun } from './runs/service';
import { periodText } from './runs/rules';
import type { FundYear } from './fundYears/model';

/** The month before `now` in the group's time zone (Asia/Shanghai). */
export function previousMonth(now: Date): { year: number; month: number } {
  const local = shanghaiWallTime(now);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? { year: y - 1, month: 12 } : { year: y, month: m };
}

export async function provisionalRuns(now: Date) {
  const actor = { ...systemActor('settlement-job'), roles: ['group_finance'] };
  const { year, month } = previousMonth(now);
  const period = periodText(year, month);
  const fundYears = await db()('fund_years').select<Pick<FundYear, 'id' | 'region'>[]>('id', 'region').where('year', year).orderBy('id');
  const done: { fund_year_id: number; region: string; run_id: number; action: string }[] = [];
  for (const fy of fundYears) {
    let run = await currentRun(db(), fy.id, period);
    if (run && run.status !== 'draft') {
      done.push({ fund_year_id: fy.id, region: fy.region, run_id: run.id, action: `left ${run.status}` });
      continue;
    }
    const created = !run;
    if (!run) run = await createRun(actor, { fund_year_id: fy.id, period });
    await calculateRun(actor, run.id);
    done.push({ fund_year_id: fy.id, region: fy.region, run_id: run.id, action: created ? 'created and calculated' : 'calculated' });
  }
  return { period, runs: done };
}

export const monthlyProvisionalJob: JobDef = {
  name: 'settlement.monthly-provisional',
  schedule: '30 2 1 * *',
  description: "Creates and calculates the previous month's provisional settlement run (医保打包付费, year to date) for each fund year",
  run: ({ now }) => provisionalRuns(now),
};
