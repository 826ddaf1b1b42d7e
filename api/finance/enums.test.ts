// Each constrained column allows exactly its list's values, and the chart of accounts is the one the migration seeded:
// a value added to enums.ts without its migration fails here.
import { expect } from 'chai';
import { db } from '../db/knex';
import { checkedValues } from '../db/checkedValues';
import { system } from '../../scripts/test/harness';
import { ACCOUNT, ACCOUNT_KIND, BUDGET_STATUS, FUND_KIND, OVER_BUDGET, REQUEST_STATUS, STEP_STATUS } from './enums';

describe('finance enums and the CHECK constraints', () => {
  before(async () => {
    await system();
  });

  for (const [table, column, list] of [
    ['accounts', 'kind', ACCOUNT_KIND],
    ['accounts', 'over_budget', OVER_BUDGET],
    ['budgets', 'status', BUDGET_STATUS],
    ['expense_requests', 'status', REQUEST_STATUS],
    ['expense_request_steps', 'status', STEP_STATUS],
    ['risk_fund_entries', 'kind', FUND_KIND],
  ] as const)
    it(`${table}.${column} allows the values of ${list.name}`, async () => {
      expect(await checkedValues(table, column)).to.have.members([...list.values]);
    });

  it('the accounts table holds the chart of accounts, each of its kind', async () => {
    const rows = await db()('accounts').select<{ code: string; kind: string }[]>('code', 'kind').orderBy('sort');
    expect(rows).to.deep.equal(ACCOUNT.values.map((code) => ({ code, kind: ACCOUNT.labels[code].kind })));
  });
});
