// The group's diagnosis centres (五大诊断中心: 影像、心电、检验、病理、超声): the centres with the units they
// serve, their services with fees and turnaround norms, diagnosis requests from any unit with their
// attachments (stored here, with the data), the timeline, critical-value escalations and the
// monthly sample of reports re-read by a senior.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const KINDS = ['imaging', 'ecg', 'laboratory', 'pathology', 'ultrasound'];
const URGENCIES = ['emergency', 'routine'];
const STATUSES = ['submitted', 'accepted', 'returned', 'assigned', 'reported', 'acknowledged'];
const AGREEMENTS = ['agree', 'minor', 'major'];

export async function up(knex: Knex) {
  await knex.schema.createTable('diagnosis_centres', (t) => {
    t.increments('id');
    t.text('kind').notNullable();
    t.text('name').notNullable();
    t.integer('host_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    // the units it serves; empty: every member unit
    t.specificType('served_unit_ids', 'integer[]').notNullable().defaultTo('{}');
    // the centre's head (科主任), the second step of a critical value's escalation
    t.integer('head_user_id').references('users.id').onDelete('SET NULL');
    t.integer('critical_ack_minutes').notNullable().defaultTo(15);
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.unique(['host_org_unit_id', 'kind']);
    t.check(checkIn('kind', KINDS), [], 'diagnosis_centres_kind');
    t.check('critical_ack_minutes between 1 and 1440', [], 'diagnosis_centres_ack_minutes');
  });

  await knex.schema.createTable('diagnosis_services', (t) => {
    t.increments('id');
    t.integer('centre_id').notNullable().references('diagnosis_centres.id').onDelete('RESTRICT');
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.text('modality'); // X-ray, CT, MR, FROZEN … (the norms' defaults depend on it)
    t.decimal('fee', 12, 2).notNullable(); // yuan
    t.integer('norm_emergency_minutes'); // null: not offered as an emergency
    t.integer('norm_routine_minutes');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.unique(['centre_id', 'code']);
    t.check('fee >= 0', [], 'diagnosis_services_fee');
    t.check('coalesce(norm_emergency_minutes, norm_routine_minutes) is not null', [], 'diagnosis_services_some_norm');
    t.check('norm_emergency_minutes > 0 and norm_routine_minutes > 0', [], 'diagnosis_services_norms_positive');
  });

  await knex.schema.createTable('diagnosis_requests', (t) => {
    t.increments('id');
    t.integer('centre_id').notNullable().references('diagnosis_centres.id').onDelete('RESTRICT');
    t.integer('centre_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('kind').notNullable();
    t.integer('service_id').notNullable().references('diagnosis_services.id').onDelete('RESTRICT');
    t.text('service_name').notNullable();
    // the patient: a resident when one matches, else an external patient with a protected ID number
    t.integer('resident_id').references('residents.id').onDelete('RESTRICT');
    t.text('patient_name').notNullable();
    t.text('patient_sex');
    t.date('patient_birth_date');
    t.text('patient_id_number_hash');
    t.text('patient_id_number_masked');
    t.text('patient_id_number_cipher');
    t.integer('from_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('from_unit_name').notNullable();
    t.smallint('from_level').notNullable();
    t.integer('from_doctor_id').references('users.id').onDelete('SET NULL');
    t.text('from_doctor_name').notNullable();
    t.text('clinical_question').notNullable();
    t.text('urgency').notNullable();
    t.text('status').notNullable().defaultTo('submitted');
    t.decimal('fee', 12, 2).notNullable(); // the service's fee when requested
    t.integer('norm_minutes').notNullable();
    t.timestamp('submitted_at', { useTz: true }).notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable(); // submitted + the norm: reported after it is late
    t.timestamp('accepted_at', { useTz: true });
    t.timestamp('returned_at', { useTz: true });
    t.text('return_reason');
    t.integer('reader_staff_id').references('staff.id').onDelete('RESTRICT');
    t.text('reader_name');
    t.timestamp('assigned_at', { useTz: true });
    t.text('findings');
    t.text('conclusion');
    t.integer('signer_staff_id').references('staff.id').onDelete('RESTRICT');
    t.text('signer_name');
    t.integer('reported_by').references('users.id').onDelete('SET NULL');
    t.timestamp('reported_at', { useTz: true });
    t.boolean('critical').notNullable().defaultTo(false);
    t.text('critical_note');
    t.timestamp('ack_due_at', { useTz: true });
    t.timestamp('acknowledged_at', { useTz: true });
    t.integer('acknowledged_by').references('users.id').onDelete('SET NULL');
    t.text('acknowledged_by_name');
    t.smallint('escalation_level').notNullable().defaultTo(0);
    t.timestamps(true, true);
    t.check(checkIn('kind', KINDS), [], 'diagnosis_requests_kind');
    t.check(checkIn('urgency', URGENCIES), [], 'diagnosis_requests_urgency');
    t.check(checkIn('status', STATUSES), [], 'diagnosis_requests_status');
    t.check("status <> 'returned' or return_reason is not null", [], 'diagnosis_requests_returned_with_reason');
    t.check(
      "status not in ('reported','acknowledged') or (reported_at is not null and conclusion is not null and signer_staff_id is not null)",
      [],
      'diagnosis_requests_reported_signed',
    );
    t.check('not critical or ack_due_at is not null', [], 'diagnosis_requests_critical_due');
    t.check('resident_id is not null or patient_id_number_hash is not null', [], 'diagnosis_requests_patient_identified');
    t.check('escalation_level between 0 and 2', [], 'diagnosis_requests_escalation_level');
  });
  await knex.raw(`ALTER TABLE diagnosis_requests ADD COLUMN urgency_rank smallint GENERATED ALWAYS AS
    (CASE urgency WHEN 'emergency' THEN 0 ELSE 1 END) STORED`);
  // the centre's worklist (open requests by urgency and due time), the requester's list, the figures, the escalation job
  await knex.raw(`CREATE INDEX diagnosis_requests_worklist ON diagnosis_requests (centre_id, urgency_rank, due_at)
    WHERE status IN ('submitted','accepted','assigned')`);
  await knex.raw('CREATE INDEX diagnosis_requests_centre_submitted ON diagnosis_requests (centre_id, submitted_at)');
  await knex.raw('CREATE INDEX diagnosis_requests_from_submitted ON diagnosis_requests (from_org_unit_id, submitted_at)');
  await knex.raw('CREATE INDEX diagnosis_requests_centre_unit ON diagnosis_requests (centre_org_unit_id, submitted_at)');
  await knex.raw("CREATE INDEX diagnosis_requests_unacknowledged ON diagnosis_requests (ack_due_at) WHERE critical AND status = 'reported'");

  await knex.schema.createTable('diagnosis_attachments', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('diagnosis_requests.id').onDelete('RESTRICT');
    t.text('filename').notNullable();
    t.text('content_type').notNullable();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.integer('uploaded_by').references('users.id').onDelete('SET NULL');
    t.text('uploaded_by_name').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['request_id']);
    t.check('size = octet_length(content)', [], 'diagnosis_attachments_size');
  });

  await knex.schema.createTable('diagnosis_events', (t) => {
    t.bigIncrements('id');
    t.integer('request_id').notNullable().references('diagnosis_requests.id').onDelete('RESTRICT');
    t.text('kind').notNullable(); // submitted | accepted | returned | assigned | reported | acknowledged | attached | escalated
    t.text('from_status');
    t.text('to_status');
    t.integer('actor_id');
    t.text('actor_name').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('note');
    t.jsonb('data');
    t.index(['request_id', 'at']);
  });

  // a critical value not acknowledged in time: step 1 the requesting unit's director, step 2 the centre's head
  await knex.schema.createTable('diagnosis_escalations', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('diagnosis_requests.id').onDelete('RESTRICT');
    t.smallint('level').notNullable();
    t.timestamp('escalated_at', { useTz: true }).notNullable();
    t.specificType('notify_user_ids', 'integer[]').notNullable();
    t.text('run_key').notNullable();
    t.unique(['request_id', 'level']);
    t.check('level in (1, 2)', [], 'diagnosis_escalations_level');
  });

  // the monthly sample (每月抽查): a report drawn at random and re-read by a senior
  await knex.schema.createTable('diagnosis_samples', (t) => {
    t.increments('id');
    t.integer('centre_id').notNullable().references('diagnosis_centres.id').onDelete('RESTRICT');
    t.text('month').notNullable(); // YYYY-MM of the report
    t.integer('request_id').notNullable().unique().references('diagnosis_requests.id').onDelete('RESTRICT');
    t.integer('reviewer_staff_id').notNullable().references('staff.id').onDelete('RESTRICT');
    t.text('reviewer_name').notNullable();
    t.text('agreement');
    t.text('note');
    t.timestamp('drawn_at', { useTz: true }).notNullable();
    t.timestamp('reviewed_at', { useTz: true });
    t.index(['centre_id', 'month']);
    t.check(checkIn('agreement', AGREEMENTS), [], 'diagnosis_samples_agreement');
    t.check("month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'", [], 'diagnosis_samples_month');
    t.check('(agreement is null) = (reviewed_at is null)', [], 'diagnosis_samples_reviewed');
  });
}

export async function down(knex: Knex) {
  for (const table of [
    'diagnosis_samples',
    'diagnosis_escalations',
    'diagnosis_events',
    'diagnosis_attachments',
    'diagnosis_requests',
    'diagnosis_services',
    'diagnosis_centres',
  ])
    await knex.schema.dropTable(table);
}
