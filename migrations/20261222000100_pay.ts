// Performance pay (绩效工资, issue 19): the points table per service and the rest of the scheme
// (deduction per missed task, grade factors, quality bands), monthly pay runs per township, a line
// per person with every intermediate figure, and the work items behind each line (the drill-down),
// kept as calculated so an approved run never changes under later records.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const SERVICES = [
  'hypertension_followup',
  'diabetes_followup',
  'phone_followup',
  'elderly_check',
  'maternal_followup',
  'child_check',
  'severe_mental_followup',
  'tb_followup',
  'home_visit',
  'health_education',
  'health_education_attendee',
  'contract_signed',
];
const DEFAULT_POINTS = [4, 4, 1, 8, 4, 3, 5, 4, 3, 5, 0.2, 3];
const STATUSES = ['draft', 'calculated', 'reviewed', 'approved', 'locked'];
const GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'];
const ITEM_KINDS = ['followup', 'contract', 'missed_task'];

export async function up(knex: Knex) {
  await knex.schema.createTable('pay_service_points', (t) => {
    t.text('service').primary();
    t.decimal('points', 8, 2).notNullable();
    t.check(checkIn('service', SERVICES), [], 'pay_service_points_service');
    t.check('points >= 0', [], 'pay_service_points_points');
  });
  await knex('pay_service_points').insert(SERVICES.map((service, i) => ({ service, points: DEFAULT_POINTS[i] })));

  await knex.schema.createTable('pay_settings', (t) => {
    t.integer('id').primary();
    t.decimal('missed_task_points', 8, 2).notNullable();
    /** { excellent: 1.2, … } */
    t.jsonb('grade_factors').notNullable();
    /** [{ min_rate: 0.7, factor: 1.1 }, …] */
    t.jsonb('quality_bands').notNullable();
    t.decimal('no_rate_factor', 4, 2).notNullable();
    t.integer('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('id = 1', [], 'pay_settings_one_row');
  });
  await knex('pay_settings').insert({
    id: 1,
    missed_task_points: 2,
    grade_factors: JSON.stringify({ excellent: 1.2, qualified: 1, basically_qualified: 0.8, unqualified: 0 }),
    quality_bands: JSON.stringify([
      { min_rate: 0.7, factor: 1.1 },
      { min_rate: 0.55, factor: 1 },
      { min_rate: 0.4, factor: 0.9 },
      { min_rate: 0, factor: 0.8 },
    ]),
    no_rate_factor: 1,
  });

  await knex.schema.createTable('pay_runs', (t) => {
    t.increments('id');
    /** the township (乡镇卫生院) paying its staff and the village doctors it employs (乡聘村用) */
    t.integer('org_unit_id').notNullable();
    t.date('month').notNullable();
    t.text('status').notNullable().defaultTo('draft');
    /** the township's own budgeted performance fund for the month, entered by group finance */
    t.decimal('budgeted_fund', 14, 2).notNullable();
    /** its share of the settlement's staff-performance pool (the fund year's approved final run, paid in December) */
    t.decimal('settlement_share', 14, 2).notNullable().defaultTo(0);
    t.integer('settlement_run_id');
    t.decimal('pool', 14, 2);
    t.decimal('total_points', 18, 6);
    t.decimal('point_value', 14, 4);
    /** the scheme the run was calculated with, as read then */
    t.jsonb('scheme');
    t.integer('created_by');
    t.integer('calculated_by');
    t.timestamp('calculated_at', { useTz: true });
    t.integer('reviewed_by');
    t.text('reviewed_by_name');
    t.timestamp('reviewed_at', { useTz: true });
    t.integer('approved_by');
    t.text('approved_by_name');
    t.timestamp('approved_at', { useTz: true });
    t.integer('locked_by');
    t.timestamp('locked_at', { useTz: true });
    t.timestamps(true, true);
    t.unique(['org_unit_id', 'month']);
    t.check(checkIn('status', STATUSES), [], 'pay_runs_status');
    t.check('budgeted_fund >= 0', [], 'pay_runs_budgeted_fund');
    t.check('extract(day from month) = 1', [], 'pay_runs_month_first_day');
  });

  await knex.schema.createTable('pay_lines', (t) => {
    t.increments('id');
    t.integer('run_id').notNullable().references('pay_runs.id').onDelete('CASCADE');
    t.integer('staff_id').notNullable();
    t.integer('user_id').notNullable();
    t.text('name').notNullable();
    t.integer('work_org_unit_id').notNullable();
    /** { service: { count, points } } */
    t.jsonb('by_service').notNullable();
    t.decimal('gross_points', 12, 2).notNullable();
    t.integer('missed_tasks').notNullable();
    t.decimal('deduction_points', 12, 2).notNullable();
    t.decimal('control_rate', 6, 4);
    t.decimal('quality_factor', 4, 2).notNullable();
    t.text('grade').notNullable();
    t.decimal('grade_factor', 4, 2).notNullable();
    t.decimal('points', 18, 6).notNullable();
    t.decimal('amount', 14, 2).notNullable();
    t.unique(['run_id', 'staff_id']);
    t.index('user_id');
    t.check(checkIn('grade', GRADES), [], 'pay_lines_grade');
  });

  await knex.schema.createTable('pay_line_items', (t) => {
    t.bigIncrements('id');
    t.integer('line_id').notNullable().references('pay_lines.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    /** the follow-up's or contract's id, or the task's */
    t.text('ref_id').notNullable();
    t.date('on').notNullable();
    t.text('type').notNullable();
    t.text('mode');
    t.integer('attendees');
    /** the resident's name masked (张*) */
    t.text('resident');
    t.decimal('points', 10, 2).notNullable();
    t.index('line_id');
    t.check(checkIn('kind', ITEM_KINDS), [], 'pay_line_items_kind');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('pay_line_items');
  await knex.schema.dropTable('pay_lines');
  await knex.schema.dropTable('pay_runs');
  await knex.schema.dropTable('pay_settings');
  await knex.schema.dropTable('pay_service_points');
}
