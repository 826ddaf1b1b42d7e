// What a pay run reads by person and date (issue 19, benchmark): a month's follow-ups of the payroll's
// doctors and the contracts they signed in it. Without these a township's run scanned every follow-up.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('CREATE INDEX followups_doctor_date ON followups (doctor_user_id, visited_on) WHERE doctor_user_id IS NOT NULL');
  await knex.raw('CREATE INDEX contracts_signer_date ON contracts (signed_by_user_id, signed_on) WHERE signed_by_user_id IS NOT NULL');
}

export async function down(knex: Knex) {
  await knex.raw('DROP INDEX IF EXISTS contracts_signer_date');
  await knex.raw('DROP INDEX IF EXISTS followups_doctor_date');
}
