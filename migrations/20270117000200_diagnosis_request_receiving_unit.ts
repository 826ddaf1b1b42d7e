// 胸痛: the PCI hospital a STEMI's green channel sends the patient to (the HQ or a branch with a cath
// lab) is the request's third end — its staff open the request to record the arrival and the balloon,
// even when the requesting unit is not theirs (the doctor chose a hospital other than the nearest).
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.alterTable('diagnosis_requests', (t) => {
    t.integer('receiving_org_unit_id').references('org_units.id').onDelete('RESTRICT');
  });
  await knex.raw(
    `update diagnosis_requests r set receiving_org_unit_id = c.to_org_unit_id from chest_pain_cases c where c.request_id = r.id and r.receiving_org_unit_id is null`,
  );
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('diagnosis_requests', (t) => t.dropColumn('receiving_org_unit_id'));
}
