// Finance (财务管理中心): chart of accounts, budgets with versions (核定收支), the spending-limit
// matrix (支出限额授权), expense requests with their approval steps, the ledger with period
// close (分级核算), chief-accountant postings (总会计师委派) and the medical-risk fund (医疗风险金).
import type { Knex } from 'knex';

const money = (t: Knex.CreateTableBuilder, name: string) => t.decimal(name, 14, 2);

// The small chart of accounts every unit budgets and books against.
const ACCOUNTS: [string, string, string, string, number][] = [
  // code, name, kind, over_budget, sort
  ['personnel', '人员经费', 'expense', 'warn', 10],
  ['drugs', '药品费', 'expense', 'stop', 20],
  ['consumables', '卫生材料费', 'expense', 'stop', 30],
  ['equipment', '设备购置费', 'expense', 'stop', 40],
  ['operations', '日常运行费（含办公用品）', 'expense', 'stop', 50],
  ['health_management', '健康管理与公共卫生', 'expense', 'warn', 60],
  ['maintenance', '维修维护费', 'expense', 'stop', 70],
  ['training', '培训进修费', 'expense', 'warn', 80],
  ['medical_income', '医疗收入', 'income', 'warn', 110],
  ['drug_income', '药品收入', 'income', 'warn', 120],
  ['subsidy_income', '财政补助收入', 'income', 'warn', 130],
  ['insurance_income', '医保打包支付收入', 'income', 'warn', 140],
  ['bank', '银行存款', 'asset', 'warn', 210],
  ['inventory', '库存物资', 'asset', 'warn', 220],
  ['payables', '应付账款', 'liability', 'warn', 310],
  ['risk_fund', '医疗风险金', 'liability', 'warn', 320],
];

// The default spending-limit matrix; group finance edits it as configuration.
// level: 1 HQ, 2 branch, 3 township, 4 village; null = any. Bands are [min, max).
const LIMITS: [number | null, string | null, string, string | null, string[], string][] = [
  [4, null, '0', '5000', ['township_director'], '村卫生室小额支出：乡镇卫生院院长审批'],
  [4, null, '5000', null, ['township_director', 'group_finance'], '村卫生室大额支出：乡镇院长 → 集团财务'],
  [3, null, '0', '20000', ['unit_director'], '乡镇卫生院：院长限额内审批'],
  [3, null, '20000', '500000', ['unit_director', 'group_finance'], '乡镇卫生院超院长限额：院长 → 集团财务'],
  [3, null, '500000', null, ['unit_director', 'group_finance', 'council'], '乡镇卫生院大额：院长 → 集团财务 → 理事会'],
  [2, null, '0', '50000', ['unit_director', 'chief_accountant'], '分院：院长 → 派驻总会计师'],
  [2, null, '50000', '1000000', ['unit_director', 'chief_accountant', 'group_finance'], '分院超限额：院长 → 总会计师 → 集团财务'],
  [2, null, '1000000', null, ['unit_director', 'chief_accountant', 'group_finance', 'council'], '分院大额：另报理事会'],
  [1, null, '0', '1000000', ['unit_director', 'group_finance'], '总院：院长 → 集团财务'],
  [1, null, '1000000', null, ['unit_director', 'group_finance', 'council'], '总院大额：另报理事会'],
  [null, 'equipment', '100000', null, ['unit_director', 'group_finance', 'council'], '设备购置 10 万元以上：集团审批并报理事会'],
];

export async function up(knex: Knex) {
  await knex.schema.createTable('accounts', (t) => {
    t.increments('id');
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.text('kind').notNullable();
    // what exceeding the remaining budget does to a request on this account
    t.text('over_budget').notNullable().defaultTo('stop');
    t.integer('sort').notNullable().defaultTo(0);
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.check("kind in ('expense','income','asset','liability')", [], 'accounts_kind');
    t.check("over_budget in ('stop','warn')", [], 'accounts_over_budget');
  });
  await knex('accounts').insert(ACCOUNTS.map(([code, name, kind, over_budget, sort]) => ({ code, name, kind, over_budget, sort })));

  await knex.schema.createTable('budgets', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('year').notNullable();
    t.text('account').notNullable().references('accounts.code');
    money(t, 'amount').notNullable();
    // twelve monthly amounts adding up to `amount`
    t.specificType('monthly', 'numeric(14,2)[]').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.integer('previous_id').references('budgets.id');
    t.text('status').notNullable().defaultTo('active');
    t.text('reason');
    t.integer('created_by').references('users.id');
    t.timestamps(true, true);
    t.check("status in ('active','superseded')", [], 'budgets_status');
    t.check('amount >= 0', [], 'budgets_amount');
    t.check('array_length(monthly, 1) = 12', [], 'budgets_twelve_months');
  });
  await knex.raw("CREATE UNIQUE INDEX budgets_one_active ON budgets (org_unit_id, year, account) WHERE status = 'active'");
  await knex.raw('CREATE INDEX budgets_year ON budgets (year, org_unit_id)');

  await knex.schema.createTable('spending_limits', (t) => {
    t.increments('id');
    t.integer('unit_level');
    t.text('account').references('accounts.code');
    money(t, 'min_amount').notNullable().defaultTo(0);
    money(t, 'max_amount');
    // ordered approver step kinds: unit_director, township_director, chief_accountant, group_finance, council
    t.specificType('steps', 'text[]').notNullable();
    t.text('description');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.check('max_amount is null or max_amount > min_amount', [], 'spending_limits_band');
    t.check('cardinality(steps) between 1 and 6', [], 'spending_limits_steps');
  });
  await knex('spending_limits').insert(
    LIMITS.map(([unit_level, account, min_amount, max_amount, steps, description]) => ({ unit_level, account, min_amount, max_amount, steps, description })),
  );

  await knex.schema.createTable('chief_accountant_postings', (t) => {
    t.increments('id');
    t.integer('user_id').notNullable().references('users.id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.date('starts_on').notNullable();
    t.date('ends_on');
    t.text('note');
    t.timestamps(true, true);
    t.check('ends_on is null or ends_on >= starts_on', [], 'chief_accountant_period');
    t.index(['org_unit_id', 'starts_on']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('expense_requests', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('account').notNullable().references('accounts.code');
    money(t, 'amount').notNullable();
    t.text('purpose').notNullable();
    t.jsonb('attachments').notNullable().defaultTo('[]');
    t.date('request_date').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.integer('current_step');
    t.integer('requested_by').references('users.id');
    // a warning (warn accounts) or an override (stop accounts) recorded at the budget check
    t.text('budget_note');
    t.text('override_reason');
    t.integer('override_by').references('users.id');
    t.timestamp('decided_at', { useTz: true });
    t.timestamp('paid_at', { useTz: true });
    t.timestamps(true, true);
    t.check("status in ('pending','approved','rejected','cancelled','paid')", [], 'expense_requests_status');
    t.check('amount > 0', [], 'expense_requests_amount');
    t.index(['org_unit_id', 'status']);
    t.index(['status', 'account']);
  });

  await knex.schema.createTable('expense_request_steps', (t) => {
    t.increments('id');
    t.integer('request_id').notNullable().references('expense_requests.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('kind').notNullable();
    // who may decide: a role, at a unit for directors and chief accountants
    t.text('approver_role').notNullable();
    t.integer('approver_unit_id').references('org_units.id');
    t.text('status').notNullable().defaultTo('waiting');
    t.integer('decided_by').references('users.id');
    t.text('decided_by_name');
    t.timestamp('decided_at', { useTz: true });
    t.text('comment');
    t.unique(['request_id', 'seq']);
    t.check("status in ('waiting','pending','approved','rejected','skipped')", [], 'expense_request_steps_status');
  });
  await knex.raw("CREATE INDEX expense_request_steps_open ON expense_request_steps (approver_role, approver_unit_id) WHERE status = 'pending'");

  await knex.schema.createTable('ledger_periods', (t) => {
    t.increments('id');
    // the first day of the closed month
    t.date('period').notNullable().unique();
    t.text('status').notNullable().defaultTo('closed');
    t.integer('closed_by').references('users.id');
    t.timestamp('closed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("status = 'closed'", [], 'ledger_periods_status');
    t.check('extract(day from period) = 1', [], 'ledger_periods_first_of_month');
  });

  await knex.schema.createTable('ledger_entries', (t) => {
    t.bigIncrements('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.date('entry_date').notNullable();
    t.text('debit_account').notNullable().references('accounts.code');
    t.text('credit_account').notNullable().references('accounts.code');
    money(t, 'amount').notNullable();
    t.text('memo');
    // the source document: expense-requests, deliveries, risk-fund-entries, manual
    t.text('source_type').notNullable();
    t.bigInteger('source_id');
    t.bigInteger('reverses_id').references('ledger_entries.id');
    t.integer('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check('amount > 0', [], 'ledger_entries_amount');
    t.check('debit_account <> credit_account', [], 'ledger_entries_two_accounts');
  });
  await knex.raw('CREATE INDEX ledger_entries_date ON ledger_entries (entry_date)');
  await knex.raw('CREATE INDEX ledger_entries_unit_date ON ledger_entries (org_unit_id, entry_date)');
  await knex.raw('CREATE INDEX ledger_entries_source ON ledger_entries (source_type, source_id)');

  await knex.schema.createTable('risk_fund_entries', (t) => {
    t.bigIncrements('id');
    // the fund of a member unit (the contributors' employer)
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.integer('fund_year').notNullable();
    t.text('kind').notNullable();
    t.integer('staff_id').references('staff.id');
    // the month a contribution is for; the day of a payout or return
    t.date('entry_date').notNullable();
    money(t, 'amount').notNullable();
    t.text('dispute_ref');
    t.text('memo');
    t.bigInteger('ledger_entry_id').references('ledger_entries.id');
    t.integer('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check("kind in ('contribution','payout','return')", [], 'risk_fund_entries_kind');
    t.check('amount > 0', [], 'risk_fund_entries_amount');
    t.check("(kind = 'payout') = (staff_id is null)", [], 'risk_fund_entries_staff');
    t.index(['org_unit_id', 'fund_year', 'kind']);
    t.index(['staff_id']);
  });
  // one contribution per staff member and month
  await knex.raw("CREATE UNIQUE INDEX risk_fund_one_contribution ON risk_fund_entries (staff_id, entry_date) WHERE kind = 'contribution'");
  await knex.raw("CREATE UNIQUE INDEX risk_fund_one_return ON risk_fund_entries (org_unit_id, fund_year, staff_id) WHERE kind = 'return'");
}

export async function down(knex: Knex) {
  await knex.raw(
    'DROP TABLE IF EXISTS risk_fund_entries, ledger_entries, ledger_periods, expense_request_steps, expense_requests, chief_accountant_postings, spending_limits, budgets, accounts CASCADE',
  );
}
