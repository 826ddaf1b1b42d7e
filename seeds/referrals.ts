// A year of two-way referrals shaped like the reference group, drawn from the diagnosis →
// department → urgency table (referralPaths.ts): mostly village/township → branch → HQ, the green
// channel straight to the HQ, a smaller stream down for rehabilitation and chronic care (townships
// to their villages too), some out of the county; patients who fit the diagnosis (a delivery a
// young woman); answer times log-normal around each urgency's median; a few stuck routine requests,
// escalated. Seeded (same rows every time), inserted in bulk; the events, slots, escalations and
// managing-unit history are derived in SQL from the referrals' times.
import type { Knex } from 'knex';
import type { DemoContext, DemoStep } from './demo';
import type { UnitRow } from './org';
import { between, pick, seeded, weighted, type Rng } from '../api/shared/random';
import { protectIdNumber } from '../api/core/personalId';
import { drawBirth, idNumberFor } from './people';
import { toFen } from '../api/shared/money';
import { DEFAULT_SETTINGS, computeFees, dueAt, slotStarts, storedFees, type Urgency } from '../api/referrals';
import { syncManagingUnits } from '../api/health';
import type { PersonGroup } from './claimsMix';
import { personName, tibetanName, tibetanShare, type Sex } from './names';
import { departmentAt, REFERRAL_PATHS, type Place, type ReferralPath } from './referralPaths';
import { dayKey, shanghaiMidnight } from '../api/core/clock';

/** Referrals a year at scale 1 (the reference county: ~450,000 people, 289 village clinics). */
export const REFERRALS_PER_YEAR = 20_000;

const REJECT = ['本院床位已满，建议转其他分院', '专科医生外出，建议改约'];
const REJECT_ROUTINE = '病情不符合转诊指征，建议基层继续治疗';
const CANCEL = ['患者放弃转诊', '患者病情好转', '患者自行前往其他医院'];

/** [group, youngest, oldest, sex] of the patients from outside the health records (PEOPLE's groups). */
const EXTERNAL_GROUPS: [PersonGroup, number, number, 'M' | 'F' | null][] = [
  ['child', 0, 14, null],
  ['young_woman', 18, 44, 'F'],
  ['young_man', 18, 44, 'M'],
  ['older_woman', 45, 88, 'F'],
  ['older_man', 45, 88, 'M'],
];

interface Patient {
  resident_id: number | null;
  patient_name: string;
  patient_sex: string;
  patient_birth_date: string;
  patient_id_number_hash: string;
  patient_id_number_masked: string;
  patient_id_number_cipher: string | null;
  /** condition codes and tags, to find a patient for a diagnosis */
  marks: string[];
}

export interface GenerateOptions {
  count: number;
  today: Date;
  seed?: number;
  /** share of stuck requests (left unanswered long past their service level) */
  stuckShare?: number;
}

/**
 * The group a person of `sex` born on `birth` falls in over the year before `day`, when their
 * referrals were made: a 15-year-old today was 14 a year ago, still a child.
 */
/** The health records a referral's patient is drawn from: the key tags and the condition codes beside them. */
interface ResidentRow {
  id: number;
  org_unit_id: number;
  name: string;
  sex: string;
  birth_date: string;
  id_number_hash: string;
  id_number_masked: string;
  tags: string[] | null;
  conditions: string[] | null;
}

function groupOf(sex: string, birth: string, day: string): PersonGroup {
  const age = Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(5) < birth.slice(5) ? 1 : 0);
  if (age < 16) return 'child';
  if (age < 45) return sex === 'F' ? 'young_woman' : 'young_man';
  return sex === 'F' ? 'older_woman' : 'older_man';
}

/**
 * Minutes until the receiving unit answers, drawn from a log-normal around the urgency's median:
 * the green channel in minutes, urgent requests within the hour, routine ones within the working
 * day; one or two in a hundred answered past the service level (30 min, 2 h, a day).
 */
export const ANSWER_MEDIAN_MINUTES: Record<Urgency, number> = { emergency: 6, urgent: 25, routine: 180 };
const ANSWER_SIGMA: Record<Urgency, number> = { emergency: 0.7, urgent: 0.8, routine: 1 };
function answerMinutes(rng: Rng, urgency: Urgency): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(1, ANSWER_MEDIAN_MINUTES[urgency] * Math.exp(ANSWER_SIGMA[urgency] * z));
}

/** Generates and inserts `count` referrals over the year before `today` from REFERRAL_PATHS; returns how many. */
export async function generateReferrals(trx: Knex | Knex.Transaction, units: UnitRow[], opts: GenerateOptions) {
  if (opts.count <= 0) return { referrals: 0 };
  const rng = seeded(opts.seed ?? 20_181_101);
  const byId = new Map(units.map((u) => [u.id, u]));
  const ofKind = (...kinds: string[]) => units.filter((u) => kinds.includes(u.kind));
  const at: Record<Place, UnitRow[]> = {
    hq: ofKind('hq'),
    branch: ofKind('branch'),
    township: ofKind('township', 'community'),
    village: ofKind('village'),
  };
  const placeOf = (u: UnitRow): Place => (u.kind === 'community' ? 'township' : (u.kind as Place));
  const ancestors = (u: UnitRow): UnitRow[] => (u.parent_id === null ? [] : [byId.get(u.parent_id)!, ...ancestors(byId.get(u.parent_id)!)]);
  const under = (u: UnitRow, place: Place) => at[place].filter((x) => x.path.startsWith(`${u.path}.`));

  // one after another: a transaction is one connection
  const departments = await trx('departments')
    .select<{ id: number; org_unit_id: number; name: string }[]>('id', 'org_unit_id', 'name')
    .where({ active: true, kind: 'clinical' });
  const deptOf = new Map(departments.map((d) => [`${d.org_unit_id}|${d.name}`, d]));
  const users = await trx('users')
    .select<{ id: number; username: string; display_name: string }[]>('id', 'username', 'display_name')
    .where((w) => w.where('username', 'like', 'doctor-%').orWhere('username', 'like', 'director-%'));
  const today = dayKey(opts.today);
  const residents = await trx.raw<{ rows: ResidentRow[] }>(`select id, org_unit_id, name, sex, birth_date, id_number_hash, id_number_masked, tags,
                                          coalesce((select array_agg(c->>'code') from jsonb_array_elements(conditions) c), '{}') as conditions
               from (select r.*, row_number() over (partition by org_unit_id order by id) as n from residents r where deregistered_on is null) x
              where n <= 60`);
  const userOf = new Map<string, { id: number; display_name: string }>(users.map((u) => [u.username, u]));
  const residentsOf = new Map<number, Map<PersonGroup, Patient[]>>();
  for (const r of residents.rows) {
    const groups = residentsOf.get(r.org_unit_id) ?? residentsOf.set(r.org_unit_id, new Map()).get(r.org_unit_id)!;
    const g = groupOf(r.sex, r.birth_date, today);
    groups.set(g, [
      ...(groups.get(g) ?? []),
      {
        resident_id: r.id,
        patient_name: r.name,
        patient_sex: r.sex,
        patient_birth_date: r.birth_date,
        patient_id_number_hash: r.id_number_hash,
        patient_id_number_masked: r.id_number_masked,
        patient_id_number_cipher: null,
        marks: [...(r.tags ?? []), ...(r.conditions ?? [])],
      },
    ]);
  }
  // patients from outside the health records: a pool of people of each group with protected IDs; and
  // a pool of Tibetan ones, drawn from a stream of its own (so the rest of the referrals stay as they
  // were), for the patients of the townships whose people are Tibetan as often as its residents
  const perGroup = Math.min(200, Math.max(8, Math.ceil(opts.count / 100)));
  let seq = 0;
  const usedIds = new Set<string>();
  const externalPool = (draw: Rng, nameOf: (rng: Rng, sex: Sex) => string) =>
    new Map<PersonGroup, Patient[]>(
      EXTERNAL_GROUPS.map(([group, youngest, oldest, fixedSex]) => [
        group,
        Array.from({ length: perGroup }, () => {
          const sex = fixedSex ?? (draw() < 0.5 ? 'M' : 'F');
          const { birth } = drawBirth(draw, Number(today.slice(0, 4)) - 1, youngest, oldest);
          seq += 1;
          const p = protectIdNumber(idNumberFor('630121', birth, sex, 5 * (seq % 100) + (seq % 5), usedIds));
          return {
            resident_id: null,
            patient_name: nameOf(draw, sex),
            patient_sex: sex,
            patient_birth_date: birth,
            patient_id_number_hash: p.id_number_hash,
            patient_id_number_masked: p.id_number_masked,
            patient_id_number_cipher: p.id_number_cipher,
            marks: [],
          };
        }),
      ]),
    );
  const externals = externalPool(rng, personName);
  const tibetanRng = seeded((opts.seed ?? 20_181_101) + 17);
  const tibetans = externalPool(tibetanRng, tibetanName);
  const patientFor = (path: ReferralPath, from: UnitRow, to: UnitRow | null): Patient => {
    // residents live in villages: the sending village itself, else one under the sending unit (or, going down, the receiving one)
    const home = from.kind === 'village' ? [from] : to?.kind === 'village' ? [to] : under(to && to.level > from.level ? to : from, 'village');
    const group = pick(rng, path.who);
    const village = home.length ? pick(rng, home) : undefined;
    const pool = village ? (residentsOf.get(village.id)?.get(group) ?? []) : [];
    const marked = path.tag ? pool.filter((p) => p.marks.includes(path.tag!)) : [];
    const r = rng();
    if (marked.length && r < 0.9) return pick(rng, marked);
    if (pool.length && r < (path.tag ? 0.6 : 0.85)) return pick(rng, pool);
    const external = pick(rng, externals.get(group)!);
    const township = village?.parent_id == null ? undefined : byId.get(village.parent_id)?.code;
    return tibetanRng() < tibetanShare(township) ? pick(tibetanRng, tibetans.get(group)!) : external;
  };

  const now = opts.today.getTime();
  const yearMs = 365 * 86_400_000;
  const stuck = Math.max(opts.count >= 50 ? 1 : 0, Math.round(opts.count * (opts.stuckShare ?? 0.002)));
  const rows: Record<string, unknown>[] = [];
  const routine = REFERRAL_PATHS.filter((p) => p.urgency === 'routine' && p.direction === 'up');
  for (let i = 0; i < opts.count; i++) {
    const isStuck = i < stuck;
    // a stuck request is a routine one: nothing urgent is left unanswered for days
    const paths = isStuck ? routine : REFERRAL_PATHS;
    const path =
      paths[
        weighted(
          rng,
          paths.map((p) => p.weight),
        )
      ];
    const [fromPlace, toPlace] =
      path.routes[
        weighted(
          rng,
          path.routes.map(([, , w]) => w),
        )
      ];
    const from = pick(rng, at[fromPlace]);
    const to: UnitRow | null =
      toPlace === 'out'
        ? null
        : toPlace === 'hq'
          ? at.hq[0]
          : path.direction === 'up'
            ? ancestors(from).find((u) => placeOf(u) === toPlace)!
            : pick(rng, fromPlace === 'hq' ? at[toPlace] : under(from, toPlace));
    // daytime requests, spread over the year (emergencies at any hour); stuck ones are 3–20 days old
    const dayStart = shanghaiMidnight(dayKey(new Date(isStuck ? now - between(rng, 3, 20) * 86_400_000 : now - rng() * yearMs))).getTime();
    const hour = path.urgency === 'emergency' ? rng() * 24 : 7.5 + rng() * 11;
    const requested = new Date(Math.min(now - 60_000, dayStart + hour * 3_600_000));
    const urgency = path.urgency;
    const purpose = path.purpose;
    const paid =
      path.direction === 'up' && purpose === 'inpatient' && from.level <= 3 && from.level >= 2 && rng() < 0.4
        ? toFen(DEFAULT_SETTINGS.inpatientThreshold[String(from.level) as '2' | '3'])
        : 0n;
    const fees = computeFees({ direction: path.direction, purpose, toLevel: to?.level ?? null, thresholdPaidBefore: paid }, DEFAULT_SETTINGS);
    const due = dueAt(requested, urgency, DEFAULT_SETTINGS);
    const doctor = userOf.get(from.kind === 'village' ? `doctor-${from.code}` : `director-${from.code}`);
    const deptName = to ? departmentAt(path, placeOf(to)) : null;
    const dept = to && deptName ? deptOf.get(`${to.id}|${deptName}`) : undefined;
    if (to && deptName && !dept) throw new Error(`referrals demo: ${to.name} has no ${deptName} for ${path.code}`);

    const answered = isStuck ? Infinity : requested.getTime() + answerMinutes(rng, urgency) * 60_000;
    // the green channel takes every patient; a routine request may be turned down as not needing it
    const outcome = weighted(rng, urgency === 'emergency' ? [99, 0, 1] : [91, 4, 5]); // accepted, rejected, cancelled before an answer
    const r: Record<string, unknown> = {
      ...patientFor(path, from, to),
      from_org_unit_id: from.id,
      from_unit_name: from.name,
      from_level: from.level,
      from_doctor_id: doctor?.id ?? null,
      from_doctor_name: doctor?.display_name ?? `${from.name}医生`,
      to_org_unit_id: to?.id ?? null,
      to_unit_name: to?.name ?? pick(rng, path.hospitals ?? ['青海省人民医院']),
      to_level: to?.level ?? null,
      to_department_id: null,
      to_department_name: null,
      direction: path.direction,
      urgency,
      purpose,
      diagnosis_code: path.code,
      diagnosis_text: path.text,
      reason: path.reason,
      summary: path.summary,
      status: 'requested',
      fees: storedFees(fees),
      requested_at: requested.toISOString(),
      due_at: due.toISOString(),
    };
    delete r.marks;
    if (path.direction === 'out') r.to_external_name = r.to_unit_name;
    if (answered <= now) {
      if (outcome === 1)
        Object.assign(r, {
          status: 'rejected',
          answered_at: iso(answered),
          closed_at: iso(answered),
          status_reason: urgency === 'routine' ? pick(rng, [...REJECT, REJECT_ROUTINE]) : pick(rng, REJECT),
        });
      else if (outcome === 2) Object.assign(r, { status: 'cancelled', closed_at: iso(answered), status_reason: pick(rng, CANCEL) });
      else {
        // green channel at once; urgent within hours; others the next free half hour within two days (a village: the home visit)
        const appointment =
          urgency === 'emergency' || path.direction === 'out' ? answered : slotAfter(answered + between(rng, 1, urgency === 'urgent' ? 3 : 48) * 3_600_000);
        Object.assign(r, {
          status: 'accepted',
          answered_at: iso(answered),
          accepted_at: iso(answered),
          appointment_at: iso(appointment),
          to_department_id: dept?.id ?? null,
          to_department_name: dept?.name ?? null,
        });
        const arrived = Math.max(appointment, answered) + rng() * (urgency === 'emergency' ? 1_800_000 : 3_600_000);
        if (arrived <= now && rng() < 0.97) {
          Object.assign(r, { status: 'arrived', arrived_at: iso(arrived) });
          const completed =
            arrived + (purpose === 'inpatient' || path.direction === 'down' ? between(rng, 3, 14) * 86_400_000 : between(rng, 1, 8) * 3_600_000);
          if (completed <= now) Object.assign(r, { status: 'completed', completed_at: iso(completed) });
        } else if (arrived <= now) {
          Object.assign(r, { status: 'cancelled', closed_at: iso(arrived), status_reason: '患者未按预约到院' });
        }
      }
    }
    rows.push(r);
  }
  // one open referral per patient, as the service enforces: later duplicates become external patients of the same group
  const open = new Set<string>();
  const spare = new Map<string, number>();
  for (const r of rows) {
    if (!['requested', 'accepted', 'arrived'].includes(r.status as string)) continue;
    const group = groupOf(String(r.patient_sex), String(r.patient_birth_date), today);
    const pool = externals.get(group)!;
    while (open.has(String(r.patient_id_number_hash)) && (spare.get(group) ?? 0) < pool.length) {
      const { marks: _m, ...p } = pool[spare.get(group) ?? 0];
      spare.set(group, (spare.get(group) ?? 0) + 1);
      Object.assign(r, p);
    }
    open.add(String(r.patient_id_number_hash));
  }

  // what follows derives from these rows only: ids from `first` on
  const {
    rows: [{ first }],
  } = await trx.raw<{ rows: { first: number }[] }>('select coalesce(max(id), 0) + 1 as first from referrals');
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
  const depts = (
    await trx.raw<{
      rows: { id: number; org_unit_id: number; capacity: number }[];
    }>(`select d.id, d.org_unit_id, case u.kind when 'hq' then 4 when 'branch' then 3 else 2 end as capacity
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
