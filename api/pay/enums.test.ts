// Each constrained column of performance pay allows exactly its list's values, and the points table holds every service.
import { expect } from 'chai';
import { db } from '../db/knex';
import { checkedValues } from '../db/checkedValues';
import { system } from '../../scripts/test/harness';
import { PAY_DIFFERENCE_CHANGE, PAY_GRADE, PAY_POST, PAY_RUN_STATUS, PAY_SERVICE, PAY_TITLE_LEVEL } from './enums';
import { DEFAULT_SCHEME } from './rules';

describe('pay enums and the CHECK constraints', () => {
  before(async () => {
    await system();
  });

  for (const [table, column, list] of [
    ['pay_service_points', 'service', PAY_SERVICE],
    ['pay_runs', 'status', PAY_RUN_STATUS],
    ['pay_lines', 'grade', PAY_GRADE],
    ['pay_lines', 'post', PAY_POST],
    ['pay_lines', 'title_level', PAY_TITLE_LEVEL],
    ['pay_run_differences', 'change', PAY_DIFFERENCE_CHANGE],
  ] as const)
    it(`${table}.${column} allows the values of ${list.name}`, async () => {
      expect(await checkedValues(table, column)).to.have.members([...list.values]);
    });

  it('the migration seeded the default points of every service', async () => {
    const rows = await db()('pay_service_points').select<{ service: string; points: string }[]>('service', 'points');
    expect(Object.fromEntries(rows.map((r) => [r.service, Math.round(Number(r.points) * 100)]))).to.deep.equal(DEFAULT_SCHEME.points);
  });

  it("the migration seeded the base part's default points of every post and title level", async () => {
    const row = await db()('pay_settings')
      .where('id', 1)
      .first<{ post_points: Record<string, number>; title_points: Record<string, number> }>('post_points', 'title_points');
    const centi = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 100)]));
    expect(centi(row.post_points)).to.deep.equal(DEFAULT_SCHEME.post_points);
    expect(centi(row.title_points)).to.deep.equal(DEFAULT_SCHEME.title_points);
  });
});
