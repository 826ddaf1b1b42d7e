// Rotations in performance pay (下派, issue 19): an expert sent down to a township is paid on the host's run for
// the rotation's months, and the sending unit tops them up by the scheme's amount a month, shown apart. Each line
// keeps the rotation, the sending unit and the top-up; the run their total. Lines calculated before have none.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.alterTable('pay_settings', (t) => {
    /** yuan a month */
    t.decimal('rotation_top_up', 12, 2).notNullable().defaultTo(2000);
    t.check('rotation_top_up >= 0', [], 'pay_settings_rotation_top_up');
  });
  await knex.schema.alterTable('pay_lines', (t) => {
    t.integer('rotation_id');
    t.integer('home_org_unit_id');
    t.decimal('rotation_top_up', 12, 2).notNullable().defaultTo(0);
    t.check('rotation_top_up >= 0 and (rotation_id is not null or rotation_top_up = 0)', [], 'pay_lines_rotation_top_up');
  });
  await knex.schema.alterTable('pay_runs', (t) => {
    t.decimal('rotation_top_ups', 14, 2);
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('pay_runs', (t) => t.dropColumns('rotation_top_ups'));
  await knex.schema.alterTable('pay_lines', (t) => {
    t.dropChecks(['pay_lines_rotation_top_up']);
    t.dropColumns('rotation_id', 'home_org_unit_id', 'rotation_top_up');
  });
  await knex.schema.alterTable('pay_settings', (t) => {
    t.dropChecks(['pay_settings_rotation_top_up']);
    t.dropColumns('rotation_top_up');
  });
}
