// Households (户) and village doctors' monthly targets (issue 16).
//
// A household groups the residents of one village who live together (户编号, 住址); a resident
// belongs to one at most, with their relation to its head (HOUSEHOLD_RELATION, one head each).
// `residents.household` (the free-text 户 of the first health migration) stays as the household's
// code, kept equal to it by the health service; the households the existing texts name are made
// here, one per village and text.
//
// A target is a village doctor's goal for one month: follow-ups, contracts and checks. A goal left
// null takes its default from the records (the village's tasks due that month, contracts ending),
// so a row exists only where a township GP or director set one.
import type { Knex } from 'knex';

// the relations to the head as this migration allows them (a literal list, so that the migration
// never changes: api/health/enums.test.ts compares the constraint with HOUSEHOLD_RELATION)
const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'];

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

export async function up(knex: Knex) {
  await knex.schema.createTable('households', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT'); // the village
    t.text('code').notNullable(); // 户编号
    t.text('address'); // 住址
    t.timestamps(true, true);
    t.unique(['org_unit_id', 'code']);
  });
  await knex.schema.alterTable('residents', (t) => {
    t.integer('household_id').references('households.id').onDelete('RESTRICT');
    t.text('household_relation');
    t.check(checkIn('household_relation', RELATIONS), [], 'residents_household_relation');
    t.check('household_id is not null or household_relation is null', [], 'residents_household_pair');
  });
  await knex.raw('CREATE INDEX residents_household ON residents (household_id)');
  // one head per household
  await knex.raw("CREATE UNIQUE INDEX residents_one_head ON residents (household_id) WHERE household_relation = 'head'");

  // the households the existing free texts name
  await knex.raw(`insert into households (org_unit_id, code)
                  select distinct org_unit_id, household from residents where household is not null and household <> ''`);
  await knex.raw(`update residents r set household_id = h.id from households h
                   where h.org_unit_id = r.org_unit_id and h.code = r.household`);

  await knex.schema.createTable('doctor_targets', (t) => {
    t.increments('id');
    t.integer('user_id').notNullable().references('users.id').onDelete('RESTRICT'); // the village doctor
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT'); // their village (scope)
    t.text('month').notNullable(); // YYYY-MM
    // null: the default, derived from the records (see api/health/targetService.ts)
    t.integer('followups_goal');
    t.integer('contracts_goal');
    t.integer('checks_goal');
    t.text('note');
    t.timestamps(true, true);
    t.unique(['user_id', 'month']);
    t.check("month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'", [], 'doctor_targets_month');
    t.check('followups_goal >= 0 and contracts_goal >= 0 and checks_goal >= 0', [], 'doctor_targets_goals');
    t.index(['org_unit_id', 'month']);
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('doctor_targets');
  await knex.raw('DROP INDEX IF EXISTS residents_one_head');
  await knex.raw('DROP INDEX IF EXISTS residents_household');
  await knex.schema.alterTable('residents', (t) => {
    t.dropChecks(['residents_household_relation', 'residents_household_pair']);
    t.dropColumn('household_relation');
    t.dropColumn('household_id');
  });
  await knex.schema.dropTable('households');
}
