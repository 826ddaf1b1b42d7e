// The group's five diagnosis centres at the HQ (影像、心电、检验、病理、超声) with their services, fees
// and the national turnaround norms, serving every member unit; and a year of requests from every
// level (villages most, the HQ least), and a year before it with a fifth fewer: residents of the requesting unit's villages, turnaround
// log-normal around half the norm (a few late), a few returned, a few critical values acknowledged
// within minutes, the last day's requests still open. Seeded (same rows every time), inserted in bulk;
// the timeline is derived in SQL from the requests' times. One chest-pain case end to end (./chestPain.ts);
// remote consultations over the year in every state (./consultations.ts).
import type { Knex } from 'knex';
import type { DemoContext, DemoStep } from './demo';
import type { UnitRow } from './org';
import { defaultNorms, readerProblem, type CentreKind } from '../api/diagnosis';
import { staffQualifications } from '../api/hr';
import { between, pick, seeded, weighted, type Rng } from '../api/shared/random';
import { addDays, dayKey } from '../api/core/clock';
import { seedChestPainCase } from './chestPain';
import { seedConsultations } from './consultations';

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
        // a pathology report is final once a second pathologist signs it
        second_signature: c.kind === 'pathology',
      };
    });
    const inserted = await trx('diagnosis_services')
      .insert(rows)
      .returning<Omit<SeededService, 'kind'>[]>(['id', 'centre_id', 'code', 'name', 'fee', 'norm_emergency_minutes', 'norm_routine_minutes']);
    services.push(...inserted.map((s) => ({ ...s, kind: c.kind })));
  }
  return { centres, services };
}

/** The branch with a cath lab beside the HQ's (the last: V001's branch refers its STEMIs to the HQ). */
const PCI_BRANCH = 'B3';

/** The days of the demo's rosters: the requests' year, and two weeks ahead (a head publishes the next week's). */
const ROSTER_DAYS_BACK = 365;
const ROSTER_DAYS_AHEAD = 13;
/** A centre's team of readers at most; each works five days a week, the days off staggered across the team. */
const TEAM = 8;

/**
 * Whether the team's `member` is on duty on `day` (YYYY-MM-DD): two days off a week, the first
 * member's the weekend, the next's Monday and Tuesday, and so on two days later each — with four
 * or more in the team, at least two on duty every day and two on any two days running.
 */
const onDutyOn = (day: string, member: number) => {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return (((weekday - 5 - 2 * member) % 7) + 7) % 7 >= 2;
};

/**
 * 排班: each centre's team — up to eight of the readers the HR registry qualifies, a slice of its
 * own — on duty five days in seven, staggered so that every day has most of the team; over the
 * requests' year and two weeks ahead. Returns each
 * centre's readers on duty per day, for the requests to be assigned and signed by them.
 */
export async function seedRosters(trx: Knex.Transaction, centres: { id: number; kind: CentreKind }[], hqId: number, today: Date) {
  const people = await staffQualifications({ workOrgUnitId: hqId }, dayKey(today), trx);
  const onDuty = new Map<CentreKind, Map<string, { id: number; name: string }[]>>();
  const rows: { centre_id: number; day: string; staff_id: number; staff_name: string }[] = [];
  const first = addDays(dayKey(today), -ROSTER_DAYS_BACK);
  for (const [i, centre] of centres.entries()) {
    const qualified = people.filter((p) => readerProblem(p, { kind: centre.kind, host_org_unit_id: hqId }) === null).sort((a, b) => a.id - b.id);
    // a slice of its own (eight, or as many as the HQ's readers allow, four at least: sharing a few where they are scarce)
    const size = Math.min(qualified.length, Math.max(4, Math.min(TEAM, Math.floor(qualified.length / centres.length))));
    const team = Array.from({ length: size }, (_, k) => qualified[(i * size + k) % qualified.length]);
    const days = new Map<string, { id: number; name: string }[]>();
    for (let d = 0; d <= ROSTER_DAYS_BACK + ROSTER_DAYS_AHEAD && team.length > 1; d++) {
      const day = addDays(first, d);
      const duty = team.filter((_, member) => onDutyOn(day, member));
      days.set(day, duty);
      rows.push(...duty.map((p) => ({ centre_id: centre.id, day, staff_id: p.id, staff_name: p.name })));
    }
    onDuty.set(centre.kind, days);
  }
  await trx.batchInsert('diagnosis_duties', rows, 1000);
  return { duties: rows.length, onDuty };
}

/** Requests a year at scale 1 (a county group's remote diagnosis, a few thousand). */
export const REQUESTS_PER_YEAR = 4_000;

/** The share of requests per kind of centre, and per level of the requesting unit (1 HQ … 4 village). */
const KIND_WEIGHTS: [CentreKind, number][] = [
  ['ecg', 35],
  ['imaging', 25],
  ['laboratory', 20],
  ['ultrasound', 15],
  ['pathology', 5],
];
const LEVEL_WEIGHTS = [0, 5, 15, 30, 50];
/** The requests of the year before the past one, a share of the past year's: the ECG network reached fewer villages then. */
const PRIOR_YEAR_SHARE = 0.8;
/**
 * The village clinics in the township ECG network, as in a western county's first years of it: about
 * half of them with a networked ECG machine in the past year (`share`; with the villages that happened to
 * send one otherwise, the monitoring's 心电设备村级覆盖率 comes to about 60 % against the 80 % target),
 * fewer the year before (`earlier`, of all villages).
 */
const ECG_NETWORK = { share: 0.55, earlier: 0.35 };
const QUESTIONS: Record<CentreKind, { q: string; ok: string; critical?: [string, string] }[]> = {
  ecg: [
    { q: '胸闷心悸，查心电图', ok: '窦性心律，大致正常心电图' },
    { q: '胸痛2小时', ok: '窦性心律，ST-T改变', critical: ['急性下壁ST段抬高型心肌梗死', 'STEMI，请立即启动胸痛绿色通道'] },
    { q: '高血压随访', ok: '窦性心律，左心室高电压' },
  ],
  imaging: [
    { q: '咳嗽发热一周', ok: '双肺纹理增多，未见实变' },
    { q: '头痛头晕，查头颅', ok: '颅内未见明显异常', critical: ['左侧基底节区脑出血', '脑出血，出血量约25ml'] },
  ],
  laboratory: [
    { q: '乏力，查血常规', ok: '血常规未见异常' },
    { q: '胸痛，查心肌标志物', ok: '肌钙蛋白I正常', critical: ['肌钙蛋白I 2.3 ng/ml 明显升高', '肌钙蛋白I危急值'] },
  ],
  ultrasound: [
    { q: '右上腹痛', ok: '胆囊结石' },
    { q: '孕期检查', ok: '宫内单活胎' },
  ],
  pathology: [{ q: '胃镜活检', ok: '慢性非萎缩性胃炎' }],
};

/** Minutes log-normal around `median` (a spread of about a third either way). */
const logNormal = (rng: Rng, median: number) => {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(3, Math.round(median * Math.exp(0.55 * z)));
};

interface ResidentRow {
  id: number;
  name: string;
  sex: string;
  birth_date: string;
  id_number_hash: string;
  id_number_masked: string;
  org_unit_id: number;
}

/** Each centre's readers on duty per day (seedRosters); a day without a roster: every qualified reader. */
type Rosters = Map<CentreKind, Map<string, { id: number; name: string }[]>>;

export async function generateRequests(
  trx: Knex.Transaction,
  units: UnitRow[],
  hqId: number,
  services: SeededService[],
  count: number,
  today: Date,
  rosters: Rosters = new Map(),
) {
  if (count <= 0) return { requests: 0 };
  const rng = seeded(20261228);
  const byKind = new Map<CentreKind, SeededService[]>();
  for (const s of services) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const centreOf = new Map(services.map((s) => [s.kind, s.centre_id]));
  const people = await staffQualifications({ workOrgUnitId: hqId }, dayKey(today), trx);
  const readersOf = new Map(KIND_WEIGHTS.map(([kind]) => [kind, people.filter((p) => readerProblem(p, { kind, host_org_unit_id: hqId }) === null)] as const));
  const residents = (await trx('residents')
    .select('id', 'name', 'sex', 'birth_date', 'id_number_hash', 'id_number_masked', 'org_unit_id')
    .whereNull('deregistered_on')
    .orderBy('id')
    .limit(50_000)) as ResidentRow[];
  if (!residents.length) return { requests: 0 };
  const byPath = new Map(units.map((u) => [u.id, u.path]));
  const users = (await trx('users')
    .select('id', 'username', 'display_name')
    .where((w) => w.where('username', 'like', 'doctor-%').orWhere('username', 'like', 'director-%'))) as {
    id: number;
    username: string;
    display_name: string;
  }[];
  const userOf = new Map(users.map((u) => [u.username, u]));
  const atLevel = [1, 2, 3, 4].map((level) => units.filter((u) => Math.min(u.level, 4) === level));

  const localOf = new Map<number, ResidentRow[]>();
  const rows: Record<string, unknown>[] = [];
  const end = today.getTime();
  // the year before too, a little fewer (the network reaching more villages): drawn after the year's, so its rows stay the same
  const before = Math.round(count * PRIOR_YEAR_SHARE);
  /** One request from `from` to the `kind` centre, on the day `dayOf` draws (days before today); none if that falls after today. */
  const add = (from: UnitRow, kind: CentreKind, dayOf: () => number) => {
    const qualified = readersOf.get(kind)!;
    const service = pick(rng, byKind.get(kind)!);
    const emergencyShare = from.level >= 3 ? 0.2 : 0.1;
    const urgency = service.norm_emergency_minutes != null && (service.norm_routine_minutes == null || rng() < emergencyShare) ? 'emergency' : 'routine';
    const norm = (urgency === 'emergency' ? service.norm_emergency_minutes : service.norm_routine_minutes)!;
    const path = byPath.get(from.id)!;
    let local = localOf.get(from.id);
    if (!local)
      localOf.set(
        from.id,
        (local = residents.filter((r) => {
          const p = byPath.get(r.org_unit_id) ?? '';
          return p === path || p.startsWith(`${path}.`);
        })),
      );
    const patient = pick(rng, local.length ? local : residents);
    const doctor = userOf.get(from.level >= 4 ? `doctor-${from.code}` : `director-${from.code}`);
    // daytime in Shanghai (08:00–20:00) on the day drawn
    const day = dayOf();
    const submitted = new Date(end - day * 86_400_000 - ((end / 60_000) % 1440) * 60_000 + between(rng, 0, 719) * 60_000);
    if (submitted.getTime() >= end) return;
    // assigned and signed by readers on the day's roster
    const rostered = rosters.get(kind)?.get(dayKey(submitted));
    const readers = rostered?.length ? rostered : qualified;
    const topic = pick(rng, QUESTIONS[kind]);
    const minutes = logNormal(rng, norm * 0.5);
    const reportedAt = new Date(submitted.getTime() + minutes * 60_000);
    const due = new Date(submitted.getTime() + norm * 60_000);
    const returned = rng() < 0.03;
    const open = reportedAt.getTime() > end || !readers.length;
    const critical = !returned && !open && topic.critical !== undefined && urgency === 'emergency' && rng() < 0.15;
    const reader = readers.length ? pick(rng, readers) : null;
    const accepted = new Date(submitted.getTime() + Math.min(minutes, between(rng, 2, 10)) * 0.5 * 60_000);
    const assigned = new Date(accepted.getTime() + 60_000);
    const ackAfter = critical ? between(rng, 2, 14) : between(rng, 30, 600);
    const acknowledged = !returned && !open && (critical || rng() < 0.7) ? new Date(reportedAt.getTime() + ackAfter * 60_000) : null;
    const status = returned
      ? 'returned'
      : open
        ? accepted.getTime() > end
          ? 'submitted'
          : 'assigned'
        : acknowledged && acknowledged.getTime() <= end
          ? 'acknowledged'
          : 'reported';
    const signed = status === 'reported' || status === 'acknowledged';
    const second = readers.find((p) => p.id !== reader?.id);
    rows.push({
      centre_id: centreOf.get(kind),
      centre_org_unit_id: hqId,
      kind,
      service_id: service.id,
      service_name: service.name,
      resident_id: patient.id,
      patient_name: patient.name,
      patient_sex: patient.sex,
      patient_birth_date: patient.birth_date,
      patient_id_number_hash: patient.id_number_hash,
      patient_id_number_masked: patient.id_number_masked,
      from_org_unit_id: from.id,
      from_unit_name: from.name,
      from_level: from.level,
      from_doctor_id: doctor?.id ?? null,
      from_doctor_name: doctor?.display_name ?? `${from.name}医生`,
      clinical_question: topic.q,
      urgency,
      status,
      fee: service.fee,
      norm_minutes: norm,
      submitted_at: submitted,
      due_at: due,
      accepted_at: status === 'submitted' || returned ? null : accepted,
      returned_at: returned ? accepted : null,
      return_reason: returned ? '申请资料不全或图像不清晰，请补充后重新申请' : null,
      reader_staff_id: returned || status === 'submitted' || !reader ? null : reader.id,
      reader_name: returned || status === 'submitted' || !reader ? null : reader.name,
      assigned_at: returned || status === 'submitted' || !reader ? null : assigned,
      findings: status === 'reported' || status === 'acknowledged' ? (critical ? topic.critical![0] : topic.ok) : null,
      conclusion: status === 'reported' || status === 'acknowledged' ? (critical ? topic.critical![0] : topic.ok) : null,
      signer_staff_id: status === 'reported' || status === 'acknowledged' ? reader!.id : null,
      signer_name: status === 'reported' || status === 'acknowledged' ? reader!.name : null,
      reported_at: status === 'reported' || status === 'acknowledged' ? reportedAt : null,
      second_signer_staff_id: signed && kind === 'pathology' ? (second?.id ?? null) : null,
      second_signer_name: signed && kind === 'pathology' ? (second?.name ?? null) : null,
      report_version: signed ? 1 : 0,
      critical,
      critical_note: critical ? topic.critical![1] : null,
      ack_due_at: critical ? new Date(reportedAt.getTime() + 15 * 60_000) : null,
      acknowledged_at: status === 'acknowledged' ? acknowledged : null,
      acknowledged_by: status === 'acknowledged' ? (doctor?.id ?? null) : null,
      acknowledged_by_name: status === 'acknowledged' ? (doctor?.display_name ?? null) : null,
    });
  };
  for (let i = 0; i < count + before; i++) {
    const from = pick(rng, atLevel[weighted(rng, LEVEL_WEIGHTS) - 1] ?? atLevel[3]);
    const kind =
      KIND_WEIGHTS[
        weighted(
          rng,
          KIND_WEIGHTS.map(([, w]) => w),
        )
      ][0];
    // a day of the past year (of the year before it, after the year's `count`)
    add(from, kind, () => between(rng, 0, 364) + (i < count ? 0 : 365));
  }
  // the township ECG network (drawn after the rest, so their rows stay the same): the village clinics with a
  // networked ECG machine send their ECGs to the centre — each a few a year at scale 1, at least one at any scale
  const perVillage = count / REQUESTS_PER_YEAR;
  for (const village of units.filter((u) => u.kind === 'village')) {
    const networked = rng() < ECG_NETWORK.share;
    const earlier = networked && rng() < ECG_NETWORK.earlier / ECG_NETWORK.share;
    if (networked) for (let n = Math.max(1, Math.round(perVillage * between(rng, 4, 24))); n > 0; n--) add(village, 'ecg', () => between(rng, 0, 364));
    if (earlier) for (let n = Math.max(1, Math.round(perVillage * between(rng, 2, 12))); n > 0; n--) add(village, 'ecg', () => 365 + between(rng, 0, 364));
  }
  await trx.batchInsert('diagnosis_requests', rows, 1000);
  // each signed report is its first version
  await trx.raw(`insert into diagnosis_report_versions (request_id, version, findings, conclusion, critical, critical_note, signer_staff_id, signer_name,
                                                        second_signer_staff_id, second_signer_name, signed_at)
    select id, 1, findings, conclusion, critical, critical_note, signer_staff_id, signer_name, second_signer_staff_id, second_signer_name, reported_at
      from diagnosis_requests where reported_at is not null`);
  // the timeline, derived from the times
  for (const [kind, at, to] of [
    ['submitted', 'submitted_at', 'submitted'],
    ['accepted', 'accepted_at', 'accepted'],
    ['returned', 'returned_at', 'returned'],
    ['assigned', 'assigned_at', 'assigned'],
    ['reported', 'reported_at', 'reported'],
    ['acknowledged', 'acknowledged_at', 'acknowledged'],
  ] as const) {
    await trx.raw(
      `insert into diagnosis_events (request_id, kind, to_status, actor_name, at, note)
       select id, ?, ?, case when ? in ('submitted', 'acknowledged') then from_doctor_name else '集团诊断中心' end, ${at},
              case ? when 'submitted' then clinical_question when 'returned' then return_reason when 'reported' then conclusion end
         from diagnosis_requests where ${at} is not null`,
      [kind, to, kind, kind],
    );
  }
  return { requests: rows.length, critical: rows.filter((r) => r.critical).length };
}

export const diagnosisDemo: DemoStep = {
  name: 'diagnosis',
  run: async (trx: Knex.Transaction, ctx: DemoContext) => {
    const hq = ctx.units.find((u) => u.kind === 'hq')!;
    const { centres, services } = await seedCentres(trx, hq.id);
    const { duties, onDuty } = await seedRosters(trx, centres, hq.id, ctx.today);
    const made = await generateRequests(trx, ctx.units, hq.id, services, Math.round(REQUESTS_PER_YEAR * ctx.scale), ctx.today, onDuty);
    // the PCI hospitals (胸痛): the HQ and the branch with a cath lab
    const pci = ctx.units.filter((u) => u.kind === 'hq' || u.code === PCI_BRANCH);
    await trx('pci_hospitals').insert(pci.map((u) => ({ org_unit_id: u.id, note: u.kind === 'hq' ? '胸痛中心 导管室' : '导管室' })));
    const chestPain = await seedChestPainCase(trx, ctx.units, ctx.today);
    const consultations = await seedConsultations(trx, ctx.units, ctx.today, ctx.scale);
    return { centres: centres.length, services: services.length, duties, ...made, ...chestPain, ...consultations };
  },
};
