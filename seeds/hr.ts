// The demo staff registry: ≈1,500 at the HQ, ≈400 per branch, ≈40 per township centre, one or
// two village doctors per village (乡聘村用, employed by the township); realistic titles, posts,
// licences (a few about to expire), last year's approved assessment, village-doctor contracts,
// and the rotation plans: last year's completed, this year's 18 + 30 down with the matching up.
// Deterministic (seeded), dated relative to ctx.today, bulk inserts only.
import type { Knex } from 'knex';
import { addDays, addYears, excellentQuota, LADDER_OF, LADDERS, type Category, REFERENCE_QUOTAS, statusOn } from '../api/hr';
import { protectIdNumber } from '../api/core/personalId';
import { drawBirth, idNumberFor } from './people';
import { insertColumns } from './sql';
import { between, pick, seeded, weighted } from '../api/shared/random';
import type { DemoContext, DemoStep } from './demo';
import type { UnitRow } from './org';
import { dayKey } from '../api/core/clock';
import { personName } from './names';

/** Category mix of a hospital's staff by level (HQ, branch, township). */
const CATEGORY_MIX: Record<number, [Category, number][]> = {
  1: [
    ['doctor', 36],
    ['nurse', 42],
    ['pharmacist', 5],
    ['technician', 8],
    ['public_health', 2],
    ['admin', 7],
  ],
  2: [
    ['doctor', 35],
    ['nurse', 40],
    ['pharmacist', 6],
    ['technician', 8],
    ['public_health', 3],
    ['admin', 8],
  ],
  3: [
    ['doctor', 38],
    ['nurse', 25],
    ['pharmacist', 8],
    ['technician', 7],
    ['public_health', 14],
    ['admin', 8],
  ],
};
/** Title weights senior → junior (正高, 副高, 中级, 师, 士) per level: seniors concentrate at the HQ. */
const TITLE_WEIGHTS: Record<number, number[]> = { 1: [7, 16, 34, 31, 12], 2: [2, 10, 33, 40, 15], 3: [0, 2, 20, 48, 30] };
const DEPT_KINDS: Record<Category, string[]> = {
  doctor: ['clinical'],
  nurse: ['nursing', 'clinical'],
  pharmacist: ['pharmacy'],
  technician: ['medical_technology'],
  public_health: ['public_health', 'clinical'],
  admin: ['administration'],
  village_doctor: [],
};
const LICENCE_OF: Partial<Record<Category, string>> = {
  doctor: 'physician',
  public_health: 'physician',
  nurse: 'nurse',
  pharmacist: 'pharmacist',
  technician: 'technician',
  village_doctor: 'village_doctor',
};
const CLINICAL: Category[] = ['doctor', 'nurse', 'technician', 'public_health'];

interface StaffSeed {
  idx: number;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  id_number: string;
  phone: string;
  category: Category;
  title: string | null;
  rank: number; // 0 = most senior
  department_id: number | null;
  post_id: number | null;
  employment_type: string;
  employer_org_unit_id: number;
  work_org_unit_id: number;
  hire_date: string;
  status: 'active' | 'on_leave' | 'left';
  leave_reason: string | null;
  left_on: string | null;
  user_id: number | null;
  level: number;
}

export async function seedHr(trx: Knex.Transaction, ctx: DemoContext) {
  const rng = seeded(4004);
  const today = dayKey(ctx.today);
  const year = Number(today.slice(0, 4));
  const usedIds = new Set<string>();
  const byId = new Map(ctx.units.map((u) => [u.id, u]));
  const departments: { id: number; org_unit_id: number; name: string; kind: string }[] = await trx('departments').select('id', 'org_unit_id', 'name', 'kind');
  const deptsOf = new Map<number, typeof departments>();
  for (const d of departments) deptsOf.set(d.org_unit_id, [...(deptsOf.get(d.org_unit_id) ?? []), d]);

  const people: StaffSeed[] = [];
  const person = (unit: UnitRow, category: Category, workUnit: UnitRow, employment: string): StaffSeed => {
    const sex: 'M' | 'F' = category === 'nurse' ? (rng() < 0.92 ? 'F' : 'M') : rng() < 0.5 ? 'M' : 'F';
    const { age, birth } = drawBirth(rng, year, 23, 59);
    const ladder = LADDER_OF[category];
    const levelWeights = TITLE_WEIGHTS[Math.min(unit.level, 3)];
    // older people hold higher titles: shift the draw by age
    let rank = ladder ? weighted(rng, levelWeights) : 4;
    if (ladder && age < 30) rank = Math.max(rank, 3);
    if (ladder && age > 50 && rank > 2) rank -= 1;
    const steps = ladder ? (LADDERS[ladder] as readonly string[]) : [];
    const title =
      category === 'village_doctor' ? (rng() < 0.15 ? 'assistant_physician' : 'village_doctor') : ladder ? steps[Math.min(rank, steps.length - 1)] : null;
    const kinds = DEPT_KINDS[category];
    const depts = (deptsOf.get(unit.id) ?? []).filter((d) => kinds.includes(d.kind));
    const preferred = depts.filter((d) => d.kind === kinds[0]);
    const hireAge = between(rng, 22, Math.max(22, Math.min(age, 30)));
    const hire = addDays(`${year - age + hireAge}-09-01`, between(rng, 0, 300));
    const s: StaffSeed = {
      idx: people.length,
      name: personName(rng, sex),
      sex,
      birth_date: birth,
      // the sequence's last digit drawn (odd for a man, even for a woman), the next free one on a clash
      id_number: idNumberFor(unit.level === 1 ? '630103' : '630121', birth, sex, between(rng, 0, 99) * 5 + pick(rng, [0, 1, 2, 3, 4]), usedIds),
      phone: `1${pick(rng, ['39', '58', '87', '35', '51'])}${String(between(rng, 0, 99_999_999)).padStart(8, '0')}`,
      category,
      title,
      rank: ladder ? rank : 9,
      department_id: (preferred.length ? pick(rng, preferred) : depts.length ? pick(rng, depts) : null)?.id ?? null,
      post_id: null,
      employment_type: employment,
      employer_org_unit_id: unit.id,
      work_org_unit_id: workUnit.id,
      hire_date: hire > today ? today : hire,
      status: 'active',
      leave_reason: null,
      left_on: null,
      user_id: null,
      level: unit.level,
    };
    // a few on leave, a few who left (retired or resigned) — they stay in the registry with the reason
    const r = rng();
    if (r < 0.01) s.status = 'on_leave';
    else if (r < 0.018) {
      // never before the hire: someone hired lately left a few months in
      const left = addDays(today, -between(rng, 10, 700));
      Object.assign(s, {
        status: 'left',
        leave_reason: age > 55 ? 'retired' : 'resigned',
        left_on: left > s.hire_date ? left : addDays(s.hire_date, 90) < today ? addDays(s.hire_date, 90) : today,
      });
    }
    people.push(s);
    return s;
  };

  const sizes: Record<string, [number, number]> = { hq: [1500, 50], branch: [400, 60], township: [40, 8], community: [40, 8] };
  for (const unit of ctx.units) {
    const size = sizes[unit.kind];
    if (size) {
      const n = Math.max(size[1], Math.round(size[0] * ctx.scale));
      const mix = CATEGORY_MIX[unit.level];
      for (let i = 0; i < n; i++)
        person(
          unit,
          mix[
            weighted(
              rng,
              mix.map(([, w]) => w),
            )
          ][0],
          unit,
          rng() < (unit.level === 3 ? 0.7 : 0.65) ? 'establishment' : 'contract',
        );
    } else if (unit.kind === 'village') {
      const township = byId.get(unit.parent_id!)!;
      const doctors = ctx.scale >= 0.5 && rng() < 0.45 ? 2 : 1;
      for (let i = 0; i < doctors; i++) {
        const d = person(township, 'village_doctor', unit, 'township_hired');
        Object.assign(d, { status: 'active', leave_reason: null, left_on: null, department_id: null });
      }
    }
  }

  // the village doctors' logins (doctor-V001 …) are linked to the first doctor of their village
  const logins: { id: number; org_unit_id: number }[] = await trx('users')
    .select('id', 'org_unit_id')
    .whereLike('username', 'doctor-%')
    .whereRaw("'village_doctor' = any(roles)");
  const loginOf = new Map(logins.map((u) => [u.org_unit_id, u.id]));
  for (const p of people) {
    if (p.category === 'village_doctor' && loginOf.has(p.work_org_unit_id)) {
      p.user_id = loginOf.get(p.work_org_unit_id)!;
      loginOf.delete(p.work_org_unit_id);
    }
  }

  // posts (岗位): one per unit, department and category, sanctioned a little above the people on it
  const postKey = (p: StaffSeed) => `${p.employer_org_unit_id}|${p.department_id ?? ''}|${p.category}`;
  const groups = new Map<string, StaffSeed[]>();
  for (const p of people) if (p.status !== 'left') groups.set(postKey(p), [...(groups.get(postKey(p)) ?? []), p]);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const CAT_POST: Record<Category, string> = {
    doctor: '临床医师岗',
    nurse: '护理岗',
    pharmacist: '药学岗',
    technician: '医技岗',
    public_health: '公共卫生岗',
    admin: '管理岗',
    village_doctor: '乡村医生岗',
  };
  const postRows = [...groups.values()].map((g) => {
    const headcount = g.length + (rng() < 0.6 ? between(rng, 1, 2) : 0);
    return {
      org_unit_id: g[0].employer_org_unit_id,
      department_id: g[0].department_id,
      category: g[0].category,
      name: `${g[0].department_id ? deptName.get(g[0].department_id) : ''}${CAT_POST[g[0].category]}`,
      headcount,
      filled: g.length,
      status: g.length >= headcount ? 'occupied' : 'vacant',
    };
  });
  const postIds: { id: number }[] = [];
  for (let i = 0; i < postRows.length; i += 1000)
    postIds.push(
      ...(await trx('posts')
        .insert(postRows.slice(i, i + 1000))
        .returning<{ id: number }[]>('id')),
    );
  [...groups.values()].forEach((g, i) => g.forEach((p) => (p.post_id = postIds[i].id)));

  // the registry itself
  const staffRows = people.map(({ idx: _i, rank: _r, level: _l, id_number, ...p }) => ({ ...p, ...protectIdNumber(id_number) }));
  const ids: number[] = [];
  for (let i = 0; i < staffRows.length; i += 1000)
    ids.push(
      ...(
        await trx('staff')
          .insert(staffRows.slice(i, i + 1000))
          .returning('id')
      ).map((r: { id: number }) => r.id),
    );
  const idOf = (p: StaffSeed) => ids[p.idx];

  // licences: five-year registrations; a few run out within 60 days and a couple already have
  const licences: Record<string, unknown>[] = [];
  let soon = 0;
  let expired = 0;
  for (const p of people) {
    const kind = LICENCE_OF[p.category];
    if (!kind || p.status === 'left') continue;
    const r = rng();
    let expires: string;
    if (r < 0.003 || soon < 3) {
      expires = addDays(today, between(rng, 5, 55));
      soon += 1;
    } else if (r < 0.004 || expired < 2) {
      expires = addDays(today, -between(rng, 3, 40));
      expired += 1;
    } else expires = addDays(today, between(rng, 70, 1800));
    licences.push({
      staff_id: idOf(p),
      org_unit_id: p.employer_org_unit_id,
      kind,
      number: `${kind === 'village_doctor' ? 'XC' : 'ZY'}${630000 + idOf(p)}${String(p.idx % 97).padStart(2, '0')}`,
      scope: p.category === 'village_doctor' ? '乡村全科' : p.category === 'nurse' ? '护理' : p.category === 'doctor' ? '内科/外科/全科' : null,
      issued_on: addYears(expires, -5),
      expires_on: expires,
      status: 'valid',
    });
  }

  // 乡聘村用 contracts: three-year terms with the township, a few ending within 60 days
  const contracts = people
    .filter((p) => p.category === 'village_doctor')
    .map((p, i) => {
      const start = i % 25 === 0 ? addDays(addYears(today, -3), between(rng, 15, 50)) : addDays(today, -between(rng, 30, 1000));
      return {
        staff_id: idOf(p),
        employer_org_unit_id: p.employer_org_unit_id,
        work_org_unit_id: p.work_org_unit_id,
        start_on: start,
        end_on: addDays(addYears(start, 3), -1),
        status: 'active',
      };
    });

  // last year's assessment, approved: 优秀 within 20% of each unit, graded from the score
  await trx('assessment_years').insert([
    { year: year - 1, excellent_share: 0.2, status: 'approved', approved_by: 'hr', approved_at: `${year}-01-20T09:00:00+08:00` },
    { year, excellent_share: 0.2, status: 'open' },
  ]);
  const assessments: Record<string, unknown>[] = [];
  const byEmployer = new Map<number, StaffSeed[]>();
  for (const p of people)
    if (p.status !== 'left' && p.hire_date < `${year - 1}-07-01`)
      byEmployer.set(p.employer_org_unit_id, [...(byEmployer.get(p.employer_org_unit_id) ?? []), p]);
  for (const [unitId, group] of byEmployer) {
    const headcount = people.filter((p) => p.employer_org_unit_id === unitId && p.status !== 'left').length;
    const excellent = Math.min(excellentQuota(headcount, 0.2), Math.floor(group.length * 0.15));
    group.forEach((p, i) => {
      const r = rng();
      const [grade, score] =
        i < excellent
          ? ['excellent', between(rng, 90, 98)]
          : r < 0.03
            ? ['basically_qualified', between(rng, 60, 69)]
            : r < 0.04
              ? ['unqualified', between(rng, 45, 59)]
              : ['qualified', between(rng, 72, 89)];
      assessments.push({ staff_id: idOf(p), org_unit_id: unitId, year: year - 1, score, grade });
    });
  }

  // title promotion applications of this year: a few submitted, a few reviewed by their unit
  const promotions: Record<string, unknown>[] = [];
  const candidates = people.filter((p) => p.status === 'active' && p.rank >= 1 && p.rank <= 4 && LADDER_OF[p.category] && p.category !== 'village_doctor');
  for (let i = 0; i < Math.max(4, Math.round(24 * ctx.scale)) && candidates.length; i++) {
    const p = candidates.splice(Math.floor(rng() * candidates.length), 1)[0];
    const ladder = LADDERS[LADDER_OF[p.category]!] as readonly string[];
    const reviewed = i % 2 === 1;
    promotions.push({
      staff_id: idOf(p),
      org_unit_id: p.employer_org_unit_id,
      year,
      from_title: p.title,
      to_title: ladder[ladder.indexOf(p.title!) - 1],
      status: reviewed ? 'reviewed' : 'submitted',
      submitted_by: 'hr',
      note: '任现职满五年，年度考核合格',
      ...(reviewed ? { reviewed_by: `director-${byId.get(p.employer_org_unit_id)!.code}`, reviewed_at: `${today}T02:00:00Z`, unit_opinion: '同意推荐' } : {}),
    });
  }

  // rotation plans and rotations: the reference group's 18 + 30 each year, and as many sent up
  await trx('rotation_plans').insert([
    { year: year - 1, quotas: JSON.stringify(REFERENCE_QUOTAS), note: '集团年度人员上下流动计划' },
    { year, quotas: JSON.stringify(REFERENCE_QUOTAS), note: '集团年度人员上下流动计划（总院下派分院18名、分院下派乡镇卫生院30名，基层等量上派进修）' },
  ]);
  const used = new Set<number>();
  const take = (unitId: number, senior: boolean, startOn: string) => {
    const candidates = people.filter((p) => p.employer_org_unit_id === unitId && p.status === 'active' && p.category !== 'village_doctor' && !used.has(p.idx));
    // someone a year in the post by the start (a tiny demo unit may have no one else)
    const yearBefore = addDays(startOn, -365);
    const settled = candidates.filter((p) => p.hire_date <= yearBefore);
    const free = settled.length ? settled : candidates;
    // clinical staff first; a tiny demo unit may have to send someone else
    const clinical = free.filter((p) => CLINICAL.includes(p.category));
    const pool = clinical.length ? clinical : free;
    pool.sort((a, b) => (senior ? a.rank - b.rank : b.rank - a.rank) || a.idx - b.idx);
    const p = pool[Math.min(pool.length - 1, Math.floor(rng() * Math.min(pool.length, 8)))];
    if (!p) throw new Error(`hr demo: no one left to rotate in unit ${unitId}`);
    used.add(p.idx);
    return p;
  };
  const hq = ctx.units.find((u) => u.kind === 'hq')!;
  const branches = ctx.units.filter((u) => u.kind === 'branch');
  const townships = ctx.units.filter((u) => u.level === 3 && (u.kind === 'township' || u.kind === 'community'));
  const rotations: (Record<string, unknown> & {
    p: StaffSeed;
    status: string;
    home_org_unit_id: number;
    host_org_unit_id: number;
    start_on: string;
    planned_end_on: string;
  })[] = [];
  const PURPOSE = { down: '驻点服务：门诊坐诊、查房带教、规范诊疗流程', up: '进修培训：跟班学习、临床技能与管理规范' };
  for (const y of [year - 1, year]) {
    const start = () => addDays(`${y}-01-01`, between(rng, 0, 58));
    const add = (p: StaffSeed, type: string, home: number, host: number, s: string, end: string) => {
      const r = {
        staff_id: idOf(p),
        type,
        home_org_unit_id: home,
        host_org_unit_id: host,
        start_on: s,
        planned_end_on: end,
        purpose: type === 'down_expert' ? PURPOSE.down : PURPOSE.up,
      };
      const status = statusOn({ ...r, status: 'planned' }, today);
      rotations.push({ ...r, p, status, actual_end_on: status === 'completed' ? end : null });
    };
    // HQ → each branch 6 experts (18), each branch → 6 trainees to the HQ
    for (const b of branches) {
      for (let i = 0; i < 6; i++) {
        const s = start();
        add(take(hq.id, true, s), 'down_expert', hq.id, b.id, s, addDays(addYears(s, 1), -1));
        const t = start();
        add(take(b.id, false, t), 'up_training', b.id, hq.id, t, addDays(addYears(t, 1), -1));
      }
    }
    // each branch → one expert per township centre (30), each township → one trainee to its branch
    for (const t of townships) {
      const s = start();
      add(take(t.parent_id!, true, s), 'down_expert', t.parent_id!, t.id, s, addDays(addYears(s, 1), -1));
      const u = start();
      add(take(t.id, false, u), 'up_training', t.id, t.parent_id!, u, addDays(addYears(u, 1), -1));
    }
  }
  await trx.batchInsert('licences', licences, 1000);
  await trx.batchInsert('village_doctor_contracts', contracts, 1000);
  await trx.batchInsert('assessments', assessments, 2000);
  if (promotions.length) await trx('title_promotions').insert(promotions);
  const rotationIds: number[] = [];
  for (let i = 0; i < rotations.length; i += 500)
    rotationIds.push(
      ...(
        await trx('rotations')
          .insert(rotations.slice(i, i + 500).map(({ p: _p, ...r }) => r))
          .returning('id')
      ).map((r: { id: number }) => r.id),
    );
  const history = staffHistory(
    people,
    idOf,
    rotations.map((r, i) => ({ ...r, id: rotationIds[i] })),
    byId,
    deptsOf,
    today,
  );
  const hr = await trx('users').where('username', 'hr').first<{ id: number; display_name: string } | undefined>('id', 'display_name');
  // one statement over column arrays: tens of thousands of rows
  await insertColumns(
    trx,
    'staff_history',
    [
      ['staff_id', 'int'],
      ['field', 'text'],
      ['from_value', 'text'],
      ['to_value', 'text'],
      ['effective_on', 'date'],
      ['reason', 'text'],
      ['changed_at', 'timestamptz'],
      ['changed_by', 'int'],
      ['changed_by_name', 'text'],
    ],
    history.map((h) => ({ ...h, changed_by: hr?.id ?? null, changed_by_name: hr?.display_name ?? 'system' })),
    50_000,
  );
  await trx.raw(`update staff set work_org_unit_id = r.host_org_unit_id from rotations r where r.staff_id = staff.id and r.status = 'active'`);
  return {
    staff: people.length,
    posts: postRows.length,
    licences: licences.length,
    contracts: contracts.length,
    assessments: assessments.length,
    rotations: rotations.length,
  };
}

/**
 * The change history as HR would have recorded it, each row on the day it happened (changed_at that
 * morning, not the day the demo was loaded): the hire (employer, working unit, department, post, the
 * entry title, employment), title awards up the ladder to the title held now, a transfer up the
 * levels for some, the rotations' starts and ends, leaving. Reasons are the codes the API writes
 * (hired, transfer, rotation #12 started, title_review, a leave reason), shown in Chinese.
 * Its own random stream, so the rest of the HR demo stays as it was.
 */
function staffHistory(
  people: StaffSeed[],
  idOf: (p: StaffSeed) => number,
  rotations: { id: number; p: StaffSeed; status: string; home_org_unit_id: number; host_org_unit_id: number; start_on: string; planned_end_on: string }[],
  byId: Map<number, UnitRow>,
  deptsOf: Map<number, { id: number; kind: string }[]>,
  today: string,
) {
  const rng = seeded(4005);
  const rows: {
    staff_id: number;
    field: string;
    from_value: string | null;
    to_value: string | null;
    effective_on: string;
    reason: string;
    changed_at: string;
  }[] = [];
  const hist = (p: StaffSeed, field: string, from: string | number | null, to: string | number | null, on: string, reason: string) =>
    rows.push({
      staff_id: idOf(p),
      field,
      from_value: from == null ? null : String(from),
      to_value: to == null ? null : String(to),
      effective_on: on,
      reason,
      // recorded that working morning (Shanghai)
      changed_at: `${on}T${String(8 + (rows.length % 9)).padStart(2, '0')}:${String((rows.length * 7) % 60).padStart(2, '0')}:00+08:00`,
    });
  const years = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (365.25 * 86_400_000);

  const branches = [...byId.values()].filter((u) => u.kind === 'branch');
  const townshipsOf = new Map(branches.map((b) => [b.id, [...byId.values()].filter((u) => u.parent_id === b.id)]));
  for (const p of people) {
    // some of the HQ's and the county hospitals' staff came up from a unit below, years ago
    const below = p.level === 1 ? branches : p.level === 2 ? (townshipsOf.get(p.employer_org_unit_id) ?? []) : [];
    // by the end of the year before last: before any rotation of the demo's two years
    const latest = `${Number(today.slice(0, 4)) - 2}-12-31`;
    const moved = below.length > 0 && years(p.hire_date, latest) >= 3 && rng() < 0.1 ? below[Math.floor(rng() * below.length)] : null;
    const transferOn = moved ? addDays(p.hire_date, Math.round(365 * (2 + rng() * (years(p.hire_date, latest) - 2)))) : null;
    const firstDept = moved ? ((deptsOf.get(moved.id) ?? []).find((d) => d.kind === 'clinical')?.id ?? null) : p.department_id;

    hist(p, 'employer_org_unit_id', null, moved?.id ?? p.employer_org_unit_id, p.hire_date, 'hired');
    hist(p, 'work_org_unit_id', null, moved?.id ?? p.work_org_unit_id, p.hire_date, 'hired');
    if (firstDept) hist(p, 'department_id', null, firstDept, p.hire_date, 'hired');
    if (p.post_id && !moved) hist(p, 'post_id', null, p.post_id, p.hire_date, 'hired');
    hist(p, 'employment_type', null, p.employment_type, p.hire_date, 'hired');

    // the title: the ladder's entry grade at hire (士 straight from school, else 师), then a step
    // every few years up to the title held now; someone without the years came with it
    const ladder = LADDER_OF[p.category];
    const steps = ladder && ladder !== 'village' ? (LADDERS[ladder] as readonly string[]) : null;
    if (p.title && steps && steps.includes(p.title)) {
      const now = steps.indexOf(p.title);
      const hireAge = years(p.birth_date, p.hire_date);
      const entry = Math.max(now, hireAge < 24 ? steps.length - 1 : steps.length - 2);
      const served = years(p.hire_date, today);
      const awards = entry - now;
      if (awards > 0 && served >= awards * 1.5) {
        hist(p, 'title', null, steps[entry], p.hire_date, 'hired');
        const spacing = Math.min(7, served / (awards + 0.3));
        for (let k = 1; k <= awards; k++)
          hist(p, 'title', steps[entry - k + 1], steps[entry - k], addDays(p.hire_date, Math.round(365.25 * (k * spacing - rng() * 0.3))), 'title_review');
      } else hist(p, 'title', null, p.title, p.hire_date, 'hired');
    } else if (p.title) hist(p, 'title', null, p.title, p.hire_date, 'hired');

    if (moved && transferOn) {
      hist(p, 'employer_org_unit_id', moved.id, p.employer_org_unit_id, transferOn, 'transfer');
      hist(p, 'work_org_unit_id', moved.id, p.employer_org_unit_id, transferOn, 'transfer');
      if (p.department_id && firstDept !== p.department_id) hist(p, 'department_id', firstDept, p.department_id, transferOn, 'transfer');
      if (p.post_id) hist(p, 'post_id', null, p.post_id, transferOn, 'post');
    }
    if (p.status === 'left') hist(p, 'status', 'active', 'left', p.left_on!, p.leave_reason!);
  }
  // people on a running rotation work at the host (and count at both units)
  for (const r of rotations) {
    if (r.status === 'planned') continue;
    hist(r.p, 'work_org_unit_id', r.home_org_unit_id, r.host_org_unit_id, r.start_on, `rotation #${r.id} started`);
    if (r.status === 'completed')
      hist(r.p, 'work_org_unit_id', r.host_org_unit_id, r.home_org_unit_id, addDays(r.planned_end_on, 1), `rotation #${r.id} ended`);
  }
  return rows;
}

export const hrDemo: DemoStep = { name: 'hr', run: seedHr };
