// Finance over HTTP: the approval chain of the spending-limit matrix, the budget stop with
// its figures, period close, audited ledger entries, the risk-fund year-end return, reports.
import { expect } from 'chai';
import {
  auditCount,
  call,
  get,
  post,
  system,
  unitId,
  type AnswerOf,
  type AuditRow,
  type Json,
  type LoginAnswer,
  type Problem,
} from '../../scripts/test/harness';
import type { OrgUnit } from '../org';
import type { Budget, ExpenseRequest, ExpenseRequestStep, LedgerEntry } from './model';
import type { execution } from './service';
import { readWorkbook } from '../../reports/xlsx';
import knexFactory from 'knex';

const YEAR = 2031; // a year of our own: no demo data in it

/** An expense request as the API answers it: with its approval steps, and whether the caller may decide. */
type Request = Json<ExpenseRequest> & { steps: Json<ExpenseRequestStep>[]; can_decide: boolean; ledger_entry_id?: number };

/** A user of our own (the demo has directors only), logged in: pass the result as call options. */
async function user(username: string, roles: string[], code: string) {
  const existing = await get<{ id: number }[]>('/api/users', { as: 'admin', query: { filter: { username } } });
  if (!existing.body.length) {
    const r = await post(
      '/api/users',
      { username, display_name: `${code} 测试用户`, roles, org_unit_id: await unitId(code), password: 'finance-test-1' },
      { as: 'admin' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
  }
  const login = await call<LoginAnswer>('POST', '/api/auth/login', { body: { username, password: 'finance-test-1' } });
  return { headers: { authorization: `Bearer ${login.body.token}` }, id: login.body.user.id };
}
const clerk = (code: string) => user(`clerk-${code}-fin`, ['staff_clerk'], code);

async function budget(code: string, account: string, amount: string) {
  const r = await post<Json<Budget>>('/api/budgets', { org_unit_id: await unitId(code), year: YEAR, account, amount }, { as: 'finance' });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body;
}

describe('finance: budgets, expense requests, ledger, risk fund (HTTP)', () => {
  it('a budget splits evenly into twelve months; a split that does not add up is a 400 on monthly', async () => {
    const b = await budget('T03', 'training', '1000.00');
    expect(b.monthly).to.have.length(12);
    expect(b.monthly.reduce((s, m) => s + Math.round(Number(m) * 100), 0)).to.equal(100000);
    const bad = await post<Problem>(
      '/api/budgets',
      { org_unit_id: await unitId('T03'), year: YEAR, account: 'drugs', amount: '1200', monthly: Array(12).fill('99') },
      { as: 'finance' },
    );
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details?.[0].field).to.equal('monthly');
  });

  it('a revision is a new version linked to the old, which is superseded', async () => {
    const b = await budget('T03', 'maintenance', '5000.00');
    const r = await post<Json<Budget>>(`/api/budgets/${b.id}/revise`, { amount: '6000.00', reason: '设备老化追加' }, { as: 'finance' });
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ version: 2, previous_id: b.id, status: 'active', amount: '6000.00' });
    const old = await get<Json<Budget>>(`/api/budgets/${b.id}`, { as: 'finance' });
    expect(old.body.status).to.equal('superseded');
    expect((await post(`/api/budgets/${b.id}/revise`, { amount: '1', reason: 'x' }, { as: 'finance' })).status).to.equal(409);
  });

  it('a township request above its director’s limit goes to group finance after the director; the requester cannot approve it', async () => {
    await budget('T01', 'equipment', '90000.00');
    const requester = await clerk('T01');
    const r = await post<Request>(
      '/api/expense-requests',
      { org_unit_id: await unitId('T01'), account: 'equipment', amount: '30000.00', purpose: '购置心电图机', request_date: `${YEAR}-02-01` },
      requester,
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.status).to.equal('pending');
    expect(r.body.steps.map((s) => [s.kind, s.approver_role])).to.deep.equal([
      ['unit_director', 'director'],
      ['group_finance', 'group_finance'],
    ]);
    expect(r.body.steps[0].approver_unit_name).to.equal((await get<Json<OrgUnit>>(`/api/org-units/${await unitId('T01')}`, { as: 'admin' })).body.name);
    // the requester may not approve, nor may finance jump the director's step
    expect((await post(`/api/expense-requests/${r.body.id}/approve`, {}, requester)).status).to.equal(403);
    expect((await post(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'finance' })).status).to.equal(403);
    // the director sees it in the inbox, group finance not yet
    const inbox = await get<Request[]>('/api/expense-requests', { as: 'director-T01', query: { filter: { awaiting_me: true } } });
    expect(inbox.body.map((x) => x.id)).to.include(r.body.id);
    const notYet = await get<Request[]>('/api/expense-requests', { as: 'finance', query: { filter: { awaiting_me: true }, range: [0, 999] } });
    expect(notYet.body.map((x) => x.id)).to.not.include(r.body.id);
    // the request page shows the decision buttons only to who may decide the pending step
    const canDecide = async (as: object) => (await get<Request>(`/api/expense-requests/${r.body.id}`, as)).body.can_decide;
    expect([await canDecide(requester), await canDecide({ as: 'director-T01' }), await canDecide({ as: 'finance' })]).to.deep.equal([false, true, false]);
    const a1 = await post<Request>(`/api/expense-requests/${r.body.id}/approve`, { comment: '同意' }, { as: 'director-T01' });
    expect(a1.status).to.equal(200);
    expect(a1.body).to.include({ status: 'pending', current_step: 2 });
    const a2 = await post<Request>(`/api/expense-requests/${r.body.id}/approve`, { comment: '财务中心同意' }, { as: 'finance' });
    expect(a2.body.status).to.equal('approved');
    expect(a2.body.steps.every((s) => s.status === 'approved')).to.equal(true);
    // approved but unpaid: a commitment in budget vs actual
    const ex = await get<AnswerOf<typeof execution>>('/api/budgets/execution', { as: 'finance', query: { year: YEAR, org_unit_id: await unitId('T01') } });
    const eq = ex.body.unit.accounts.find((a) => a.account === 'equipment');
    expect(eq).to.include({ budget: '90000.00', committed: '30000.00', posted: '0.00', remaining: '60000.00' });
    // payment posts the ledger entry and moves the amount from committed to posted
    const paid = await post<Request>(`/api/expense-requests/${r.body.id}/pay`, { paid_on: `${YEAR}-03-15` }, { as: 'finance' });
    expect(paid.status).to.equal(200);
    const entry = await get<Json<LedgerEntry>>(`/api/ledger-entries/${paid.body.ledger_entry_id}`, { as: 'finance' });
    expect(entry.body).to.include({
      debit_account: 'equipment',
      credit_account: 'bank',
      amount: '30000.00',
      source_type: 'expense-requests',
      source_id: r.body.id,
    });
    const ex2 = await get<AnswerOf<typeof execution>>('/api/budgets/execution', { as: 'finance', query: { year: YEAR, org_unit_id: await unitId('B1') } });
    const t01 = ex2.body.children.find((c) => c.code === 'T01')!;
    expect(t01.accounts.find((a) => a.account === 'equipment')).to.include({ posted: '30000.00', committed: '0.00' });
    expect(ex2.body.unit.accounts.find((a) => a.account === 'equipment')!.posted).to.equal('30000.00');
    // a paid request cannot be approved again: 409 naming the allowed transitions
    const again = await post<Problem>(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'finance' });
    expect(again.status).to.equal(409);
    expect(again.body.error.message).to.match(/allowed: none/);
  });

  it('a village clinic’s small request goes to its township director; a director’s own request goes up', async () => {
    await budget('V001', 'consumables', '8000.00');
    const r = await post<Request>(
      '/api/expense-requests',
      { org_unit_id: await unitId('V001'), account: 'consumables', amount: '800.00', purpose: '购买一次性耗材', request_date: `${YEAR}-02-01` },
      { as: 'director-V001' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.steps).to.have.length(1);
    expect(r.body.steps[0]).to.include({ kind: 'township_director', approver_unit_id: await unitId('T01') });
    const own = await post<Request>(
      '/api/expense-requests',
      { org_unit_id: await unitId('T01'), account: 'equipment', amount: '1000.00', purpose: '院长本人申请', request_date: `${YEAR}-02-01` },
      { as: 'director-T01' },
    );
    expect(own.body.steps[0]).to.include({ kind: 'unit_director', approver_unit_id: await unitId('B1') });
    expect((await post(`/api/expense-requests/${own.body.id}/approve`, {}, { as: 'director-T01' })).status).to.equal(403);
    expect((await post<Request>(`/api/expense-requests/${own.body.id}/approve`, {}, { as: 'director-B1' })).body.status).to.equal('approved');
  });

  it('a request over the remaining budget is stopped with the budget figures; an override needs the role and a reason', async () => {
    await budget('T02', 'drugs', '10000.00');
    const requester = await clerk('T02');
    const r = await post<Problem<Record<string, string>>>(
      '/api/expense-requests',
      { org_unit_id: await unitId('T02'), account: 'drugs', amount: '12000.00', purpose: '季度药品', request_date: `${YEAR}-02-01` },
      requester,
    );
    expect(r.status).to.equal(422);
    expect(r.body.error.message).to.match(/budget 10000\.00, consumed 0\.00, requested 12000\.00, remaining 10000\.00/);
    expect(r.body.error.details).to.include({ budget: '10000.00', consumed: '0.00', requested: '12000.00', remaining: '10000.00' });
    const noRole = await post(
      '/api/expense-requests',
      { org_unit_id: await unitId('T02'), account: 'drugs', amount: '12000.00', purpose: '季度药品', override_reason: '急需', request_date: `${YEAR}-02-01` },
      requester,
    );
    expect(noRole.status).to.equal(403);
    const before = await auditCount();
    const ok = await post<Request>(
      '/api/expense-requests',
      {
        org_unit_id: await unitId('T02'),
        account: 'drugs',
        amount: '12000.00',
        purpose: '疫情应急药品',
        request_date: `${YEAR}-02-01`,
        override_reason: '疫情应急，理事会已口头同意',
      },
      { as: 'finance' },
    );
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(ok.body.override_reason).to.equal('疫情应急，理事会已口头同意');
    const audit = await get<AuditRow[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'expense-requests', action: 'budget_override' }, range: [0, 0] },
    });
    expect(audit.body[0].after).to.include({ reason: '疫情应急，理事会已口头同意', requested: '12000.00' });
    expect(await auditCount()).to.equal(before + 2);
    // a warn account lets it through with a note
    await budget('T02', 'training', '100.00');
    const warn = await post<Request>(
      '/api/expense-requests',
      { org_unit_id: await unitId('T02'), account: 'training', amount: '500.00', purpose: '进修', request_date: `${YEAR}-02-01` },
      requester,
    );
    expect(warn.status).to.equal(200);
    expect(warn.body.budget_note).to.match(/^warning: over budget/);
  });

  it('a large township request also goes to the council (decided by group_admin)', async () => {
    await budget('T06', 'equipment', '900000.00');
    const requester = await clerk('T06');
    const r = await post<Request>(
      '/api/expense-requests',
      { org_unit_id: await unitId('T06'), account: 'equipment', amount: '600000.00', purpose: '购置 DR', request_date: `${YEAR}-02-01` },
      requester,
    );
    expect(r.body.steps.map((s) => `${s.kind}:${s.approver_role}`)).to.deep.equal([
      'unit_director:director',
      'group_finance:group_finance',
      'council:group_admin',
    ]);
    await post(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'director-T06' });
    await post(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'finance' });
    expect((await post(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'finance' })).status).to.equal(403);
    expect((await post<Request>(`/api/expense-requests/${r.body.id}/approve`, { comment: '理事会决议通过' }, { as: 'admin' })).body.status).to.equal(
      'approved',
    );
  });

  it('rejecting needs a comment and skips the rest of the chain', async () => {
    await budget('T04', 'operations', '100000.00');
    const requester = await clerk('T04');
    const r = await post<Request>(
      '/api/expense-requests',
      { org_unit_id: await unitId('T04'), account: 'operations', amount: '25000.00', purpose: '办公家具', request_date: `${YEAR}-02-01` },
      requester,
    );
    expect((await post(`/api/expense-requests/${r.body.id}/reject`, {}, { as: 'director-T04' })).status).to.equal(400);
    const rej = await post<Request>(`/api/expense-requests/${r.body.id}/reject`, { comment: '非必需' }, { as: 'director-T04' });
    expect(rej.body.status).to.equal('rejected');
    expect(rej.body.steps.map((s) => s.status)).to.deep.equal(['rejected', 'skipped']);
  });

  it('a posted chief accountant approves the branch step in place of group finance; one accountant per unit at a time', async () => {
    // the demo posts finance-b2 to B2; a second posting overlapping it is refused
    const other = await user('finance-ca', ['group_finance'], 'HQ');
    const overlap = await post(
      '/api/chief-accountant-postings',
      { user_id: other.id, org_unit_id: await unitId('B2'), starts_on: '2030-01-01' },
      { as: 'finance' },
    );
    expect(overlap.status).to.equal(409);
    const posting = await post(
      '/api/chief-accountant-postings',
      { user_id: other.id, org_unit_id: await unitId('T09'), starts_on: '2030-01-01', ends_on: '2030-12-31' },
      { as: 'finance' },
    );
    expect(posting.status, JSON.stringify(posting.body)).to.equal(200);
    const notFinance = await post(
      '/api/chief-accountant-postings',
      { user_id: (await clerk('T09')).id, org_unit_id: await unitId('T10'), starts_on: '2030-01-01' },
      { as: 'finance' },
    );
    expect(notFinance.status).to.equal(422);
    await budget('B2', 'maintenance', '50000.00');
    const requester = await clerk('B2');
    const r = await post<Request>(
      '/api/expense-requests',
      {
        org_unit_id: await unitId('B2'),
        account: 'maintenance',
        amount: '3000.00',
        purpose: '空调维修',
        request_date: `${YEAR}-02-01`,
        attachments: [{ name: '维修报价单.pdf' }],
      },
      requester,
    );
    expect(r.body.attachments).to.deep.equal([{ name: '维修报价单.pdf' }]);
    expect(r.body.steps.map((s) => s.approver_role)).to.deep.equal(['director', 'chief_accountant']);
    await post(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'director-B2' });
    expect((await post(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'finance' })).status).to.equal(403);
    const inbox = await get<Request[]>('/api/expense-requests', { as: 'finance-b2', query: { filter: { awaiting_me: true }, range: [0, 999] } });
    expect(inbox.body.map((x) => x.id)).to.include(r.body.id);
    expect((await post<Request>(`/api/expense-requests/${r.body.id}/approve`, {}, { as: 'finance-b2' })).body.status).to.equal('approved');
  });

  it('entering into a closed month is a 409; every ledger entry has its audit row', async () => {
    const unit = await unitId('T05');
    const e = await post<Json<LedgerEntry>>(
      '/api/ledger-entries',
      { org_unit_id: unit, entry_date: `${YEAR}-01-20`, debit_account: 'operations', credit_account: 'bank', amount: '123.45', memo: '水电费' },
      { as: 'finance' },
    );
    expect(e.status, JSON.stringify(e.body)).to.equal(200);
    const close = await post('/api/ledger-periods', { period: `${YEAR}-01` }, { as: 'finance' });
    expect(close.status).to.equal(200);
    expect((await post('/api/ledger-periods', { period: `${YEAR}-01` }, { as: 'finance' })).status).to.equal(409);
    const late = await post<Problem>(
      '/api/ledger-entries',
      { org_unit_id: unit, entry_date: `${YEAR}-01-31`, debit_account: 'operations', credit_account: 'bank', amount: '10.00' },
      { as: 'finance' },
    );
    expect(late.status).to.equal(409);
    expect(late.body.error.message).to.match(/closed/);
    // the correction goes into an open month, linked to the original
    const rev = await post<Json<LedgerEntry>>(`/api/ledger-entries/${e.body.id}/reverse`, { entry_date: `${YEAR}-02-01` }, { as: 'finance' });
    expect(rev.body).to.include({ reverses_id: e.body.id, debit_account: 'bank', credit_account: 'operations' });
    // no entry without its audit row, demo data included
    const knex = knexFactory({ client: 'pg', connection: (await system()).databaseUrl, pool: { min: 0, max: 1 } });
    const { rows } = await knex.raw<{ rows: { missing: number }[] }>(
      `select count(*)::int as missing from ledger_entries l
        where not exists (select 1 from audit_log a where a.resource = 'ledger-entries' and a.record_id = l.id::text)`,
    );
    expect(rows[0].missing).to.equal(0);
    const [{ n }] = (await knex.raw<{ rows: { n: number }[] }>('select count(*)::int as n from ledger_entries')).rows;
    expect(n).to.be.greaterThan(1);
    await knex.destroy();
  });

  it('bad input is a 400 naming the field; a village doctor may not create requests', async () => {
    const r = await post<Problem>(
      '/api/expense-requests',
      { org_unit_id: await unitId('T01'), account: 'drugs', amount: '12.345', purpose: '' },
      { as: 'director-T01' },
    );
    expect(r.status).to.equal(400);
    expect(r.body.error.details?.map((d) => d.field)).to.include.members(['amount', 'purpose']);
    expect(
      (await post('/api/expense-requests', { org_unit_id: await unitId('V001'), account: 'drugs', amount: '1', purpose: 'x' }, { as: 'doctor-V001' })).status,
    ).to.equal(403);
    expect((await get('/api/expense-requests/999999', { as: 'finance' })).status).to.equal(404);
  });

  it('budget execution xlsx reads back with the figures of the API', async () => {
    const t01 = await unitId('T01');
    const api = await get<AnswerOf<typeof execution>>('/api/budgets/execution', { as: 'finance', query: { year: YEAR, org_unit_id: t01 } });
    const r = await get<Buffer>('/api/reports/budget-execution.xlsx', { as: 'finance', query: { year: String(YEAR), org_unit_id: String(t01) } });
    expect(r.status).to.equal(200);
    const wb = await readWorkbook(r.body);
    const sheet = wb.worksheets[0];
    const rows: { code: string; account: string; budget: number; consumed: number }[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1)
        rows.push({
          code: row.getCell(1).text,
          account: row.getCell(4).text,
          budget: Number(row.getCell(6).value),
          consumed: Number(row.getCell(9).value),
        });
    });
    for (const a of api.body.unit.accounts) {
      const x = rows.find((row) => row.code === 'T01' && row.account === a.name)!;
      expect(x.budget).to.equal(Number(a.budget));
      expect(x.consumed).to.equal(Number(a.consumed));
    }
    const expense = rows.find((row) => row.code === 'T01' && row.account === '支出合计')!;
    expect([expense.budget, expense.consumed]).to.deep.equal([Number(api.body.unit.expense.budget), Number(api.body.unit.expense.consumed)]);
    expect(rows.some((row) => row.code === 'V001')).to.equal(true);
  });
});
