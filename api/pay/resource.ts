// The pay runs as a resource (list fields, unit scope): shared by the runs' use-cases and their corrections.
import type { ResourceDef } from '../core/crud';
import { scopeByUnit } from '../core/scope';
import { PAY_RUN_STATUS } from './enums';
import { PayRun } from './model';

export const payRunResource: ResourceDef<PayRun> = {
  name: 'pay-runs',
  model: PayRun,
  scope: scopeByUnit('pay_runs.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', month: 'date', status: PAY_RUN_STATUS.values, version: 'int', created_at: 'timestamp' },
    defaultSort: ['month', 'DESC'],
  },
};
