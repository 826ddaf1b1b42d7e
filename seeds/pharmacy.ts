// The chief pharmacist's demo (issue 21, part 2): last month's prescriptions of the HQ, the branches
// and the townships (300, 120 and 40 at scale 1, at least 3 each), written by the unit's doctors from
// a small formulary for ten common diagnoses; now and then an antibiotic without an infection, a
// sixth drug, two drugs of one class, a dose out of range or an injection an oral form would replace,
// so the rules raise their flags (through the domain's own evaluation). The HQ's and B1's sample is
// drawn, a few of their flagged prescriptions reviewed, one prescriber interviewed (closed), one drug
// suspended and one penalty still open.
import type { Knex } from 'knex';
import { addMonths, dayKey, monthKey, monthRange } from '../api/core/clock';
import { hashIdNumber } from '../api/core/personalId';
import { DEFAULT_RULES, evaluatePrescriptions } from '../api/pharmacy';
import { between, pick, seeded } from '../api/shared/random';
import type { DemoContext, DemoStep } from './demo';

type Drug = [name: string, cls: string, antibiotic: boolean, route: 'oral' | 'injection', dose: string, unit: string];
const FORMULARY: Record<string, Drug> = {
  amox: ['阿莫西林', '青霉素类', true, 'oral', '0.5', 'g'],
  cefu: ['头孢呋辛', '头孢菌素类', true, 'oral', '0.25', 'g'],
  levo: ['左氧氟沙星', '喹诺酮类', true, 'oral', '0.5', 'g'],
  azi: ['阿奇霉素', '大环内酯类', true, 'oral', '0.25', 'g'],
  ceftri: ['头孢曲松', '头孢菌素类', true, 'injection', '1', 'g'],
  nif: ['硝苯地平', '钙通道阻滞剂', false, 'oral', '30', 'mg'],
  aml: ['氨氯地平', '钙通道阻滞剂', false, 'oral', '5', 'mg'],
  met: ['二甲双胍', '双胍类', false, 'oral', '0.5', 'g'],
  ator: ['阿托伐他汀', '他汀类', false, 'oral', '20', 'mg'],
  asp: ['阿司匹林', '抗血小板药', false, 'oral', '100', 'mg'],
  ome: ['奥美拉唑', '质子泵抑制剂', false, 'oral', '20', 'mg'],
  ibu: ['布洛芬', '解热镇痛药', false, 'oral', '0.3', 'g'],
  para: ['对乙酰氨基酚', '解热镇痛药', false, 'oral', '0.5', 'g'],
  ambr: ['氨溴索', '祛痰药', false, 'oral', '30', 'mg'],
  dex: ['地塞米松', '糖皮质激素', false, 'injection', '5', 'mg'],
  vitc: ['维生素C', '维生素类', false, 'injection', '1', 'g'],
};
/** a diagnosis, its ICD-10 code and the drugs it is usually treated with */
const DIAGNOSES: [code: string, text: string, drugs: (keyof typeof FORMULARY)[]][] = [
  ['I10', '原发性高血压', ['nif', 'aml', 'asp']],
  ['E11.9', '2型糖尿病', ['met', 'ator']],
  ['I25.1', '冠状动脉粥样硬化性心脏病', ['asp', 'ator', 'aml']],
  ['J06.9', '急性上呼吸道感染', ['amox', 'para', 'ambr']],
  ['J20.9', '急性支气管炎', ['cefu', 'ambr']],
  ['J18.9', '肺炎', ['ceftri', 'levo', 'ambr']],
  ['N39.0', '尿路感染', ['levo']],
  ['K29.7', '胃炎', ['ome']],
  ['M54.5', '腰痛', ['ibu']],
  ['R50.9', '发热', ['para']],
];
const PER_UNIT: Record<number, number> = { 1: 300, 2: 120, 3: 40 };

export const pharmacyDemo: DemoStep = {
  name: 'pharmacy',
  run: async (trx: Knex.Transaction, ctx: DemoContext) => {
    const rng = seeded(2121);
    const month = monthKey(addMonths(dayKey(ctx.today), -1));
    const { start, end } = monthRange(month);
    const days = Number(end.slice(8, 10));
    const units = ctx.units.filter((u) => u.level >= 1 && u.level <= 3);
    const doctors = await trx('staff')
      .select<{ id: number; name: string; work_org_unit_id: number }[]>('id', 'name', 'work_org_unit_id')
      .where({ status: 'active', category: 'doctor' })
      .whereIn(
        'work_org_unit_id',
        units.map((u) => u.id),
      );
    const heads: Record<string, unknown>[] = [];
    const lines: { key: string; seq: number; drug: Drug; dose: string }[] = [];
    for (const u of units) {
      const own = doctors.filter((d) => d.work_org_unit_id === u.id);
      const n = Math.max(3, Math.round((PER_UNIT[u.level] ?? 40) * ctx.scale));
      for (let i = 1; i <= n; i++) {
        const [code, text, usual] = pick(rng, DIAGNOSES);
        const drugs = usual.filter(() => rng() < 0.7).map((k) => FORMULARY[k]);
        if (!drugs.length) drugs.push(FORMULARY[usual[0]]);
        const r = rng();
        if (r < 0.08)
          drugs.push(FORMULARY[pick(rng, ['amox', 'cefu', 'azi'] as const)]); // an antibiotic, needed or not
        else if (r < 0.12)
          drugs.push(FORMULARY.dex); // injected where a tablet would do
        else if (r < 0.15) drugs.push(...['ome', 'asp', 'ator', 'met', 'ibu', 'ambr'].map((k) => FORMULARY[k])); // too many
        const names = new Set<string>();
        const unique = drugs.filter((d) => !names.has(d[0]) && names.add(d[0]));
        const key = `${u.id}:${i}`;
        heads.push({
          org_unit_id: u.id,
          prescription_no: `${u.code}-${month.replace('-', '')}-${String(i).padStart(5, '0')}`,
          department: u.level === 3 ? '全科' : pick(rng, ['内科', '外科', '儿科', '急诊科']),
          prescriber_name: own.length ? pick(rng, own).name : '值班医师',
          prescriber_staff_id: null, // matched below
          prescribed_on: `${month}-${String(between(rng, 1, days)).padStart(2, '0')}`,
          care_type: rng() < (u.level === 3 ? 0.05 : 0.2) ? 'inpatient' : 'outpatient',
          patient_hash: hashIdNumber(`DEMO-${u.code}-${between(rng, 1, n * 3)}`),
          patient_age: between(rng, 2, 88),
          patient_sex: rng() < 0.5 ? 'M' : 'F',
          diagnosis_codes: [code],
          diagnosis_text: text,
          _key: key,
        });
        // now and then a dose out of its range (nifedipine 90 mg)
        unique.forEach((d, s) => lines.push({ key, seq: s + 1, drug: d, dose: d[0] === '硝苯地平' && rng() < 0.15 ? '90' : d[4] }));
      }
    }
    // the prescriber matched to the registry when the unit has one doctor of that name
    const byName = new Map<string, number[]>();
    doctors.forEach((d) => byName.set(`${d.work_org_unit_id}:${d.name}`, [...(byName.get(`${d.work_org_unit_id}:${d.name}`) ?? []), d.id]));
    const ids = new Map<string, string>();
    for (let i = 0; i < heads.length; i += 1000) {
      const chunk = heads.slice(i, i + 1000).map(({ _key, ...h }) => {
        const match = byName.get(`${String(h.org_unit_id)}:${String(h.prescriber_name)}`);
        return { ...h, prescriber_staff_id: match?.length === 1 ? match[0] : null, _key };
      });
      const rows = await trx('prescriptions')
        .insert(chunk.map(({ _key, ...h }) => h))
        .returning<{ id: string }[]>(['id']);
      rows.forEach((r, j) => ids.set(String(chunk[j]._key), r.id));
    }
    for (let i = 0; i < lines.length; i += 2000)
      await trx('prescription_items').insert(
        lines.slice(i, i + 2000).map((l) => ({
          prescription_id: ids.get(l.key),
          seq: l.seq,
          drug_name: l.drug[0],
          drug_class: l.drug[1],
          antibiotic: l.drug[2],
          route: l.drug[3],
          dose: l.dose,
          dose_unit: l.drug[5],
          days: between(rng, 3, 14),
        })),
      );
    const flagged = await evaluatePrescriptions(trx, [...ids.values()], DEFAULT_RULES);

    // the HQ's and B1's sample and a few reviews, an interview closed, a suspension and a penalty open
    const reviewedAt = `${end}T09:00:00+08:00`;
    let actions = 0;
    for (const code of ['HQ', 'B1']) {
      const u = units.find((x) => x.code === code);
      if (!u) continue;
      await trx.raw(
        `UPDATE prescriptions SET sampled_month = ? WHERE id IN (
           SELECT id FROM prescriptions WHERE org_unit_id = ? AND prescribed_on BETWEEN ? AND ? ORDER BY md5(id::text) LIMIT ?)`,
        [month, u.id, start, end, Math.max(2, Math.round(DEFAULT_RULES.sample_size * ctx.scale))],
      );
      const flaggedRows = await trx('prescriptions')
        .select<{ id: string; prescriber_name: string; prescriber_staff_id: number | null; flags: string[] }[]>(
          'id',
          'prescriber_name',
          'prescriber_staff_id',
          'flags',
        )
        .where('org_unit_id', u.id)
        .whereRaw("flags <> '{}'")
        .orderBy('id')
        .limit(3);
      for (const [i, p] of flaggedRows.entries()) {
        const irrational = i < 2;
        await trx('prescriptions')
          .where('id', p.id)
          .update({
            review_status: 'reviewed',
            outcome: irrational ? 'irrational' : 'rational',
            reason: irrational ? (p.flags.includes('too_many_drugs') ? 'excessive' : 'inappropriate') : null,
            review_note: irrational ? '经点评为不合理处方' : '有临床说明，合理',
            reviewed_at: reviewedAt,
          });
      }
      const [first, second] = flaggedRows;
      if (first) {
        const who = { org_unit_id: u.id, prescriber_name: first.prescriber_name, prescriber_staff_id: first.prescriber_staff_id, prescription_id: first.id };
        await trx('prescriber_actions').insert(
          code === 'HQ'
            ? { ...who, kind: 'interview', reason: '不合理处方约谈', status: 'closed', outcome: '已约谈，医师签字确认整改', closed_at: reviewedAt, due_on: end }
            : {
                ...who,
                kind: 'suspend',
                drug_name: '阿奇霉素',
                reason: '无指征使用抗菌药物，停用其处方权一个月',
                status: 'open',
                due_on: monthRange(monthKey(dayKey(ctx.today))).end,
              },
        );
        actions += 1;
      }
      if (second && code === 'HQ') {
        await trx('prescriber_actions').insert({
          org_unit_id: u.id,
          prescriber_name: second.prescriber_name,
          prescriber_staff_id: second.prescriber_staff_id,
          prescription_id: second.id,
          kind: 'penalty',
          amount: '200.00',
          reason: '超常处方，按处方点评制度处罚',
          status: 'open',
        });
        actions += 1;
      }
    }
    return { prescriptions: heads.length, drugs: lines.length, flagged, actions };
  },
};
