// A resident's managing unit (管理单位), distinct from the village where they are registered:
// it follows a referral (the receiving unit manages the patient from arrival; a down-referral
// hands them back), as DHIS2 transfers a tracked entity's ownership while keeping its history.
//
// Owner: the health domain. The managing unit is an attribute of the resident's record, so the
// column and its history (`resident_care_transfers`) belong to health, and other domains change
// them only through the health service (`transferCare`). The referral that caused a transfer is
// kept as `referral_id`. The referrals domain's former `patient_unit_history` (the same facts,
// owned by the wrong domain) is carried over here and dropped.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.alterTable('residents', (t) => {
    t.integer('managing_org_unit_id').references('org_units.id');
  });
  await knex.schema.createTable('resident_care_transfers', (t) => {
    t.increments('id');
    t.integer('resident_id').notNullable().references('residents.id').onDelete('CASCADE');
    t.integer('from_org_unit_id').notNullable().references('org_units.id');
    t.integer('to_org_unit_id').notNullable().references('org_units.id');
    t.integer('referral_id').references('referrals.id').onDelete('RESTRICT');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('actor_id');
    t.text('actor_name');
    t.index(['resident_id', 'at']);
    t.index(['referral_id']);
  });
  await knex.raw(`insert into resident_care_transfers (resident_id, from_org_unit_id, to_org_unit_id, referral_id, at)
                  select resident_id, from_org_unit_id, to_org_unit_id, referral_id, at from patient_unit_history order by id`);
  // default = the registered village, for existing rows and for every insert that does not name one
  await knex.raw(`update residents r set managing_org_unit_id = coalesce(
                    (select h.to_org_unit_id from resident_care_transfers h where h.resident_id = r.id order by h.at desc, h.id desc limit 1),
                    r.org_unit_id)`);
  await knex.raw(`create function residents_default_managing_unit() returns trigger language plpgsql as $$
                  begin
                    if new.managing_org_unit_id is null then new.managing_org_unit_id := new.org_unit_id; end if;
                    return new;
                  end $$`);
  await knex.raw(`create trigger residents_default_managing_unit before insert on residents
                  for each row execute function residents_default_managing_unit()`);
  await knex.raw('alter table residents alter column managing_org_unit_id set not null');
  await knex.raw('create index residents_managing_org_unit_id_index on residents (managing_org_unit_id)');
  await knex.schema.dropTable('patient_unit_history');
}

export async function down(knex: Knex) {
  await knex.schema.createTable('patient_unit_history', (t) => {
    t.increments('id');
    t.integer('referral_id').notNullable().references('referrals.id').onDelete('RESTRICT');
    t.integer('resident_id').notNullable().references('residents.id').onDelete('RESTRICT');
    t.integer('from_org_unit_id').notNullable().references('org_units.id');
    t.integer('to_org_unit_id').notNullable().references('org_units.id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['resident_id', 'at']);
  });
  await knex.raw(`insert into patient_unit_history (referral_id, resident_id, from_org_unit_id, to_org_unit_id, at)
                  select referral_id, resident_id, from_org_unit_id, to_org_unit_id, at from resident_care_transfers where referral_id is not null order by id`);
  await knex.raw('DROP TABLE IF EXISTS resident_care_transfers');
  await knex.raw('DROP TRIGGER IF EXISTS residents_default_managing_unit ON residents');
  await knex.raw('DROP FUNCTION IF EXISTS residents_default_managing_unit()');
  await knex.schema.alterTable('residents', (t) => t.dropColumn('managing_org_unit_id'));
}
