// A year of two-way referrals shaped like the reference group: mostly village/township →
// branch → HQ, a smaller stream down for rehabilitation, some out of the county, a few stuck
// requests. Generated with a seeded rng (same rows every time), inserted in bulk; the events,
// slots, escalations and managing-unit history are derived in SQL from the referrals' times.
import type { Knex } from 'knex';
import type { DemoContext, DemoStep } from './demo';
import type { UnitRow } from './org';
import { between, pick, seeded, weighted, type Rng } from '../api/shared/random';
import { checkDigit, protectIdNumber } from '../api/core/personalId';
import { toFen } from '../api/shared/money';
import { DEFAULT_SETTINGS, computeFees, dueAt, slotStarts, storedFees, type Direction, type Purpose, type Urgency } from '../api/referrals';
import { syncManagingUnits } from '../api/health';
import { dayKey, shanghaiMidnight } from '../api/core/clock';

/** Referrals a year at scale 1 (the reference county: ~450,000 people, 289 village clinics). */
export const REFERRALS_PER_YEAR = 20_000;

const DIAGNOSES: Record<'up' | 'down' | 'out', [string, string][]> = {
  up: [
    ['I10', '原发性高血压'],
    ['E11.9', '2型糖尿病'],
    ['I21.9', '急性心肌梗死'],
    ['I63.9', '脑梗死'],
    ['J18.9', '肺炎'],
    ['J44.1', '慢性阻塞性肺病急性加重'],
    ['K35.9', '急性阑尾炎'],
    ['K80.2', '胆囊结石'],
    ['S72.0', '股骨颈骨折'],
    ['O80', '单胎顺产'],
    ['I50.9', '心力衰竭'],
    ['N18.5', '慢性肾脏病5期'],
    ['B18.1', '慢性乙型肝炎'],
    ['C16.9', '胃恶性肿瘤'],
  ],
  down: [
    ['I63.9', '脑梗死恢复期'],
    ['S72.0', '股骨颈骨折术后'],
    ['I21.9', '心肌梗死PCI术后'],
    ['E11.9', '2型糖尿病稳定期'],
    ['I10', '高血压稳定期'],
    ['J44.9', '慢阻肺稳定期'],
    ['Z48.8', '术后康复'],
  ],
  out: [
    ['C34.9', '肺恶性肿瘤'],
    ['C22.0', '肝细胞癌'],
    ['Q21.1', '房间隔缺损'],
    ['I71.0', '主动脉夹层'],
    ['T31.3', '重度烧伤'],
    ['G40.9', '难治性癫痫'],
  ],
};
const OUTSIDE = ['青海省人民医院', '青海大学附属医院', '青海省心脑血管病专科医院', '四川大学华西医院', '兰州大学第一医院'];
const REASONS: Record<'up' | 'down' | 'out', string[]> = {
  up: ['基层无诊治条件，需上级医院进一步诊治', '病情加重，需住院治疗', '需专科检查明确诊断', '胸痛中心绿色通道转诊'],
  down: ['病情稳定，转回基层康复', '术后恢复期，回社区继续治疗', '慢病稳定期，转基层管理'],
  out: ['县内无诊治条件，需上级专科治疗', '需手术，集团内无条件开展'],
};
const REJECT = ['本院床位已满，建议转其他分院', '病情不符合转诊指征，建议基层继续治疗', '专科医生外出，建议改约'];
const CANCEL = ['患者放弃转诊', '患者病情好转', '患者自行前往其他医院'];
const SURNAMES = ['马', '李', '王', '张', '祁', '韩', '赵', '刘', '陈', '杨', '鲍', '朱', '星', '才', '索'];
const GIVEN = ['有福', '秀英', '建国', '玉兰', '海龙', '桂花', '德明', '金花', '永贵', '春梅', '卓玛', '才让', '国庆', '凤英'];

type Flow = { direction: Direction; from: (rng: Rng) => UnitRow; to: (rng: Rng, from: UnitRow) => UnitRow | null; weight: number };

interface Patient {
  resident_id: number | null;
  patient_name: string;
  patient_sex: string;
  patient_birth_date: string;
  patient_id_number_hash: string;
  patient_id_number_masked: string;
  patient_id_number_cipher: string | null;
}

export interface GenerateOptions {
  count: number;
  today: Date;
  seed?: number;
  /** share of stuck requests (left unanswered long past their service level) */
  stuckShare?: number;
}

/** Generates and inserts `count` referrals over the year before `today`; returns how many. */
export async function generateReferrals(trx: Knex | Knex.Transaction, units: UnitRow[], opts: GenerateOptions) {
  if (opts.count <= 0) return { referrals: 0 };
  const rng = seeded(opts.seed ?? 20_181_101);
  const byId = new Map(units.map((u) => [u.id, u]));
  const ofKind = (...kinds: string[]) => units.filter((u) => kinds.includes(u.kind));
  const hq = ofKind('hq')[0];
  const branches = ofKind('branch');
  const townships = ofKind('township', 'community');
  const villages = ofKind('village');
  const up = (u: UnitRow) => byId.get(u.parent_id!)!;
  const flows: Flow[] = [
    { direction: 'up', weight: 30, from: (r) => pick(r, villages), to: (_r, f) => up(f) },
    { direction: 'up', weight: 12, from: (r) => pick(r, villages), to: (_r, f) => up(up(f)) },
    { direction: 'up', weight: 25, from: (r) => pick(r, townships), to: (_r, f) => up(f) },
    { direction: 'up', weight: 5, from: (r) => pick(r, townships), to: () => hq },
    { direction: 'up', weight: 12, from: (r) => pick(r, branches), to: () => hq },
    { direction: 'down', weight: 2, from: () => hq, to: (r) => pick(r, branches) },
    { direction: 'down', weight: 3, from: () => hq, to: (r) => pick(r, townships) },
    {
      direction: 'down',
      weight: 5,
      from: (r) => pick(r, branches),
      to: (r, f) =>
        pick(
          r,
          townships.filter((t) => t.parent_id === f.id),
        ),
    },
    { direction: 'out', weight: 5, from: (r) => pick(r, branches), to: () => null },
    { direction: 'out', weight: 1, from: () => hq, to: () => null },
  ];

  // one after another: a transaction is one connection
  const departments = await trx('departments').select('id', 'org_unit_id', 'name', 'kind').where('active', true);
  const users = await trx('users')
    .select('id', 'username', 'display_name')
    .where((w) => w.where('username', 'like', 'doctor-%').orWhere('username', 'like', 'director-%'));
  const residents = await trx.raw(`select id, org_unit_id, name, sex, birth_date, id_number_hash, id_number_masked
               from (select r.*, row_number() over (partition by org_unit_id order by id) as n from residents r where deregistered_on is null) x
              where n <= 40`);
  const deptsOf = new Map<number, { id: number; name: string; kind: string }[]>();
  for (const d of departments) if (d.kind === 'clinical') deptsOf.set(d.org_unit_id, [...(deptsOf.get(d.org_unit_id) ?? []), d]);
  const userOf = new Map<string, { id: number; display_name: string }>(
    users.map((u: { id: number; username: string; display_name: string }) => [u.username, u]),
  );
  const residentsOf = new Map<number, Patient[]>();
  for (const r of residents.rows) {
    residentsOf.set(r.org_unit_id, [
      ...(residentsOf.get(r.org_unit_id) ?? []),
      {
        resident_id: r.id,
        patient_name: r.name,
        patient_sex: r.sex,
        patient_birth_date: r.birth_date,
        patient_id_number_hash: r.id_number_hash,
        patient_id_number_masked: r.id_number_masked,
        patient_id_number_cipher: null,
      },
    ]);
  }
  // patients from outside the health records: a pool of external people with protected IDs
  const externals: Patient[] = Array.from({ length: Math.min(500, Math.max(20, Math.ceil(opts.count / 50))) }, (_, i) => {
    const birth = `19${between(rng, 35, 99)}${String(between(rng, 1, 12)).padStart(2, '0')}${String(between(rng, 1, 28)).padStart(2, '0')}`;
    const first17 = `630121${birth}${String(i % 1000).padStart(3, '0')}`;
    const id = `${first17}${checkDigit(first17)}`;
    const p = protectIdNumber(id);
    return {
      resident_id: null,
      patient_name: `${pick(rng, SURNAMES)}${pick(rng, GIVEN)}`,
      patient_sex: Number(id[16]) % 2 ? 'M' : 'F',
      patient_birth_date: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      patient_id_number_hash: p.id_number_hash,
      patient_id_number_masked: p.id_number_masked,
      patient_id_number_cipher: p.id_number_cipher,
    };
  });
  const villagesUnder = (u: UnitRow) => villages.filter((v) => v.path.startsWith(`${u.path}.`));
  const patientFor = (from: UnitRow, to: UnitRow | null): Patient => {
    // residents live in villages: the village itself, or one under the township / the receiving unit going down
    const home = from.kind === 'village' ? [from] : villagesUnder(to && to.level > from.level ? to : from);
    const pool = home.length ? residentsOf.get(pick(rng, home).id) : undefined;
    return pool?.length && rng() < 0.85 ? pick(rng, pool) : pick(rng, externals);
  };

  const now = opts.today.getTime();
  const yearMs = 365 * 86_400_000;
  const stuck = Math.max(opts.count >= 50 ? 1 : 0, Math.round(opts.count * (opts.stuckShare ?? 0.002)));
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < opts.count; i++) {
    const flow =
      flows[
        weighted(
          rng,
          flows.map((f) => f.weight),
        )
      ];
    const from = flow.from(rng);
    const to = flow.to(rng, from);
    const isStuck = i < stuck;
    // daytime requests, spread over the year; stuck ones are 3–20 days old
    const dayStart = shanghaiMidnight(dayKey(new Date(isStuck ? now - between(rng, 3, 20) * 86_400_000 : now - rng() * yearMs))).getTime();
    const requested = new Date(Math.min(now - 60_000, dayStart + (7.5 + rng() * 11) * 3_600_000));
    const urgency: Urgency =
      isStuck || flow.direction === 'down'
        ? 'routine'
        : (['routine', 'urgent', 'emergency'] as const)[weighted(rng, flow.direction === 'out' ? [50, 50, 0] : [70, 22, 8])];
    const purpose: Purpose =
      flow.direction === 'down'
        ? rng() < 0.8
          ? 'rehabilitation'
          : 'chronic_care'
        : (['treatment', 'inpatient', 'examination'] as const)[weighted(rng, [40, 45, 15])];
    const [code, text] = pick(rng, DIAGNOSES[flow.direction]);
    const paid =
      flow.direction === 'up' && purpose === 'inpatient' && from.level <= 3 && rng() < 0.4
        ? toFen(DEFAULT_SETTINGS.inpatientThreshold[String(from.level) as '2' | '3'])
        : 0n;
    const fees = computeFees({ direction: flow.direction, purpose, toLevel: to?.level ?? null, thresholdPaidBefore: paid }, DEFAULT_SETTINGS);
    const due = dueAt(requested, urgency, DEFAULT_SETTINGS);
    const doctor = userOf.get(from.kind === 'village' ? `doctor-${from.code}` : `director-${from.code}`);
    const dept = to ? (deptsOf.get(to.id)?.length ? pick(rng, deptsOf.get(to.id)!) : undefined) : undefined;

    // answer within the service level mostly; ~8 % late
    const sla = due.getTime() - requested.getTime();
    const answerMs = isStuck ? Infinity : sla * (rng() < 0.92 ? 0.1 + rng() * 0.85 : 1.05 + rng() * 1.5);
    const answered = requested.getTime() + answerMs;
    const outcome = weighted(rng, [90, 5, 5]); // accepted, rejected, cancelled before an answer
    const r: Record<string, unknown> = {
      ...patientFor(from, to),
      from_org_unit_id: from.id,
      from_unit_name: from.name,
      from_level: from.level,
      from_doctor_id: doctor?.id ?? null,
      from_doctor_name: doctor?.display_name ?? `${from.name}医生`,
      to_org_unit_id: to?.id ?? null,
      to_unit_name: to?.name ?? pick(rng, OUTSIDE),
      to_level: to?.level ?? null,
      to_department_id: null,
      to_department_name: null,
      direction: flow.direction,
      urgency,
      purpose,
      diagnosis_code: code,
      diagnosis_text: text,
      reason: pick(rng, REASONS[flow.direction]),
      summary: `${text}。转诊前已完成初步处置，生命体征平稳。`,
      status: 'requested',
      fees: storedFees(fees),
      requested_at: requested.toISOString(),
      due_at: due.toISOString(),
    };
    if (flow.direction === 'out') r.to_external_name = r.to_unit_name;
    if (answered <= now) {
      if (outcome === 1) Object.assign(r, { status: 'rejected', answered_at: iso(answered), closed_at: iso(answered), status_reason: pick(rng, REJECT) });
      else if (outcome === 2) Object.assign(r, { status: 'cancelled', closed_at: iso(answered), status_reason: pick(rng, CANCEL) });
      else {
        // green channel at once; others the next free half hour within 0–2 days
        const appointment =
          urgency === 'emergency' || flow.direction === 'out' ? answered : slotAfter(answered + between(rng, 1, urgency === 'urgent' ? 6 : 48) * 3_600_000);
        Object.assign(r, {
          status: 'accepted',
          answered_at: iso(answered),
          accepted_at: iso(answered),
          appointment_at: iso(appointment),
          to_department_id: dept?.id ?? null,
          to_department_name: dept?.name ?? null,
        });
        const arrived = Math.max(appointment, answered) + rng() * 3_600_000;
        if (arrived <= now && rng() < 0.97) {
          Object.assign(r, { status: 'arrived', arrived_at: iso(arrived) });
          const completed =
            arrived + (purpose === 'inpatient' || flow.direction === 'down' ? between(rng, 3, 14) * 86_400_000 : between(rng, 1, 8) * 3_600_000);
          if (completed <= now) Object.assign(r, { status: 'completed', completed_at: iso(completed) });
        } else if (arrived <= now) {
          Object.assign(r, { status: 'cancelled', closed_at: iso(arrived), status_reason: '患者未按预约到院' });
        }
      }
    }
    rows.push(r);
  }
  // one open referral per patient, as the service enforces: later duplicates become external patients
  const open = new Set<string>();
  let spare = 0;
  for (const r of rows) {
    if (!['requested', 'accepted', 'arrived'].includes(r.status as string)) continue;
    while (open.has(String(r.patient_id_number_hash)) && spare < externals.length) Object.assign(r, externals[spare++]);
    open.add(String(r.patient_id_number_hash));
  }

  // what follows derives from these rows only: ids from `first` on
  const {
    rows: [{ first }],
  } = await trx.raw('select coalesce(max(id), 0) + 1 as first from referrals');
  for (let i = 0; i < rows.length; i += 5000) await insertReferrals(trx, rows.slice(i, i + 5000));
  await trx.raw('analyze referrals'); // fresh rows, no statistics yet: the derivations below need them to plan
  await deriveRest(trx, new Date(now), first);
  return { referrals: rows.length, stuck };
}

const iso = (ms: number) => new Date(ms).toISOString();
const HALF_HOUR = 1_800_000;
/** The next slot start (working hours 08:00–12:00, 14:30–17:30 Shanghai) at or after `ms`. */
function slotAfter(ms: number): number {
  let day = dayKey(new Date(ms));
  for (;;) {
    const starts = [...slotStarts(day, '08:00', '12:00'), ...slotStarts(day, '14:30', '17:30')].map((d) => d.getTime());
    const next = starts.find((s) => s >= Math.ceil(ms / HALF_HOUR) * HALF_HOUR);
    if (next) return next;
    day = dayKey(new Date(shanghaiMidnight(day).getTime() + 36 * 3_600_000));
  }
}

const COLUMNS: [string, string][] = [
  ['resident_id', 'int'],
  ['patient_name', 'text'],
  ['patient_sex', 'text'],
  ['patient_birth_date', 'date'],
  ['patient_id_number_hash', 'text'],
  ['patient_id_number_masked', 'text'],
  ['patient_id_number_cipher', 'text'],
  ['from_org_unit_id', 'int'],
  ['from_unit_name', 'text'],
  ['from_level', 'smallint'],
  ['from_doctor_id', 'int'],
  ['from_doctor_name', 'text'],
  ['to_org_unit_id', 'int'],
  ['to_unit_name', 'text'],
  ['to_level', 'smallint'],
  ['to_department_id', 'int'],
  ['to_department_name', 'text'],
  ['to_external_name', 'text'],
  ['direction', 'text'],
  ['urgency', 'text'],
  ['purpose', 'text'],
  ['diagnosis_code', 'text'],
  ['diagnosis_text', 'text'],
  ['reason', 'text'],
  ['summary', 'text'],
  ['status', 'text'],
  ['fees', 'jsonb'],
  ['requested_at', 'timestamptz'],
  ['due_at', 'timestamptz'],
  ['answered_at', 'timestamptz'],
  ['accepted_at', 'timestamptz'],
  ['appointment_at', 'timestamptz'],
  ['arrived_at', 'timestamptz'],
  ['completed_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['status_reason', 'text'],
];

async function insertReferrals(trx: Knex | Knex.Transaction, rows: Record<string, unknown>[]) {
  const names = COLUMNS.map(([c]) => c).join(', ');
  await trx.raw(
    `insert into referrals (${names}, created_at, updated_at)
                 select ${names}, requested_at, coalesce(completed_at, closed_at, arrived_at, answered_at, requested_at)
                   from jsonb_to_recordset(?::jsonb) as x(${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
    [JSON.stringify(rows)],
  );
}

/** Slots, timeline events, escalations of the stuck requests and managing-unit history of the referrals from id `first` on. */
async function deriveRest(trx: Knex | Knex.Transaction, now: Date, first: number) {
  // the slots the accepted referrals booked, then their slot ids
  await trx.raw(
    `insert into referral_slots (org_unit_id, department_id, starts_at, capacity, booked, booked_up)
                 select to_org_unit_id, to_department_id, appointment_at, greatest(4, count(*)), count(*), count(*) filter (where direction = 'up')
                   from referrals where id >= ? and to_department_id is not null and appointment_at is not null and urgency <> 'emergency'
                  group by to_org_unit_id, to_department_id, appointment_at
                 on conflict (department_id, starts_at) do update
                   set booked = referral_slots.booked + excluded.booked, booked_up = referral_slots.booked_up + excluded.booked_up,
                       capacity = greatest(referral_slots.capacity, referral_slots.booked + excluded.booked)`,
    [first],
  );
  await trx.raw(
    `update referrals r set slot_id = s.id from referral_slots s
                  where r.id >= ? and r.urgency <> 'emergency' and s.department_id = r.to_department_id and s.starts_at = r.appointment_at`,
    [first],
  );
  // each referral's timeline in one pass: the steps whose time it has; the receiving unit's director answered
  await trx.raw(
    `insert into referral_events (referral_id, kind, from_status, to_status, actor_id, actor_name, at, note)
    select r.id, e.kind, e.from_status, e.to_status, e.actor_id, e.actor_name, e.at, e.note
      from referrals r
      left join org_units o on o.id = r.to_org_unit_id
      left join users d on d.username = 'director-' || o.code
      cross join lateral (values
        ('requested', null, 'requested', r.from_doctor_id, r.from_doctor_name, r.requested_at, r.reason),
        ('accepted', 'requested', 'accepted', null, coalesce(d.display_name, '双向转诊办公室'), r.accepted_at, null),
        ('rejected', 'requested', 'rejected', null, coalesce(d.display_name, '双向转诊办公室'), case when r.status = 'rejected' then r.closed_at end, r.status_reason),
        ('cancelled', case when r.accepted_at is null then 'requested' else 'accepted' end, 'cancelled', r.from_doctor_id, r.from_doctor_name,
         case when r.status = 'cancelled' then r.closed_at end, r.status_reason),
        ('arrived', 'accepted', 'arrived', null, coalesce(d.display_name, '双向转诊办公室'), r.arrived_at, null),
        ('completed', 'arrived', 'completed', null, coalesce(d.display_name, '双向转诊办公室'), r.completed_at, null)
      ) as e(kind, from_status, to_status, actor_id, actor_name, at, note)
     where r.id >= ? and e.at is not null
     order by r.id, e.at`,
    [first],
  );
  // the managing unit followed each arrival (the health domain's care history), in time order
  await trx.raw(
    `insert into resident_care_transfers (resident_id, from_org_unit_id, to_org_unit_id, referral_id, at, actor_name)
                 select x.resident_id, coalesce(x.prev, res.org_unit_id), x.to_org_unit_id, x.id, x.arrived_at, '双向转诊办公室'
                   from (select r.id, r.resident_id, r.to_org_unit_id, r.arrived_at,
                                lag(r.to_org_unit_id) over (partition by r.resident_id order by r.arrived_at, r.id) as prev
                           from referrals r
                          where r.id >= ? and r.resident_id is not null and r.arrived_at is not null and r.to_org_unit_id is not null) x
                   join residents res on res.id = x.resident_id
                  where x.to_org_unit_id <> coalesce(x.prev, res.org_unit_id)
                  order by x.arrived_at, x.id`,
    [first],
  );
  await syncManagingUnits(trx);
  // stuck requests more than a day overdue were escalated already; newer ones await the job
  await trx.raw(
    `with e as (
                   insert into referral_escalations (referral_id, org_unit_id, due_at, escalated_at, overdue_minutes, notify_user_ids, run_key)
                   select r.id, r.to_org_unit_id, r.due_at, r.due_at + interval '5 minutes', 5,
                          array(select u.id from users u where (u.org_unit_id = r.to_org_unit_id and 'director' = any(u.roles)) or 'referral_coordinator' = any(u.roles) order by u.id),
                          'demo'
                     from referrals r where r.id >= ? and r.status = 'requested' and r.due_at < ?::timestamptz - interval '1 day'
                   on conflict (referral_id) do nothing
                   returning referral_id, escalated_at)
                 , u as (update referrals r set escalated_at = e.escalated_at from e where r.id = e.referral_id)
                 insert into referral_events (referral_id, kind, actor_name, at, note)
                 select referral_id, 'escalated', 'referrals.escalate', escalated_at, 'unanswered past the service level' from e`,
    [first, now],
  );
}

/** Two weeks of open slots ahead for the receiving departments (HQ and branch clinics, township GP and TCM). */
async function publishAhead(trx: Knex.Transaction, today: Date) {
  const depts: { id: number; org_unit_id: number; capacity: number }[] = (
    await trx.raw(`select d.id, d.org_unit_id, case u.kind when 'hq' then 4 when 'branch' then 3 else 2 end as capacity
                     from departments d join org_units u on u.id = d.org_unit_id
                    where d.active and d.kind = 'clinical' and (u.kind in ('hq','branch') or d.name in ('全科','中医科'))`)
  ).rows;
  const rows = [];
  for (let i = 0; i < 14; i++) {
    const day = dayKey(new Date(today.getTime() + i * 86_400_000));
    const starts = [...slotStarts(day, '08:00', '12:00'), ...slotStarts(day, '14:30', '17:30')];
    for (const d of depts) for (const s of starts) rows.push({ org_unit_id: d.org_unit_id, department_id: d.id, starts_at: s, capacity: d.capacity });
  }
  for (let i = 0; i < rows.length; i += 5000)
    await trx('referral_slots')
      .insert(rows.slice(i, i + 5000))
      .onConflict(['department_id', 'starts_at'])
      .ignore();
  return rows.length;
}

export const referralsDemo: DemoStep = {
  name: 'referrals',
  run: async (trx: Knex.Transaction, ctx: DemoContext) => {
    const result = await generateReferrals(trx, ctx.units, { count: Math.round(REFERRALS_PER_YEAR * ctx.scale), today: ctx.today });
    const slots = ctx.scale > 0 ? await publishAhead(trx, ctx.today) : 0;
    return { ...result, slots_published: slots };
  },
};
