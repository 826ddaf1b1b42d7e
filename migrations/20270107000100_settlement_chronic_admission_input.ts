// A fund year's pool may weigh the managed chronic patients' admission rate (慢病管理人群住院率, issue 21):
// a run stores it with its frozen inputs like the health rates. Its numerator (stays) may exceed its
// denominator (patients), which the health rates' counts check refused.
import type { Knex } from 'knex';

/** `column in (...)`: one of the values (as api/core/enums.ts checkIn writes it; kept here so this migration never changes). */
const checkIn = (column: string, values: readonly string[]) => `${column} in (${values.map((v) => `'${v}'`).join(', ')})`;
const BEFORE = ['standardised_management_rate', 'control_rate'];
const AFTER = [...BEFORE, 'chronic_admission_rate'];

export async function up(knex: Knex) {
  await knex.schema.alterTable('settlement_run_inputs', (t) => {
    t.dropChecks(['settlement_run_inputs_indicator', 'settlement_run_inputs_counts']);
    t.check(checkIn('indicator', AFTER), [], 'settlement_run_inputs_indicator');
    t.check("numerator >= 0 and denominator >= 0 and (indicator = 'chronic_admission_rate' or denominator >= numerator)", [], 'settlement_run_inputs_counts');
  });
}

export async function down(knex: Knex) {
  await knex('settlement_run_inputs').where('indicator', 'chronic_admission_rate').delete();
  await knex.schema.alterTable('settlement_run_inputs', (t) => {
    t.dropChecks(['settlement_run_inputs_indicator', 'settlement_run_inputs_counts']);
    t.check(checkIn('indicator', BEFORE), [], 'settlement_run_inputs_indicator');
    t.check('numerator >= 0 and denominator >= numerator', [], 'settlement_run_inputs_counts');
  });
}
