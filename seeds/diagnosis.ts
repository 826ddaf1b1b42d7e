// The group's five diagnosis centres at the HQ (影像、心电、检验、病理、超声) with their services, fees
// and the national turnaround norms, serving every member unit.
import type { Knex } from 'knex';
import type { DemoContext, DemoStep } from './demo';
import { defaultNorms, type CentreKind } from '../api/diagnosis';

/** [code, name, modality, fee in yuan, norms over the defaults] per centre. */
export const CENTRES: {
  kind: CentreKind;
  name: string;
  services: [string, string, string | null, string, { emergency?: number | null; routine?: number | null }?][];
}[] = [
  {
    kind: 'imaging',
    name: '集团影像诊断中心',
    services: [
      ['DR-CHEST', '胸部X线摄影(DR)', 'XR', '60.00'],
      ['CT-HEAD', '头颅CT平扫', 'CT', '220.00'],
      ['CT-CHEST', '胸部CT平扫', 'CT', '260.00'],
      ['MR-HEAD', '头颅MR平扫', 'MR', '480.00'],
    ],
  },
  {
    kind: 'ecg',
    name: '集团心电诊断中心',
    services: [
      ['ECG-12', '常规十二导联心电图', 'ECG', '25.00'],
      ['ECG-HOLTER', '动态心电图(24小时)', 'ECG', '180.00', { emergency: null, routine: 48 * 60 }],
    ],
  },
  {
    kind: 'laboratory',
    name: '集团医学检验中心',
    services: [
      ['LAB-CBC', '血常规', 'LAB', '20.00'],
      ['LAB-TNI', '心肌肌钙蛋白I', 'LAB', '60.00'],
      ['LAB-CHEM', '生化全项', 'LAB', '120.00'],
    ],
  },
  {
    kind: 'pathology',
    name: '集团病理诊断中心',
    services: [
      ['PATH-BIOPSY', '组织病理活检', 'HISTO', '300.00'],
      ['PATH-FROZEN', '术中冰冻切片', 'FROZEN', '500.00'],
    ],
  },
  {
    kind: 'ultrasound',
    name: '集团超声诊断中心',
    services: [
      ['US-ABD', '腹部彩超', 'US', '120.00'],
      ['US-HEART', '心脏彩超', 'US', '200.00'],
    ],
  },
];

export interface SeededService {
  id: number;
  centre_id: number;
  kind: CentreKind;
  code: string;
  name: string;
  fee: string;
  norm_emergency_minutes: number | null;
  norm_routine_minutes: number | null;
}

export async function seedCentres(trx: Knex.Transaction, hqId: number) {
  const services: SeededService[] = [];
  const centres: { id: number; kind: CentreKind }[] = [];
  for (const c of CENTRES) {
    const [centre] = await trx('diagnosis_centres')
      .insert({ kind: c.kind, name: c.name, host_org_unit_id: hqId, served_unit_ids: [], critical_ack_minutes: 15 })
      .returning<{ id: number; kind: CentreKind }[]>(['id', 'kind']);
    centres.push(centre);
    const rows = c.services.map(([code, name, modality, fee, over]) => {
      const norms = { ...defaultNorms(c.kind, modality), ...over };
      return {
        centre_id: centre.id,
        code,
        name,
        modality,
        fee,
        norm_emergency_minutes: norms.emergency,
        norm_routine_minutes: norms.routine,
      };
    });
    const inserted = await trx('diagnosis_services')
      .insert(rows)
      .returning<Omit<SeededService, 'kind'>[]>(['id', 'centre_id', 'code', 'name', 'fee', 'norm_emergency_minutes', 'norm_routine_minutes']);
    services.push(...inserted.map((s) => ({ ...s, kind: c.kind })));
  }
  return { centres, services };
}

export const diagnosisDemo: DemoStep = {
  name: 'diagnosis',
  run: async (trx: Knex.Transaction, ctx: DemoContext) => {
    const hq = ctx.units.find((u) => u.kind === 'hq')!;
    const { centres, services } = await seedCentres(trx, hq.id);
    return { centres: centres.length, services: services.length };
  },
};
