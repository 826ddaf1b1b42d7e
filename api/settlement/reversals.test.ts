// Reversals (冲正) and the correction run's difference over HTTP against the real database: a reversal of a demo
// claim lands in its month; in a fund year of its own, a reversal settled in a locked month lands in the next open
// one, one beyond what is left or of an unknown claim is refused naming the field, and a correction run lists the
// late claim and the reversal with per-unit amounts that add up to the total change — every figure to the fen.
import { expect } from 'chai';
import { checkDigit, revealIdNumber } from '../core/personalId';
import { fromFen, toFen } from '../shared/money';
import { call, get, post, unitId, type AnswerOf, type Json, type Problem } from '../../scripts/test/harness';
import { readWorkbook } from '../../reports/xlsx';
import { db } from '../db/knex';
import type { Claim } from './claims/model';
import { CLAIM_COLUMNS } from './claims/rules';
import { signOffMonths } from './signoffs/service';
import type { withBudget } from './fundYears/service';
import type { ImportResult } from './import';
import type { readDifference } from './runs/differenceService';
import type { SettlementRun } from './runs/model';
import type { readRun } from './runs/service';

type ClaimRow = Omit<Json<Claim>, 'id_number_hash' | 'id_number_cipher'>;
type Difference = AnswerOf<typeof readDifference>;

const REGION = '冲正测试县';
const YEAR = 2023;
const ID = (n: number) => {
  const first17 = `63012119850${n}0${n}12${n}`;
  return first17 + checkDigit(first17);
};
const HEADER = CLAIM_COLUMNS.map(([column]) => column);
const csv = (rows: Record<string, string>[]) => [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => r[h] ?? '').join(','))].join('\n') + '\n';

/** A claim line: care at a group unit (or outside the group with a provider name), amounts as given. */
function claim(no: string, who: number, township: string, provider: string, care: 'inpatient' | 'outpatient', settled: string, amounts: string[]) {
  const [total_cost, fund_paid, self_pay, self_funded, drug_cost] = amounts;
  const outside = provider.startsWith('县外:');
  return {
    claim_no: no,
    id_number: ID(who),
    insured_township_code: township,
    provider_class: outside ? 'out_of_county' : 'in_group',
    provider_unit_code: outside ? '' : provider,
    provider_name: outside ? provider.slice(3) : '',
    care_type: care,
    visit_on: settled,
    discharged_on: care === 'inpatient' ? settled : '',
    settled_on: settled,
    total_cost,
    fund_paid,
    self_pay,
    self_funded,
    drug_cost,
    consumables_cost: '0',
    diagnosis: 'I10',
    referred_up: 'false',
  };
}
const reversal = (no: string, original: Record<string, string>, settled: string, amounts: string[]) => ({
  ...claim(
    no,
    0,
    original.insured_township_code,
    original.provider_unit_code || `县外:${original.provider_name}`,
    original.care_type as 'inpatient',
    settled,
    amounts,
  ),
  id_number: original.id_number,
  visit_on: original.visit_on,
  discharged_on: original.discharged_on,
  reverses_claim_no: original.claim_no,
});

function upload(fundYearId: number, content: string, query: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([content]), 'claims.csv');
  return call<ImportResult>('POST', '/api/claims/import', { as: 'finance', raw: form, query: { fund_year_id: String(fundYearId), ...query } });
}

async function approvedRun(fundYearId: number, period: string, reason?: string) {
  const run = await post<Json<SettlementRun>>('/api/settlement-runs', { fund_year_id: fundYearId, period, reason }, { as: 'finance' });
  expect(run.status, JSON.stringify(run.body)).to.equal(200);
  await post(`/api/settlement-runs/${run.body.id}/calculate`, {}, { as: 'finance' });
  await post(`/api/settlement-runs/${run.body.id}/review`, { comment: '已核' }, { as: 'finance' });
  const ok = await post<Json<SettlementRun>>(`/api/settlement-runs/${run.body.id}/approve`, {}, { as: 'admin' });
  expect(ok.body.status, JSON.stringify(ok.body)).to.equal('approved');
  return run.body.id;
}

const claimsOf = async (fundYearId: number) =>
  new Map(
    (await get<ClaimRow[]>('/api/claims', { as: 'finance', query: { filter: { fund_year_id: fundYearId }, range: [0, 99] } })).body.map((c) => [c.claim_no, c]),
  );

describe('settlement: reversals and the correction run’s difference (HTTP, real database)', function () {
  this.timeout(120_000);
  let fundYearId: number;
  // C-1: a visit at T01 (¥100.00, fund ¥60.00); C-2: a stay at B1 (¥5,000.00, fund ¥3,000.00); C-3: a stay out of the county
  const c1 = claim('C-1', 1, 'T01', 'T01', 'outpatient', `${YEAR}-02-10`, ['100.00', '60.00', '35.50', '4.50', '40.00']);
  const c2 = claim('C-2', 2, 'T02', 'B1', 'inpatient', `${YEAR}-03-05`, ['5000.00', '3000.00', '1800.00', '200.00', '1500.00']);
  const c3 = claim('C-3', 3, 'T01', '县外:青海省人民医院', 'inpatient', `${YEAR}-04-20`, ['8000.00', '4800.00', '2400.00', '800.00', '2000.00']);

  before(async () => {
    // a final run reads only health data the group has signed off (frozen inputs)
    await signOffMonths(
      db(),
      YEAR,
      Array.from({ length: 12 }, (_, i) => i + 1),
      '测试',
    );
    const fy = await post<AnswerOf<typeof withBudget>>(
      '/api/fund-years',
      { region: REGION, year: YEAR, insured_count: 2000, premium_total: '2000000.00', catastrophic_pool: '200000.00', outpatient_pool: '200000.00' },
      { as: 'finance' },
    );
    expect(fy.status, JSON.stringify(fy.body)).to.equal(200);
    fundYearId = fy.body.id;
    for (const [code, population] of [
      ['T01', 1200],
      ['T02', 800],
    ] as const)
      await post(
        '/api/fund-year-populations',
        { fund_year_id: fundYearId, org_unit_id: await unitId(code), insured_population: population },
        { as: 'finance' },
      );
    const r = await upload(fundYearId, csv([c1, c2, c3]));
    expect(r.body, JSON.stringify(r.body)).to.include({ inserted: 3, rejected_rows: 0 });
  });

  it('a reversal settled in a month locked by an approved run lands in the next open month; an ordinary claim there is refused', async () => {
    await approvedRun(fundYearId, `${YEAR}-03`);
    const r1 = reversal('R-1', c1, `${YEAR}-02-20`, ['-40.00', '-24.00', '-14.20', '-1.80', '-16.00']);
    const late = claim('L-0', 4, 'T01', 'T01', 'outpatient', `${YEAR}-03-15`, ['10.00', '6.00', '4.00', '0', '0']);
    const r = await upload(fundYearId, csv([r1, late]));
    expect(r.body).to.include({ inserted: 1, rejected_rows: 1 });
    expect(r.body.rejected.map((x) => [x.row, x.field])).to.deep.equal([[3, 'settled_on']]);
    const stored = await claimsOf(fundYearId);
    expect(stored.get('R-1')).to.include({
      settled_on: `${YEAR}-02-20`,
      period_month: 4,
      lands_in_month: 4,
      claim_count: 0,
      fund_paid: '-24.00',
      total_cost: '-40.00',
    });
    expect(stored.get('R-1')!.reverses_claim_id).to.equal(stored.get('C-1')!.id);
    // importing the same reversal again changes nothing: it does not count against itself
    const again = await upload(fundYearId, csv([r1]));
    expect(again.body).to.include({ accepted: 1, unchanged: 1, rejected_rows: 0 });
  });

  it('a reversal beyond what is left, of an unknown claim, of another insured or with a positive amount is refused naming the field', async () => {
    const beyond = reversal('R-2', c1, `${YEAR}-04-02`, ['-60.01', '-36.01', '-21.30', '-2.70', '0']);
    const unknown = { ...reversal('R-3', c1, `${YEAR}-04-02`, ['-1.00', '-1.00', '0', '0', '0']), reverses_claim_no: 'NOPE-9' };
    const stranger = { ...reversal('R-4', c1, `${YEAR}-04-02`, ['-1.00', '-1.00', '0', '0', '0']), id_number: ID(5) };
    const positive = reversal('R-5', c1, `${YEAR}-04-02`, ['1.00', '1.00', '0', '0', '0']);
    // what is left of C-1 (¥60.00) taken back in full, then one fen more in the same file
    const rest = reversal('R-6', c1, `${YEAR}-04-03`, ['-60.00', '-36.00', '-21.30', '-2.70', '-24.00']);
    const fen = reversal('R-7', c1, `${YEAR}-04-04`, ['-0.01', '-0.01', '0', '0', '0']);
    const r = await upload(fundYearId, csv([beyond, unknown, stranger, positive, rest, fen]), { dry_run: 'true' });
    expect(r.body).to.include({ accepted: 1, rejected_rows: 5 });
    expect(r.body.rejected.map((x) => [x.row, x.field, x.message])).to.deep.equal([
      [5, 'total_cost', 'a reversal’s amounts are ≤ 0 with at most two decimals'],
      [5, 'fund_paid', 'a reversal’s amounts are ≤ 0 with at most two decimals'],
      [2, 'total_cost', 'reverses more than is left of claim C-1 (60.00)'],
      [2, 'fund_paid', 'reverses more than is left of claim C-1 (36.00)'],
      [3, 'reverses_claim_no', `no claim NOPE-9 in fund year ${YEAR} or ${YEAR - 1}`],
      [4, 'id_number', 'not the insured of claim C-1'],
      [7, 'total_cost', 'reverses more than is left of claim C-1 (0.00)'],
      [7, 'fund_paid', 'reverses more than is left of claim C-1 (0.00)'],
    ]);
  });

  let finalId: number;
  let correctionId: number;
  it('a correction run lists the late claim and the reversal; per unit the amounts add up to the total change', async () => {
    finalId = await approvedRun(fundYearId, String(YEAR));
    const locked = await upload(fundYearId, csv([reversal('R-8', c2, `${YEAR}-11-02`, ['-1.00', '-1.00', '0', '0', '0'])]));
    expect(locked.body.rejected[0]).to.include({ field: 'settled_on', message: `fund year ${YEAR} is locked: settlement run ${finalId} is approved` });

    // the correction reopens the year: a late visit at T02 (fund ¥180.00) and C-2's stay reversed in full (fund −¥3,000.00)
    const created = await post<Json<SettlementRun>>(
      '/api/settlement-runs',
      { fund_year_id: fundYearId, period: String(YEAR), reason: '医保局补传与冲正' },
      { as: 'finance' },
    );
    correctionId = created.body.id;
    const lateClaim = claim('L-1', 6, 'T02', 'T02', 'outpatient', `${YEAR}-06-15`, ['300.00', '180.00', '100.00', '20.00', '90.00']);
    const r8 = reversal('R-8', c2, `${YEAR}-11-02`, ['-5000.00', '-3000.00', '-1800.00', '-200.00', '-1500.00']);
    const r = await upload(fundYearId, csv([lateClaim, r8]));
    expect(r.body, JSON.stringify(r.body)).to.include({ inserted: 2, rejected_rows: 0 });
    expect((await claimsOf(fundYearId)).get('R-8')).to.include({ period_month: 11, lands_in_month: null, claim_count: -1 });
    await post(`/api/settlement-runs/${correctionId}/calculate`, {}, { as: 'finance' });

    const d = (await get<Difference>(`/api/settlement-runs/${correctionId}/difference`, { as: 'finance' })).body;
    expect(d).to.include({ supersedes_id: finalId, lines_total: 2 });
    expect(d.lines!.map((l) => [l.claim_no, l.kind, l.reverses_claim_no, l.provider, l.period_month, l.total_cost, l.fund_paid])).to.deep.equal([
      ['L-1', 'added', null, 'T02 ' + (await unitName('T02')), 6, '300.00', '180.00'],
      ['R-8', 'reversal', 'C-2', 'B1 ' + (await unitName('B1')), 11, '-5000.00', '-3000.00'],
    ]);
    // spending: 60.00 − 24.00 + 3,000.00 + 4,800.00 = 7,836.00 before; 7,836.00 + 180.00 − 3,000.00 = 5,016.00 after
    expect(d.spending).to.deep.equal({ before: '7836.00', after: '5016.00', change: '-2820.00' });
    expect(d.claims).to.deep.equal({ before: 3, after: 3, change: 0 });
    const changed = d.units
      .filter((u) => u.spending.change !== '0.00')
      .map((u) => [u.code ?? u.provider_class, u.spending.before, u.spending.after, u.spending.change]);
    expect(changed).to.deep.equal([
      ['B1', '3000.00', '0.00', '-3000.00'],
      ['T02', '0.00', '180.00', '180.00'],
    ]);
    const sum = (k: 'spending' | 'allocation') => fromFen(d.units.reduce((a, u) => a + toFen(u[k].change), 0n));
    expect(sum('spending')).to.equal(d.spending.change);
    expect(sum('allocation')).to.equal(d.retained.change);
    expect(d.retained.change).to.not.equal('0.00');
    const run = (await get<AnswerOf<typeof readRun>>(`/api/settlement-runs/${correctionId}`, { as: 'finance' })).body;
    expect(run.figures!.retained).to.equal(d.retained.after);
  });

  it('a run that supersedes nothing has no difference: 422 naming the run', async () => {
    const r = await get<Problem>(`/api/settlement-runs/${finalId}/difference`, { as: 'finance' });
    expect(r.status).to.equal(422);
    expect(r.body.error.details?.[0].field).to.equal('id');
  });

  it('the correction run’s workbook has the sheet 与已批准结算的差异 with the lines and the per-unit changes', async () => {
    const wb = await readWorkbook((await get<Buffer>(`/api/reports/settlement/${correctionId}.xlsx`, { as: 'finance' })).body);
    const sheet = wb.getWorksheet('与已批准结算的差异')!;
    const text: string[] = [];
    sheet.eachRow((row) => text.push((row.values as unknown[]).slice(1).join('|')));
    expect(text).to.include.members([
      `L-1|新增||T02 ${await unitName('T02')}|${YEAR}-06-15|6|300|180`,
      `R-8|冲正|C-2|B1 ${await unitName('B1')}|${YEAR}-11-02|11|-5000|-3000`,
    ]);
    expect(text.find((t) => t.startsWith('基金支出|'))).to.equal('基金支出|7836|5016|-2820');
  });

  it('a reversal of a demo claim imports and counts in its settlement month', async () => {
    const [, lastYear] = (await get<AnswerOf<typeof withBudget>[]>('/api/fund-years', { as: 'finance', query: { filter: { region: '大通县' } } })).body;
    const original = await db()('claims')
      .where({ fund_year_id: lastYear.id, provider_class: 'in_group', care_type: 'outpatient' })
      .where('fund_paid', '>', 10)
      .orderBy('id')
      .first<Json<Claim> & { id_number_cipher: string }>();
    const unit = (await get<{ code: string }>(`/api/org-units/${original.org_unit_id}`, { as: 'admin' })).body;
    const half = (v: string) => fromFen(-(toFen(v) / 2n));
    const fund = half(original.fund_paid);
    const line = {
      ...claim('DEMO-R-1', 0, '', unit.code, 'outpatient', original.settled_on, [fromFen(toFen(fund)), fund, '0', '0', '0']),
      id_number: revealIdNumber(original.id_number_cipher),
      visit_on: original.visit_on,
      reverses_claim_no: original.claim_no,
    };
    try {
      const r = await upload(lastYear.id, csv([line]));
      expect(r.body, JSON.stringify(r.body)).to.include({ inserted: 1, rejected_rows: 0 });
      const stored = (await get<ClaimRow[]>('/api/claims', { as: 'finance', query: { filter: { fund_year_id: lastYear.id, claim_no: 'DEMO-R-1' } } })).body[0];
      expect(stored).to.include({ period_month: Number(original.settled_on.slice(5, 7)), fund_paid: fund, claim_count: 0, reverses_claim_id: original.id });
    } finally {
      // the demo's figures stay as the other files read them
      await db()('claims').where({ fund_year_id: lastYear.id, claim_no: 'DEMO-R-1' }).delete();
    }
  });
});

const unitName = async (code: string) => (await get<{ name: string }>(`/api/org-units/${await unitId(code)}`, { as: 'admin' })).body.name;
