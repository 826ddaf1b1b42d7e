// The evidence of a finding's rectification (整改佐证): files the owner unit uploads with its report (a
// photo of the site put right, a scanned notice), kept beside the finding; their bytes are read one at a time.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('quality_finding_files', (t) => {
    t.increments('id');
    t.integer('finding_id').notNullable().references('quality_findings.id').onDelete('CASCADE');
    t.text('filename').notNullable();
    t.text('content_type').notNullable();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.integer('uploaded_by');
    t.text('uploaded_by_name').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index('finding_id');
    t.check("content_type in ('image/png', 'image/jpeg', 'application/pdf')", [], 'quality_finding_files_type');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('quality_finding_files');
}
