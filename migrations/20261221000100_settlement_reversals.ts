// Reversals (冲正) and what a correction run changed (issue 18).
// - A reversal is a claim line with amounts ≤ 0 that names the claim it reverses (`reverses_claim_id`, the same
//   fund year or the one before). It counts in the month it lands in (`lands_in_month`, set only when its
//   settlement month was already locked by an approved run), so `period_month` becomes that month or,
//   as before, the settlement date's. `claim_count` is what the line adds to the counts of stays and visits:
//   1 for a claim, −1 for the reversal that leaves its original at zero (全额冲正), 0 for a partial one.
// - `revision` numbers every write of a claim (insert, or an update that changed it); a calculation keeps the
//   highest revision and claim id it read, so a correction run can list the claims written since the run it
//   supersedes. Claims stored before have no revision: they were there before any such watermark.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('CREATE SEQUENCE claims_revision_seq');
  await knex.raw(`ALTER TABLE claims
    ADD COLUMN reverses_claim_id bigint REFERENCES claims(id) ON DELETE RESTRICT,
    ADD COLUMN lands_in_month smallint,
    ADD COLUMN claim_count smallint NOT NULL DEFAULT 1,
    ADD COLUMN revision bigint`);
  await knex.raw(`ALTER TABLE claims ALTER COLUMN revision SET DEFAULT nextval('claims_revision_seq')`);
  await knex.raw('ALTER SEQUENCE claims_revision_seq OWNED BY claims.revision');

  // the month a claim counts in: where a reversal landed, else its settlement month (drops its indexes and statistics)
  await knex.raw('ALTER TABLE claims DROP COLUMN period_month');
  await knex.raw(
    'ALTER TABLE claims ADD COLUMN period_month smallint GENERATED ALWAYS AS (coalesce(lands_in_month, extract(month from settled_on)::smallint)) STORED',
  );
  await knex.raw('CREATE INDEX claims_fund_year_month ON claims (fund_year_id, period_month)');
  await knex.raw("CREATE INDEX claims_inpatient_by_insured_unit ON claims (fund_year_id, insured_unit_id, period_month) WHERE care_type = 'inpatient'");
  await knex.raw('CREATE STATISTICS claims_settlement_groups (ndistinct) ON provider_class, care_type, org_unit_id, period_month, insured_unit_id FROM claims');
  await knex.raw('CREATE INDEX claims_reversals ON claims (reverses_claim_id) WHERE reverses_claim_id IS NOT NULL');
  await knex.raw('CREATE INDEX claims_fund_year_revision ON claims (fund_year_id, revision)');

  await knex.raw('ALTER TABLE claims DROP CONSTRAINT claims_non_negative, DROP CONSTRAINT claims_drug_consumables_within_total');
  await knex.raw(`ALTER TABLE claims
    ADD CONSTRAINT claims_amounts_signed CHECK (CASE WHEN reverses_claim_id IS NULL
      THEN fund_paid >= 0 AND self_pay >= 0 AND self_funded >= 0 AND drug_cost >= 0 AND consumables_cost >= 0
      ELSE total_cost < 0 AND fund_paid <= 0 AND self_pay <= 0 AND self_funded <= 0 AND drug_cost <= 0 AND consumables_cost <= 0 END),
    ADD CONSTRAINT claims_drug_consumables_within_total CHECK (abs(drug_cost) + abs(consumables_cost) <= abs(total_cost)),
    ADD CONSTRAINT claims_reversal_lands_later CHECK (lands_in_month IS NULL OR (reverses_claim_id IS NOT NULL AND lands_in_month BETWEEN 1 AND 12 AND lands_in_month > extract(month from settled_on))),
    ADD CONSTRAINT claims_claim_count CHECK (CASE WHEN reverses_claim_id IS NULL THEN claim_count = 1 ELSE claim_count IN (-1, 0) END)`);

  await knex.schema.alterTable('settlement_run_versions', (t) => {
    // the highest claim revision and id of the fund year the calculation read (null: calculated before)
    t.bigInteger('claims_revision');
    t.bigInteger('claims_max_id');
  });
}

export async function down(knex: Knex) {
  await knex.schema.alterTable('settlement_run_versions', (t) => {
    t.dropColumn('claims_revision');
    t.dropColumn('claims_max_id');
  });
  await knex.raw('DELETE FROM claims WHERE reverses_claim_id IS NOT NULL');
  await knex.raw(
    'ALTER TABLE claims DROP CONSTRAINT claims_amounts_signed, DROP CONSTRAINT claims_drug_consumables_within_total, DROP CONSTRAINT claims_reversal_lands_later, DROP CONSTRAINT claims_claim_count',
  );
  await knex.raw('ALTER TABLE claims DROP COLUMN period_month');
  await knex.raw('ALTER TABLE claims DROP COLUMN reverses_claim_id, DROP COLUMN lands_in_month, DROP COLUMN claim_count, DROP COLUMN revision');
  await knex.raw('ALTER TABLE claims ADD COLUMN period_month smallint GENERATED ALWAYS AS (extract(month from settled_on)::smallint) STORED');
  await knex.raw('CREATE INDEX claims_fund_year_month ON claims (fund_year_id, period_month)');
  await knex.raw("CREATE INDEX claims_inpatient_by_insured_unit ON claims (fund_year_id, insured_unit_id, period_month) WHERE care_type = 'inpatient'");
  await knex.raw('CREATE STATISTICS claims_settlement_groups (ndistinct) ON provider_class, care_type, org_unit_id, period_month, insured_unit_id FROM claims');
  await knex.raw(`ALTER TABLE claims
    ADD CONSTRAINT claims_non_negative CHECK (fund_paid >= 0 and self_pay >= 0 and self_funded >= 0 and drug_cost >= 0 and consumables_cost >= 0),
    ADD CONSTRAINT claims_drug_consumables_within_total CHECK (drug_cost + consumables_cost <= total_cost)`);
}
