// 排班: who is on duty at a diagnosis centre on a day (Beijing date). On a day the centre has a roster,
// only a reader on it may be assigned, report or co-sign; a day without one checks nothing.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('diagnosis_duties', (t) => {
    t.increments('id');
    t.integer('centre_id').notNullable().references('diagnosis_centres.id').onDelete('RESTRICT');
    t.date('day').notNullable();
    t.integer('staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.text('staff_name').notNullable();
    t.integer('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['centre_id', 'day', 'staff_id']);
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('diagnosis_duties');
}
