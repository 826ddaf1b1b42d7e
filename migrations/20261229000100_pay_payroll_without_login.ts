// Every employee of a township is on its payroll (issue 19: the director, the other staff, the village
// doctors it employs), not only those with a login: a pay line's login is optional — the work behind
// health-management points is recorded by a login, the rest of the pay does not need one.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('ALTER TABLE pay_lines ALTER COLUMN user_id DROP NOT NULL');
}

export async function down(knex: Knex) {
  await knex.raw('DELETE FROM pay_lines WHERE user_id IS NULL');
  await knex.raw('ALTER TABLE pay_lines ALTER COLUMN user_id SET NOT NULL');
}
