// Frozen inputs and the sign-off of health data (issue 18).
//
// settlement_run_inputs: the health indicators a run's calculation read (months 1..m of the fund year), one row per
// version, unit and indicator, with the counts the rate is of. The version's allocation is computed from these rows,
// so a later follow-up changes the next version only, and the difference between two versions is a comparison of rows.
//
// health_data_signoffs: the bottom-up sign-off (审核) of a month's health data, as DHIS2's data approval: the village
// clinic, then its township centre, then the group. One row per month and unit signed; a withdrawal deletes the row
// (the audit log keeps both). A final run needs every month of the year signed at the group level.
import type { Knex } from 'knex';

// the lists as this migration allows them (literal, so that the migration never changes: api/settlement/enums.test.ts
// compares the constraints with HEALTH_INPUT and SIGNOFF_LEVEL)
const INDICATORS = ['standardised_management_rate', 'control_rate'];
const LEVELS = ['village', 'township', 'group'];

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

export async function up(knex: Knex) {
  await knex.schema.createTable('settlement_run_inputs', (t) => {
    t.integer('run_id').notNullable().references('settlement_runs.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('indicator').notNullable();
    t.integer('numerator').notNullable();
    t.integer('denominator').notNullable();
    /** numerator / denominator to 4 decimals, null without a denominator (无数据) */
    t.decimal('value', 5, 4);
    t.primary(['run_id', 'version', 'org_unit_id', 'indicator']);
    t.check(checkIn('indicator', INDICATORS), [], 'settlement_run_inputs_indicator');
    t.check('numerator >= 0 and denominator >= numerator', [], 'settlement_run_inputs_counts');
  });
  await knex.schema.createTable('health_data_signoffs', (t) => {
    t.increments('id');
    t.integer('year').notNullable();
    t.integer('month').notNullable();
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('level').notNullable();
    t.integer('signed_by');
    t.text('signed_by_name').notNullable();
    t.timestamp('signed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['year', 'month', 'org_unit_id']);
    t.index(['year', 'level']);
    t.check('month between 1 and 12', [], 'health_data_signoffs_month');
    t.check(checkIn('level', LEVELS), [], 'health_data_signoffs_level');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('health_data_signoffs');
  await knex.schema.dropTable('settlement_run_inputs');
}
