// Each constrained column of performance pay allows exactly its list's values, and the points table holds every service.
import { expect } from 'chai';
import { db } from '../db/knex';
import { checkedValues } from '../db/checkedValues';
import { system } from '../../scripts/test/harness';
import { PAY_DIFFERENCE_CHANGE, PAY_GRADE, PAY_ITEM_KIND, PAY_RUN_STATUS, PAY_SERVICE } from './enums';
import { DEFAULT_SCHEME } from './rules';

describe('pay enums and the CHECK constraints', () => {
  before(async () => {
    await system();
  });

  for (const [table, column, list] of [
    ['pay_service_points', 'service', PAY_SERVICE],
    ['pay_runs', 'status', PAY_RUN_STATUS],
    ['pay_lines', 'grade', PAY_GRADE],
    ['pay_line_items', 'kind', PAY_ITEM_KIND],
    ['pay_run_differences', 'change', PAY_DIFFERENCE_CHANGE],
  ] as const)
    it(`${table}.${column} allows the values of ${list.name}`, async () => {
      expect(await checkedValues(table, column)).to.have.members([...list.values]);
    });

  it('the migration seeded the default points of every service', async () => {
    const rows = await db()('pay_service_points').select<{ service: string; points: string }[]>('service', 'points');
    expect(Object.fromEntries(rows.map((r) => [r.service, Math.round(Number(r.points) * 100)]))).to.deep.equal(DEFAULT_SCHEME.points);
  });
});
