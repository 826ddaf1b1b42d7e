// The pay runs as a resource (list fields, unit scope) and the run taken for a step of its workflow:
// shared by the runs' use-cases and their corrections.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import type { ResourceDef } from '../core/crud';
import { conflict, notFound } from '../core/errors';
import { scopeByUnit } from '../core/scope';
import { PAY_RUN_STATUS } from './enums';
import { PayRun } from './model';
import { mayStep, PAY_STEPS, STEP_TO, type PayStep } from './rules';

export const payRunResource: ResourceDef<PayRun> = {
  name: 'pay-runs',
  model: PayRun,
  scope: scopeByUnit('pay_runs.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', month: 'date', status: PAY_RUN_STATUS.values, version: 'int', created_at: 'timestamp' },
    defaultSort: ['month', 'DESC'],
  },
};

/** The run locked for a step after the state check (409 naming what is allowed). */
export async function forStep(trx: Knex.Transaction, actor: Actor, id: number, step: PayStep) {
  const [run] = await forSteps(trx, actor, [id], step);
  return run;
}

/**
 * The runs, in the order given, read and locked for a step in one statement (by id, so that two such never wait on each
 * other crosswise): 404 for the first outside the caller's scope, then 409 for the first whose state does not allow it.
 */
export async function forSteps(trx: Knex.Transaction, actor: Actor, ids: readonly number[], step: PayStep): Promise<PayRun[]> {
  const qb = PayRun.query(trx).whereIn('pay_runs.id', [...ids]);
  payRunResource.scope(qb, actor.scopePath, actor);
  const byId = new Map((await qb.orderBy('pay_runs.id').forUpdate()).map((r) => [r.id, r]));
  const runs = ids.map((id) => {
    const run = byId.get(id);
    if (!run) throw notFound(payRunResource.name, id);
    return run;
  });
  for (const run of runs)
    if (!mayStep(step, run.status))
      throw conflict(`run ${run.id} is ${run.status}: it cannot be ${STEP_TO[step]}`, [
        { field: 'status', message: `allowed from ${PAY_STEPS[step].join(', ')}`, rule: 'pay_run_state', params: { status: run.status, step } },
      ]);
  return runs;
}
