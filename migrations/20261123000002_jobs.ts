// Scheduled jobs: one row per run, so every replica and every person can see what ran.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('job_runs', (t) => {
    t.bigIncrements('id');
    t.text('job').notNullable();
    // the day (or month) the run is for: a re-run for the same key is recorded, and the job itself is idempotent
    t.text('run_key').notNullable();
    t.text('status').notNullable(); // running | succeeded | failed | skipped
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true });
    t.jsonb('result');
    t.text('error');
    t.text('triggered_by').notNullable().defaultTo('cron');
    t.index(['job', 'started_at']);
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('job_runs');
}
