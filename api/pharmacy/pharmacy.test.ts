// The chief pharmacist's review over HTTP: a month of B2's prescriptions imported (bad rows named by
// row and field; a second import changes nothing), the flags raised, the monthly sample, two reviews
// (a second review of one is a 409 naming the step allowed), a prescriber interviewed and the action
// closed, a drug suspended for a prescriber flagged on the next import, and B2's figures for the
// month equal to a hand count. The month is four months back: the demo fills only the last one.
import { expect } from 'chai';
import { call, get, post, put, unitId, type AnswerOf, type AuditRow, type Json, type Problem } from '../../scripts/test/harness';
import * as clock from '../core/clock';
import { db } from '../db/knex';
import type { PrescriberAction, Prescription, PrescriptionItem } from './model';
import { DEFAULT_RULES, prescriptionFlags, type RxRules } from './rules';
import { evaluateSet } from './service/flags';
import type { prescriptionFigures } from './service/figures';
import type { prescriptionPage } from './service/prescriptions';

type Page = AnswerOf<typeof prescriptionPage>;
class RolledBack extends Error {}
type Figures = AnswerOf<typeof prescriptionFigures>;
interface Imported {
  accepted: number;
  rejected: { row: number; field: string; rule: string }[];
  inserted: number;
  updated: number;
  unchanged: number;
  prescriptions: number;
  flagged: number;
}

const HEADER =
  'prescription_no,unit_code,department,prescriber,prescribed_on,care_type,patient_id,patient_age,patient_sex,diagnosis_codes,diagnosis_text,item_no,drug_name,drug_class,antibiotic,route,dose,dose_unit,days';

function upload(csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv]), 'prescriptions.csv');
  return call<Imported>('POST', '/api/prescriptions/import', { as: 'admin', raw: form });
}

describe('pharmacy: prescriptions imported, flagged, reviewed, acted on (HTTP)', function () {
  this.timeout(120_000);
  const month = clock.monthKey(clock.addMonths(clock.today(), -4));
  const day = `${month}-10`;
  let b2: number;
  let doctor: { id: number; name: string };
  const byNo = new Map<string, Json<Prescription>>();

  before(async () => {
    b2 = await unitId('B2');
    const staff = await get<{ id: number; name: string }[]>('/api/staff', {
      as: 'hr',
      query: { filter: { work_org_unit_id: b2, status: 'active' }, range: [0, 499] },
    });
    doctor = staff.body.find((s) => staff.body.filter((o) => o.name === s.name).length === 1)!;
  });

  const lines = () =>
    [
      HEADER,
      // P1: an antibiotic for an infection — no flag
      `TRX-P1,B2,内科,${doctor.name},${day},门诊,P0001,30,M,J06.9,,1,阿莫西林,青霉素类,是,口服,0.5,g,5`,
      // P2: an antibiotic for hypertension, dexamethasone injected in outpatients
      `TRX-P2,B2,内科,${doctor.name},${day},outpatient,P0002,62,F,I10,高血压,1,阿奇霉素,大环内酯类,是,口服,0.25,g,3`,
      `TRX-P2,B2,内科,${doctor.name},${day},outpatient,P0002,62,F,I10,高血压,2,地塞米松,糖皮质激素,否,注射,5,mg,1`,
      // P3: six drugs, two of one class
      ...['二甲双胍', '阿卡波糖', '格列美脲', '阿托伐他汀', '阿司匹林', '瑞格列奈'].map(
        (d, i) => `TRX-P3,B2,内科,王某某,${day},门诊,P0003,70,M,E11.9,,${i + 1},${d},${i === 2 || i === 5 ? '促泌剂' : `类${i}`},否,口服,,,30`,
      ),
      // P4: an inpatient's injected cefuroxime for appendicitis — no flag (and not an outpatient)
      `TRX-P4,B2,外科,王某某,${day},住院,P0004,45,F,K35,,1,头孢呋辛,头孢菌素类,是,注射,1.5,g,3`,
      // P5: nifedipine 100 mg, over the 60 mg range
      `TRX-P5,B2,内科,${doctor.name},${day},门诊,P0001,30,M,I10,,1,硝苯地平,钙通道阻滞剂,否,口服,100,mg,7`,
      // bad rows: an unknown unit, an impossible date
      `TRX-P6,XX,内科,${doctor.name},${day},门诊,P0006,30,M,I10,,1,硝苯地平,,否,口服,10,mg,7`,
      `TRX-P7,B2,内科,${doctor.name},${month}-32,门诊,P0007,30,M,I10,,1,硝苯地平,,否,口服,10,mg,7`,
    ].join('\n');

  it('imports a month of prescriptions, names bad rows, raises the flags, and imports again idempotently', async () => {
    const r = await upload(lines());
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.rejected.map((x) => `${x.row}:${x.field}:${x.rule}`)).to.deep.equal(['13:unit_code:unknown_unit', '14:prescribed_on:date_format']);
    expect(r.body).to.include({ accepted: 11, inserted: 11, updated: 0, unchanged: 0, prescriptions: 5, flagged: 3 });

    const again = await upload(lines());
    expect(again.body).to.include({ accepted: 11, inserted: 0, updated: 0, unchanged: 11 });

    const list = await get<Json<Prescription>[]>('/api/prescriptions', {
      as: 'admin',
      query: { filter: { org_unit_id: b2, prescribed_on: day, q: 'TRX-' }, range: [0, 99] },
    });
    list.body.forEach((p) => byNo.set(p.prescription_no, p));
    expect([...byNo.keys()].sort()).to.deep.equal(['TRX-P1', 'TRX-P2', 'TRX-P3', 'TRX-P4', 'TRX-P5']);
    expect(byNo.get('TRX-P1')!.flags).to.deep.equal([]);
    expect(byNo.get('TRX-P2')!.flags).to.deep.equal(['antibiotic_without_indication', 'injection_oral_would_do']);
    expect(byNo.get('TRX-P3')!.flags).to.deep.equal(['too_many_drugs', 'duplicate_class']);
    expect(byNo.get('TRX-P4')!.flags).to.deep.equal([]);
    expect(byNo.get('TRX-P5')!.flags).to.deep.equal(['dose_out_of_range']);
    // the prescriber matched in the HR registry; the patient kept as a hash (the same patient twice)
    expect(byNo.get('TRX-P1')!.prescriber_staff_id).to.equal(doctor.id);
    expect(byNo.get('TRX-P3')!.prescriber_staff_id).to.equal(null);
    expect(byNo.get('TRX-P1')!.patient_hash).to.equal(byNo.get('TRX-P5')!.patient_hash).and.not.include('P0001');
    const flagged = await get<Json<Prescription>[]>('/api/prescriptions', {
      as: 'director-B2',
      query: { filter: { flagged: true, prescribed_on: day, q: 'TRX-' } },
    });
    expect(flagged.body.map((p) => p.prescription_no).sort()).to.deep.equal(['TRX-P2', 'TRX-P3', 'TRX-P5']);
    expect((await get(`/api/prescriptions/${byNo.get('TRX-P1')!.id}`, { as: 'director-B1' })).status).to.equal(404);
  });

  it('imports a changed file again: a prescription whose own columns changed, a drug changed, a drug added, each counted and flagged from its stored drugs', async () => {
    // a month earlier than the others' (their figures are counted by hand)
    const on = `${clock.monthKey(clock.addMonths(clock.today(), -5))}-12`;
    const rows = (dept: string, dose: string, added: boolean) =>
      [
        HEADER,
        `TRX-Q1,B2,${dept},${doctor.name},${on},门诊,P0011,40,M,J06.9,,1,阿莫西林,青霉素类,是,口服,0.5,g,5`,
        `TRX-Q1,B2,${dept},${doctor.name},${on},门诊,P0011,40,M,J06.9,,2,布洛芬,解热镇痛药,否,口服,0.3,g,3`,
        `TRX-Q2,B2,内科,${doctor.name},${on},门诊,P0012,66,F,I10,高血压,1,硝苯地平,钙通道阻滞剂,否,口服,${dose},mg,7`,
        ...(added ? [`TRX-Q2,B2,内科,${doctor.name},${on},门诊,P0012,66,F,I10,高血压,2,氨氯地平,钙通道阻滞剂,否,口服,5,mg,7`] : []),
      ].join('\n');
    const first = await upload(rows('内科', '30', false));
    expect(first.body).to.include({ accepted: 3, inserted: 3, updated: 0, unchanged: 0, prescriptions: 2, flagged: 0 });
    // Q1's department changed (its two drugs count as updated), Q2's nifedipine 30 → 100 mg (over its range) and a second calcium-channel blocker added
    const second = await upload(rows('外科', '100', true));
    expect(second.status, JSON.stringify(second.body)).to.equal(200);
    expect(second.body).to.include({ accepted: 4, inserted: 1, updated: 3, unchanged: 0, prescriptions: 2, flagged: 1 });
    const list = await get<Json<Prescription>[]>('/api/prescriptions', {
      as: 'admin',
      query: { filter: { org_unit_id: b2, prescribed_on: on, q: 'TRX-Q' }, range: [0, 9] },
    });
    const q = new Map(list.body.map((p) => [p.prescription_no, p]));
    expect(q.get('TRX-Q1')).to.deep.include({ department: '外科', item_count: 2, flags: [] });
    expect(q.get('TRX-Q2')).to.deep.include({ department: '内科', item_count: 2, flags: ['duplicate_class', 'dose_out_of_range'] });
  });

  it("draws the month's sample once per unit", async () => {
    const s = await post<{ units: { org_unit_id: number; drawn: number }[] }>(
      '/api/prescriptions/sample',
      { month, org_unit_id: b2, size: 2 },
      { as: 'admin' },
    );
    expect(s.status, JSON.stringify(s.body)).to.equal(200);
    expect(s.body.units).to.deep.equal([{ org_unit_id: b2, drawn: 2 }]);
    const again = await post<{ units: unknown[] }>('/api/prescriptions/sample', { month, org_unit_id: b2 }, { as: 'admin' });
    expect(again.body.units).to.deep.equal([]);
    const sampled = await get('/api/prescriptions', { as: 'admin', query: { filter: { org_unit_id: b2, sampled: true, prescribed_on: day }, range: [0, 0] } });
    expect(sampled.headers.get('content-range')).to.match(/\/2$/);
  });

  it('reviews two prescriptions, refuses a second review naming the step allowed, and closes an interview', async () => {
    const p1 = byNo.get('TRX-P1')!.id;
    const p2 = byNo.get('TRX-P2')!.id;
    expect((await post(`/api/prescriptions/${p2}/review`, { outcome: 'rational' }, { as: 'director-B2' })).status).to.equal(403);
    const noReason = await post<Problem>(`/api/prescriptions/${p2}/review`, { outcome: 'irrational' }, { as: 'admin' });
    expect(noReason.status).to.equal(400);
    expect(noReason.body.error.details![0].field).to.equal('reason');
    const r2 = await post<Page>(
      `/api/prescriptions/${p2}/review`,
      { outcome: 'irrational', reason: 'inappropriate', note: '无指征使用抗菌药物' },
      { as: 'admin' },
    );
    expect(r2.status, JSON.stringify(r2.body)).to.equal(200);
    expect(r2.body).to.include({ review_status: 'reviewed', outcome: 'irrational', reason: 'inappropriate' });
    expect(r2.body.allowed).to.deep.equal(['reopen']);
    expect((await post(`/api/prescriptions/${p1}/review`, { outcome: 'rational' }, { as: 'admin' })).status).to.equal(200);
    const twice = await post<Problem<{ allowed: string[] }>>(`/api/prescriptions/${p1}/review`, { outcome: 'rational' }, { as: 'admin' });
    expect(twice.status).to.equal(409);
    expect(twice.body.error.details!.allowed).to.deep.equal(['reopen']);

    const interview = await post<Json<PrescriberAction>>(
      '/api/prescriber-actions',
      { kind: 'interview', prescription_id: Number(p2), reason: '无指征使用抗菌药物', due_on: clock.today() },
      { as: 'admin' },
    );
    expect(interview.status, JSON.stringify(interview.body)).to.equal(200);
    expect(interview.body).to.include({ org_unit_id: b2, prescriber_name: doctor.name, prescriber_staff_id: doctor.id, status: 'open' });
    const closed = await post<Json<PrescriberAction>>(
      `/api/prescriber-actions/${interview.body.id}/close`,
      { outcome: '已约谈，医师签字确认' },
      { as: 'admin' },
    );
    expect(closed.body).to.include({ status: 'closed', outcome: '已约谈，医师签字确认' });
    const again = await post<Problem<{ allowed: string[] }>>(`/api/prescriber-actions/${interview.body.id}/cancel`, { outcome: 'x' }, { as: 'admin' });
    expect(again.status).to.equal(409);
    expect(again.body.error.details!.allowed).to.deep.equal([]);
    const page = await get<Page>(`/api/prescriptions/${p2}`, { as: 'director-B2' });
    expect(page.body.actions.map((a) => a.status)).to.deep.equal(['closed']);
    expect(page.body.items.map((i) => i.drug_name)).to.deep.equal(['阿奇霉素', '地塞米松']);
    const noDrug = await post<Problem>('/api/prescriber-actions', { kind: 'suspend', prescription_id: Number(p2), reason: 'x' }, { as: 'admin' });
    expect(noDrug.body.error.details![0].field).to.equal('drug_name');
  });

  it("equals a hand count of B2's month", async () => {
    const f = await get<Figures>('/api/prescription-figures', { as: 'director-B2', query: { month, org_unit_id: b2 } });
    expect(f.status, JSON.stringify(f.body)).to.equal(200);
    const [u] = f.body;
    // 5 prescriptions, 4 outpatient (P1, P2, P3, P5); antibiotics P1, P2; injection P2; drugs 1 + 2 + 6 + 1
    expect(u).to.include({ prescriptions: 5, outpatient: 4, outpatient_antibiotic: 2, outpatient_injection: 1, outpatient_items: 10, flagged: 3, reviewed: 2 });
    expect(u.figures.antibiotic_rate).to.deep.equal({ numerator: '2', denominator: '4', value: 0.5, target: 0.2, met: false });
    expect(u.figures.injection_rate).to.include({ value: 0.25, met: false });
    expect(u.figures.avg_drugs).to.include({ value: 2.5, met: true });
    expect(u.figures.flagged_share).to.include({ value: 0.6 });
    expect(u.figures.reviewed_share).to.include({ value: 0.4, met: true });
    const d = u.figures.drug_share;
    if (Number(d.denominator) > 0) expect(d.value).to.equal(Math.round((Number(d.numerator) / Number(d.denominator)) * 10000) / 10000);
    expect((await get('/api/prescription-figures', { as: 'director-B1', query: { month, org_unit_id: b2 } })).status).to.equal(404);
  });

  it('flags a drug suspended for its prescriber on the next import', async () => {
    const s = await post<Json<PrescriberAction>>(
      '/api/prescriber-actions',
      { kind: 'suspend', org_unit_id: b2, prescriber_name: doctor.name, prescriber_staff_id: doctor.id, drug_name: '左氧氟沙星', reason: '滥用喹诺酮类' },
      { as: 'admin' },
    );
    expect(s.status, JSON.stringify(s.body)).to.equal(200);
    const earlier = clock.monthKey(clock.addMonths(clock.today(), -5));
    const r = await upload([HEADER, `TRX-S1,B2,内科,${doctor.name},${earlier}-05,门诊,P0009,50,F,N39.0,,1,左氧氟沙星,喹诺酮类,是,口服,0.5,g,3`].join('\n'));
    expect(r.body).to.include({ inserted: 1, flagged: 1 });
    const list = await get<Json<Prescription>[]>('/api/prescriptions', { as: 'admin', query: { filter: { q: 'TRX-S1' } } });
    expect(list.body[0].flags).to.deep.equal(['suspended_drug']);
  });

  it('derives in SQL the flags prescriptionFlags defines, on every stored prescription, under two sets of rules', async () => {
    const variant: RxRules = { ...DEFAULT_RULES, max_drugs: 2, infection_icd_prefixes: ['J06'], infection_words: ['高血压'], oral_preferred: ['头孢曲松'] };
    // evaluated inside a transaction rolled back: the stored flags stay as they were
    await db()
      .transaction(async (trx) => {
        const ids = (await trx('prescriptions').select<{ id: string }[]>('id')).map((r) => String(r.id));
        const items = await trx('prescription_items').select<Json<PrescriptionItem>[]>('*').orderBy(['prescription_id', 'seq']);
        const suspensions = await trx('prescriber_actions').where({ kind: 'suspend', status: 'open' }).select<Json<PrescriberAction>[]>('*');
        // the imports flagged each new prescription as they inserted it, from the batch's drugs: the same flags as from the stored ones
        // (but for the suspension opened after the first import, which the earlier prescriptions keep without)
        const reflagged = (await evaluateSet(trx, { ids }, DEFAULT_RULES)).filter((e) => e.changed).map((e) => e.id);
        const suspendedSince = await trx('prescriptions as p')
          .join('prescription_items as i', 'i.prescription_id', 'p.id')
          .where({ 'p.org_unit_id': b2, 'p.prescriber_staff_id': doctor.id, 'i.drug_name': '左氧氟沙星' })
          .whereNot('p.prescription_no', 'TRX-S1')
          .pluck('p.id');
        expect(reflagged.sort()).to.deep.equal(suspendedSince.map(String).sort());
        for (const rules of [DEFAULT_RULES, variant]) {
          await evaluateSet(trx, { ids }, rules);
          const rows = await trx('prescriptions').select<Json<Prescription>[]>('*');
          let flagged = 0;
          for (const p of rows) {
            const own = items.filter((i) => String(i.prescription_id) === String(p.id)).map((i) => ({ ...i, dose: i.dose === null ? null : String(i.dose) }));
            const suspended = suspensions
              .filter(
                (a) =>
                  a.org_unit_id === p.org_unit_id &&
                  (a.prescriber_staff_id != null ? a.prescriber_staff_id === p.prescriber_staff_id : a.prescriber_name === p.prescriber_name),
              )
              .map((a) => a.drug_name!);
            const expected = prescriptionFlags(
              { care_type: p.care_type, diagnosis_codes: p.diagnosis_codes, diagnosis_text: p.diagnosis_text, items: own, suspended },
              rules,
            );
            expect(p.flags, `${p.prescription_no}`).to.deep.equal(expected);
            expect(p.item_count).to.equal(own.length);
            expect(p.has_antibiotic).to.equal(own.some((i) => i.antibiotic));
            if (expected.length) flagged += 1;
          }
          // the rules raise some flags and leave some prescriptions unflagged, so the comparison means something
          expect(flagged).to.be.above(0).and.below(rows.length);
        }
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
  });

  it("changes a rule: a bad one is a 422 naming its field; the current month's open prescriptions are flagged again, in one transaction with its audit row", async () => {
    const before = (await get<RxRules>('/api/prescription-rules', { as: 'admin' })).body;
    const bad = await put<Problem>(
      '/api/prescription-rules',
      { ...before, dose_ranges: [...before.dose_ranges, { drug: '阿莫西林', unit: 'g', min: 2, max: 1 }] },
      { as: 'admin' },
    );
    expect(bad.status).to.equal(422);
    expect(bad.body.error.details!.map((d) => d.field)).to.deep.equal([
      `dose_ranges.${before.dose_ranges.length}.max`,
      `dose_ranges.${before.dose_ranges.length}.drug`,
    ]);
    expect((await put('/api/prescription-rules', before, { as: 'director-B2' })).status).to.equal(403);

    // two drugs each: C1 open this month, C2 reviewed this month, E1 open four months back
    const today = clock.today();
    const two = (no: string, on: string) =>
      [1, 2].map((i) => `${no},B2,内科,${doctor.name},${on},门诊,P0010,40,M,I10,,${i},${i === 1 ? '硝苯地平' : '二甲双胍'},类${i},否,口服,,,7`);
    const r = await upload([HEADER, ...two('TRX-C1', today), ...two('TRX-C2', today), ...two('TRX-E1', day)].join('\n'));
    expect(r.body).to.include({ inserted: 6, flagged: 0 });
    const found = async () =>
      new Map(
        (await get<Json<Prescription>[]>('/api/prescriptions', { as: 'admin', query: { filter: { q: 'TRX-', org_unit_id: b2 }, range: [0, 99] } })).body.map(
          (p) => [p.prescription_no, p] as const,
        ),
      );
    const c2 = (await found()).get('TRX-C2')!;
    expect((await post(`/api/prescriptions/${c2.id}/review`, { outcome: 'rational' }, { as: 'admin' })).status).to.equal(200);

    try {
      const changed = await put<RxRules & { reflagged: { month: string; open: number; changed: number; flagged: number } }>(
        '/api/prescription-rules',
        { ...before, max_drugs: 1 },
        { as: 'admin' },
      );
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(changed.body.max_drugs).to.equal(1);
      expect(changed.body.reflagged.month).to.equal(clock.monthKey(today));
      expect(changed.body.reflagged.changed).to.be.at.least(1);
      const now = await found();
      expect(now.get('TRX-C1')!.flags).to.deep.equal(['too_many_drugs']);
      expect(now.get('TRX-C2')!.flags).to.deep.equal([]); // reviewed: judged by the flags it had
      expect(now.get('TRX-E1')!.flags).to.deep.equal([]); // an earlier month
      const audit = await get<AuditRow<{ max_drugs: number; reflagged?: { changed: number } }>[]>('/api/audit-log', {
        as: 'auditor',
        query: { filter: { resource: 'prescription-rules' }, sort: ['id', 'DESC'], range: [0, 0] },
      });
      expect(audit.body[0].before!.max_drugs).to.equal(before.max_drugs);
      expect(audit.body[0].after).to.deep.include({ max_drugs: 1, reflagged: changed.body.reflagged });
    } finally {
      const restored = await put<{ reflagged: { changed: number } }>('/api/prescription-rules', before, { as: 'admin' });
      expect(restored.status).to.equal(200);
    }
    expect((await found()).get('TRX-C1')!.flags).to.deep.equal([]);
  });
});
