// The disease spectrum (病种谱) over HTTP against the real database: two fund years of a region of its own,
// claims with diagnoses (a reversal without one counts under its original's), the group's and a township's
// top categories this year against the same months of last year — every figure by hand — the scope of a
// township's director, the 4xx naming `month` and `unit`, and the allocation indicator in a run.
import { expect } from 'chai';
import { checkDigit } from '../../core/personalId';
import { call, get, post, unitId, type AnswerOf, type Json, type Problem } from '../../../scripts/test/harness';
import { CLAIM_COLUMNS } from '../claims/rules';
import type { withBudget } from '../fundYears/service';
import type { ImportResult } from '../import';
import type { SettlementRun } from '../runs/model';
import type { readRun } from '../runs/service';
import type { diseaseSpectrum } from './service';

type SpectrumAnswer = AnswerOf<typeof diseaseSpectrum>;
const REGION = '病种谱测试县';

/** A stay or a visit at T01 of insured `who` of `township`, its fund part `fund` (total = fund + 25% self-pay); a reversal when `reverses` names the original. */
function line(
  no: string,
  who: number,
  township: string,
  care: 'inpatient' | 'outpatient',
  settled: string,
  diagnosis: string,
  fund: number,
  reverses?: string,
) {
  const sign = reverses ? -1 : 1;
  const amount = (x: number) => (sign * x).toFixed(2);
  const first17 = `630121197501${String(who).padStart(2, '0')}123`;
  return {
    claim_no: no,
    id_number: first17 + checkDigit(first17),
    insured_township_code: township,
    provider_class: 'in_group',
    provider_unit_code: 'T01',
    care_type: care,
    visit_on: settled,
    discharged_on: care === 'inpatient' ? settled : '',
    settled_on: settled,
    total_cost: amount(fund * 1.25),
    fund_paid: amount(fund),
    self_pay: amount(fund * 0.25),
    self_funded: '0',
    drug_cost: amount(fund * 0.5),
    consumables_cost: '0',
    diagnosis,
    referred_up: 'false',
    reverses_claim_no: reverses ?? '',
  } as Record<string, string>;
}

async function importClaims(fundYearId: number, rows: Record<string, string>[]) {
  const header = CLAIM_COLUMNS.map(([c]) => c);
  const form = new FormData();
  form.append('file', new Blob([[header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n') + '\n']), 'claims.csv');
  const r = await call<ImportResult>('POST', '/api/claims/import', { as: 'finance', raw: form, query: { fund_year_id: String(fundYearId) } });
  expect(r.body, JSON.stringify(r.body)).to.include({ inserted: rows.length, rejected_rows: 0 });
}

async function fundYear(year: number, insured: number, populations: Record<string, number>, allocation?: unknown) {
  const fy = await post<AnswerOf<typeof withBudget>>(
    '/api/fund-years',
    {
      region: REGION,
      year,
      insured_count: insured,
      premium_total: '1000000.00',
      catastrophic_pool: '0.00',
      outpatient_pool: '0.00',
      ...(allocation ? { allocation } : {}),
    },
    { as: 'finance' },
  );
  expect(fy.status, JSON.stringify(fy.body)).to.equal(200);
  for (const [code, n] of Object.entries(populations))
    await post('/api/fund-year-populations', { fund_year_id: fy.body.id, org_unit_id: await unitId(code), insured_population: n }, { as: 'finance' });
  return fy.body.id;
}

const pick = (rows: SpectrumAnswer['by_admissions']) => rows.map((r) => [r.code, r.admissions, r.fund_paid]);

describe('disease spectrum (HTTP, real database)', function () {
  this.timeout(120_000);
  let last: number;
  let now: number;
  let t01: number;
  const url = () => `/api/fund-years/${now}/disease-spectrum`;

  before(async () => {
    t01 = await unitId('T01');
    last = await fundYear(2021, 8000, { T01: 900, T02: 700 });
    now = await fundYear(
      2022,
      10000,
      { T01: 1000, T02: 700 },
      {
        pools: [{ key: 'cost_control', share: 1, indicators: [{ key: 'top_diseases_admissions_change', weight: 1, higher_is_better: false }] }],
        recipient_kinds: ['township', 'community'],
      },
    );
    await importClaims(last, [
      line('P-1', 1, 'T01', 'inpatient', '2021-02-03', 'I10', 1000),
      line('P-2', 2, 'T01', 'inpatient', '2021-02-10', 'I10.x01', 1000),
      line('P-3', 3, 'T01', 'outpatient', '2021-02-11', 'I10', 50),
      line('P-4', 4, 'T02', 'inpatient', '2021-03-01', 'I10', 500),
      line('P-5', 5, 'T01', 'inpatient', '2021-03-20', 'J18.9', 3000),
      line('P-6', 6, 'T01', 'inpatient', '2021-06-20', 'J18.9', 5000),
    ]);
    await importClaims(now, [
      line('N-1', 1, 'T01', 'inpatient', '2022-01-05', 'I10', 1200),
      line('N-2', 2, 'T01', 'inpatient', '2022-01-15', 'I10', 1200),
      line('N-3', 3, 'T01', 'inpatient', '2022-02-05', 'I10', 1200),
      line('N-4', 4, 'T01', 'inpatient', '2022-02-07', 'J18.1', 2000),
      line('N-5', 5, 'T01', 'inpatient', '2022-03-02', 'b67.9', 9000),
      line('N-6', 6, 'T01', 'outpatient', '2022-03-03', 'K29.7', 30),
      line('N-7', 7, 'T02', 'inpatient', '2022-04-02', 'E11.9', 800),
    ]);
    // N-3 reversed in full, the reversal without a diagnosis of its own: it counts under I10
    await importClaims(now, [{ ...line('N-3R', 3, 'T01', 'inpatient', '2022-03-10', '', 1200, 'N-3'), visit_on: '2022-02-05', discharged_on: '2022-02-05' }]);
  });

  it('the group: ranked by admissions (ties by fund paid) and by fund paid, against the same months of last year', async () => {
    const r = await get<SpectrumAnswer>(url(), { as: 'finance', query: { month: '3' } });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const s = r.body;
    expect(s).to.deep.include({ month: 3, unit: null, population: 10000, population_last: 8000, previous_fund_year_id: last });
    // I10: 3 stays less the reversed one; B67 and J18 one each, B67 first by its fund paid; K29 a visit only
    expect(pick(s.by_admissions)).to.deep.equal([
      ['I10', 2, '2400.00'],
      ['B67', 1, '9000.00'],
      ['J18', 1, '2000.00'],
    ]);
    expect(pick(s.by_fund)).to.deep.equal([
      ['B67', 1, '9000.00'],
      ['I10', 2, '2400.00'],
      ['J18', 1, '2000.00'],
      ['K29', 0, '30.00'],
    ]);
    // last year, months 1–3: I10 three stays and a visit (1000 + 1000 + 50 + 500), J18 one stay (June's is later)
    expect(s.by_admissions[0]).to.deep.equal({
      rank: 1,
      code: 'I10',
      name: '特发性（原发性）高血压',
      admissions: 2,
      admissions_last: 3,
      admissions_change: -0.3333,
      fund_paid: '2400.00',
      fund_paid_last: '2550.00',
      fund_paid_change: -0.0588,
      per_1000: 0.2,
      per_1000_last: 0.38,
    });
    expect(s.by_admissions[1]).to.include({
      code: 'B67',
      name: '棘球蚴病（包虫病）',
      admissions_last: 0,
      admissions_change: null,
      fund_paid_last: '0.00',
      fund_paid_change: null,
    });
    expect(s.by_admissions[2]).to.include({ code: 'J18', admissions_last: 1, admissions_change: 0, fund_paid_last: '3000.00', fund_paid_change: -0.3333 });
    expect(s.uncoded).to.deep.equal({ admissions: 0, fund_paid: '0.00' });
    expect(s.townships.map((t) => t.code)).to.include.members(['T01', 'T02']);
  });

  it('a township: its insured only, per 1,000 of its population; the whole year by month 12', async () => {
    const t = (await get<SpectrumAnswer>(url(), { as: 'finance', query: { month: '3', unit: String(t01) } })).body;
    expect(t.unit).to.include({ id: t01, code: 'T01' });
    expect(t).to.include({ population: 1000, population_last: 900 });
    expect(t.by_admissions[0]).to.include({
      code: 'I10',
      admissions: 2,
      admissions_last: 2,
      admissions_change: 0,
      fund_paid_last: '2050.00',
      per_1000: 2,
      per_1000_last: 2.22,
    });
    const year = (await get<SpectrumAnswer>(url(), { as: 'finance', query: { month: '12' } })).body;
    expect(pick(year.by_admissions)).to.deep.equal([
      ['I10', 2, '2400.00'],
      ['B67', 1, '9000.00'],
      ['J18', 1, '2000.00'],
      ['E11', 1, '800.00'],
    ]);
    expect(year.by_admissions[2]).to.include({ admissions_last: 2, fund_paid_last: '8000.00' });
    // without a month: the year to date, through the latest month with claims (April)
    expect((await get<SpectrumAnswer>(url(), { as: 'finance' })).body.month).to.equal(4);
  });

  it('no data last year is null, never 0', async () => {
    const s = (await get<SpectrumAnswer>(`/api/fund-years/${last}/disease-spectrum`, { as: 'finance', query: { month: '12' } })).body;
    expect(s.previous_fund_year_id).to.equal(null);
    expect(s.by_admissions[0]).to.include({
      code: 'I10',
      admissions: 3,
      admissions_last: null,
      admissions_change: null,
      fund_paid_last: null,
      per_1000_last: null,
    });
  });

  it('a township’s director sees their township only; bad month and unit are 4xx naming the field', async () => {
    const own = await get<SpectrumAnswer>(url(), { as: 'director-T01', query: { month: '3', unit: String(t01) } });
    expect(own.status).to.equal(200);
    expect(own.body.townships.map((t) => t.code)).to.deep.equal(['T01']);
    expect((await get(url(), { as: 'director-T01', query: { month: '3', unit: String(await unitId('T02')) } })).status).to.equal(404);
    // without a unit: their own township, never the group
    const plain = await get<SpectrumAnswer>(url(), { as: 'director-T01', query: { month: '3' } });
    expect(plain.body.unit).to.include({ code: 'T01' });
    expect(plain.body.by_admissions.map((r) => r.code)).to.deep.equal(['I10', 'B67', 'J18']);
    // a village clinic's director has no township to see
    const village = await get<Problem>(url(), { as: 'director-V001', query: { month: '3' } });
    expect(village.status).to.equal(403);
    expect(village.body.error.message).to.match(/^unit:/);
    for (const [query, field] of [
      [{ month: '13' }, 'month'],
      [{ month: '0' }, 'month'],
      [{ month: 'x' }, 'month'],
      [{ unit: '0x1' }, 'unit'],
    ] as const) {
      const bad = await get<Problem>(url(), { as: 'finance', query });
      expect(bad.status, JSON.stringify(query)).to.equal(400);
      expect(bad.body.error.details?.map((d) => d.field)).to.deep.equal([field]);
    }
    const branch = await get<Problem>(url(), { as: 'finance', query: { unit: String(await unitId('B1')) } });
    expect(branch.status).to.equal(400);
    expect(branch.body.error.details?.map((d) => d.field)).to.deep.equal(['unit']);
    expect((await get(`/api/fund-years/999999/disease-spectrum`, { as: 'finance' })).status).to.equal(404);
  });

  it('a run weighs 前20位病种千人住院变化: each township’s stays in the group’s top categories per insured, this year ÷ last', async () => {
    const run = await post<Json<SettlementRun>>('/api/settlement-runs', { fund_year_id: now, period: '2022-03' }, { as: 'finance' });
    expect(run.status, JSON.stringify(run.body)).to.equal(200);
    const calc = await post(`/api/settlement-runs/${run.body.id}/calculate`, {}, { as: 'finance' });
    expect(calc.status, JSON.stringify(calc.body)).to.equal(200);
    const figures = (await get<AnswerOf<typeof readRun>>(`/api/settlement-runs/${run.body.id}`, { as: 'finance' })).body.figures!;
    const value = (code: string) => figures.allocations.find((a) => a.code === code)?.raw_values.top_diseases_admissions_change;
    // top (months 1–3): I10, B67, J18. T01: 4 stays / 1,000 against 3 / 900 → 1.2; T02: none against one → 0
    expect(value('T01')).to.equal(1.2);
    expect(value('T02')).to.equal(0);
    // a township without a population is 无数据
    expect(value('T03')).to.equal(null);
  });
});
