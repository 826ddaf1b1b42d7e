// The claims' totals by group (claim_totals, kept by the database's statement triggers) against a
// GROUP BY over the claims themselves, in the real database: after the demo's load, and after an
// insert, an update, a reversal, a delete and a rebuild — equal row for row, to the fen.
import { expect } from 'chai';
import type { Knex } from 'knex';
import '../../../scripts/test/harness';
import { db } from '../../db/knex';
import { rebuildClaimTotals } from '../runs/calculation';

const KEY = 'fund_year_id, period_month, provider_class, care_type, org_unit_id, insured_unit_id, referred_up';
const SUMS = 'claim_rows::int, claims::int, total_cost, fund_paid, self_pay, self_funded, drug_cost, consumables_cost';

/** The totals as stored, and as a GROUP BY over the claims gives them, each as sorted text rows. */
async function both(conn: Knex | Knex.Transaction) {
  const text = async (sql: string) =>
    (await conn.raw<{ rows: { r: string }[] }>(`SELECT (${KEY}, ${SUMS})::text AS r FROM (${sql}) t ORDER BY 1`)).rows.map((x) => x.r);
  const stored = await text('SELECT * FROM claim_totals');
  const fresh = await text(`SELECT ${KEY}, count(*) AS claim_rows, sum(claim_count) AS claims, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid,
                                   sum(self_pay) AS self_pay, sum(self_funded) AS self_funded, sum(drug_cost) AS drug_cost, sum(consumables_cost) AS consumables_cost
                              FROM claims GROUP BY ${KEY}`);
  return { stored, fresh };
}

describe('claim totals (the settlement run reads them)', () => {
  it('equal the claims summed by group after the demo load', async () => {
    const { stored, fresh } = await both(db());
    expect(fresh.length).to.be.greaterThan(100);
    expect(stored).to.deep.equal(fresh);
  });

  it('follow an insert, an update, a reversal and a delete in the same transaction, and a rebuild gives the same rows', async () => {
    await db()
      .transaction(async (trx) => {
        const original = await trx('claims')
          .where({ care_type: 'inpatient', claim_count: 1 })
          .whereNull('reverses_claim_id')
          .orderBy('id')
          .first<Record<string, unknown> & { id: number; fund_year_id: number; claim_no: string; settled_on: string }>();
        expect(original).to.not.equal(undefined);
        const { id, created_at, updated_at, period_month, revision, ...copy } = original;
        void [id, created_at, updated_at, period_month, revision];
        // a new claim in the original's group, moved to another month: a new group
        await trx('claims').insert({ ...copy, claim_no: `${original.claim_no}-T1`, settled_on: `${copy.settled_on.slice(0, 4)}-12-30` });
        // an update moving fen between two amounts of one group's claim, and one changing its group (referred up)
        await trx('claims')
          .where('id', original.id)
          .update({ fund_paid: trx.raw('fund_paid - 1'), self_pay: trx.raw('self_pay + 1') });
        await trx('claims')
          .where('claim_no', `${original.claim_no}-T1`)
          .update({ referred_up: trx.raw('NOT referred_up') });
        // a full reversal of the original: the group nets to zero claims but stays
        await trx('claims').insert({
          ...copy,
          claim_no: `${original.claim_no}-R`,
          reverses_claim_id: original.id,
          claim_count: -1,
          ...Object.fromEntries(
            ['total_cost', 'fund_paid', 'self_pay', 'self_funded', 'drug_cost', 'consumables_cost'].map((c) => [
              c,
              trx.raw(`-(SELECT ${c} FROM claims WHERE id = ?)`, [original.id]),
            ]),
          ),
        });
        let { stored, fresh } = await both(trx);
        expect(stored).to.deep.equal(fresh);
        // a delete: a group no claim is left in goes (the fresh GROUP BY has no such row)
        await trx('claims').where('claim_no', `${original.claim_no}-T1`).delete();
        ({ stored, fresh } = await both(trx));
        expect(stored).to.deep.equal(fresh);
        // the bulk loader's path: rebuilt from the claims, the same rows
        await rebuildClaimTotals(trx, original.fund_year_id);
        expect((await both(trx)).stored).to.deep.equal(fresh);
        throw new Error('rollback');
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error) || e.message !== 'rollback') throw e;
      });
  });
});
