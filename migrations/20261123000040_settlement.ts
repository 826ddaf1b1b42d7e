// Settlement (医保打包付费): fund years with their configuration and insured population per
// unit, imported claims and satisfaction scores, settlement runs with their versions, events
// and the stored intermediate figures of the surplus allocation.
import type { Knex } from 'knex';

const money = (t: Knex.CreateTableBuilder, name: string) => t.decimal(name, 14, 2).notNullable();

export async function up(knex: Knex) {
  await knex.schema.createTable('fund_years', (t) => {
    t.increments('id');
    t.text('region').notNullable();
    t.integer('year').notNullable();
    t.integer('insured_count').notNullable();
    money(t, 'premium_total');
    money(t, 'catastrophic_pool');
    money(t, 'outpatient_pool');
    t.decimal('bundle_ratio', 6, 4).notNullable().defaultTo('0.9000');
    t.jsonb('overspend_tiers').notNullable();
    t.jsonb('gates').notNullable();
    t.jsonb('indicator_thresholds').notNullable();
    t.jsonb('allocation').notNullable();
    t.jsonb('monthly_profile').notNullable();
    t.timestamps(true, true);
    t.unique(['region', 'year']);
    t.check('insured_count >= 0 and premium_total >= 0 and catastrophic_pool >= 0 and outpatient_pool >= 0', [], 'fund_years_non_negative');
    t.check('catastrophic_pool + outpatient_pool <= premium_total', [], 'fund_years_pools_within_premiums');
    t.check('bundle_ratio > 0 and bundle_ratio <= 1', [], 'fund_years_bundle_ratio');
  });

  // insured residents registered in each recipient unit (allocation weights, admissions per 1,000)
  await knex.schema.createTable('fund_year_populations', (t) => {
    t.increments('id');
    t.integer('fund_year_id').notNullable().references('fund_years.id').onDelete('CASCADE');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('insured_population').notNullable();
    // inpatient admissions of these insured in the year before, when that year's claims are not in the system
    t.integer('baseline_admissions');
    t.timestamps(true, true);
    t.unique(['fund_year_id', 'org_unit_id']);
    t.check('insured_population >= 0 and (baseline_admissions is null or baseline_admissions >= 0)', [], 'fund_year_populations_non_negative');
  });
  await knex.raw('CREATE INDEX fund_year_populations_unit ON fund_year_populations (org_unit_id)');

  await knex.schema.createTable('claims', (t) => {
    t.bigIncrements('id');
    t.integer('fund_year_id').notNullable().references('fund_years.id').onDelete('RESTRICT');
    t.text('claim_no').notNullable();
    t.text('id_number_hash').notNullable();
    t.text('id_number_masked').notNullable();
    t.text('id_number_cipher').notNullable();
    t.text('insured_name');
    // 参保乡镇: the township where the insured is registered
    t.integer('insured_unit_id').references('org_units.id').onDelete('RESTRICT');
    t.text('provider_class').notNullable();
    t.integer('org_unit_id').references('org_units.id').onDelete('RESTRICT');
    t.text('provider_name');
    t.text('care_type').notNullable();
    t.date('visit_on').notNullable();
    t.date('discharged_on');
    t.date('settled_on').notNullable();
    t.specificType('period_month', 'smallint GENERATED ALWAYS AS (extract(month from settled_on)::smallint) STORED');
    money(t, 'total_cost');
    money(t, 'fund_paid');
    money(t, 'self_pay');
    money(t, 'self_funded');
    money(t, 'drug_cost');
    money(t, 'consumables_cost');
    t.text('diagnosis');
    t.boolean('referred_up').notNullable().defaultTo(false);
    t.timestamps(true, true);
    t.unique(['fund_year_id', 'claim_no']);
    t.check("provider_class in ('in_group', 'out_group_in_county', 'out_of_county')", [], 'claims_provider_class');
    t.check("(provider_class = 'in_group') = (org_unit_id is not null)", [], 'claims_in_group_has_unit');
    t.check("care_type in ('inpatient', 'outpatient')", [], 'claims_care_type');
    t.check('total_cost = fund_paid + self_pay + self_funded', [], 'claims_cost_adds_up');
    t.check('drug_cost + consumables_cost <= total_cost', [], 'claims_drug_consumables_within_total');
    t.check('fund_paid >= 0 and self_pay >= 0 and self_funded >= 0 and drug_cost >= 0 and consumables_cost >= 0', [], 'claims_non_negative');
    t.check('discharged_on is null or discharged_on >= visit_on', [], 'claims_discharge_after_visit');
  });
  await knex.raw('CREATE INDEX claims_fund_year_month ON claims (fund_year_id, period_month)');
  await knex.raw('CREATE INDEX claims_org_unit ON claims (org_unit_id, fund_year_id)');
  await knex.raw("CREATE INDEX claims_inpatient_by_insured_unit ON claims (fund_year_id, insured_unit_id, period_month) WHERE care_type = 'inpatient'");
  // the calculation groups by these five columns: their joint ndistinct (a few thousand groups,
  // far below the product of the single-column estimates) lets the planner aggregate in parallel
  await knex.raw('CREATE STATISTICS claims_settlement_groups (ndistinct) ON provider_class, care_type, org_unit_id, period_month, insured_unit_id FROM claims');

  // the group's insured-satisfaction survey score per month (a gate of 结余留用)
  await knex.schema.createTable('satisfaction_scores', (t) => {
    t.increments('id');
    t.integer('fund_year_id').notNullable().references('fund_years.id').onDelete('CASCADE');
    t.smallint('month').notNullable();
    t.decimal('score', 5, 2).notNullable();
    t.integer('respondents').notNullable();
    t.timestamps(true, true);
    t.unique(['fund_year_id', 'month']);
    t.check('month between 1 and 12', [], 'satisfaction_scores_month');
    t.check('score between 0 and 100 and respondents > 0', [], 'satisfaction_scores_range');
  });

  await knex.schema.createTable('settlement_runs', (t) => {
    t.increments('id');
    t.integer('fund_year_id').notNullable().references('fund_years.id').onDelete('RESTRICT');
    t.text('period').notNullable();
    t.text('kind').notNullable();
    // last month covered: the month of a provisional run, 12 for the final run
    t.smallint('through_month').notNullable();
    t.text('status').notNullable().defaultTo('draft');
    t.integer('version').notNullable().defaultTo(0);
    t.jsonb('figures');
    t.text('reason');
    t.integer('supersedes_id').references('settlement_runs.id');
    // set before the superseding run is inserted (same transaction), hence checked at commit
    t.integer('superseded_by_id').references('settlement_runs.id').deferrable('deferred');
    t.integer('created_by');
    t.integer('calculated_by');
    t.timestamp('calculated_at', { useTz: true });
    t.integer('reviewed_by');
    t.text('reviewed_by_name');
    t.timestamp('reviewed_at', { useTz: true });
    t.integer('approved_by');
    t.text('approved_by_name');
    t.timestamp('approved_at', { useTz: true });
    t.timestamps(true, true);
    t.check("kind in ('provisional', 'final')", [], 'settlement_runs_kind');
    t.check("status in ('draft', 'calculated', 'reviewed', 'approved')", [], 'settlement_runs_status');
    t.check('through_month between 1 and 12', [], 'settlement_runs_month');
    t.check("(status = 'draft') = (version = 0)", [], 'settlement_runs_calculated_has_version');
    t.check("status <> 'approved' or approved_by is distinct from reviewed_by", [], 'settlement_runs_four_eyes');
  });
  // one current run per fund year and period; superseded ones are kept beside it
  await knex.raw('CREATE UNIQUE INDEX settlement_runs_current ON settlement_runs (fund_year_id, period) WHERE superseded_by_id IS NULL');

  await knex.schema.createTable('settlement_run_versions', (t) => {
    t.increments('id');
    t.integer('run_id').notNullable().references('settlement_runs.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.jsonb('figures').notNullable();
    t.text('reason');
    t.integer('calculated_by');
    t.text('calculated_by_name');
    t.timestamp('calculated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['run_id', 'version']);
  });

  // the run's history and comments: created, calculated, reviewed, approved, superseded, comment
  await knex.schema.createTable('settlement_run_events', (t) => {
    t.bigIncrements('id');
    t.integer('run_id').notNullable().references('settlement_runs.id').onDelete('CASCADE');
    t.text('action').notNullable();
    t.integer('version');
    t.text('comment');
    t.integer('actor_id');
    t.text('actor_name').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['run_id', 'at']);
  });

  // every intermediate figure of the allocation, per run version, pool and recipient
  await knex.schema.createTable('surplus_allocations', (t) => {
    t.bigIncrements('id');
    t.integer('run_id').notNullable().references('settlement_runs.id').onDelete('CASCADE');
    t.integer('version').notNullable();
    t.text('pool').notNullable();
    money(t, 'pool_amount');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.jsonb('raw_values').notNullable();
    t.jsonb('normalised_values').notNullable();
    t.decimal('score', 12, 6).notNullable();
    t.integer('population').notNullable();
    t.decimal('weight', 20, 6).notNullable();
    t.decimal('share', 12, 8).notNullable();
    money(t, 'amount');
    t.unique(['run_id', 'version', 'pool', 'org_unit_id']);
  });
  await knex.raw('CREATE INDEX surplus_allocations_unit ON surplus_allocations (org_unit_id)');
}

export async function down(knex: Knex) {
  await knex.raw(
    'DROP TABLE IF EXISTS surplus_allocations, settlement_run_events, settlement_run_versions, settlement_runs, satisfaction_scores, claims, fund_year_populations, fund_years CASCADE',
  );
}
