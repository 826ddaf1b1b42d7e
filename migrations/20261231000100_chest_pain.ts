// 胸痛绿色通道: an ECG read STEMI at a village or township request starts a chest-pain case — the
// emergency up-referral it created (the referral carries the request), the first-medical-contact
// time, then arrival, the cath-lab door and the balloon (or fibrinolysis, or transfer out) that close it.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const OUTCOMES = ['balloon', 'fibrinolysis', 'transfer_out'];

export async function up(knex: Knex) {
  await knex.schema.alterTable('referrals', (t) => {
    // the diagnosis request a referral was started from (a chest-pain case's STEMI ECG)
    t.integer('diagnosis_request_id').references('diagnosis_requests.id').onDelete('RESTRICT');
  });

  await knex.schema.createTable('chest_pain_cases', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().unique().references('diagnosis_requests.id').onDelete('RESTRICT');
    t.integer('referral_id').notNullable().unique().references('referrals.id').onDelete('RESTRICT');
    t.integer('from_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    // the township the case counts for: the requesting township, or the village's
    t.integer('township_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('township_name').notNullable();
    t.integer('to_org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('to_unit_name').notNullable();
    t.text('patient_name').notNullable();
    t.timestamp('fmc_at', { useTz: true }).notNullable(); // first medical contact (首次医疗接触)
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.integer('started_by').references('users.id').onDelete('SET NULL');
    t.text('started_by_name').notNullable();
    t.timestamp('arrival_at', { useTz: true }); // 到达医院
    t.timestamp('door_at', { useTz: true }); // 进入导管室
    t.timestamp('balloon_at', { useTz: true }); // 球囊扩张 (PCI)
    t.timestamp('fibrinolysis_at', { useTz: true }); // 溶栓
    t.timestamp('transfer_out_at', { useTz: true }); // 转出
    t.text('outcome');
    t.timestamp('closed_at', { useTz: true });
    t.timestamps(true, true);
    t.index(['fmc_at']);
    t.check(checkIn('outcome', OUTCOMES), [], 'chest_pain_cases_outcome');
    t.check('(outcome is null) = (closed_at is null)', [], 'chest_pain_cases_closed');
    t.check('started_at >= fmc_at', [], 'chest_pain_cases_fmc_first');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('chest_pain_cases');
  await knex.schema.alterTable('referrals', (t) => t.dropColumn('diagnosis_request_id'));
}
