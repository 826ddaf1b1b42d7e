// The 14 national indicators over HTTP against the real database, each over a fixture computed by
// hand: a branch of its own (MB9, the lead hospital) with a township (MT9) and two villages, its
// staff, rotations, ledger, visits, residents (deaths with their cause), two fund years of claims of a
// region of its own (2018, 2019: no demo row is dated then, and the subtree is the fixture's alone),
// evidence for the qualitative three and targets; the drill-downs, the admission rate per village
// from the resident–claim join with no ID number in any answer, and the county's figures for the demo.
import { expect } from 'chai';
import { checkDigit } from '../core/personalId';
import * as clock from '../core/clock';
import { call, get, post, put, unitId, type AnswerOf, type Problem } from '../../scripts/test/harness';
import { readWorkbook } from '../../reports/xlsx';
import { CLAIM_COLUMNS } from '../settlement';
import type { chronicAdmissionsOf, indicatorRecords, monitoringIndicators } from './service';

type Indicators = AnswerOf<typeof monitoringIndicators>;
type Records = AnswerOf<typeof indicatorRecords>;
const THIS = 2019;
const LAST = 2018;

let serial = 0;
/** A valid 身份证号 of region 632123 (no other test's) born on `birth`. */
function idNumber(birth: string, sex: 'M' | 'F' = 'M') {
  serial += 1;
  const first17 = `632123${birth.replaceAll('-', '')}${String(serial * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}

describe('monitoring indicators (HTTP, real database)', function () {
  this.timeout(180_000);
  const ids: Record<string, number> = {};
  const people: Record<string, { id: number; id_number: string }> = {};
  let directorToken = '';
  let fundYear2019 = 0;

  const ok = <T>(r: { status: number; body: T }) => {
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    return r.body;
  };
  const unit = async (code: string, name: string, kind: string, parent: number) =>
    (ids[code] = ok(await post<{ id: number }>('/api/org-units', { code, name, kind, parent_id: parent }, { as: 'admin' })).id);
  const resident = async (key: string, village: string, birth: string, sex: 'M' | 'F', conditions: string[] = []) => {
    const id_number = idNumber(birth, sex);
    const r = ok(
      await post<{ id: number }>(
        '/api/residents',
        { org_unit_id: ids[village], name: `监测${key}`, id_number, conditions: conditions.map((code) => ({ code, diagnosed_on: '2015-01-01' })) },
        { as: 'admin' },
      ),
    );
    people[key] = { id: r.id, id_number };
    return r.id;
  };
  /** hires a person through the HR registry (a test of another domain names no HR file) */
  const hire = async (fields: { unit: string; name: string; title: string; category?: string; employment_type?: string; hire_date?: string }) => {
    const { unit: unitCode, ...rest } = fields;
    return ok(
      await post<{ id: number }>(
        '/api/staff',
        {
          category: 'doctor',
          employment_type: 'establishment',
          hire_date: '2015-08-01',
          employer_org_unit_id: ids[unitCode],
          id_number: idNumber('1985-05-05'),
          ...rest,
        },
        { as: 'hr' },
      ),
    );
  };
  const deregister = async (key: string, reason: string, on: string, death_cause?: string) =>
    ok(await post(`/api/residents/${people[key].id}/deregister`, { reason, on, ...(death_cause ? { death_cause } : {}) }, { as: 'admin' }));
  const ledger = async (unitCode: string, day: string, debit: string, credit: string, amount: string) =>
    ok(
      await post(
        '/api/ledger-entries',
        { org_unit_id: ids[unitCode], entry_date: day, debit_account: debit, credit_account: credit, amount },
        { as: 'finance' },
      ),
    );
  const visits = async (unitCode: string, month: string, n: number, tcm: number) =>
    ok(await post('/api/visit-counts', { org_unit_id: ids[unitCode], month, visits: n, tcm_visits: tcm }, { as: 'admin' }));

  async function fundYear(year: number) {
    return ok(
      await post<{ id: number }>(
        '/api/fund-years',
        { region: '监测指标测试县', year, insured_count: 100, premium_total: '100000.00', catastrophic_pool: '0.00', outpatient_pool: '0.00' },
        { as: 'finance' },
      ),
    ).id;
  }
  /** a claim of insured `who` (a resident's key, or an ID number) of MT9; total = fund × 1.25 */
  function claim(
    no: string,
    who: string,
    care: 'inpatient' | 'outpatient',
    day: string,
    fund: number,
    provider: { unit?: string; cls?: string; name?: string; kind?: string },
  ) {
    return {
      claim_no: no,
      id_number: people[who]?.id_number ?? who,
      insured_township_code: 'MT9',
      provider_class: provider.cls ?? 'in_group',
      provider_unit_code: provider.unit ?? '',
      provider_name: provider.name ?? '',
      provider_kind: provider.kind ?? '',
      care_type: care,
      visit_on: day,
      discharged_on: care === 'inpatient' ? day : '',
      settled_on: day,
      total_cost: (fund * 1.25).toFixed(2),
      fund_paid: fund.toFixed(2),
      self_pay: (fund * 0.25).toFixed(2),
      self_funded: '0',
      drug_cost: '0',
      consumables_cost: '0',
      diagnosis: 'I10',
      referred_up: 'false',
      reverses_claim_no: '',
    } as Record<string, string>;
  }
  async function importClaims(fundYearId: number, rows: Record<string, string>[]) {
    const header = CLAIM_COLUMNS.map(([c]) => c);
    const form = new FormData();
    form.append('file', new Blob([[header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n') + '\n']), 'claims.csv');
    const r = await call<{ inserted: number; rejected_rows: number }>('POST', '/api/claims/import', {
      as: 'finance',
      raw: form,
      query: { fund_year_id: String(fundYearId) },
    });
    expect(r.body, JSON.stringify(r.body)).to.include({ inserted: rows.length, rejected_rows: 0 });
  }

  const indicators = async (year = THIS, unitKey = 'MB9') =>
    ok(await get<Indicators>('/api/monitoring-indicators', { as: 'finance', query: { unit_id: String(ids[unitKey]), year: String(year) } }));
  const row = (answer: Indicators, code: string) => answer.indicators.find((i) => i.code === code)!;
  const records = async (code: string, part: 'numerator' | 'denominator', year = THIS) =>
    ok(await get<Records>(`/api/monitoring-indicators/${code}/records`, { as: 'auditor', query: { unit_id: String(ids.MB9), year: String(year), part } }));

  before(async () => {
    await unit('MB9', '监测分院', 'branch', await unitId('HQ'));
    await unit('MT9', '监测乡镇卫生院', 'township', ids.MB9);
    await unit('MV91', '监测一村', 'village', ids.MT9);
    await unit('MV92', '监测二村', 'village', ids.MT9);

    // staff: three doctors of the branch (the lead hospital), a nurse and a village doctor in primary care
    const d1 = await hire({ unit: 'MB9', name: '派驻主治', title: 'attending_physician' });
    const d2 = await hire({ unit: 'MB9', name: '派驻医师', title: 'physician' });
    const d3 = await hire({ unit: 'MB9', name: '派驻副主任', title: 'associate_chief_physician' });
    await hire({ unit: 'MT9', name: '乡镇护士', category: 'nurse', title: 'nurse' });
    await hire({ unit: 'MV91', name: '村医', category: 'village_doctor', title: 'village_doctor', employment_type: 'contract' });
    const rotate = async (staff: number, start: string, end: string) =>
      ok(await post('/api/rotations', { staff_id: staff, type: 'down_expert', host_org_unit_id: ids.MT9, start_on: start, planned_end_on: end }, { as: 'hr' }));
    await rotate(d1.id, `${THIS}-03-01`, `${THIS}-08-31`); // counted in 2019
    await rotate(d2.id, `${THIS}-04-01`, `${THIS}-06-30`); // 医师: below intermediate, not counted
    await rotate(d3.id, `${LAST}-03-01`, `${LAST}-09-30`); // counted in 2018
    // the 医师 is still seconded down (working at the township today) — paid by the branch, counted with it
    await rotate(d2.id, `${THIS}-10-01`, `${Number(clock.today().slice(0, 4)) + 1}-12-31`);
    // part-year staff: a township physician hired on 1 July 2019 (6 month-ends of 12), a branch nurse who left on 1 April (3)
    await hire({ unit: 'MT9', name: '年中入职', title: 'physician', hire_date: `${THIS}-07-01` });
    const gone = await hire({ unit: 'MB9', name: '春季离职', category: 'nurse', title: 'nurse' });
    ok(await post(`/api/staff/${gone.id}/change-status`, { status: 'left', leave_reason: 'resigned', effective_on: `${THIS}-04-01` }, { as: 'hr' }));

    // personnel spending 2019 over the average headcount (month-end counts by employer ÷ 12):
    // the branch 325,000 over 3 doctors + the nurse's 3 months (3.25) = 100,000 a head;
    // primary 100,000 − 10,000 + 27,500 + 20,000 = 137,500 over the nurse, the village doctor and half a physician (2.5) = 55,000
    await ledger('MB9', `${THIS}-06-30`, 'personnel', 'bank', '300000.00');
    await ledger('MB9', `${THIS}-03-31`, 'personnel', 'bank', '25000.00');
    await ledger('MT9', `${THIS}-06-30`, 'personnel', 'bank', '100000.00');
    await ledger('MT9', `${THIS}-07-15`, 'bank', 'personnel', '10000.00');
    await ledger('MT9', `${THIS}-12-31`, 'personnel', 'bank', '27500.00');
    await ledger('MV91', `${THIS}-06-30`, 'personnel', 'bank', '20000.00');

    // visits: 2019 2,000 of which primary 1,000 and 中医 300; 2018 1,500, primary 500, 中医 100
    await visits('MB9', `${THIS}-01-01`, 1000, 100);
    await visits('MT9', `${THIS}-01-01`, 600, 150);
    await visits('MV91', `${THIS}-02-01`, 400, 50);
    await visits('MB9', `${LAST}-03-01`, 1000, 0);
    await visits('MT9', `${LAST}-03-01`, 500, 100);

    // residents: R1, R2 (MV91) and R4 (MV92) managed chronic patients
    await resident('R1', 'MV91', '1955-03-01', 'M', ['hypertension']); // 64 at mid-2019: 60–64
    await resident('R2', 'MV91', '1960-05-01', 'F', ['diabetes']); // 59: 55–59
    await resident('R3', 'MV91', '1950-01-01', 'M'); // 69: 65–69, dies of a stroke
    await resident('R4', 'MV92', '1980-06-15', 'M', ['hypertension']); // 39: 35–39
    await resident('R5', 'MV92', '1990-01-01', 'F'); // 29: outside 30–70
    await resident('R6', 'MV92', '1958-02-02', 'M'); // 61: 60–64, dies of a heart attack
    await resident('R7', 'MV91', '1965-01-01', 'M'); // moved away in 2018
    await resident('R8', 'MV92', '1959-09-09', 'F'); // 59: 55–59, dies of pneumonia (not one of the four)
    for (let i = 0; i < 20; i++) await resident(`old${i}`, 'MV92', `1952-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'F' : 'M'); // 65–69
    for (let i = 0; i < 10; i++) await resident(`sixty${i}`, 'MV92', `1957-0${1 + (i % 6)}-2${i % 8}`, i % 2 ? 'F' : 'M'); // 60–64 (born before July)
    await deregister('R3', 'death', `${THIS}-05-10`, 'I63.9');
    await deregister('R6', 'death', `${THIS}-08-01`, 'i21.9');
    await deregister('R8', 'death', `${THIS}-09-01`, 'J18.9');
    await deregister('R7', 'moved_away', `${LAST}-06-01`);

    // claims
    const now = (fundYear2019 = await fundYear(THIS));
    const last = await fundYear(LAST);
    await importClaims(now, [
      claim('M19-1', 'R1', 'inpatient', `${THIS}-02-01`, 4000, { unit: 'MT9' }),
      claim('M19-2', 'R2', 'inpatient', `${THIS}-03-01`, 8000, { cls: 'out_of_county', name: '省人民医院' }),
      claim('M19-3', 'R1', 'inpatient', `${THIS}-04-01`, 6000, { unit: 'MB9' }),
      claim('M19-4', 'R2', 'outpatient', `${THIS}-05-01`, 100, { unit: 'MV91' }),
      claim('M19-5', 'R5', 'outpatient', `${THIS}-05-02`, 200, { cls: 'out_group_in_county', name: '县城大药房', kind: 'pharmacy' }),
      claim('M19-6', idNumber('1970-01-01'), 'inpatient', `${THIS}-06-01`, 2000, { cls: 'out_group_in_county', name: '县妇幼保健院' }),
    ]);
    await importClaims(last, [
      claim('M18-1', 'R1', 'inpatient', `${LAST}-02-01`, 3200, { unit: 'MT9' }),
      claim('M18-2', 'R4', 'inpatient', `${LAST}-03-01`, 8000, { cls: 'out_of_county', name: '省人民医院' }),
    ]);

    // evidence of the lead hospital, and targets
    const e1 = ok(
      await post<{ id: number }>(
        '/api/monitoring-evidence',
        { org_unit_id: ids.MB9, year: THIS, indicator: 'resources_unified', self_score: 80, self_note: '人财物统一管理' },
        { as: 'admin' },
      ),
    );
    ok(await post(`/api/monitoring-evidence/${e1.id}/review`, { reviewed_score: 75, reviewer_note: '药品统一配送未覆盖全部村卫生室' }, { as: 'admin' }));
    ok(await post('/api/monitoring-evidence', { org_unit_id: ids.MB9, year: THIS, indicator: 'democratic_decisions', self_score: 90 }, { as: 'admin' }));
    ok(await post('/api/monitoring-evidence', { org_unit_id: ids.MB9, year: LAST, indicator: 'resources_unified', self_score: 70 }, { as: 'admin' }));
    ok(
      await put(
        `/api/monitoring-targets/${THIS}`,
        { targets: { primary_visit_share: 0.65, inpatient_cost: 5200, tcm_visit_share: 0.16, chronic_admission_rate: 0.9, resources_unified: 80 } },
        { as: 'admin' },
      ),
    );

    // the branch's director, who sends an ECG from the first village this year
    ok(
      await post(
        '/api/users',
        { username: 'director-mb9', display_name: '监测分院院长', roles: ['director'], org_unit_id: ids.MB9, password: 'monitor-pass-1' },
        { as: 'admin' },
      ),
    );
    directorToken = ok(await call<{ token: string }>('POST', '/api/auth/login', { body: { username: 'director-mb9', password: 'monitor-pass-1' } })).token;
  });

  it('I01–I03: the reviewed score, else the self-assessment; the documents are the records', async () => {
    const a = await indicators();
    expect([row(a, 'resources_unified').value, row(a, 'democratic_decisions').value, row(a, 'service_coordination').value]).to.deep.equal([75, 90, null]);
    expect(row(a, 'resources_unified')).to.deep.include({ target: 80, standing: 'near', change: 0.0714 }); // 75 / 70 − 1
    expect(row(a, 'resources_unified').evidence).to.include({ self_score: 80, reviewed_score: 75, reviewed_by: 'admin' });
    const form = new FormData();
    form.append('file', new Blob(['理事会决议']), '理事会决议.pdf');
    const doc = await call<{ id: number }>('POST', `/api/monitoring-evidence/${row(a, 'democratic_decisions').evidence!.id}/documents`, {
      as: 'admin',
      raw: form,
    });
    expect(doc.status, JSON.stringify(doc.body)).to.equal(200);
    const docs = await records('democratic_decisions', 'numerator');
    expect(docs.rows.map((d) => (d as { file_name: string }).file_name)).to.deep.equal(['理事会决议.pdf']);
    const bytes = await get<Buffer>(`/api/monitoring-evidence/${row(a, 'democratic_decisions').evidence!.id}/documents/${doc.body.id}`, { as: 'auditor' });
    expect(bytes.body.toString()).to.equal('理事会决议');
    // a review without a self-assessment to review is refused; a score above 100 names its field
    const bad = await post<Problem>(
      '/api/monitoring-evidence',
      { org_unit_id: ids.MB9, year: THIS, indicator: 'service_coordination', self_score: 120 },
      { as: 'admin' },
    );
    expect(bad.status).to.equal(400);
    expect(JSON.stringify(bad.body)).to.contain('self_score');
  });

  it('I04: senior doctors seconded to primary care per 10,000 of the insured population, else of the residents on record', async () => {
    // 2018 has no insured population for the branch: the 副主任 over the 37 residents on record at year end (R7 left in June)
    expect(row(await indicators(LAST), 'seconded_doctors')).to.deep.include({
      numerator: 1,
      denominator: 37,
      value: 270.27027,
      denominator_source: 'residents',
    });
    const residents = await records('seconded_doctors', 'denominator', LAST);
    expect(residents.kind).to.equal('villages');
    expect(residents.rows.map((r) => [(r as { unit_name: string }).unit_name, (r as { residents: number }).residents])).to.deep.equal([
      ['监测一村', 3],
      ['监测二村', 34],
    ]);
    // 2019: the township's insured population of the fund year (2,500), not the 34 residents the records hold: one (the 主治; the 医师 is below intermediate) = 4 per 10,000
    ok(await post('/api/fund-year-populations', { fund_year_id: fundYear2019, org_unit_id: ids.MT9, insured_population: 2500 }, { as: 'finance' }));
    expect(row(await indicators(), 'seconded_doctors')).to.deep.include({ numerator: 1, denominator: 2500, value: 4, denominator_source: 'insured' });
    const n = await records('seconded_doctors', 'numerator');
    expect(n.rows.map((r) => (r as { staff_name: string; host_name: string }).staff_name)).to.deep.equal(['派驻主治']);
    const d = await records('seconded_doctors', 'denominator');
    expect(d.kind).to.equal('populations');
    expect(d.rows).to.deep.equal([{ unit_id: ids.MT9, unit_name: '监测乡镇卫生院', region: '监测指标测试县', insured: 2500 }]);
  });

  it('I05: village clinics that sent an ECG this year over the village clinics', async () => {
    const year = Number(clock.today().slice(0, 4));
    const services = ok(await get<{ id: number }[]>('/api/diagnosis-services', { as: 'admin', query: { filter: { code: 'ECG-12' } } }));
    const r = await call('POST', '/api/diagnosis-requests', {
      headers: { authorization: `Bearer ${directorToken}` },
      body: { service_id: services[0].id, urgency: 'routine', clinical_question: '胸闷心悸，查心电图', resident_id: people.R1.id, from_org_unit_id: ids.MV91 },
    });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(row(await indicators(year), 'ecg_village_coverage')).to.deep.include({ numerator: 1, denominator: 2, value: 0.5 });
    expect(row(await indicators(THIS), 'ecg_village_coverage')).to.deep.include({ numerator: 0, denominator: 2, value: 0 });
    const n = ok(
      await get<Records>('/api/monitoring-indicators/ecg_village_coverage/records', {
        as: 'finance',
        query: { unit_id: String(ids.MB9), year: String(year), part: 'numerator' },
      }),
    );
    expect(n.rows).to.deep.equal([{ unit_id: ids.MV91, unit_name: '监测一村', requests: 1 }]);
  });

  it('I06: per-capita personnel spending in primary care over the lead hospital’s, by employer over the average headcount', async () => {
    // by the head count at the working unit on 31 December it was 137,500 / 4 (the seconded 医师 among the township's,
    // the new physician whole, the nurse who left not at all) = 34,375 over 300,000 / 2 = 150,000: 0.23
    expect(row(await indicators(), 'primary_pay_ratio')).to.deep.include({ numerator: 55000, denominator: 100000, value: 0.55 });
    const n = await records('primary_pay_ratio', 'numerator');
    const line = (r: unknown) => {
      const x = r as { amount?: string; staff_name: string; paid_months: number };
      return x.amount ?? `${x.staff_name} ${x.paid_months}`;
    };
    expect(n.rows.map(line)).to.deep.equal(['100000.00', '20000.00', '-10000.00', '27500.00', '乡镇护士 12', '年中入职 6', '村医 12']);
    const d = await records('primary_pay_ratio', 'denominator');
    expect(d.rows.map(line)).to.deep.equal(['25000.00', '300000.00', '派驻主治 12', '派驻医师 12', '派驻副主任 12', '春季离职 3']);
    // 2018: no personnel spending, so no figure
    expect(row(await indicators(LAST), 'primary_pay_ratio')).to.deep.include({ numerator: null, denominator: null, value: null });
  });

  it('I07 and I12: the primary-care and 中医 shares of the visits', async () => {
    const a = await indicators();
    expect(row(a, 'primary_visit_share')).to.deep.include({ numerator: 1000, denominator: 2000, value: 0.5, target: 0.65, standing: 'missed' });
    expect(row(a, 'primary_visit_share').last).to.deep.equal({ numerator: 500, denominator: 1500, value: 0.333333 });
    expect(row(a, 'tcm_visit_share')).to.deep.include({ numerator: 300, denominator: 2000, value: 0.15, standing: 'near' }); // ≥ 0.144
    expect(row(a, 'tcm_visit_share').last.value).to.equal(0.066667);
    const n = await records('primary_visit_share', 'numerator');
    expect(n.rows.map((r) => (r as { unit_name: string; visits: number }).visits)).to.deep.equal([600, 400]);
    expect((await records('tcm_visit_share', 'denominator')).total).to.equal(3);
    // the 中医 visits cannot exceed the visits, the month is its first day
    const bad = await post<Problem>('/api/visit-counts', { org_unit_id: ids.MT9, month: `${THIS}-05-01`, visits: 10, tcm_visits: 11 }, { as: 'admin' });
    expect(bad.status).to.equal(422);
    expect(JSON.stringify(bad.body)).to.contain('tcm_visits');
    expect((await post('/api/visit-counts', { org_unit_id: ids.MT9, month: `${THIS}-05-02`, visits: 10 }, { as: 'admin' })).status).to.equal(422);
  });

  it('imports the visits of a year from a file: bad rows named, idempotent, counted by the indicators', async () => {
    const upload = (csv: string, as = 'admin', query = '') => {
      const form = new FormData();
      form.append('file', new Blob([csv]), 'visits.csv');
      return call<{ accepted: number; inserted: number; updated: number; unchanged: number; rejected: { row: number; field: string; rule: string }[] }>(
        'POST',
        `/api/visit-counts/import${query}`,
        { as, raw: form },
      );
    };
    // the Chinese headers, 2017 (a year no other part of this file reads)
    const file = (mb9: number) =>
      [
        '机构编码,月份,诊疗人次,中医类诊疗人次',
        `MB9,2017-01,${mb9},100`,
        'MT9,2017-01,500,',
        'MV92,2017-02-01,300,30',
        'XX9,2017-01,5,0',
        'MT9,2017-02,10,11',
        'MB9,2017-1,1,0',
      ].join('\n');
    const dry = ok(await upload(file(1000), 'admin', '?dry_run=true'));
    expect(dry).to.include({ accepted: 3, inserted: 0 });
    const r = ok(await upload(file(1000)));
    expect(r.rejected.map((x) => `${x.row}:${x.field}:${x.rule}`)).to.deep.equal(['5:unit_code:unknown_unit', '6:tcm_visits:at_most', '7:month:twice_in_file']);
    expect(r).to.include({ accepted: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(ok(await upload(file(1200)))).to.include({ accepted: 3, inserted: 0, updated: 1, unchanged: 2 });
    expect((await upload(file(1200), 'director-B1')).status).to.equal(403);
    const a = await indicators(2017);
    expect(row(a, 'primary_visit_share')).to.deep.include({ numerator: 800, denominator: 2000, value: 0.4 });
    expect(row(a, 'tcm_visit_share')).to.deep.include({ numerator: 130, denominator: 2000, value: 0.065 });
    const stored = ok(
      await get<{ month: string; visits: number; source: string }[]>('/api/visit-counts', { as: 'admin', query: { filter: { org_unit_id: ids.MV92 } } }),
    );
    expect(stored.map((v) => [v.month.slice(0, 7), v.visits, v.source])).to.deep.equal([['2017-02', 300, 'import']]);
  });

  it('I08, I09: the fund spent in the county (pharmacies out) and of it in primary care', async () => {
    const a = await indicators();
    // all but the pharmacy: 4000 + 8000 + 6000 + 100 + 2000; in the county: all but the province's 8000; primary: MT9 4000 + MV91 100
    expect(row(a, 'fund_in_county_share')).to.deep.include({ numerator: 12100, denominator: 20100, value: 0.60199 });
    expect(row(a, 'fund_primary_share')).to.deep.include({ numerator: 4100, denominator: 12100, value: 0.338843 });
    expect(row(a, 'fund_in_county_share').last).to.deep.equal({ numerator: 3200, denominator: 11200, value: 0.285714 });
    const n = await records('fund_in_county_share', 'numerator');
    expect(n.rows.map((r) => (r as { claim_no: string }).claim_no)).to.deep.equal(['M19-1', 'M19-3', 'M19-4', 'M19-6']);
    const d = await records('fund_in_county_share', 'denominator');
    expect(d.total).to.equal(5);
    expect(JSON.stringify(d)).not.to.contain(people.R1.id_number);
    expect((d.rows[0] as { id_number_masked: string }).id_number_masked).to.match(/^6321\*{10}[0-9X]{4}$/);
  });

  it('I10, I11: the mean cost of an in-county stay and its growth; the in-county share of stays', async () => {
    const a = await indicators();
    // 5000 + 7500 + 2500 over three stays; 2018: 4000 over one
    expect(row(a, 'inpatient_cost')).to.deep.include({ numerator: 15000, denominator: 3, value: 5000, change: 0.25, target: 5200, standing: 'met' });
    expect(row(a, 'inpatient_in_county_share')).to.deep.include({ numerator: 3, denominator: 4, value: 0.75 });
    expect(row(a, 'inpatient_in_county_share').last).to.deep.equal({ numerator: 1, denominator: 2, value: 0.5 });
    expect((await records('inpatient_in_county_share', 'denominator')).rows.map((r) => (r as { claim_no: string }).claim_no)).to.deep.equal([
      'M19-1',
      'M19-2',
      'M19-3',
      'M19-6',
    ]);
  });

  it('I13: the managed chronic patients’ stays over the patients, per village, from the resident–claim join', async () => {
    const a = await indicators();
    expect(row(a, 'chronic_admission_rate')).to.deep.include({ numerator: 3, denominator: 3, value: 1, target: 0.9, standing: 'missed' });
    expect(row(a, 'chronic_admission_rate').last).to.deep.equal({ numerator: 2, denominator: 3, value: 0.666667 });
    const v = ok(
      await get<AnswerOf<typeof chronicAdmissionsOf>>('/api/monitoring-indicators/chronic-admissions', {
        as: 'finance',
        query: { unit_id: String(ids.MB9), year: String(THIS) },
      }),
    );
    // two and one managed patients: each rate beside its denominator, neither ranked nor judged (fewer than 30)
    expect(v.min_patients).to.equal(30);
    expect(v.villages.map((x) => [x.unit_name, x.patients, x.stays, x.rate, x.judged, x.rank, x.standing])).to.deep.equal([
      ['监测一村', 2, 3, 1.5, false, null, null],
      ['监测二村', 1, 0, 0, false, null, null],
    ]);
    const n = await records('chronic_admission_rate', 'numerator');
    expect(n.rows.map((r) => [(r as { name: string }).name, (r as { stays: number }).stays])).to.deep.equal([
      ['监测R1', 2],
      ['监测R2', 1],
    ]);
    const text = JSON.stringify([v, n, await records('chronic_admission_rate', 'denominator')]);
    for (const p of Object.values(people)) expect(text).not.to.contain(p.id_number);
    expect(text).not.to.match(/id_number_hash|id_number_cipher|[0-9a-f]{64}/);
  });

  it('I13 as a settlement allocation indicator: a run weighs each township’s rate over its months, frozen with its inputs', async () => {
    const allocation = {
      pools: [{ key: 'health_management', share: 1, indicators: [{ key: 'chronic_admission_rate', weight: 1, higher_is_better: false }] }],
      recipient_kinds: ['township'],
    };
    ok(await put(`/api/fund-years/${fundYear2019}`, { allocation }, { as: 'finance' }));
    type Allocation = { org_unit_id: number; raw_values: Record<string, number | null> };
    const calculated = async (period: string) => {
      const created = ok(await post<{ id: number }>('/api/settlement-runs', { fund_year_id: fundYear2019, period }, { as: 'finance' }));
      return ok(await post<{ figures: { allocations: Allocation[] } }>(`/api/settlement-runs/${created.id}/calculate`, {}, { as: 'finance' }));
    };
    const mt9 = (r: { figures: { allocations: Allocation[] } }) => r.figures.allocations.find((a) => a.org_unit_id === ids.MT9)!.raw_values;
    // through March: R1's February stay and R2's March one over the 3 managed patients; through May R1's April stay too
    expect(mt9(await calculated(`${THIS}-03`))).to.deep.equal({ chronic_admission_rate: 0.6667 });
    expect(mt9(await calculated(`${THIS}-05`))).to.deep.equal({ chronic_admission_rate: 1 });
  });

  it('I14: premature mortality of the four chronic diseases by the life table', async () => {
    const a = await indicators();
    // 65–69: 1 stroke death of 21; 60–64: 1 heart attack of 12 (R8's pneumonia is not counted)
    // 1 − (1 − (5/21)/(1 + 2.5/21)) (1 − (5/12)/(1 + 2.5/12)) = 1 − (18.5/23.5)(9.5/14.5) = 0.484226
    expect(row(a, 'premature_mortality')).to.deep.include({ numerator: 2, denominator: 36, value: 0.484226 });
    // 2018: nobody's death recorded with its cause — no data, not 0
    expect(row(a, 'premature_mortality').last).to.deep.include({ numerator: 0, value: null });
    const n = await records('premature_mortality', 'numerator');
    expect(n.rows.map((r) => [(r as { name: string }).name, (r as { death_cause: string }).death_cause])).to.deep.equal([
      ['监测R3', 'I63.9'],
      ['监测R6', 'I21.9'],
    ]);
    // a cause goes with a death only
    const bad = await post<Problem>(`/api/residents/${people.R5.id}/deregister`, { reason: 'moved_away', death_cause: 'I10' }, { as: 'admin' });
    expect(bad.status).to.equal(422);
  });

  it('the monitoring workbook: the 14 in the national layout, the villages with a 合计 row', async () => {
    const r = await get<Buffer>('/api/reports/monitoring.xlsx', { as: 'finance', query: { unit_id: String(ids.MB9), year: String(THIS) } });
    expect(r.status).to.equal(200);
    const wb = await readWorkbook(r.body);
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['监测指标', '慢病管理人群住院率（按村）', '说明']);
    const sheet = wb.getWorksheet('监测指标')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).to.deep.equal([
      '序号',
      '维度',
      '指标',
      '性质',
      '分子定义',
      '分母定义',
      '单位',
      '导向',
      '分子',
      '分母',
      '2019年',
      '2018年',
      '同比',
      '目标值',
      '评价',
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => (sheet.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows).to.have.length(14);
    expect(rows[6]).to.deep.equal([
      7,
      '促分工',
      '县域内基层医疗卫生机构诊疗人次数占比',
      '定量',
      '基层（乡镇、村）诊疗人次',
      '县域内医疗卫生机构诊疗人次',
      '%',
      '越高越好',
      1000,
      2000,
      0.5,
      0.333333,
      0.5,
      0.65,
      '未达标',
    ]);
    expect(sheet.getRow(8).getCell(11).numFmt).to.equal('0.00%');
    expect(rows[9].slice(8, 15)).to.deep.equal([15000, 3, 5000, 4000, 0.25, 5200, '达标']);
    expect(rows[0].slice(1, 4)).to.deep.equal(['紧密型', '资源统一管理', '定性']);
    // I04 over the township's insured population (I04's test added it), its source named beside the definition
    expect(rows[3][5]).to.match(/（本表：医保基金年度参保人数）$/);
    expect(rows[3].slice(8, 11)).to.deep.equal([1, 2500, 4]);
    const villages = wb.getWorksheet('慢病管理人群住院率（按村）')!;
    expect([2, 3, 4].map((n) => Array.from((villages.getRow(n).values as unknown[]).slice(1), (x) => x ?? null))).to.deep.equal([
      ['监测一村', 2, 3, 1.5, null, '不足30人，不排名'],
      ['监测二村', 1, 0, 0, null, '不足30人，不排名'],
      ['合计', 3, 3, 1],
    ]);
  });

  it('targets are validated, naming the field; the county answers all 14 for the demo', async () => {
    const bad = await put<Problem>(`/api/monitoring-targets/${THIS}`, { targets: { primary_visit_share: 65 } }, { as: 'admin' });
    expect(bad.status).to.equal(422);
    expect(JSON.stringify(bad.body)).to.contain('targets.primary_visit_share');
    expect((await put(`/api/monitoring-targets/${THIS}`, { targets: { primary_visit_share: 0.6 } }, { as: 'finance' })).status).to.equal(403);
    const year = Number(clock.today().slice(0, 4));
    const started = Date.now();
    const county = ok(await get<Indicators>('/api/monitoring-indicators', { as: 'admin', query: { unit_id: String(await unitId('HQ')), year: String(year) } }));
    console.log(`      the county's 14 for ${year}: ${Date.now() - started} ms; pay ratio ${row(county, 'primary_pay_ratio').value}`);
    expect(county.indicators.map((i) => i.code)).to.have.length(14);
    // the demo's claims, visits and residents give the claims and chronic figures a value
    for (const code of [
      'primary_visit_share',
      'tcm_visit_share',
      'fund_in_county_share',
      'fund_primary_share',
      'inpatient_in_county_share',
      'chronic_admission_rate',
    ])
      expect(row(county, code).value, code).to.be.a('number');
    // the demo's personnel spending is its payroll (seeds/finance.ts): township pay about three quarters of the HQ's,
    // a village doctor's well under half — near what national monitoring expects of a 紧密型 group (0.6–0.9)
    expect(row(county, 'primary_pay_ratio').value).to.be.within(0.55, 0.9);
  });
});
