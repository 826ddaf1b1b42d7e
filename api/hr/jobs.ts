// HR's daily job: rotations start and end on their dates (the person's working unit follows),
// those ending within 30 days are listed in the run's result, and village-doctor contracts past
// their end expire. Safe to re-run: a second run on the same day finds nothing left to change.
import { systemActor } from '../core/actor';
import type { JobDef } from '../jobs';
import { expireContracts } from './contracts/service';
import { runDailyRotations } from './rotations/service';

export const hrDaily: JobDef = {
  name: 'hr-daily',
  schedule: '5 0 * * *',
  description:
    'Activates rotations starting today, completes those past their planned end, lists those ending within 30 days; expires village-doctor contracts',
  run: async (ctx) => {
    const actor = systemActor('job:hr-daily');
    const rotations = await runDailyRotations(actor, ctx.runKey);
    return { ...rotations, contracts_expired: await expireContracts(actor, ctx.runKey) };
  },
};
