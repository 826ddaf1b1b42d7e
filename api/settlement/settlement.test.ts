// Settlement over HTTP against the real database: claim import (bad rows by row and field,
// idempotent re-import, dry run, all-or-nothing), runs (recalculation with reason and versions,
// review, four-eyes approval, locked periods, superseding), the workbook read back to the fen,
// and the demo fund years.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { toFen } from '../shared/money';
import { checkDigit } from '../core/personalId';
import { readWorkbook } from '../../reports/xlsx';
import { auditCount, call, get, post, unitId, type AnswerOf, type AuditRow, type Json, type LoginAnswer, type Problem } from '../../scripts/test/harness';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import type { Claim } from './claims/model';
import { CLAIM_COLUMNS } from './claims/rules';
import type { unitSummary } from './claims/service';
import type { FundYearPopulation } from './fundYears/model';
import type { withBudget } from './fundYears/service';
import type { ImportResult } from './import';
import type { SettlementRun, SurplusAllocation } from './runs/model';
import type { dashboard, readRun, readVersion, runSummary } from './runs/service';

/** a fund year as the API answers it: the row with its budget to date and per month */
type FundYearAnswer = AnswerOf<typeof withBudget>;
type Population = Json<FundYearPopulation>;
/** a claim as listed: the ID number leaves masked only */
type ClaimRow = Omit<Json<Claim>, 'id_number_hash' | 'id_number_cipher'>;
type Run = Json<SettlementRun>;
type RunAnswer = AnswerOf<typeof readRun>;

const REGION = '测试县';
const YEAR = 2024;

const idNumber = (n: number) => {
  const first17 = `630121199001${String(10 + (n % 18)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
};

// the claim file's template columns, without the optional insured name (these files carry none)
const HEADER = CLAIM_COLUMNS.map(([column]) => column).filter((column) => column !== 'insured_name');

/** A claims csv: n good rows (claim numbers prefix-1..n) settled in `month`, with overrides by index. */
function claimsCsv(prefix: string, n: number, month: number, overrides: Record<number, Record<string, string>> = {}) {
  const rows = Array.from({ length: n }, (_, i) => {
    const inpatient = i % 4 === 0;
    const day = `${YEAR}-${String(month).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
    const total = inpatient ? 5000 + i : 100 + i;
    const fund = Math.round(total * 0.6 * 100) / 100;
    const selfFunded = Math.round(total * 0.05 * 100) / 100;
    const base: Record<string, string> = {
      claim_no: `${prefix}-${i + 1}`,
      id_number: idNumber(i),
      insured_township_code: i % 2 ? 'T01' : 'T02',
      provider_class: i % 5 === 4 ? 'out_of_county' : 'in_group',
      provider_unit_code: i % 5 === 4 ? '' : inpatient ? 'B1' : 'T01',
      provider_name: i % 5 === 4 ? '青海省人民医院' : '',
      care_type: inpatient ? 'inpatient' : 'outpatient',
      visit_on: day,
      discharged_on: inpatient ? day : '',
      settled_on: day,
      total_cost: total.toFixed(2),
      fund_paid: fund.toFixed(2),
      self_pay: (total - fund - selfFunded).toFixed(2),
      self_funded: selfFunded.toFixed(2),
      drug_cost: (total * 0.3).toFixed(2),
      consumables_cost: '0',
      diagnosis: 'I10',
      referred_up: inpatient && i % 8 === 0 ? 'true' : 'false',
    };
    return { ...base, ...overrides[i] };
  });
  return [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => r[h]).join(','))].join('\n') + '\n';
}

function upload<T = ImportResult>(url: string, name: string, content: string | Buffer, query: Record<string, string>, as = 'finance') {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return call<T>('POST', url, { as, raw: form, query });
}

describe('settlement (HTTP, real database)', function () {
  this.timeout(120_000);
  let fundYearId: number;
  const goodCsv = claimsCsv('A', 40, 2, {
    2: { total_cost: '999.99' }, // row 4: the parts do not add up
    5: { provider_unit_code: 'NOPE' }, // row 7: unknown unit
    9: { settled_on: '2023-12-31' }, // row 11: outside the fund year
  });

  before(async () => {
    const r = await post<FundYearAnswer>(
      '/api/fund-years',
      { region: REGION, year: YEAR, insured_count: 2000, premium_total: '2180000.00', catastrophic_pool: '218000.00', outpatient_pool: '261600.00' },
      { as: 'finance' },
    );
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    fundYearId = r.body.id;
    for (const [code, population] of [
      ['T01', 1200],
      ['T02', 800],
    ] as const) {
      const p = await post<Population>(
        '/api/fund-year-populations',
        { fund_year_id: fundYearId, org_unit_id: await unitId(code), insured_population: population, baseline_admissions: 40 },
        { as: 'finance' },
      );
      expect(p.status, JSON.stringify(p.body)).to.equal(200);
    }
  });

  it('a fund year answers its budget with the defaults (0.90 bundle, 1/12 profile)', async () => {
    const r = await get<FundYearAnswer>(`/api/fund-years/${fundYearId}`, { as: 'finance' });
    // (2,180,000 − 218,000 − 261,600) × 0.90 = 1,530,360.00
    expect(r.body).to.include({ budget: '1530360.00', bundle_ratio: '0.9000' });
    const listed = (await get<FundYearAnswer[]>('/api/fund-years', { as: 'finance', query: { filter: { region: REGION } } })).body;
    expect(listed.find((y) => y.id === fundYearId)?.budget).to.equal('1530360.00'); // the list's 打包预算 column
    expect(r.body.monthly_budgets).to.have.length(12);
    expect(r.body.overspend_tiers).to.deep.equal([
      { upTo: 0.05, groupShare: 0.5 },
      { upTo: null, groupShare: 1 },
    ]);
  });

  it('refuses a bad configuration with 400 naming the field', async () => {
    const r = await post<Problem>(
      '/api/fund-years',
      {
        region: REGION,
        year: 2023,
        insured_count: 1,
        premium_total: '100.00',
        catastrophic_pool: '0',
        outpatient_pool: '0',
        monthly_profile: [0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.1],
      },
      { as: 'finance' },
    );
    expect(r.status).to.equal(400);
    expect(r.body.error.details?.map((d) => d.field)).to.include('monthly_profile');
    const asDirector = await post(
      '/api/fund-years',
      { region: REGION, year: 2023, insured_count: 1, premium_total: '100.00', catastrophic_pool: '0', outpatient_pool: '0' },
      { as: 'director-T01' },
    );
    expect(asDirector.status).to.equal(403);
  });

  it('edits a fund year: the budget follows the bundle ratio; bad tiers, gates and weights are refused on their fields', async () => {
    const made = await post<FundYearAnswer>(
      '/api/fund-years',
      { region: REGION, year: 2022, insured_count: 10, premium_total: '10000.00', catastrophic_pool: '1000.00', outpatient_pool: '1000.00' },
      { as: 'finance' },
    );
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const url = `/api/fund-years/${made.body.id}`;
    const full = (await get<FundYearAnswer>(url, { as: 'finance' })).body;
    expect(full.budget).to.equal('7200.00');
    // the edit form sends the whole record back, derived fields included
    const ok = await call<FundYearAnswer>('PUT', url, { as: 'finance', body: { ...full, bundle_ratio: '0.85' } });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect((await get<FundYearAnswer>(url, { as: 'finance' })).body).to.include({ budget: '6800.00', bundle_ratio: '0.8500' });
    const fields = async (body: Record<string, unknown>) => {
      const r = await call<Problem>('PUT', url, { as: 'finance', body });
      expect(r.status, JSON.stringify(r.body)).to.equal(400);
      return r.body.error.details?.map((d) => d.field);
    };
    expect(
      await fields({
        overspend_tiers: [
          { upTo: 0.05, groupShare: 1.5 },
          { upTo: null, groupShare: 1 },
        ],
      }),
    ).to.deep.equal(['overspend_tiers.0.groupShare']);
    expect(
      await fields({
        overspend_tiers: [
          { upTo: 0.1, groupShare: 0.5 },
          { upTo: 0.05, groupShare: 0.8 },
          { upTo: null, groupShare: 1 },
        ],
      }),
    ).to.deep.equal(['overspend_tiers.1.upTo']);
    expect(await fields({ overspend_tiers: [{ upTo: 0.05, groupShare: 0.5 }] })).to.deep.equal(['overspend_tiers']);
    expect(await fields({ gates: { ...full.gates, satisfaction: { threshold: 85, deduction: 2 } } })).to.deep.equal(['gates.satisfaction.deduction']);
    const [health, staff] = full.allocation.pools;
    expect(
      await fields({ allocation: { ...full.allocation, pools: [health, { ...staff, indicators: staff.indicators.map((k) => ({ ...k, weight: 0.3 })) }] } }),
    ).to.deep.equal(['allocation.pools.1.indicators']);
    expect(await fields({ bundle_ratio: '1.5' })).to.deep.equal(['bundle_ratio']);
    expect(await fields({ catastrophic_pool: '9500.00' })).to.deep.equal(['catastrophic_pool']);
    // nothing of the refused edits landed
    expect((await get<FundYearAnswer>(url, { as: 'finance' })).body).to.include({ budget: '6800.00', catastrophic_pool: '1000.00' });
    expect((await call('PUT', url, { as: 'director-T01', body: { bundle_ratio: '0.9' } })).status).to.equal(403);
  });

  it('a fund year stored before a gate existed reads, saves and calculates with the gate’s default', async () => {
    const made = await post<FundYearAnswer>(
      '/api/fund-years',
      { region: REGION, year: 2021, insured_count: 10, premium_total: '10000.00', catastrophic_pool: '0', outpatient_pool: '0' },
      { as: 'finance' },
    );
    // as if satisfaction were added to the registry after the year was saved (gates are stored as JSON text in jsonb)
    const withoutSatisfaction = () =>
      db().raw(`update fund_years set gates = to_jsonb(((gates #>> '{}')::jsonb - 'satisfaction')::text) where id = ?`, [made.body.id]);
    await withoutSatisfaction();
    const stored = await db().raw<{ rows: { has: boolean }[] }>(
      `select ((gates #>> '{}')::jsonb -> 'satisfaction') is not null as has from fund_years where id = ?`,
      [made.body.id],
    );
    expect(stored.rows[0].has).to.equal(false);
    const url = `/api/fund-years/${made.body.id}`;
    const full = (await get<FundYearAnswer>(url, { as: 'finance' })).body;
    expect(full.gates.satisfaction).to.deep.equal({ threshold: 85, deduction: 0.1 });
    expect((await call('PUT', url, { as: 'finance', body: full })).status).to.equal(200);
    await withoutSatisfaction();
    const created = await post<Run>('/api/settlement-runs', { fund_year_id: made.body.id, period: '2021' }, { as: 'finance' });
    const calculated = await post<Run>(`/api/settlement-runs/${created.body.id}/calculate`, {}, { as: 'finance' });
    expect(calculated.status, JSON.stringify(calculated.body)).to.equal(200);
    expect(calculated.body.figures?.gates.find((g) => g.key === 'satisfaction')).to.include({ threshold: 85, passed: false });
  });

  it('insured populations per unit: listed per fund year, edited while the year is open', async () => {
    const list = await get<Population[]>('/api/fund-year-populations', { as: 'finance', query: { filter: { fund_year_id: fundYearId } } });
    expect(list.body.map((p) => p.insured_population).sort((a, b) => a - b)).to.deep.equal([800, 1200]);
    const t02 = list.body.find((p) => p.insured_population === 800)!;
    const r = await call<Population>('PUT', `/api/fund-year-populations/${t02.id}`, { as: 'finance', body: { ...t02, insured_population: 810 } });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.insured_population).to.equal(810);
    expect((await call('PUT', `/api/fund-year-populations/${t02.id}`, { as: 'finance', body: { insured_population: 800 } })).status).to.equal(200);
    const bad = await post<Problem>(
      '/api/fund-year-populations',
      { fund_year_id: 999999, org_unit_id: await unitId('T01'), insured_population: 5 },
      { as: 'finance' },
    );
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details?.[0].field).to.equal('fund_year_id');
  });

  it('a dry run validates only; the three bad rows are listed by row and field', async () => {
    const r = await upload('/api/claims/import', 'claims.csv', goodCsv, { fund_year_id: String(fundYearId), dry_run: 'true' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body).to.include({ accepted: 37, rejected_rows: 3, committed: false, dry_run: true });
    expect(r.body.rejected.map((x) => [x.row, x.field])).to.deep.equal([
      [4, 'total_cost'],
      [7, 'provider_unit_code'],
      [11, 'settled_on'],
    ]);
    const list = await get('/api/claims', { as: 'finance', query: { filter: { fund_year_id: fundYearId }, range: [0, 0] } });
    expect(list.headers.get('content-range')).to.match(/\/0$/);
  });

  it('all-or-nothing lands nothing when a row is bad', async () => {
    const r = await upload('/api/claims/import', 'claims.csv', goodCsv, { fund_year_id: String(fundYearId), all_or_nothing: 'true' });
    expect(r.body).to.include({ accepted: 0, committed: false, rejected_rows: 3 });
    const list = await get('/api/claims', { as: 'finance', query: { filter: { fund_year_id: fundYearId }, range: [0, 0] } });
    expect(list.headers.get('content-range')).to.match(/\/0$/);
  });

  it('a commit lands the valid rows with one summary audit row; the ID number leaves masked', async () => {
    const before = await auditCount();
    const r = await upload('/api/claims/import', 'claims.csv', goodCsv, { fund_year_id: String(fundYearId) });
    expect(r.body).to.include({ accepted: 37, inserted: 37, updated: 0, committed: true });
    expect(await auditCount()).to.equal(before + 1);
    const list = await get<ClaimRow[]>('/api/claims', { as: 'finance', query: { filter: { fund_year_id: fundYearId }, range: [0, 99] } });
    expect(list.body).to.have.length(37);
    expect(list.body[0]).to.not.have.property('id_number_cipher');
    expect(list.body[0]).to.not.have.property('id_number_hash');
    expect(list.body[0].id_number_masked).to.match(/^6301\*{10}\d{3}[\dX]$/);
  });

  async function sums() {
    const d = await get<AnswerOf<typeof dashboard>>(`/api/fund-years/${fundYearId}/dashboard`, { as: 'finance' });
    return d.body.months.map((m) => `${m.claims}:${m.spending}`).join('|');
  }

  it('importing the same file again changes nothing (count and every sum)', async () => {
    const s0 = await sums();
    const r = await upload('/api/claims/import', 'claims.csv', goodCsv, { fund_year_id: String(fundYearId) });
    expect(r.body).to.include({ accepted: 37, inserted: 0, updated: 0, unchanged: 37 });
    expect(await sums()).to.equal(s0);
  });

  it('a changed row updates its claim with an audit row holding before and after', async () => {
    const changed = claimsCsv('A', 2, 2, { 1: { fund_paid: '60.00', self_pay: '35.95' } });
    const r = await upload('/api/claims/import', 'claims.csv', changed, { fund_year_id: String(fundYearId) });
    expect(r.body).to.include({ accepted: 2, inserted: 0, updated: 1, unchanged: 1 });
    const claim = (await get<ClaimRow[]>('/api/claims', { as: 'finance', query: { filter: { fund_year_id: fundYearId, claim_no: 'A-2' } } })).body[0];
    expect(claim).to.include({ fund_paid: '60.00', self_pay: '35.95' });
    const audit = await get<AuditRow<{ fund_paid: number }>[]>('/api/audit-log', {
      as: 'auditor',
      query: { filter: { resource: 'claims', record_id: String(claim.id) } },
    });
    expect(audit.body[0].action).to.equal('update');
    expect(audit.body[0].before?.fund_paid).to.equal(60.6);
    expect(audit.body[0].after?.fund_paid).to.equal(60);
  });

  it('a file with a missing column is refused with 400 naming it', async () => {
    const r = await upload<Problem>('/api/claims/import', 'claims.csv', 'claim_no,id_number\nX-1,1\n', { fund_year_id: String(fundYearId) });
    expect(r.status).to.equal(400);
    expect(r.body.error.details?.map((d) => d.field)).to.include('fund_paid');
    expect((await upload('/api/claims/import', 'claims.txt', 'x', { fund_year_id: String(fundYearId) })).status).to.equal(400);
    expect((await upload('/api/claims/import', 'claims.csv', goodCsv, { fund_year_id: String(fundYearId) }, 'director-T01')).status).to.equal(403);
  });

  let runId: number;
  it('creates and calculates the final run: budget, spending by class and care type, gates, indicators, allocations', async () => {
    await upload('/api/satisfaction-scores/import', 's.csv', 'period,score,respondents\n2024-02,90,100\n', { fund_year_id: String(fundYearId) });
    const created = await post<Run>('/api/settlement-runs', { fund_year_id: fundYearId, period: String(YEAR) }, { as: 'finance' });
    expect(created.status, JSON.stringify(created.body)).to.equal(200);
    expect(created.body).to.include({ status: 'draft', kind: 'final' });
    runId = created.body.id;
    const r = await post<Run>(`/api/settlement-runs/${runId}/calculate`, {}, { as: 'finance' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const f = r.body.figures!;
    const claims = (await get<ClaimRow[]>('/api/claims', { as: 'finance', query: { filter: { fund_year_id: fundYearId }, range: [0, 99] } })).body;
    const spent = claims.reduce((a, c) => a + toFen(c.fund_paid), 0n);
    expect(toFen(f.spending.total)).to.equal(spent);
    expect(f.budget).to.equal('1530360.00');
    expect(toFen(f.surplus)).to.equal(toFen(f.budget) - spent);
    expect(Object.values(f.spending.by_provider_class).reduce((a, v) => a + toFen(v), 0n)).to.equal(spent);
    expect(f.gates.map((g) => g.key)).to.deep.equal(['self_funded_rate', 'reimbursement_ratio', 'satisfaction']);
    expect(f.gates.every((g) => ['value', 'threshold', 'passed', 'deduction'].every((k) => k in g))).to.equal(true);
    expect(f.indicators).to.have.length(9);
    expect(f.indicators[0]).to.have.keys(['key', 'over', 'direction', 'numerator', 'denominator', 'value', 'threshold', 'ok']);
    expect(f.insured_indicators).to.have.length(9);
    expect(f.allocations.length).to.be.greaterThan(0);
    expect(f.allocations.reduce((a, x) => a + toFen(x.amount), 0n)).to.equal(toFen(f.retained));
    const stored = await get<Json<SurplusAllocation>[]>('/api/surplus-allocations', {
      as: 'finance',
      query: { filter: { run_id: runId, version: 1 }, range: [0, 999] },
    });
    expect(stored.body.reduce((a, x) => a + toFen(x.amount), 0n)).to.equal(toFen(f.retained));
    expect(stored.body[0]).to.include.keys(['raw_values', 'normalised_values', 'score', 'population', 'weight', 'share', 'amount']);
  });

  it('recalculating needs a reason and keeps the previous figures as a version', async () => {
    const noReason = await post<Problem>(`/api/settlement-runs/${runId}/calculate`, {}, { as: 'finance' });
    expect(noReason.status).to.equal(400);
    expect(noReason.body.error.details?.[0].field).to.equal('reason');
    const r = await post<Run>(`/api/settlement-runs/${runId}/calculate`, { reason: '补录2月结算单' }, { as: 'finance' });
    expect(r.body.version).to.equal(2);
    const run = await get<RunAnswer>(`/api/settlement-runs/${runId}`, { as: 'finance' });
    expect(run.body.versions.map((v) => v.version)).to.deep.equal([2, 1]);
    expect(run.body.events.map((e) => e.action)).to.deep.equal(['created', 'calculated', 'recalculated']);
    expect((await get<AnswerOf<typeof readVersion>>(`/api/settlement-runs/${runId}/versions/1`, { as: 'finance' })).body.figures.budget).to.equal('1530360.00');
  });

  it('approving before review is a 409 naming the allowed steps; review needs group finance', async () => {
    const r = await post<Problem<{ allowed: string[] }>>(`/api/settlement-runs/${runId}/approve`, {}, { as: 'admin' });
    expect(r.status).to.equal(409);
    expect(r.body.error.details?.allowed).to.deep.equal(['calculate', 'review']);
    expect((await post(`/api/settlement-runs/${runId}/review`, { comment: 'ok' }, { as: 'admin' })).status).to.equal(403);
    const rv = await post<Run>(`/api/settlement-runs/${runId}/review`, { comment: '数据核对无误' }, { as: 'finance' });
    expect(rv.body).to.include({ status: 'reviewed', reviewed_by_name: '集团财务管理中心' });
  });

  it('four eyes: the reviewer cannot approve (422); admin approves and the run is locked', async () => {
    const made = await post(
      '/api/users',
      { username: 'fin-admin', display_name: '兼任', roles: ['group_finance', 'group_admin'], org_unit_id: await unitId('HQ'), password: 'twohats123' },
      { as: 'admin' },
    );
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const login = await post<LoginAnswer>('/api/auth/login', { username: 'fin-admin', password: 'twohats123' });
    const headers = { authorization: `Bearer ${login.body.token}` };
    // recalculated and reviewed by the two-hatted user, who then may not approve
    await call('POST', `/api/settlement-runs/${runId}/calculate`, { headers, body: { reason: '复核重算' } });
    expect((await call('POST', `/api/settlement-runs/${runId}/review`, { headers, body: { comment: '复核' } })).status).to.equal(200);
    const self = await call('POST', `/api/settlement-runs/${runId}/approve`, { headers, body: {} });
    expect(self.status).to.equal(422);
    const ok = await post<Run>(`/api/settlement-runs/${runId}/approve`, { comment: '同意' }, { as: 'admin' });
    expect(ok.body).to.include({ status: 'approved', approved_by_name: '集团管理员' });
    const again = await post(`/api/settlement-runs/${runId}/calculate`, { reason: 'x' }, { as: 'finance' });
    expect(again.status).to.equal(409);
  });

  it('a later import touching the locked year is refused for that period', async () => {
    const r = await upload('/api/claims/import', 'late.csv', claimsCsv('B', 2, 3), { fund_year_id: String(fundYearId) });
    expect(r.body.accepted).to.equal(0);
    expect(r.body.rejected[0]).to.include({ row: 2, field: 'settled_on' });
    expect(r.body.rejected[0].message).to.match(/locked.*approved/);
    // and so is the fund year's configuration, until the approved run is superseded
    const edit = await call<Problem<{ locked_by_run_id: number }>>('PUT', `/api/fund-years/${fundYearId}`, { as: 'finance', body: { bundle_ratio: '0.8' } });
    expect(edit.status).to.equal(409);
    expect(edit.body.error.message).to.match(/locked.*approved/);
    expect(edit.body.error.details).to.include({ locked_by_run_id: runId });
    const [pop] = (await get<Population[]>('/api/fund-year-populations', { as: 'finance', query: { filter: { fund_year_id: fundYearId } } })).body;
    const popEdit = await call('PUT', `/api/fund-year-populations/${pop.id}`, { as: 'finance', body: { insured_population: 1 } });
    expect(popEdit.status).to.equal(409);
    expect((await get<Population>(`/api/fund-year-populations/${pop.id}`, { as: 'finance' })).body.insured_population).to.equal(pop.insured_population);
  });

  it('an approved run is superseded only by a new run with a reason', async () => {
    const noReason = await post<Problem>('/api/settlement-runs', { fund_year_id: fundYearId, period: String(YEAR) }, { as: 'finance' });
    expect(noReason.status).to.equal(409);
    const r = await post<Run>('/api/settlement-runs', { fund_year_id: fundYearId, period: String(YEAR), reason: '医保局更正' }, { as: 'finance' });
    expect(r.body).to.include({ status: 'draft', supersedes_id: runId, reason: '医保局更正' });
    const old = await get<RunAnswer>(`/api/settlement-runs/${runId}`, { as: 'finance' });
    expect(old.body).to.include({ status: 'approved', superseded_by_id: r.body.id });
    expect(old.body.allowed).to.deep.equal([]);
  });

  it('the workbook read back equals the API to the fen; allocations add up to retained', async () => {
    const api = (await get<RunAnswer>(`/api/settlement-runs/${runId}`, { as: 'finance' })).body.figures!;
    const r = await get<Buffer>(`/api/reports/settlement/${runId}.xlsx`, { as: 'finance' });
    expect(r.status).to.equal(200);
    const wb = await readWorkbook(r.body);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('汇总')!.eachRow((row) => summary.set(row.getCell(1).text, row.getCell(2).value));
    const labels: Record<'budget' | 'surplus' | 'retained' | 'overspend_group' | 'overspend_fund' | 'returned_to_fund', string> = {
      budget: '预算（至本期）',
      surplus: '结余',
      retained: '结余留用',
      overspend_group: '集团承担',
      overspend_fund: '基金承担',
      returned_to_fund: '返还基金',
    };
    for (const [key, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
      expect(toFen(summary.get(label) as number), key).to.equal(toFen(api[key]));
    }
    expect(toFen(summary.get('基金支出') as number)).to.equal(toFen(api.spending.total));
    expect(summary.get('结余率')).to.equal(api.surplus_rate);
    const sheet = wb.getWorksheet('结余分配')!;
    const header = (sheet.getRow(1).values as string[]).indexOf('分配额合计');
    const amounts: bigint[] = [];
    sheet.eachRow((row, n) => n > 1 && n < sheet.rowCount && amounts.push(toFen(row.getCell(header).value as number)));
    // one row per township: its amount is the sum of its shares of every pool
    const perUnit = new Map<string, bigint>();
    for (const a of api.allocations) perUnit.set(a.code, (perUnit.get(a.code) ?? 0n) + toFen(a.amount));
    expect(amounts).to.deep.equal([...perUnit.values()]);
    expect(amounts.reduce((a, b) => a + b, 0n)).to.equal(toFen(api.retained));
    expect(toFen(sheet.getRow(sheet.rowCount).getCell(header).value as number)).to.equal(toFen(api.retained));
    const spending = wb.getWorksheet('基金支出（按月）')!;
    let fund = 0n;
    spending.eachRow(
      (row, n) => n > 1 && row.getCell(2).value !== '小计' && row.getCell(2).value !== '合计' && (fund += toFen(row.getCell(6).value as number)),
    );
    expect(fund).to.equal(toFen(api.spending.total));
    expect(wb.getWorksheet('监测指标')!.rowCount).to.be.greaterThan(9);
  });

  it('the claims template is a workbook with the import columns', async () => {
    const r = await get<Buffer>('/api/claims/template.xlsx', { as: 'finance' });
    const wb = await readWorkbook(r.body);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).to.include.members(['claim_no', 'fund_paid', 'settled_on']);
  });

  it('a director sees only claims their unit provided', async () => {
    const t01 = await unitId('T01');
    const r = await get<ClaimRow[]>('/api/claims', { as: 'director-T01', query: { filter: { fund_year_id: fundYearId }, range: [0, 99] } });
    expect(r.status).to.equal(200);
    expect(r.body.length).to.be.greaterThan(0);
    expect(r.body.every((c) => c.org_unit_id === t01)).to.equal(true);
    const summary = await get(`/api/fund-years/${fundYearId}/units/${await unitId('B1')}/summary`, { as: 'director-T01' });
    expect(summary.status).to.equal(404);
  });

  it('the drill-down summary of a unit by care type and provider class equals its claims', async () => {
    const t01 = await unitId('T01');
    const r = await get<AnswerOf<typeof unitSummary>>(`/api/fund-years/${fundYearId}/units/${t01}/summary`, { as: 'finance' });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const claims = (await get<ClaimRow[]>('/api/claims', { as: 'finance', query: { filter: { fund_year_id: fundYearId }, range: [0, 999] } })).body;
    const expected = (pick: (c: (typeof claims)[number]) => boolean) => {
      const out = new Map<string, { claims: number; fund: bigint; total: bigint }>();
      for (const c of claims.filter(pick)) {
        const k = `${c.care_type}|${c.provider_class}`;
        const e = out.get(k) ?? { claims: 0, fund: 0n, total: 0n };
        out.set(k, { claims: e.claims + 1, fund: e.fund + toFen(c.fund_paid), total: e.total + toFen(c.total_cost) });
      }
      return out;
    };
    for (const [side, pick] of [
      ['provided', (c: (typeof claims)[number]) => c.org_unit_id === t01],
      ['insured', (c: (typeof claims)[number]) => c.insured_unit_id === t01],
    ] as const) {
      const want = expected(pick);
      const got = r.body[side];
      expect(got.length, side).to.equal(want.size).and.be.greaterThan(0);
      for (const row of got) {
        const e = want.get(`${row.care_type}|${row.provider_class}`)!;
        expect(
          { claims: row.claims, fund: toFen(row.fund_paid), total: toFen(row.total_cost) },
          `${side} ${row.care_type} ${row.provider_class}`,
        ).to.deep.equal(e);
      }
    }
  });

  it('the demo: last year final run waits for review near 10.27%; this year has monthly runs to last month', async () => {
    const years = (await get<FundYearAnswer[]>('/api/fund-years', { as: 'finance', query: { filter: { region: '大通县' } } })).body;
    expect(years).to.have.length(2);
    const [thisYear, lastYear] = years;
    const runs = (await get<AnswerOf<typeof runSummary>[]>('/api/settlement-runs', { as: 'finance', query: { filter: { fund_year_id: lastYear.id } } })).body;
    const final = runs.find((x) => x.kind === 'final');
    expect(final?.status).to.equal('calculated');
    expect(final?.surplus_rate).to.be.closeTo(0.1027, 0.0005);
    const monthly = (
      await get<AnswerOf<typeof runSummary>[]>('/api/settlement-runs', { as: 'finance', query: { filter: { fund_year_id: thisYear.id }, range: [0, 20] } })
    ).body;
    const month = Number(clock.today().slice(5, 7));
    expect(monthly.filter((x) => x.kind === 'provisional' && x.status === 'calculated')).to.have.length(month - 1);
    // the list's reading order: newest fund year first, a year's final run before its months, months newest first
    const listed = (
      await get<AnswerOf<typeof runSummary>[]>('/api/settlement-runs', {
        as: 'finance',
        query: { filter: { fund_year_id: [thisYear.id, lastYear.id], current: true }, range: [0, 24] },
      })
    ).body;
    const key = (x: { period: string; kind: string }) => `${x.period.slice(0, 4)}-${x.kind === 'final' ? '13' : x.period.slice(5)}`;
    expect(listed.map(key)).to.deep.equal(listed.map(key).sort().reverse());
    expect(listed.findIndex((x) => x.kind === 'final' && x.period === String(lastYear.year))).to.equal(month - 1);
  });
});

describe('settlement: a stay across the new year (HTTP, real database)', function () {
  this.timeout(120_000);
  const region = '跨年测试县';
  const years = new Map<number, number>();
  // admitted 2025-12-28, discharged 2026-01-04, settled 2026-01-06: fund paid ¥3,600.00 of ¥5,000.00
  const stay: Record<string, string> = {
    claim_no: 'XY-1',
    id_number: idNumber(7),
    insured_township_code: 'T01',
    provider_class: 'in_group',
    provider_unit_code: 'B1',
    provider_name: '',
    care_type: 'inpatient',
    visit_on: '2025-12-28',
    discharged_on: '2026-01-04',
    settled_on: '2026-01-06',
    total_cost: '5000.00',
    fund_paid: '3600.00',
    self_pay: '1200.00',
    self_funded: '200.00',
    drug_cost: '1500.00',
    consumables_cost: '300.00',
    diagnosis: 'J18.9',
    referred_up: 'false',
  };
  const csv = (rows: Record<string, string>[]) => [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => r[h]).join(','))].join('\n') + '\n';

  before(async () => {
    for (const year of [2025, 2026]) {
      const r = await post<FundYearAnswer>(
        '/api/fund-years',
        { region, year, insured_count: 100, premium_total: '100000.00', catastrophic_pool: '0', outpatient_pool: '0' },
        { as: 'finance' },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      years.set(year, r.body.id);
    }
  });

  const claimsOf = async (year: number) =>
    (await get<ClaimRow[]>('/api/claims', { as: 'finance', query: { filter: { fund_year_id: years.get(year) }, range: [0, 99] } })).body;

  it('the year of the admission refuses it (settled after that year); the year of the settlement date takes it', async () => {
    const refused = await upload('/api/claims/import', 'stay.csv', csv([stay]), { fund_year_id: String(years.get(2025)) });
    expect(refused.status, JSON.stringify(refused.body)).to.equal(200);
    expect(refused.body.accepted).to.equal(0);
    expect(refused.body.rejected.map((x) => [x.row, x.field])).to.deep.equal([
      [2, 'discharged_on'],
      [2, 'settled_on'],
    ]);
    const taken = await upload('/api/claims/import', 'stay.csv', csv([stay]), { fund_year_id: String(years.get(2026)) });
    expect(taken.body).to.include({ accepted: 1, inserted: 1, rejected_rows: 0 });
    const [claim] = await claimsOf(2026);
    expect(claim).to.include({ claim_no: 'XY-1', visit_on: '2025-12-28', discharged_on: '2026-01-04', settled_on: '2026-01-06', period_month: 1 });
    expect(await claimsOf(2025)).to.have.length(0);
    // an admission two years before the settlement is still refused, on its field
    const old = await upload('/api/claims/import', 'old.csv', csv([{ ...stay, claim_no: 'XY-0', visit_on: '2024-12-28' }]), {
      fund_year_id: String(years.get(2026)),
    });
    expect(old.body.rejected.map((x) => [x.row, x.field, x.message])).to.deep.equal([[2, 'visit_on', 'must lie inside the fund year 2026 or the year before']]);
  });

  it('an xlsx with date cells and the Chinese headers imports the stay into the year of its settlement date; January’s run counts it', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('结算单');
    const labels = new Map(CLAIM_COLUMNS);
    sheet.addRow(HEADER.map((h) => labels.get(h)));
    const dates = new Set(['visit_on', 'discharged_on', 'settled_on']);
    const cells = (r: Record<string, string>) => HEADER.map((h) => (dates.has(h) ? new Date(`${r[h]}T00:00:00Z`) : r[h]));
    sheet.addRow(cells({ ...stay, claim_no: 'XY-2', id_number: idNumber(8), fund_paid: '3500.00', self_pay: '1300.00' }));
    // an outpatient visit on New Year's Eve settled on 2 January
    sheet.addRow(
      cells({
        ...stay,
        claim_no: 'XY-3',
        id_number: idNumber(9),
        provider_unit_code: 'T01',
        care_type: 'outpatient',
        visit_on: '2025-12-31',
        discharged_on: '',
        settled_on: '2026-01-02',
        total_cost: '120.00',
        fund_paid: '72.00',
        self_pay: '48.00',
        self_funded: '0',
        drug_cost: '60.00',
        consumables_cost: '0',
        diagnosis: 'I10',
      }).map((v, i) => (HEADER[i] === 'discharged_on' ? null : v)),
    );
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await upload('/api/claims/import', 'stays.xlsx', file, { fund_year_id: String(years.get(2026)) });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body).to.include({ accepted: 2, inserted: 2, rejected_rows: 0 });
    const byNo = new Map((await claimsOf(2026)).map((c) => [c.claim_no, c]));
    expect(byNo.get('XY-2')).to.include({ visit_on: '2025-12-28', settled_on: '2026-01-06', period_month: 1 });
    expect(byNo.get('XY-3')).to.include({ visit_on: '2025-12-31', discharged_on: null, settled_on: '2026-01-02', period_month: 1 });
    const run = await post<Run>('/api/settlement-runs', { fund_year_id: years.get(2026), period: '2026-01' }, { as: 'finance' });
    const calc = await post<Run>(`/api/settlement-runs/${run.body.id}/calculate`, {}, { as: 'finance' });
    expect(calc.status, JSON.stringify(calc.body)).to.equal(200);
    // 3,600.00 + 3,500.00 + 72.00, all three in January
    expect(calc.body.figures!.spending).to.include({ total: '7172.00', claims: 3 });
    expect(calc.body.figures!.spending.by_month[0]).to.include({ month: 1, spending: '7172.00' });
  });

  it('the group row is over the claims the group provided, the insured row over all their claims; hand-counted', async () => {
    // a stay of a T01 insured at a provincial hospital: ¥20,000.00, fund 12,000.00, self-funded 3,000.00, drugs 8,000.00
    const outside = {
      ...stay,
      claim_no: 'XY-4',
      id_number: idNumber(10),
      provider_class: 'out_of_county',
      provider_unit_code: '',
      provider_name: '青海省人民医院',
      visit_on: '2026-01-02',
      discharged_on: '2026-01-09',
      settled_on: '2026-01-10',
      total_cost: '20000.00',
      fund_paid: '12000.00',
      self_pay: '5000.00',
      self_funded: '3000.00',
      drug_cost: '8000.00',
      consumables_cost: '4000.00',
    };
    expect((await upload('/api/claims/import', 'out.csv', csv([outside]), { fund_year_id: String(years.get(2026)) })).body).to.include({ accepted: 1 });
    const [run] = (await get<Run[]>('/api/settlement-runs', { as: 'finance', query: { filter: { fund_year_id: years.get(2026), period: '2026-01' } } })).body;
    const calc = await post<Run>(`/api/settlement-runs/${run.id}/calculate`, { reason: '县外结算单' }, { as: 'finance' });
    expect(calc.status, JSON.stringify(calc.body)).to.equal(200);
    const f = calc.body.figures!;
    const shown = (list: typeof f.indicators) => Object.fromEntries(list.map((i) => [i.key, [i.over, i.numerator, i.denominator, i.value, i.ok]]));
    // the group provided XY-1, XY-2 (B1 stays, ¥5,000.00 each) and XY-3 (T01 visit, ¥120.00):
    //   total 10,120.00, fund 7,172.00, self-funded 400.00, drugs 3,060.00, consumables 600.00, 2 stays of 10,000.00
    // its insured had those and XY-4: total 30,120.00, fund 19,172.00, self-funded 3,400.00, drugs 11,060.00,
    //   consumables 4,600.00, 3 stays of 30,000.00, 2 of them in the county, fund in the county 7,172.00, at T01 72.00
    const insured = {
      in_county_fund_share: ['insured', '7172.00', '19172.00', 0.3741, false],
      primary_care_fund_share: ['insured', '72.00', '19172.00', 0.0038, false],
      in_county_inpatient_share: ['insured', 2, 3, 0.6667, false],
      up_referral_rate: ['insured', 0, 3, 0, true],
    };
    expect(shown(f.indicators)).to.deep.equal({
      inpatient_average_cost: ['provided', '10000.00', 2, '5000.00', true],
      drug_share: ['provided', '3060.00', '10120.00', 0.3024, true],
      consumables_share: ['provided', '600.00', '10120.00', 0.0593, true],
      self_funded_rate: ['provided', '400.00', '10120.00', 0.0395, true],
      reimbursement_ratio: ['provided', '7172.00', '10120.00', 0.7087, true],
      ...insured,
    });
    expect(shown(f.insured_indicators!)).to.deep.equal({
      inpatient_average_cost: ['insured', '30000.00', 3, '10000.00', false],
      drug_share: ['insured', '11060.00', '30120.00', 0.3672, true],
      consumables_share: ['insured', '4600.00', '30120.00', 0.1527, true],
      self_funded_rate: ['insured', '3400.00', '30120.00', 0.1129, false],
      reimbursement_ratio: ['insured', '19172.00', '30120.00', 0.6365, true],
      ...insured,
    });
    // the workbook's 监测指标 says which claims each row is over
    const wb = await readWorkbook((await get<Buffer>(`/api/reports/settlement/${run.id}.xlsx`, { as: 'finance' })).body);
    const sheet = wb.getWorksheet('监测指标')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value]))));
    const avg = rows.filter((r) => r['指标'] === '住院次均费用').slice(0, 2);
    expect(avg.map((r) => [r['单位'], r['结算单口径'], r['实际值']])).to.deep.equal([
      ['集团（本集团提供的结算单）', '按提供的结算单', 5000],
      ['集团参保人（其全部结算单，含县内集团外和县外）', '按参保人的结算单', 10000],
    ]);
  });
});
