// 远程会诊 cancelled and rescheduled: the inviting side withdraws a consultation before it is held, with
// a coded reason (a note when `other`); the host moves a booked slot (its timeline keeps the old one).
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const STATUSES = ['invited', 'returned', 'material_checked', 'scheduled', 'room_ready', 'held', 'opinion_uploaded', 'evaluated'];
const REASONS = ['patient_declined', 'condition_changed', 'referred_directly', 'patient_died', 'duplicate', 'other'];

export async function up(knex: Knex) {
  await knex.schema.alterTable('diagnosis_consultations', (t) => {
    t.dropChecks(['diagnosis_consultations_status']);
    t.timestamp('cancelled_at', { useTz: true });
    t.text('cancel_reason');
    t.text('cancel_note');
    t.text('cancelled_by_name');
    t.smallint('reschedules').notNullable().defaultTo(0);
    t.check(checkIn('status', [...STATUSES, 'cancelled']), [], 'diagnosis_consultations_status');
    t.check(checkIn('cancel_reason', REASONS), [], 'diagnosis_consultations_cancel_reason');
    t.check("(status = 'cancelled') = (cancel_reason is not null)", [], 'diagnosis_consultations_cancelled_with_reason');
  });
}

export async function down(knex: Knex) {
  await knex('diagnosis_consultations').where('status', 'cancelled').delete();
  await knex.schema.alterTable('diagnosis_consultations', (t) => {
    t.dropChecks(['diagnosis_consultations_status', 'diagnosis_consultations_cancel_reason', 'diagnosis_consultations_cancelled_with_reason']);
    t.dropColumns('cancelled_at', 'cancel_reason', 'cancel_note', 'cancelled_by_name', 'reschedules');
    t.check(checkIn('status', STATUSES), [], 'diagnosis_consultations_status');
  });
}
