// The medical-risk fund (医疗风险金, issue 19): the scheme's rate (default 2 %, 0–10 %) withheld from each
// person's monthly amount, and in the December run the year's contributions returned. A line keeps the
// gross amount (its share of the pool), the contribution, the return and the net paid; a run their totals.
// Runs calculated before the fund existed withheld nothing: their lines get 0 and net = amount.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`ALTER TABLE pay_settings
    ADD COLUMN risk_fund_rate numeric(4,2) NOT NULL DEFAULT 2,
    ADD CONSTRAINT pay_settings_risk_fund_rate CHECK (risk_fund_rate BETWEEN 0 AND 10)`);
  await knex.raw(`ALTER TABLE pay_lines
    ADD COLUMN risk_contribution numeric(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN risk_return numeric(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN net_amount numeric(14,2)`);
  await knex.raw('UPDATE pay_lines SET net_amount = amount');
  await knex.raw(`ALTER TABLE pay_lines
    ALTER COLUMN net_amount SET NOT NULL,
    ADD CONSTRAINT pay_lines_risk_fund CHECK (risk_contribution >= 0 AND risk_return >= 0 AND net_amount = amount - risk_contribution + risk_return)`);
  await knex.raw(`ALTER TABLE pay_runs
    ADD COLUMN risk_contributions numeric(14,2),
    ADD COLUMN risk_returns numeric(14,2),
    ADD COLUMN net_paid numeric(14,2)`);
  await knex.raw('UPDATE pay_runs SET risk_contributions = 0, risk_returns = 0, net_paid = pool WHERE pool IS NOT NULL');
  await knex.raw(`ALTER TABLE pay_runs
    ADD CONSTRAINT pay_runs_risk_fund CHECK (net_paid IS NULL OR (pool IS NOT NULL AND net_paid = pool - risk_contributions + risk_returns))`);
}

export async function down(knex: Knex) {
  await knex.raw('ALTER TABLE pay_runs DROP CONSTRAINT pay_runs_risk_fund, DROP COLUMN risk_contributions, DROP COLUMN risk_returns, DROP COLUMN net_paid');
  await knex.raw('ALTER TABLE pay_lines DROP CONSTRAINT pay_lines_risk_fund, DROP COLUMN risk_contribution, DROP COLUMN risk_return, DROP COLUMN net_amount');
  await knex.raw('ALTER TABLE pay_settings DROP CONSTRAINT pay_settings_risk_fund_rate, DROP COLUMN risk_fund_rate');
}
