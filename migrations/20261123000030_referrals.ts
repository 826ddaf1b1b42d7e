// Two-way referrals (双向转诊): referrals between the levels and out of the group, their event
// timeline, appointment slots (30 minutes, capacity per receiving department), escalations of
// unanswered requests, the patient's managing-unit history, and the configuration row.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  // one row of configuration (service levels, fees per level, places held for up-referrals)
  await knex.schema.createTable('referral_settings', (t) => {
    t.integer('id').primary();
    t.jsonb('settings').notNullable();
    t.integer('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('id = 1', [], 'referral_settings_single_row');
  });

  await knex.schema.createTable('referral_slots', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT'); // the receiving unit
    t.integer('department_id').notNullable().references('departments.id').onDelete('RESTRICT');
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.integer('capacity').notNullable();
    t.integer('booked').notNullable().defaultTo(0);
    t.integer('booked_up').notNullable().defaultTo(0); // of which by up-referrals
    t.timestamps(true, true);
    t.unique(['department_id', 'starts_at']);
    t.check('capacity between 1 and 500', [], 'referral_slots_capacity');
    t.check('booked between 0 and capacity', [], 'referral_slots_booked');
    t.check('booked_up between 0 and booked', [], 'referral_slots_booked_up');
    t.check('extract(epoch from starts_at)::bigint % 1800 = 0', [], 'referral_slots_half_hour');
  });
  await knex.raw('CREATE INDEX referral_slots_unit_start ON referral_slots (org_unit_id, starts_at)');

  await knex.schema.createTable('referrals', (t) => {
    t.increments('id');
    // the patient: a resident when one matches, else an external patient with a protected ID number
    t.integer('resident_id').references('residents.id').onDelete('RESTRICT');
    t.text('patient_name').notNullable();
    t.text('patient_sex');
    t.date('patient_birth_date');
    t.text('patient_id_number_hash');
    t.text('patient_id_number_masked');
    t.text('patient_id_number_cipher');
    // names and levels as on the form when it was made (a referral is a document; the lists need no joins)
    t.integer('from_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('from_unit_name').notNullable();
    t.smallint('from_level').notNullable();
    t.integer('from_doctor_id').references('users.id').onDelete('SET NULL');
    t.text('from_doctor_name').notNullable();
    t.integer('to_org_unit_id').references('org_units.id').onDelete('RESTRICT');
    t.text('to_unit_name'); // the member unit, or the outside hospital for `out`
    t.smallint('to_level'); // null for `out`
    t.integer('to_department_id').references('departments.id').onDelete('RESTRICT');
    t.text('to_department_name');
    t.text('to_external_name'); // a hospital outside the county, for `out`
    t.text('direction').notNullable();
    t.text('urgency').notNullable();
    t.text('purpose').notNullable().defaultTo('treatment');
    t.text('diagnosis_code').notNullable(); // ICD-10
    t.text('diagnosis_text').notNullable();
    t.text('reason').notNullable();
    t.text('summary'); // the attached case summary (病历摘要)
    t.integer('previous_referral_id').references('referrals.id').onDelete('RESTRICT'); // the same episode
    t.text('status').notNullable().defaultTo('requested');
    t.integer('slot_id').references('referral_slots.id').onDelete('RESTRICT');
    t.timestamp('appointment_at', { useTz: true });
    t.jsonb('fees').notNullable();
    t.timestamp('requested_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('due_at', { useTz: true }).notNullable(); // answer by (service level of the urgency)
    t.timestamp('answered_at', { useTz: true }); // accepted or rejected
    t.timestamp('accepted_at', { useTz: true });
    t.timestamp('arrived_at', { useTz: true });
    t.timestamp('completed_at', { useTz: true });
    t.timestamp('closed_at', { useTz: true }); // rejected or cancelled
    t.text('status_reason');
    t.timestamp('escalated_at', { useTz: true });
    t.timestamps(true, true);
    t.check("direction in ('up','down','out')", [], 'referrals_direction');
    t.check("urgency in ('routine','urgent','emergency')", [], 'referrals_urgency');
    t.check("purpose in ('treatment','inpatient','examination','rehabilitation','chronic_care')", [], 'referrals_purpose');
    t.check("status in ('requested','accepted','arrived','completed','rejected','cancelled')", [], 'referrals_status');
    t.check("(direction = 'out') = (to_org_unit_id is null)", [], 'referrals_out_has_no_member');
    t.check("direction <> 'out' or to_external_name is not null", [], 'referrals_out_names_hospital');
    t.check("status not in ('rejected','cancelled') or status_reason is not null", [], 'referrals_closed_with_reason');
    t.check('resident_id is not null or patient_id_number_hash is not null', [], 'referrals_patient_identified');
  });
  // green channel first: 0 emergency, 1 urgent, 2 routine
  await knex.raw(`ALTER TABLE referrals ADD COLUMN urgency_rank smallint GENERATED ALWAYS AS
    (CASE urgency WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END) STORED`);
  // the receiving unit's inbox (open requests), the sending unit's outbox, period figures, escalation
  await knex.raw(`CREATE INDEX referrals_inbox ON referrals (to_org_unit_id, urgency_rank, requested_at)
    WHERE status IN ('requested','accepted')`);
  await knex.raw('CREATE INDEX referrals_to_requested ON referrals (to_org_unit_id, requested_at)');
  await knex.raw('CREATE INDEX referrals_from_requested ON referrals (from_org_unit_id, requested_at)');
  await knex.raw('CREATE INDEX referrals_requested ON referrals (requested_at)');
  await knex.raw("CREATE INDEX referrals_overdue ON referrals (due_at) WHERE status = 'requested'");
  await knex.raw('CREATE INDEX referrals_resident ON referrals (resident_id) WHERE resident_id IS NOT NULL');
  await knex.raw('CREATE INDEX referrals_patient_hash ON referrals (patient_id_number_hash)');
  await knex.raw('CREATE INDEX referrals_slot ON referrals (slot_id) WHERE slot_id IS NOT NULL');

  // every transition (and escalation) with actor and time: the referral's timeline
  await knex.schema.createTable('referral_events', (t) => {
    t.bigIncrements('id');
    t.integer('referral_id').notNullable().references('referrals.id').onDelete('RESTRICT');
    t.text('kind').notNullable(); // requested | accepted | arrived | completed | rejected | cancelled | escalated
    t.text('from_status');
    t.text('to_status');
    t.integer('actor_id');
    t.text('actor_name').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('note');
    t.jsonb('data');
    t.index(['referral_id', 'at']);
  });

  // a request past its service level, escalated once to the receiving director and the office
  await knex.schema.createTable('referral_escalations', (t) => {
    t.increments('id');
    t.integer('referral_id').notNullable().unique().references('referrals.id').onDelete('RESTRICT');
    t.integer('org_unit_id').references('org_units.id'); // the receiving unit (null: out of the group)
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.timestamp('escalated_at', { useTz: true }).notNullable();
    t.integer('overdue_minutes').notNullable();
    t.specificType('notify_user_ids', 'integer[]').notNullable().defaultTo('{}');
    t.text('run_key').notNullable();
    t.index(['org_unit_id', 'escalated_at']);
  });

  // the resident's managing unit follows the referral (kept as history, like DHIS2 ownership)
  await knex.schema.createTable('patient_unit_history', (t) => {
    t.increments('id');
    t.integer('referral_id').notNullable().references('referrals.id').onDelete('RESTRICT');
    t.integer('resident_id').notNullable().references('residents.id').onDelete('RESTRICT');
    t.integer('from_org_unit_id').notNullable().references('org_units.id');
    t.integer('to_org_unit_id').notNullable().references('org_units.id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['resident_id', 'at']);
  });
}

export async function down(knex: Knex) {
  await knex.raw('DROP TABLE IF EXISTS patient_unit_history, referral_escalations, referral_events, referrals, referral_slots, referral_settings CASCADE');
}
