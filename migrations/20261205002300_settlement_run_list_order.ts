// The order group finance reads settlement runs in: newest fund year first, within a year the
// final run (年终清算) before the months, the months newest first. Stored as a generated key
// ('2026-13' for the 2026 final run, '2026-11' for November) so the list sorts by one column.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`ALTER TABLE settlement_runs ADD COLUMN list_order text
                    GENERATED ALWAYS AS (left(period, 4) || CASE WHEN kind = 'final' THEN '-13' ELSE substr(period, 5) END) STORED`);
}

export async function down(knex: Knex) {
  await knex.raw('ALTER TABLE settlement_runs DROP COLUMN list_order');
}
