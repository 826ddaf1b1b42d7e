// The HQ's and branches' department pay scheme (科室绩效, issue 19): the weights of drug share, cost per stay and
// referrals in a department's score (whole percent, adding up to 100) and an indicator's most points.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.alterTable('pay_settings', (t) => {
    t.jsonb('department_scheme');
  });
  await knex('pay_settings')
    .where('id', 1)
    .update({ department_scheme: JSON.stringify({ weights: { drug_share: 40, cost_per_stay: 40, referrals: 20 }, max_indicator_score: 120 }) });
  await knex.raw('ALTER TABLE pay_settings ALTER COLUMN department_scheme SET NOT NULL');
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('pay_settings', (t) => t.dropColumns('department_scheme'));
}
