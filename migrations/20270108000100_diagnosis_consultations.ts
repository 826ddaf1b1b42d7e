// 远程会诊: a township's or branch's invitation to a department or a named expert of the HQ or a branch —
// the material checked (or returned), a slot of half hours in a room, the room ready 30 minutes before,
// the consultation held, the opinion within the norm, the inviting doctor's evaluation, the fee per
// half hour; its attachments (stored with the data) and its timeline. A referral may carry it.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const STATUSES = ['invited', 'returned', 'material_checked', 'scheduled', 'room_ready', 'held', 'opinion_uploaded', 'evaluated'];

export async function up(knex: Knex) {
  await knex.schema.createTable('diagnosis_consultation_settings', (t) => {
    t.integer('id').primary();
    t.decimal('fee_per_half_hour', 12, 2).notNullable(); // yuan
    t.integer('opinion_hours').notNullable(); // the opinion is due this long after the slot ends
    t.integer('ready_minutes').notNullable(); // the room is ready this long before the slot
    t.integer('updated_by').references('users.id').onDelete('SET NULL');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('id = 1', [], 'diagnosis_consultation_settings_one');
    t.check('fee_per_half_hour >= 0 and opinion_hours > 0 and ready_minutes > 0', [], 'diagnosis_consultation_settings_positive');
  });

  await knex.schema.createTable('diagnosis_consultations', (t) => {
    t.increments('id');
    t.text('status').notNullable().defaultTo('invited');
    // the inviting side
    t.integer('from_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('from_unit_name').notNullable();
    t.smallint('from_level').notNullable();
    t.integer('from_doctor_id').references('users.id').onDelete('SET NULL');
    t.text('from_doctor_name').notNullable();
    // the patient: a resident, or an external patient with a protected ID number
    t.integer('resident_id').references('residents.id').onDelete('RESTRICT');
    t.text('patient_name').notNullable();
    t.text('patient_sex');
    t.date('patient_birth_date');
    t.text('patient_id_number_hash');
    t.text('patient_id_number_masked');
    t.text('patient_id_number_cipher');
    t.text('question').notNullable();
    // the host: a department, a named expert (主治 and above), or both
    t.integer('host_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('host_unit_name').notNullable();
    t.integer('host_department_id').references('departments.id').onDelete('RESTRICT');
    t.text('host_department_name');
    t.integer('expert_staff_id').references('staff.id').onDelete('RESTRICT');
    t.text('expert_name');
    t.text('expert_title');
    t.timestamp('invited_at', { useTz: true }).notNullable();
    t.timestamp('checked_at', { useTz: true });
    t.text('checked_by_name');
    t.timestamp('returned_at', { useTz: true });
    t.text('return_reason');
    // the slot: half hours in a room
    t.timestamp('slot_start', { useTz: true });
    t.timestamp('slot_end', { useTz: true });
    t.smallint('half_hours');
    t.text('room');
    t.decimal('fee_per_half_hour', 12, 2);
    t.decimal('fee', 12, 2);
    t.timestamp('scheduled_at', { useTz: true });
    t.timestamp('ready_due_at', { useTz: true });
    t.timestamp('opinion_due_at', { useTz: true });
    // the room: its responsible person and the equipment check
    t.text('room_person');
    t.text('equipment_check');
    t.timestamp('ready_at', { useTz: true });
    t.timestamp('held_at', { useTz: true });
    t.text('participants');
    t.text('opinion');
    t.timestamp('opinion_at', { useTz: true });
    t.text('opinion_by_name');
    t.smallint('evaluation_score');
    t.text('evaluation_note');
    t.timestamp('evaluated_at', { useTz: true });
    t.text('evaluated_by_name');
    t.integer('referral_id').references('referrals.id').onDelete('RESTRICT');
    t.timestamps(true, true);
    t.check(checkIn('status', STATUSES), [], 'diagnosis_consultations_status');
    t.check('host_department_id is not null or expert_staff_id is not null', [], 'diagnosis_consultations_host');
    t.check('resident_id is not null or patient_id_number_hash is not null', [], 'diagnosis_consultations_patient_identified');
    t.check("status <> 'returned' or return_reason is not null", [], 'diagnosis_consultations_returned_with_reason');
    t.check('half_hours between 1 and 8', [], 'diagnosis_consultations_half_hours');
    t.check('(slot_start is null) = (slot_end is null) and slot_end > slot_start', [], 'diagnosis_consultations_slot');
    t.check('evaluation_score between 1 and 5', [], 'diagnosis_consultations_score');
    t.index(['from_org_unit_id']);
    t.index(['host_org_unit_id', 'slot_start']);
    t.index(['expert_staff_id', 'slot_start']);
  });

  await knex.schema.createTable('diagnosis_consultation_attachments', (t) => {
    t.increments('id');
    t.integer('consultation_id').notNullable().references('diagnosis_consultations.id').onDelete('RESTRICT');
    t.text('filename').notNullable();
    t.text('content_type').notNullable();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.integer('uploaded_by').references('users.id').onDelete('SET NULL');
    t.text('uploaded_by_name').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['consultation_id']);
    t.check('size = octet_length(content)', [], 'diagnosis_consultation_attachments_size');
  });

  await knex.schema.createTable('diagnosis_consultation_events', (t) => {
    t.increments('id');
    t.integer('consultation_id').notNullable().references('diagnosis_consultations.id').onDelete('RESTRICT');
    t.text('kind').notNullable();
    t.text('from_status');
    t.text('to_status');
    t.integer('actor_id').references('users.id').onDelete('SET NULL');
    t.text('actor_name').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('note');
    t.jsonb('data');
    t.index(['consultation_id', 'at']);
  });

  // a referral started from a consultation carries it
  await knex.schema.alterTable('referrals', (t) => {
    t.integer('consultation_id').references('diagnosis_consultations.id').onDelete('RESTRICT');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('referrals', (t) => t.dropColumn('consultation_id'));
  await knex.schema.dropTable('diagnosis_consultation_events');
  await knex.schema.dropTable('diagnosis_consultation_attachments');
  await knex.schema.dropTable('diagnosis_consultations');
  await knex.schema.dropTable('diagnosis_consultation_settings');
}
