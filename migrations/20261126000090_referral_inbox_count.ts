// A narrow index for the inbox's total: the ordered inbox index carries five keys per entry, so
// counting a unit's open referrals read a page of it per dozen entries; this one holds a unit's
// few hundred open referrals (with the sender, for the scope check) in two or three pages.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`CREATE INDEX referrals_open_to ON referrals (to_org_unit_id) INCLUDE (from_org_unit_id)
                  WHERE status IN ('requested','accepted')`);
}

export async function down(knex: Knex) {
  await knex.raw('DROP INDEX referrals_open_to');
}
