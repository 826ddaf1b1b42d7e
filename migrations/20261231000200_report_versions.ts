// Reports after the first signature: services that need a second reader (pathology) are preliminary
// until a different reader co-signs; a correction to a signed report is a new version with its reason
// (every signed version kept); the requesting doctor's evaluation (score 1–5 and a comment).
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const OLD_STATUSES = ['submitted', 'accepted', 'returned', 'assigned', 'reported', 'acknowledged'];
const STATUSES = ['submitted', 'accepted', 'returned', 'assigned', 'preliminary', 'reported', 'acknowledged'];

export async function up(knex: Knex) {
  await knex.schema.alterTable('diagnosis_services', (t) => {
    t.boolean('second_signature').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('diagnosis_requests', (t) => {
    t.dropChecks(['diagnosis_requests_status']);
  });
  await knex.schema.alterTable('diagnosis_requests', (t) => {
    t.check(checkIn('status', STATUSES), [], 'diagnosis_requests_status');
    t.smallint('report_version').notNullable().defaultTo(0); // the signed version shown; 0 before the first
    t.integer('second_signer_staff_id').references('staff.id').onDelete('RESTRICT');
    t.text('second_signer_name');
    t.text('correction_reason'); // the reason of the latest correction (its version's, once signed)
    t.smallint('evaluation_score');
    t.text('evaluation_comment');
    t.timestamp('evaluated_at', { useTz: true });
    t.integer('evaluated_by').references('users.id').onDelete('SET NULL');
    t.text('evaluated_by_name');
    t.check('evaluation_score between 1 and 5', [], 'diagnosis_requests_evaluation_score');
    t.check('(evaluation_score is null) = (evaluated_at is null)', [], 'diagnosis_requests_evaluated');
  });
  // every signed version of a report (the first has no reason; a correction names its reason)
  await knex.schema.createTable('diagnosis_report_versions', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('diagnosis_requests.id').onDelete('RESTRICT');
    t.smallint('version').notNullable();
    t.text('findings');
    t.text('conclusion').notNullable();
    t.boolean('critical').notNullable();
    t.text('critical_note');
    t.integer('signer_staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.text('signer_name').notNullable();
    t.integer('second_signer_staff_id').references('staff.id').onDelete('RESTRICT');
    t.text('second_signer_name');
    t.text('reason');
    t.timestamp('signed_at', { useTz: true }).notNullable();
    t.unique(['request_id', 'version']);
    t.check('version >= 1', [], 'diagnosis_report_versions_version');
    t.check('version = 1 or reason is not null', [], 'diagnosis_report_versions_reason');
  });
  // the reports signed before this migration are their own first version
  await knex.raw(`insert into diagnosis_report_versions (request_id, version, findings, conclusion, critical, critical_note, signer_staff_id, signer_name, signed_at)
    select id, 1, findings, conclusion, critical, critical_note, signer_staff_id, signer_name, reported_at from diagnosis_requests where reported_at is not null`);
  await knex.raw('update diagnosis_requests set report_version = 1 where reported_at is not null');
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('diagnosis_report_versions');
  await knex.schema.alterTable('diagnosis_requests', (t) => {
    t.dropChecks(['diagnosis_requests_status', 'diagnosis_requests_evaluation_score', 'diagnosis_requests_evaluated']);
    for (const c of [
      'report_version',
      'second_signer_staff_id',
      'second_signer_name',
      'correction_reason',
      'evaluation_score',
      'evaluation_comment',
      'evaluated_at',
      'evaluated_by',
      'evaluated_by_name',
    ])
      t.dropColumn(c);
  });
  await knex.schema.alterTable('diagnosis_requests', (t) => t.check(checkIn('status', OLD_STATUSES), [], 'diagnosis_requests_status'));
  await knex.schema.alterTable('diagnosis_services', (t) => t.dropColumn('second_signature'));
}
