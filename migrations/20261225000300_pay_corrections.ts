// Corrections of performance pay (issue 19): an approved or locked run is corrected by a new version —
// the same township and month, `version` n + 1, naming the run it supersedes and the reason — and the old
// one becomes `superseded`. One live (not superseded) version per township and month. Calculating the
// correction stores, per person, what changed against the superseded version (pay_run_differences).
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const STATUSES = ['draft', 'calculated', 'reviewed', 'approved', 'locked', 'superseded'];
const CHANGES = ['added', 'gone', 'changed'];

export async function up(knex: Knex) {
  await knex.raw(`ALTER TABLE pay_runs
    ADD COLUMN version integer NOT NULL DEFAULT 1,
    ADD COLUMN supersedes_id integer REFERENCES pay_runs(id) ON DELETE RESTRICT,
    ADD COLUMN reason text,
    DROP CONSTRAINT pay_runs_status,
    ADD CONSTRAINT pay_runs_status CHECK (${checkIn('status', STATUSES)}),
    ADD CONSTRAINT pay_runs_version CHECK ((version = 1) = (supersedes_id IS NULL) AND (supersedes_id IS NULL OR reason IS NOT NULL)),
    DROP CONSTRAINT pay_runs_org_unit_id_month_unique`);
  await knex.raw("CREATE UNIQUE INDEX pay_runs_one_live ON pay_runs (org_unit_id, month) WHERE status <> 'superseded'");
  await knex.raw('CREATE UNIQUE INDEX pay_runs_supersedes ON pay_runs (supersedes_id) WHERE supersedes_id IS NOT NULL');

  await knex.schema.createTable('pay_run_differences', (t) => {
    t.increments('id');
    /** the correction */
    t.integer('run_id').notNullable().references('pay_runs.id').onDelete('CASCADE');
    t.integer('staff_id').notNullable();
    t.text('name').notNullable();
    t.text('change').notNullable();
    /** null where the person had no line before (added) or has none after (gone) */
    t.decimal('amount_before', 14, 2);
    t.decimal('amount_after', 14, 2);
    t.decimal('points_before', 18, 6);
    t.decimal('points_after', 18, 6);
    t.decimal('net_before', 14, 2);
    t.decimal('net_after', 14, 2);
    t.unique(['run_id', 'staff_id']);
    t.check(checkIn('change', CHANGES), [], 'pay_run_differences_change');
    t.check(
      "(change = 'added') = (amount_before IS NULL) AND (change = 'gone') = (amount_after IS NULL) AND (amount_before IS NULL) = (points_before IS NULL) AND (amount_after IS NULL) = (points_after IS NULL)",
      [],
      'pay_run_differences_sides',
    );
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('pay_run_differences');
  await knex.raw('DROP INDEX pay_runs_supersedes');
  await knex.raw('DROP INDEX pay_runs_one_live');
  await knex.raw("DELETE FROM pay_runs WHERE status = 'superseded' OR supersedes_id IS NOT NULL");
  await knex.raw(`ALTER TABLE pay_runs
    DROP CONSTRAINT pay_runs_version,
    DROP CONSTRAINT pay_runs_status,
    ADD CONSTRAINT pay_runs_status CHECK (${checkIn('status', STATUSES.slice(0, 5))}),
    DROP COLUMN version, DROP COLUMN supersedes_id, DROP COLUMN reason,
    ADD CONSTRAINT pay_runs_org_unit_id_month_unique UNIQUE (org_unit_id, month)`);
}
