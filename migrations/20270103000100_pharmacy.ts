// The chief pharmacist's prescription review (总药师处方点评, issue 21 part 2): prescriptions imported
// from the units' files (one row per drug; the patient kept as a keyed hash with age and sex only),
// their automatic flags, the monthly random sample, the pharmacist's review with its outcome, the
// actions against a prescriber tracked to closure, and the rules as one row of configuration.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;

export async function up(knex: Knex) {
  await knex.schema.createTable('pharmacy_settings', (t) => {
    t.integer('id').primary();
    t.jsonb('settings').notNullable();
    t.integer('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('id = 1', [], 'pharmacy_settings_single_row');
  });
  await knex.schema.createTable('prescriptions', (t) => {
    t.bigIncrements('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('prescription_no').notNullable();
    t.text('department');
    t.text('prescriber_name').notNullable();
    /** the HR registry's person, when exactly one of the unit's staff bears the name */
    t.integer('prescriber_staff_id').references('staff.id').onDelete('SET NULL');
    t.date('prescribed_on').notNullable();
    t.text('care_type').notNullable();
    /** keyed hash (HMAC) of the patient's ID or record number: the same patient, never who */
    t.text('patient_hash').notNullable();
    t.smallint('patient_age');
    t.text('patient_sex');
    t.specificType('diagnosis_codes', 'text[]').notNullable().defaultTo('{}');
    t.text('diagnosis_text');
    t.smallint('item_count').notNullable().defaultTo(0);
    t.boolean('has_antibiotic').notNullable().defaultTo(false);
    t.boolean('has_injection').notNullable().defaultTo(false);
    t.specificType('flags', 'text[]').notNullable().defaultTo('{}');
    /** the month of the random sample that drew it (每月抽样), null when not drawn */
    t.text('sampled_month');
    t.text('review_status').notNullable().defaultTo('pending');
    t.text('outcome');
    t.text('reason');
    t.text('review_note');
    t.integer('reviewed_by').references('users.id').onDelete('SET NULL');
    t.timestamp('reviewed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['org_unit_id', 'prescription_no'], { indexName: 'prescriptions_unit_no' });
    t.index(['org_unit_id', 'prescribed_on']);
    t.index(['prescribed_on']);
    t.index(['prescriber_staff_id']);
    t.check(checkIn('care_type', ['outpatient', 'inpatient']), [], 'prescriptions_care_type');
    t.check(checkIn('review_status', ['pending', 'reviewed']), [], 'prescriptions_review_status');
    t.check(`outcome IS NULL OR ${checkIn('outcome', ['rational', 'irrational'])}`, [], 'prescriptions_outcome');
    t.check(`reason IS NULL OR ${checkIn('reason', ['nonstandard', 'inappropriate', 'excessive'])}`, [], 'prescriptions_reason');
    t.check("patient_sex IS NULL OR patient_sex in ('M', 'F')", [], 'prescriptions_patient_sex');
    t.check("(review_status = 'reviewed') = (outcome IS NOT NULL)", [], 'prescriptions_outcome_when_reviewed');
    t.check(
      "flags <@ ARRAY['antibiotic_without_indication', 'too_many_drugs', 'duplicate_class', 'dose_out_of_range', 'injection_oral_would_do', 'suspended_drug']::text[]",
      [],
      'prescriptions_flags',
    );
  });
  await knex.raw("CREATE INDEX prescriptions_flagged ON prescriptions (org_unit_id, prescribed_on) WHERE flags <> '{}'");
  await knex.raw('CREATE INDEX prescriptions_sampled ON prescriptions (org_unit_id, sampled_month) WHERE sampled_month IS NOT NULL');
  await knex.schema.createTable('prescription_items', (t) => {
    t.bigIncrements('id');
    t.bigInteger('prescription_id').notNullable().references('prescriptions.id').onDelete('CASCADE');
    t.smallint('seq').notNullable();
    t.text('drug_name').notNullable();
    t.text('drug_class');
    t.boolean('antibiotic').notNullable().defaultTo(false);
    t.text('route').notNullable();
    t.decimal('dose', 12, 3);
    t.text('dose_unit');
    t.smallint('days');
    t.unique(['prescription_id', 'seq']);
    t.check(checkIn('route', ['oral', 'injection', 'topical', 'inhaled', 'other']), [], 'prescription_items_route');
  });
  await knex.schema.createTable('prescriber_actions', (t) => {
    t.increments('id');
    t.text('kind').notNullable();
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('prescriber_name').notNullable();
    t.integer('prescriber_staff_id').references('staff.id').onDelete('SET NULL');
    t.bigInteger('prescription_id').references('prescriptions.id').onDelete('SET NULL');
    /** a suspension's drug (停用: the prescriber may no longer prescribe it while the action is open) */
    t.text('drug_name');
    /** a penalty's amount */
    t.decimal('amount', 14, 2);
    t.text('reason').notNullable();
    t.date('due_on');
    t.text('status').notNullable().defaultTo('open');
    t.text('outcome');
    t.timestamp('closed_at', { useTz: true });
    t.integer('closed_by').references('users.id').onDelete('SET NULL');
    t.integer('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['org_unit_id', 'status']);
    t.index(['prescription_id']);
    t.check(checkIn('kind', ['interview', 'suspend', 'penalty']), [], 'prescriber_actions_kind');
    t.check(checkIn('status', ['open', 'closed', 'cancelled']), [], 'prescriber_actions_status');
    t.check("(kind = 'suspend') = (drug_name IS NOT NULL)", [], 'prescriber_actions_drug');
    t.check("(kind = 'penalty') = (amount IS NOT NULL) AND (amount IS NULL OR amount > 0)", [], 'prescriber_actions_amount');
  });
}

export async function down(knex: Knex) {
  await knex.raw('DROP TABLE IF EXISTS prescriber_actions, prescription_items, prescriptions, pharmacy_settings CASCADE');
}
