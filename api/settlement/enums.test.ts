// Each constrained column allows exactly its list's values: a value added to enums.ts without its migration fails here.
import { expect } from 'chai';
import { checkedValues } from '../db/checkedValues';
import { system } from '../../scripts/test/harness';
import { CARE_TYPE, HEALTH_INPUT, PROVIDER_CLASS, PROVIDER_KIND, RUN_KIND, RUN_STATUS, SIGNOFF_LEVEL } from './enums';

describe('settlement enums and the CHECK constraints', () => {
  before(async () => {
    await system();
  });

  for (const [table, column, list] of [
    ['claims', 'provider_class', PROVIDER_CLASS],
    ['claims', 'provider_kind', PROVIDER_KIND],
    ['claims', 'care_type', CARE_TYPE],
    ['settlement_runs', 'kind', RUN_KIND],
    ['settlement_runs', 'status', RUN_STATUS],
    ['settlement_run_inputs', 'indicator', HEALTH_INPUT],
    ['health_data_signoffs', 'level', SIGNOFF_LEVEL],
  ] as const)
    it(`${table}.${column} allows the values of ${list.name}`, async () => {
      expect(await checkedValues(table, column)).to.have.members([...list.values]);
    });
});
