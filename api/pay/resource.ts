// The pay runs as a resource (list fields, unit scope) and the run taken for a step of its workflow:
// shared by the runs' use-cases and their corrections.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { getRow, lockRow, type ResourceDef } from '../core/crud';
import { conflict } from '../core/errors';
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
  await getRow(payRunResource, actor, id, trx);
  await lockRow(trx, 'pay_runs', id);
  const run = (await PayRun.query(trx).findById(id))!;
  if (!mayStep(step, run.status))
    throw conflict(`run ${id} is ${run.status}: it cannot be ${STEP_TO[step]}`, [
      { field: 'status', message: `allowed from ${PAY_STEPS[step].join(', ')}`, rule: 'pay_run_state', params: { status: run.status, step } },
    ]);
  return run;
}
