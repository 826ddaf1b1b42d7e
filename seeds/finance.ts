// Finance demo: this year's approved budgets for every unit and account (a few revised), the
// ledger month by month up to today (closed up to two months ago), chief accountants posted to
// the branches, a few hundred expense requests in every state walking their matrix chains,
// and the medical-risk fund: last year's contributions, payouts and year-end return, this
// year's contributions so far. Bulk inserts; every ledger entry gets its audit row.
import type { Knex } from 'knex';
import { evenMonthly, pickLimitRule, resolveSteps, riskFundReturns, type LimitRule, type UnitNode } from '../api/finance';
import { fromFen, toFen } from '../api/shared/money';
import { between, pick, seeded, weighted } from '../api/shared/random';
import type { Category } from '../api/hr';
import type { DemoContext, DemoStep } from './demo';

// yearly budget per account by level (HQ, branch, township, village), in yuan; personnel's is the unit's payroll (below)
const BUDGET_BASE: Record<string, [number, number, number, number]> = {
  drugs: [30_000_000, 8_000_000, 1_200_000, 40_000],
  consumables: [12_000_000, 3_000_000, 400_000, 10_000],
  equipment: [10_000_000, 2_000_000, 300_000, 10_000],
  operations: [6_000_000, 1_500_000, 250_000, 12_000],
  health_management: [2_000_000, 800_000, 500_000, 30_000],
  maintenance: [1_500_000, 400_000, 80_000, 3_000],
  training: [1_000_000, 300_000, 60_000, 2_000],
  medical_income: [120_000_000, 30_000_000, 3_000_000, 80_000],
  drug_income: [25_000_000, 7_000_000, 1_000_000, 30_000],
  subsidy_income: [10_000_000, 5_000_000, 2_000_000, 60_000],
  insurance_income: [30_000_000, 8_000_000, 1_500_000, 40_000],
};
/**
 * A head's yearly pay (人员经费: salary, performance pay, insurance) at its employer's level — the HQ (县人民医院), a
 * branch, a township centre — times its category's factor; a village doctor (乡聘村用) is on the township's payroll.
 * Townships after the reference group's structural performance pay (院长 +40 %, staff +20 %, 003_*.txt 八) earn about
 * three quarters of the HQ's, a village doctor (公卫、基药补助 and the township's pay) well under half.
 */
const PAY_BY_LEVEL: Record<number, number> = { 1: 140_000, 2: 120_000, 3: 105_000 };
const PAY_FACTOR: Record<Category, number> = { doctor: 1.2, nurse: 0.9, pharmacist: 0.9, technician: 0.95, public_health: 0.9, admin: 0.9, village_doctor: 0 };
const VILLAGE_DOCTOR_PAY = 55_000;
/** The yearly pay of `n` people of a category employed at a unit of `level`, in yuan. */
export const yearlyPay = (level: number, category: Category, n: number) =>
  n * (category === 'village_doctor' ? VILLAGE_DOCTOR_PAY : PAY_BY_LEVEL[Math.min(level, 3)] * PAY_FACTOR[category]);

const PURPOSES: Record<string, string[]> = {
  drugs: ['季度常用药品补充', '慢病用药储备', '急救药品补充'],
  consumables: ['一次性医用耗材', '检验试剂采购', '口腔科耗材'],
  equipment: ['购置心电图机', '购置全自动生化分析仪', '购置 DR 设备配件', '更换血压计 20 台'],
  operations: ['办公用品采购', '取暖费', '水电费', '网络与信息化服务费'],
  health_management: ['家庭医生签约宣传', '65 岁以上老人体检', '慢病随访交通补助'],
  maintenance: ['空调维修', '房屋修缮', '救护车保养'],
  training: ['骨干医师上派进修', '村医培训班', '护理技能培训'],
  personnel: ['临聘人员劳务费', '夜班补助'],
};
const AMOUNT_RANGE: Record<number, [number, number]> = { 1: [20_000, 2_000_000], 2: [5_000, 800_000], 3: [800, 120_000], 4: [100, 9_000] };
const REQUEST_STATES = ['pending', 'approved', 'paid', 'rejected', 'cancelled'] as const;

/** A row of the spending-limit matrix as it comes from the table: amounts in yuan as numeric text. */
type SpendingLimitRow = Omit<LimitRule, 'min_amount' | 'max_amount'> & { min_amount: string; max_amount: string | null };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const round100 = (yuan: number) => Math.max(100, Math.round(yuan / 100) * 100);

export async function seedFinance(trx: Knex.Transaction, ctx: DemoContext) {
  const rng = seeded(7007);
  const year = ctx.today.getUTCFullYear();
  const month = ctx.today.getUTCMonth() + 1;
  const todayIso = iso(ctx.today);
  const units = ctx.units;
  const accounts = await trx('accounts').select<{ code: string; kind: string }[]>('code', 'kind').whereIn('kind', ['expense', 'income']);
  const { password_hash } = (await trx('users').where('username', 'finance').first<{ password_hash: string } | undefined>('password_hash'))!;
  const finance = (await trx('users').where('username', 'finance').first<{ id: number } | undefined>('id'))!;
  const admin = (await trx('users').where('username', 'admin').first<{ id: number } | undefined>('id'))!;

  // chief accountants posted to the branches (总会计师委派)
  const branches = units.filter((u) => u.level === 2);
  const cas = await trx('users')
    .insert(
      branches.map((b) => ({
        username: `finance-${b.code.toLowerCase()}`,
        display_name: `派驻${b.name}总会计师`,
        roles: ['group_finance'],
        org_unit_id: units[0].id,
        password_hash,
      })),
    )
    .returning<{ id: number; username: string }[]>(['id', 'username']);
  await trx('chief_accountant_postings').insert(
    branches.map((b, i) => ({ user_id: cas[i].id, org_unit_id: b.id, starts_on: `${year - 1}-01-01`, note: '集团委派总会计师' })),
  );

  // personnel: the payroll of the people each unit employs (not left) — so the ledger's personnel spending over the
  // headcount is a believable pay per head at every demo scale; a village, whose doctors the township employs, has none
  const payroll = new Map<number, number>();
  const levelOf = new Map(units.map((u) => [u.id, u.level]));
  for (const g of await trx('staff')
    .whereNot('status', 'left')
    .groupBy('employer_org_unit_id', 'category')
    .select<{ employer_org_unit_id: number; category: Category; n: number }[]>('employer_org_unit_id', 'category', trx.raw('count(*)::int as n')))
    payroll.set(g.employer_org_unit_id, (payroll.get(g.employer_org_unit_id) ?? 0) + yearlyPay(levelOf.get(g.employer_org_unit_id)!, g.category, g.n));

  // budgets: every unit and account (personnel where the unit employs someone); one in twenty revised mid-year
  // (the draws stay one per unit and account, kept or not, so that the rest of the demo draws what it drew before)
  const drafts = units.flatMap((u) =>
    accounts.map((a) => {
      const drawn = BUDGET_BASE[a.code]?.[Math.min(u.level, 4) - 1] ?? 0;
      const base = a.code === 'personnel' ? (rng(), payroll.get(u.id) ?? 0) : drawn * (0.8 + rng() * 0.4);
      if (!base) return null;
      const amount = toFen(String(round100(base)));
      return {
        org_unit_id: u.id,
        year,
        account: a.code,
        amount: fromFen(amount),
        monthly: evenMonthly(amount).map(fromFen),
        status: 'active',
        reason: `${year} 年度核定预算`,
        created_by: finance.id,
      };
    }),
  );
  const budgetRows = drafts.filter((r) => r !== null);
  const inserted: { id: number; amount: string; org_unit_id: number; account: string }[] = [];
  for (let i = 0; i < budgetRows.length; i += 1000)
    inserted.push(
      ...(await trx('budgets')
        .insert(budgetRows.slice(i, i + 1000))
        .returning<typeof inserted>(['id', 'amount', 'org_unit_id', 'account'])),
    );
  const kept = inserted.values();
  const revised = drafts.flatMap((r) => {
    const pick = rng() < 0.05;
    const row = r && kept.next().value!;
    return pick && row ? [row] : [];
  });
  if (revised.length) {
    await trx('budgets')
      .whereIn(
        'id',
        revised.map((b) => b.id),
      )
      .update({ status: 'superseded' });
    await trx.batchInsert(
      'budgets',
      revised.map((b) => {
        const amount = toFen(b.amount) + toFen(String(round100(Number(b.amount) * 0.1)));
        return {
          org_unit_id: b.org_unit_id,
          year,
          account: b.account,
          amount: fromFen(amount),
          monthly: evenMonthly(amount).map(fromFen),
          version: 2,
          previous_id: b.id,
          status: 'active',
          reason: '年中调整：业务量增长追加预算',
          created_by: finance.id,
        };
      }),
      500,
    );
  }

  // the ledger month by month: spending on expense accounts, income on income accounts
  await trx.raw('select setseed(0.4207)');
  await trx.raw(
    `insert into ledger_entries (org_unit_id, entry_date, debit_account, credit_account, amount, memo, source_type, created_by)
     select b.org_unit_id,
            least(make_date(?, m, 1 + floor(random() * 27)::int), ?::date),
            case when a.kind = 'expense' then b.account else 'bank' end,
            case when a.kind = 'expense' then 'bank' else b.account end,
            round((b.amount / 12 * (0.70 + random() * 0.32))::numeric, 2),
            a.name || ' ' || m || ' 月', 'manual', ?
       from budgets b join accounts a on a.code = b.account
       cross join generate_series(1, ?) m
      where b.year = ? and b.status = 'active' and b.amount > 0`,
    [year, todayIso, finance.id, month, year],
  );

  // expense requests in every state, routed by the matrix
  const rules: LimitRule[] = (await trx('spending_limits').where('active', true).select<SpendingLimitRow[]>('*')).map((r) => ({
    ...r,
    min_amount: toFen(r.min_amount),
    max_amount: r.max_amount === null ? null : toFen(r.max_amount),
  }));
  const directors = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const d of await trx('users').select<{ id: number; org_unit_id: number; display_name: string; roles: string[] }[]>(
    'id',
    'org_unit_id',
    'display_name',
    'roles',
  )) {
    names.set(d.id, d.display_name);
    if (d.roles.includes('director')) directors.set(d.org_unit_id, [...(directors.get(d.org_unit_id) ?? []), d.id]);
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const chainOf = (unitId: number): UnitNode[] => {
    const chain: UnitNode[] = [];
    for (let u = byId.get(unitId); u; u = u.parent_id ? byId.get(u.parent_id) : undefined)
      chain.push({ id: u.id, level: u.level, directors: directors.get(u.id) ?? [] });
    return chain;
  };
  const caOf = new Map(branches.map((b, i) => [b.id, cas[i].id]));
  const decider = (role: string, unitId: number | null) =>
    role === 'director' ? directors.get(unitId!)![0] : role === 'chief_accountant' ? caOf.get(unitId!)! : role === 'group_admin' ? admin.id : finance.id;
  const expenseAccounts = accounts.filter((a) => a.kind === 'expense' && a.code !== 'personnel').map((a) => a.code);
  const candidates = units.filter((u) => u.level >= 2);
  const count = Math.max(40, Math.round(400 * ctx.scale));
  const dayOfYear = Math.floor((ctx.today.getTime() - Date.UTC(year, 0, 1)) / 86_400_000);
  const requests = [];
  const stepsOf: Record<string, unknown>[][] = [];
  const payments: { unit: number; account: string; amount: string; date: string; idx: number }[] = [];
  for (let i = 0; i < count; i++) {
    const unit = pick(rng, candidates);
    const account = pick(rng, expenseAccounts);
    const [lo, hi] = AMOUNT_RANGE[unit.level];
    const amount = toFen(String(Math.round(lo + (hi - lo) * rng() ** 3)));
    const chain = chainOf(unit.id);
    const requester = chain[0].directors[0];
    const rule = pickLimitRule(rules, { level: unit.level, account, amount });
    const steps = rule && resolveSteps(rule.steps, chain, requester, caOf.has(unit.id) ? unit.id : null);
    if (!steps || 'problem' in steps) continue;
    const state = REQUEST_STATES[weighted(rng, [25, 20, 33, 13, 9])];
    const date = new Date(Date.UTC(year, 0, 1 + between(rng, 0, Math.max(0, dayOfYear - 3))));
    const decidedSteps =
      state === 'pending'
        ? between(rng, 0, steps.length - 1)
        : state === 'rejected'
          ? between(rng, 0, steps.length - 1)
          : state === 'cancelled'
            ? 0
            : steps.length;
    const at = (k: number) => new Date(date.getTime() + (k + 1) * 86_400_000).toISOString();
    stepsOf.push(
      steps.map((s, k) => {
        const status =
          k < decidedSteps
            ? 'approved'
            : k === decidedSteps && state === 'pending'
              ? 'pending'
              : k === decidedSteps && state === 'rejected'
                ? 'rejected'
                : state === 'cancelled' || state === 'rejected'
                  ? 'skipped'
                  : 'waiting';
        const decided = status === 'approved' || status === 'rejected';
        const by = decided ? decider(s.approver_role, s.approver_unit_id) : null;
        return {
          ...s,
          status,
          decided_by: by,
          decided_by_name: by ? names.get(by) : null,
          decided_at: decided ? at(k) : null,
          comment: status === 'rejected' ? '预算安排不足，下季度再议' : decided ? '同意' : null,
        };
      }),
    );
    requests.push({
      org_unit_id: unit.id,
      account,
      amount: fromFen(amount),
      purpose: pick(rng, PURPOSES[account]),
      attachments: JSON.stringify([{ name: '报价单.pdf' }]),
      request_date: iso(date),
      status: state,
      current_step: state === 'pending' ? decidedSteps + 1 : null,
      requested_by: requester,
      decided_at: ['approved', 'paid', 'rejected'].includes(state) ? at(steps.length) : null,
      paid_at: state === 'paid' ? at(steps.length + 1) : null,
      budget_note: state === 'cancelled' ? '申请人撤回' : null,
    });
    if (state === 'paid')
      payments.push({
        unit: unit.id,
        account,
        amount: fromFen(amount),
        date: iso(new Date(Math.min(date.getTime() + (steps.length + 2) * 86_400_000, ctx.today.getTime()))),
        idx: requests.length - 1,
      });
  }
  const requestIds: { id: number }[] = [];
  for (let i = 0; i < requests.length; i += 500)
    requestIds.push(
      ...(await trx('expense_requests')
        .insert(requests.slice(i, i + 500))
        .returning<{ id: number }[]>('id')),
    );
  await trx.batchInsert(
    'expense_request_steps',
    stepsOf.flatMap((steps, i) => steps.map((s) => ({ ...s, request_id: requestIds[i].id }))),
    1000,
  );
  await trx.batchInsert(
    'ledger_entries',
    payments.map((p) => ({
      org_unit_id: p.unit,
      entry_date: p.date,
      debit_account: p.account,
      credit_account: 'bank',
      amount: p.amount,
      memo: `支出申请 #${requestIds[p.idx].id}`,
      source_type: 'expense-requests',
      source_id: requestIds[p.idx].id,
      created_by: finance.id,
    })),
    1000,
  );

  const fund = await seedRiskFund(trx, ctx, year, month, finance.id);

  // months up to two months ago are closed
  const closed = Array.from({ length: Math.max(0, month - 2) }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
  const lastYear = Array.from({ length: 12 }, (_, i) => `${year - 1}-${String(i + 1).padStart(2, '0')}-01`);
  await trx('ledger_periods').insert([...lastYear, ...closed].map((period) => ({ period, closed_by: finance.id })));
  // 全程留痕: every entry has its audit row
  await trx.raw(
    `insert into audit_log (actor_id, actor_name, action, resource, record_id, after)
     select created_by, 'system', 'post', 'ledger-entries', id::text, to_jsonb(l) from ledger_entries l`,
  );
  const [{ entries }] = (await trx.raw<{ rows: [{ entries: number }] }>('select count(*)::int as entries from ledger_entries')).rows;
  return { budgets: budgetRows.length + revised.length, entries, requests: requests.length, ...fund };
}

/** Last year's fund (contributions, two payouts, the year-end return) and this year's contributions so far. */
async function seedRiskFund(trx: Knex.Transaction, ctx: DemoContext, year: number, month: number, financeId: number) {
  const hasStaff = await trx.schema.hasTable('staff');
  if (!hasStaff) return { contributions: 0 };
  await trx.raw(
    `insert into risk_fund_entries (org_unit_id, fund_year, kind, staff_id, entry_date, amount, created_by)
     select s.employer_org_unit_id, extract(year from d)::int, 'contribution', s.id, d::date,
            case s.category when 'doctor' then 100 when 'nurse' then 60 when 'village_doctor' then 20 else 50 end, ?
       from staff s
       join org_units u on u.id = s.employer_org_unit_id
       cross join generate_series(make_date(?, 1, 1), make_date(?, ?, 1), interval '1 month') d
      where s.status = 'active' and s.hire_date <= d`,
    [financeId, year - 1, year, month],
  );
  // one ledger entry per unit and month, linked from its contributions
  await trx.raw(
    `with sums as (select org_unit_id, entry_date, sum(amount) as amount, count(*) as n from risk_fund_entries where kind = 'contribution' group by 1, 2),
     posted as (
       insert into ledger_entries (org_unit_id, entry_date, debit_account, credit_account, amount, memo, source_type, created_by)
       select org_unit_id, entry_date, 'bank', 'risk_fund', amount, '医疗风险金 ' || to_char(entry_date, 'YYYY-MM') || ' 月缴存（' || n || ' 人）', 'risk-fund-entries', ?
         from sums returning id, org_unit_id, entry_date)
     update risk_fund_entries r set ledger_entry_id = p.id from posted p
      where r.kind = 'contribution' and r.org_unit_id = p.org_unit_id and r.entry_date = p.entry_date`,
    [financeId],
  );
  // last year: two settled disputes paid at the HQ and a branch, then the year-end return everywhere
  const payers = ctx.units.filter((u) => u.level <= 2).slice(0, 2);
  for (const [i, u] of payers.entries()) {
    const [entry] = await trx('ledger_entries')
      .insert({
        org_unit_id: u.id,
        entry_date: `${year - 1}-0${6 + i}-18`,
        debit_account: 'risk_fund',
        credit_account: 'bank',
        amount: i === 0 ? '48000.00' : '12500.00',
        memo: `医疗风险金赔付 YL-${year - 1}-00${i + 1}`,
        source_type: 'risk-fund-entries',
        created_by: financeId,
      })
      .returning<{ id: number }[]>('id');
    await trx('risk_fund_entries').insert({
      org_unit_id: u.id,
      fund_year: year - 1,
      kind: 'payout',
      entry_date: `${year - 1}-0${6 + i}-18`,
      amount: i === 0 ? '48000.00' : '12500.00',
      dispute_ref: `YL-${year - 1}-00${i + 1}`,
      memo: '医疗纠纷调解结案赔付',
      ledger_entry_id: entry.id,
      created_by: financeId,
    });
  }
  const balances = (
    await trx.raw<{ rows: { org_unit_id: number; balance: string }[] }>(
      `select org_unit_id, sum(case when kind = 'contribution' then amount else -amount end)::text as balance
         from risk_fund_entries where fund_year = ? group by org_unit_id having sum(case when kind = 'contribution' then amount else -amount end) > 0`,
      [year - 1],
    )
  ).rows;
  const contributions = (
    await trx.raw<{ rows: { org_unit_id: number; staff_id: number; amount: string }[] }>(
      `select org_unit_id, staff_id, sum(amount)::text as amount from risk_fund_entries where fund_year = ? and kind = 'contribution' group by 1, 2`,
      [year - 1],
    )
  ).rows;
  const returns = balances.flatMap((b) =>
    riskFundReturns(
      toFen(b.balance),
      contributions.filter((c) => c.org_unit_id === b.org_unit_id).map((c) => ({ staff_id: c.staff_id, amount: toFen(c.amount) })),
    ).map((r) => ({ org_unit_id: b.org_unit_id, staff_id: r.staff_id, amount: fromFen(r.amount) })),
  );
  const returnDate = `${year}-01-15`;
  const entryIds: { id: number }[] = [];
  for (let i = 0; i < returns.length; i += 1000) {
    entryIds.push(
      ...(await trx('ledger_entries')
        .insert(
          returns.slice(i, i + 1000).map((r) => ({
            org_unit_id: r.org_unit_id,
            entry_date: returnDate,
            debit_account: 'risk_fund',
            credit_account: 'bank',
            amount: r.amount,
            memo: `医疗风险金 ${year - 1} 年度结余返还`,
            source_type: 'risk-fund-entries',
            created_by: financeId,
          })),
        )
        .returning<{ id: number }[]>('id')),
    );
  }
  const fundIds: { id: number }[] = [];
  for (let i = 0; i < returns.length; i += 1000) {
    fundIds.push(
      ...(await trx('risk_fund_entries')
        .insert(
          returns
            .slice(i, i + 1000)
            .map((r, k) => ({ ...r, fund_year: year - 1, kind: 'return', entry_date: returnDate, ledger_entry_id: entryIds[i + k].id, created_by: financeId })),
        )
        .returning<{ id: number }[]>('id')),
    );
  }
  if (fundIds.length) {
    await trx.raw('update ledger_entries l set source_id = x.fid from unnest(?::bigint[], ?::bigint[]) x(lid, fid) where l.id = x.lid', [
      entryIds.map((e) => e.id),
      fundIds.map((f) => f.id),
    ]);
  }
  const [{ n }] = (await trx.raw<{ rows: [{ n: number }] }>("select count(*)::int as n from risk_fund_entries where kind = 'contribution'")).rows;
  return { contributions: n, returns: returns.length };
}

export const financeDemo: DemoStep = { name: 'finance', run: seedFinance };
