// 胸痛: the group's hospitals that do primary PCI (the HQ, a branch with a cath lab). A STEMI's
// green-channel referral goes to the one the requesting doctor chooses, by default the nearest in
// the group's tree; none listed: the ECG centre's hospital, as before.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('pci_hospitals', (t) => {
    t.integer('org_unit_id').primary().references('org_units.id').onDelete('RESTRICT');
    t.text('note');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('pci_hospitals');
}
