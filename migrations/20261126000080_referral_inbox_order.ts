// The inbox index in the inbox's own order — requests before accepted patients, the green channel
// first, then oldest first — with the sender's unit included for the scope check. A unit's inbox
// page is then an ordered index scan that stops after one page, and its total an index-only count,
// instead of reading and sorting every open referral of the unit (hundreds at the HQ).
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`CREATE INDEX referrals_inbox_ordered ON referrals
                    (to_org_unit_id, (status <> 'requested'), urgency_rank, requested_at, id) INCLUDE (from_org_unit_id)
                  WHERE status IN ('requested','accepted')`);
  await knex.raw('DROP INDEX referrals_inbox');
}

export async function down(knex: Knex) {
  await knex.raw(`CREATE INDEX referrals_inbox ON referrals (to_org_unit_id, urgency_rank, requested_at)
                  WHERE status IN ('requested','accepted')`);
  await knex.raw('DROP INDEX referrals_inbox_ordered');
}
