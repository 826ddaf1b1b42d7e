// The claim-totals trigger drops the groups no claim line is left in after every statement that
// writes claims (`DELETE FROM claim_totals WHERE claim_rows = 0`): without an index that was a scan
// of the whole totals table per import batch. The partial index holds only the emptied groups
// (almost always none), so the delete reads an empty index.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('CREATE INDEX claim_totals_emptied ON claim_totals (fund_year_id) WHERE claim_rows = 0');
}

export async function down(knex: Knex) {
  await knex.raw('DROP INDEX IF EXISTS claim_totals_emptied');
}
