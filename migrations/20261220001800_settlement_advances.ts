// Monthly advances (预拨付) the fund pays the group against a fund year's bundle budget (issue 18): one row
// per payment, recorded by group finance. What was planned for each month is not stored: it is the fund
// year's budget split by its monthly profile (largest remainder), so it follows the budget. The year-end
// 清算 compares the final run's figures with the sum of these payments.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.schema.createTable('settlement_advances', (t) => {
    t.increments('id');
    t.integer('fund_year_id').notNullable().references('fund_years.id').onDelete('RESTRICT');
    /** the month of the fund year whose advance this pays (a late payment still pays its month) */
    t.integer('month').notNullable();
    t.decimal('amount', 14, 2).notNullable();
    t.date('paid_on').notNullable();
    t.text('reference').notNullable();
    t.text('note');
    t.integer('created_by');
    t.timestamps(true, true);
    t.index(['fund_year_id', 'month']);
    t.check('month between 1 and 12', [], 'settlement_advances_month');
    t.check('amount > 0', [], 'settlement_advances_amount_positive');
  });
}

export async function down(knex: Knex) {
  await knex.schema.dropTable('settlement_advances');
}
