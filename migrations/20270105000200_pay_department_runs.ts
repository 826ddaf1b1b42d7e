// The HQ's and branches' pay runs by department results (科室绩效, issue 19): per run, each department's indicators
// of the month (drug share, cost per stay, referrals down) against the same month of last year, their scores, the
// department's score, points and share of the pool; each line names the department it was paid in.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('pay_run_departments', (t) => {
    t.increments('id');
    t.integer('run_id').notNullable().references('pay_runs.id').onDelete('CASCADE');
    /** null: the people without a department */
    t.integer('department_id').references('departments.id').onDelete('RESTRICT');
    t.text('name').notNullable();
    t.decimal('drug_share', 6, 4);
    t.decimal('drug_share_target', 6, 4);
    t.decimal('cost_per_stay', 14, 2);
    t.decimal('cost_per_stay_target', 14, 2);
    t.integer('referrals').notNullable();
    t.integer('referrals_target');
    t.decimal('drug_share_score', 6, 2).notNullable();
    t.decimal('cost_per_stay_score', 6, 2).notNullable();
    t.decimal('referrals_score', 6, 2).notNullable();
    t.decimal('score', 6, 2).notNullable();
    t.integer('people').notNullable();
    t.decimal('points', 18, 6).notNullable();
    t.decimal('amount', 14, 2).notNullable();
    t.unique(['run_id', 'department_id']);
  });
  await knex.schema.alterTable('pay_lines', (t) => {
    t.integer('department_id').references('departments.id').onDelete('RESTRICT');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('pay_lines', (t) => t.dropColumns('department_id'));
  await knex.schema.dropTable('pay_run_departments');
}
