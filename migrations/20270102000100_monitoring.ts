// The national monitoring indicators for 紧密型县域医共体 (issue 21, part 1): the year's targets per
// indicator (configuration), every visit (诊疗人次, insured or not) per unit and month with its 中医
// share, the evidence of the qualitative indicators (self-assessment, reviewer's note, documents);
// claims learn whether their provider is a pharmacy (the fund's in-county share excludes them), and
// a resident's deregistration by death its cause (ICD-10), for premature mortality.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
// the 14 in the national order (api/monitoring/enums.ts INDICATOR)
const INDICATORS = [
  'resources_unified',
  'democratic_decisions',
  'service_coordination',
  'seconded_doctors',
  'ecg_village_coverage',
  'primary_pay_ratio',
  'primary_visit_share',
  'fund_in_county_share',
  'fund_primary_share',
  'inpatient_cost',
  'inpatient_in_county_share',
  'tcm_visit_share',
  'chronic_admission_rate',
  'premature_mortality',
];

export async function up(knex: Knex) {
  await knex.schema.createTable('monitoring_targets', (t) => {
    t.increments('id');
    t.integer('year').notNullable();
    t.text('indicator').notNullable();
    t.decimal('target', 18, 6).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['year', 'indicator']);
    t.check(checkIn('indicator', INDICATORS), [], 'monitoring_targets_indicator');
    t.check('target >= 0', [], 'monitoring_targets_target');
    t.check('year between 2000 and 2100', [], 'monitoring_targets_year');
  });
  await knex.schema.createTable('visit_counts', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    /** the month's first day */
    t.date('month').notNullable();
    t.integer('visits').notNullable();
    /** of them, 中医类 visits */
    t.integer('tcm_visits').notNullable().defaultTo(0);
    t.text('source').notNullable().defaultTo('entry');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['org_unit_id', 'month']);
    t.index('month');
    t.check('visits >= 0 and tcm_visits >= 0 and tcm_visits <= visits', [], 'visit_counts_counts');
    t.check('extract(day from month) = 1', [], 'visit_counts_month');
    t.check(checkIn('source', ['entry', 'import']), [], 'visit_counts_source');
  });
  await knex.schema.createTable('monitoring_evidence', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('year').notNullable();
    t.text('indicator').notNullable();
    t.decimal('self_score', 5, 2);
    t.text('self_note');
    t.decimal('reviewed_score', 5, 2);
    t.text('reviewer_note');
    t.text('reviewed_by');
    t.timestamp('reviewed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['org_unit_id', 'year', 'indicator']);
    t.check(checkIn('indicator', ['resources_unified', 'democratic_decisions', 'service_coordination']), [], 'monitoring_evidence_indicator');
    t.check(
      '(self_score is null or self_score between 0 and 100) and (reviewed_score is null or reviewed_score between 0 and 100)',
      [],
      'monitoring_evidence_score',
    );
  });
  await knex.schema.createTable('monitoring_documents', (t) => {
    t.increments('id');
    t.integer('evidence_id').notNullable().references('monitoring_evidence.id').onDelete('CASCADE');
    t.text('file_name').notNullable();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.text('uploaded_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index('evidence_id');
  });
  await knex.schema.alterTable('claims', (t) => {
    t.text('provider_kind').notNullable().defaultTo('institution');
    t.check(checkIn('provider_kind', ['institution', 'pharmacy']), [], 'claims_provider_kind');
  });
  // the resident–claim join (managed chronic patients' stays) reads claims by the ID number's hash
  await knex.raw("CREATE INDEX claims_inpatient_by_hash ON claims (id_number_hash, fund_year_id) WHERE care_type = 'inpatient'");
  await knex.schema.alterTable('residents', (t) => {
    /** the underlying cause of death (ICD-10), set with a deregistration by death */
    t.text('death_cause');
    // (no question mark: knex reads one as a binding)
    t.check("death_cause is null or death_cause ~ '^[A-Z][0-9]{2}([.][0-9A-Z]{1,4}){0,1}$'", [], 'residents_death_cause');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('residents', (t) => {
    t.dropChecks(['residents_death_cause']);
    t.dropColumn('death_cause');
  });
  await knex.raw('DROP INDEX IF EXISTS claims_inpatient_by_hash');
  await knex.schema.alterTable('claims', (t) => {
    t.dropChecks(['claims_provider_kind']);
    t.dropColumn('provider_kind');
  });
  await knex.schema.dropTable('monitoring_documents');
  await knex.schema.dropTable('monitoring_evidence');
  await knex.schema.dropTable('visit_counts');
  await knex.schema.dropTable('monitoring_targets');
}
