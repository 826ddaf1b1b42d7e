// 远程会诊 over the demo year: townships and branches invite the HQ (or a township its branch) about
// their residents — most held, their opinion uploaded within the 24-hour norm (a few late, a few rooms
// checked late) and evaluated; the latest in every earlier state: invited, returned with its reason,
// material checked, booked for the coming days, the room ready, held and waiting for the opinion.
// Seeded (same rows every time); no two bookings of an expert or a room overlap; the timeline is
// derived in SQL from the times.
import type { Knex } from 'knex';
import type { UnitRow } from './org';
import { consultationExpertProblem, consultationFee, DEFAULT_CONSULTATION_SETTINGS, opinionDueAt, readyDueAt, slotEnd } from '../api/diagnosis';
import { staffQualifications } from '../api/hr';
import { between, pick, seeded } from '../api/shared/random';
import { dayKey, shanghaiMidnight } from '../api/core/clock';

/** Consultations a year at scale 1 (a county group's, some two hundred); at least one in every state. */
export const CONSULTATIONS_PER_YEAR = 200;

const QUESTIONS: [string, string][] = [
  ['肺部结节性质待定，是否需手术？', '右肺上叶磨玻璃结节，建议3个月后复查胸部CT，必要时上转胸外科。'],
  ['糖尿病足溃疡，换药及抗感染方案？', '清创后每日换药，加用头孢类抗感染，控制血糖，1周后复诊。'],
  ['高血压三药联合仍难控制', '建议完善继发性高血压筛查，调整为ARB+CCB+利尿剂足量。'],
  ['慢阻肺急性加重，是否需上转？', '目前可在乡镇院治疗，加强雾化及抗感染，如血氧下降即上转。'],
  ['儿童反复发热一周', '考虑EB病毒感染可能，完善血常规及肝功能，对症处理。'],
  ['腰腿痛伴下肢麻木', '腰椎间盘突出症，保守治疗2周，无效上转骨科。'],
];
/** The latest consultations, newest last: one in every state before the evaluation. */
const LATEST = ['opinion_uploaded', 'held', 'room_ready', 'scheduled', 'scheduled', 'material_checked', 'returned', 'invited'] as const;

const HOUR = 3600_000;
const at = (day: string, hour: number, minute = 0) => new Date(shanghaiMidnight(day).getTime() + hour * HOUR + minute * 60_000);

export async function seedConsultations(trx: Knex.Transaction, units: UnitRow[], today: Date, scale: number) {
  const rng = seeded(20270108);
  const hq = units.find((u) => u.kind === 'hq')!;
  const inviters = units.filter((u) => u.level === 2 || u.level === 3);
  const hosts = units.filter((u) => u.level <= 2);
  const experts = new Map<number, { id: number; name: string; title: string | null }[]>();
  for (const h of hosts) {
    const people = await staffQualifications({ workOrgUnitId: h.id }, dayKey(today), trx);
    experts.set(
      h.id,
      people.filter((p) => consultationExpertProblem(p, h.id) === null),
    );
  }
  const departments = (await trx('departments').select('id', 'name', 'org_unit_id').where('kind', 'clinical').where('active', true).orderBy('id')) as {
    id: number;
    name: string;
    org_unit_id: number;
  }[];
  const directors = new Map(
    (
      (await trx('users').select('id', 'username', 'display_name').where('username', 'like', 'director-%')) as {
        id: number;
        username: string;
        display_name: string;
      }[]
    ).map((u) => [u.username, u]),
  );
  const count = Math.max(LATEST.length + 4, Math.round(CONSULTATIONS_PER_YEAR * scale));
  const settings = DEFAULT_CONSULTATION_SETTINGS;
  const todayKey = dayKey(today);
  const now = today.getTime();
  const rows: Record<string, unknown>[] = [];
  // the bookings so far: one after the other, so that no expert's or room's two overlap
  let lastEnd = 0;
  for (let i = 0; i < count; i++) {
    const latest = i - (count - LATEST.length);
    const status = latest >= 0 ? LATEST[latest] : rng() < 0.85 ? 'evaluated' : 'opinion_uploaded';
    const from = pick(rng, inviters);
    const parent = units.find((u) => u.id === from.parent_id)!;
    const host = from.level === 3 && rng() < 0.4 ? parent : hq;
    const hostExperts = experts.get(host.id) ?? [];
    const hostDepartments = departments.filter((d) => d.org_unit_id === host.id);
    const expert = hostExperts.length && rng() < 0.8 ? pick(rng, hostExperts) : null;
    const department = hostDepartments.length && (!expert || rng() < 0.5) ? pick(rng, hostDepartments) : null;
    if (!expert && !department) continue;
    const resident = (await trx('residents as r')
      .join('org_units as u', 'u.id', 'r.org_unit_id')
      .select('r.id', 'r.name', 'r.sex', 'r.birth_date', 'r.id_number_hash', 'r.id_number_masked')
      .whereRaw('u.path <@ ?::ltree', [from.path])
      .whereNull('r.deregistered_on')
      .orderBy('r.id')
      .offset(between(rng, 0, 20))
      .first()) as { id: number; name: string; sex: string; birth_date: string; id_number_hash: string; id_number_masked: string } | undefined;
    if (!resident) continue;
    const doctor = directors.get(`director-${from.code}`);
    const [question, opinion] = pick(rng, QUESTIONS);
    // when: spread over the year for the finished ones; the latest around today
    const halfHours = between(rng, 1, 2);
    let invited: Date;
    let start: Date | null = null;
    if (latest < 0) {
      invited = at(dayKey(new Date(now - (365 - Math.floor((i / count) * 355)) * 24 * HOUR)), between(rng, 8, 16), 0);
      start = at(dayKey(new Date(invited.getTime() + between(rng, 1, 3) * 24 * HOUR)), between(rng, 9, 16), pick(rng, [0, 30]));
    } else {
      const slotDay = { opinion_uploaded: -5, held: -1, room_ready: 1, scheduled: 2 + latest - 3 }[status as string];
      invited = new Date(now - (slotDay != null ? Math.max(2, 3 - slotDay) : status === 'invited' ? 0.1 : 1) * 24 * HOUR);
      if (slotDay != null) start = at(dayKey(new Date(now + slotDay * 24 * HOUR)), status === 'room_ready' ? 9 : 14, 0);
    }
    if (start && start.getTime() < lastEnd) start = new Date(lastEnd + 30 * 60_000);
    if (start) lastEnd = slotEnd(start, halfHours).getTime();
    const end = start && slotEnd(start, halfHours);
    const booked = start != null;
    const checked = status !== 'invited' && status !== 'returned';
    const readyLate = rng() < 0.1;
    const readyAt =
      booked && status !== 'scheduled'
        ? new Date(Math.min(now, readyDueAt(start!, settings).getTime() + (readyLate ? 10 : -between(rng, 5, 30)) * 60_000))
        : null;
    const held = booked && ['held', 'opinion_uploaded', 'evaluated'].includes(status);
    const opinionHours = rng() < 0.1 ? between(rng, 25, 40) : between(rng, 2, 20);
    const opinionAt = held && status !== 'held' ? new Date(end!.getTime() + opinionHours * HOUR) : null;
    const evaluatedAt = status === 'evaluated' ? new Date(opinionAt!.getTime() + between(rng, 2, 30) * HOUR) : null;
    const hostDirector = directors.get(`director-${host.code}`);
    rows.push({
      status,
      from_org_unit_id: from.id,
      from_unit_name: from.name,
      from_level: from.level,
      from_doctor_id: doctor?.id ?? null,
      from_doctor_name: doctor?.display_name ?? `${from.name}医生`,
      resident_id: resident.id,
      patient_name: resident.name,
      patient_sex: resident.sex,
      patient_birth_date: resident.birth_date,
      patient_id_number_hash: resident.id_number_hash,
      patient_id_number_masked: resident.id_number_masked,
      question,
      host_org_unit_id: host.id,
      host_unit_name: host.name,
      host_department_id: department?.id ?? null,
      host_department_name: department?.name ?? null,
      expert_staff_id: expert?.id ?? null,
      expert_name: expert?.name ?? null,
      expert_title: expert?.title ?? null,
      invited_at: invited,
      checked_at: checked ? new Date(invited.getTime() + between(rng, 1, 6) * HOUR) : null,
      checked_by_name: checked ? (hostDirector?.display_name ?? host.name) : null,
      returned_at: status === 'returned' ? new Date(invited.getTime() + 2 * HOUR) : null,
      return_reason: status === 'returned' ? '缺近期影像资料，请补充胸部CT后重新提交' : null,
      slot_start: start,
      slot_end: end,
      half_hours: booked ? halfHours : null,
      room: booked ? (host.id === hq.id ? '远程会诊中心1室' : '远程会诊室') : null,
      fee_per_half_hour: booked ? settings.fee_per_half_hour : null,
      fee: booked ? consultationFee(settings.fee_per_half_hour, halfHours) : null,
      scheduled_at: booked ? new Date(Math.min(invited.getTime() + 8 * HOUR, now)) : null,
      ready_due_at: booked ? readyDueAt(start!, settings) : null,
      opinion_due_at: booked ? opinionDueAt(end!, settings) : null,
      room_person: readyAt ? '会诊中心护士' : null,
      equipment_check: readyAt ? '视频终端、音频、PACS 调阅均正常' : null,
      ready_at: readyAt,
      held_at: held ? start : null,
      opinion: opinionAt ? opinion : null,
      opinion_at: opinionAt,
      opinion_by_name: opinionAt ? (expert?.name ?? department?.name ?? host.name) : null,
      evaluation_score: evaluatedAt ? between(rng, 3, 5) : null,
      evaluation_note: evaluatedAt ? '意见明确，可操作' : null,
      evaluated_at: evaluatedAt,
      evaluated_by_name: evaluatedAt ? (doctor?.display_name ?? null) : null,
    });
  }
  await trx.batchInsert('diagnosis_consultations', rows, 500);
  for (const [kind, column, to] of [
    ['invited', 'invited_at', 'invited'],
    ['return', 'returned_at', 'returned'],
    ['check', 'checked_at', 'material_checked'],
    ['schedule', 'scheduled_at', 'scheduled'],
    ['ready', 'ready_at', 'room_ready'],
    ['hold', 'held_at', 'held'],
    ['opinion', 'opinion_at', 'opinion_uploaded'],
    ['evaluate', 'evaluated_at', 'evaluated'],
  ] as const) {
    await trx.raw(
      `insert into diagnosis_consultation_events (consultation_id, kind, to_status, actor_name, at, note)
       select id, ?, ?, case when ? in ('invited', 'evaluate') then from_doctor_name else host_unit_name end, ${column},
              case ? when 'invited' then question when 'return' then return_reason when 'opinion' then opinion when 'ready' then room_person || ': ' || equipment_check end
         from diagnosis_consultations where ${column} is not null`,
      [kind, to, kind, kind],
    );
  }
  return { consultations: rows.length, states: new Set(rows.map((r) => r.status)).size, today: todayKey };
}
