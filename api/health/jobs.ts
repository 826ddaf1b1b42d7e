// The daily health-management job: expire ended contracts, generate the next tasks, move task
// states by date (upcoming → due → missed). Idempotent: a re-run for the same day changes nothing.
import type { JobDef } from '../jobs';
import { expireContracts, dailyTaskRun } from './service';

export const healthDailyJob: JobDef = {
  name: 'health-daily',
  schedule: '10 1 * * *',
  description: '健康管理: expire ended contracts, generate due tasks, mark due and missed tasks',
  run: async ({ runKey }) => {
    const expired = await expireContracts(runKey);
    return { contracts_expired: expired, ...(await dailyTaskRun(runKey)) };
  },
};
