// Notifications (消息提醒): one row per user per event, so that the sender of a referral learns of
// its answer (accepted, rejected, arrived) and an overdue request reaches those who must answer.
// Rows are written in the same transaction as the change they report. The API's role gets its
// privileges on the new table from api/db/roles.ts, which grants again after every migration.
// Also: the group referral office's inbox spans every receiving unit, so it gets an index in its
// own order (the per-unit inbox index leads with the unit).
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('notifications', (t) => {
    t.bigIncrements('id');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('kind').notNullable(); // e.g. referral_accepted
    t.text('resource').notNullable(); // what it links to, e.g. referrals
    t.integer('record_id').notNullable();
    t.jsonb('data'); // what the message names (patient, units, appointment), rendered by the UI
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
  });
  // a user's list: unread first, newest first; the bell's count reads the partial one
  await knex.raw('CREATE INDEX notifications_user_order ON notifications (user_id, (read_at is not null), created_at desc, id)');
  await knex.raw('CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL');
  await knex.raw(`CREATE INDEX referrals_inbox_all_units ON referrals
                    ((status <> 'requested'), urgency_rank, requested_at, id) INCLUDE (to_org_unit_id, from_org_unit_id)
                  WHERE status IN ('requested','accepted')`);
}

export async function down(knex: Knex) {
  await knex.raw('DROP INDEX referrals_inbox_all_units');
  await knex.schema.dropTable('notifications');
}
