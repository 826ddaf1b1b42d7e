// Village doctors' monthly targets over HTTP on a real database, on a fixture township whose
// records are arranged by hand: tasks due this month and last, follow-ups that completed some,
// contracts signed and ending. The doctor's own view (home page) and the township's view (the GP's
// screen) both equal the count made here by hand; goals set as configuration, with 4xx naming the field.
import { expect } from 'chai';
import { call, get, post, put, unitId, type AnswerOf, type Json, type LoginAnswer, type Problem } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import type { UserRow } from '../auth';
import { db } from '../db/knex';
import type { OrgUnit } from '../org';
import type { DoctorTarget, Resident } from './model';
import type { signContract } from './contractService';
import type { createTarget, myTargets, targetsView } from './targetService';
import type { createTeam } from './teamService';
import { checkDigit } from '../core/personalId';
import { addDays, monthRange, previousMonth } from '../core/clock';
import * as clock from '../core/clock';

const today = clock.today();
const M = today.slice(0, 7);
const L = previousMonth(M);
const m = monthRange(M);
const l = monthRange(L);
// the month before last: with last month and this one, a quarter's window (this month its third)
const p = monthRange(previousMonth(L));
const year = Number(today.slice(0, 4));

let serial = 0;
function idNumber(birth: string) {
  serial += 1;
  const first17 = `630108${birth.replace(/-/g, '')}${String(serial * 2 + 1).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
async function bearer(username: string, password: string) {
  const r = await post<LoginAnswer>('/api/auth/login', { username, password });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return { authorization: `Bearer ${r.body.token}` };
}

describe('village doctors’ targets (HTTP, real database)', () => {
  const pw = 'testpass123';
  let township: number;
  let village: number;
  let quiet: number;
  let doctor: number;
  let other: number;
  let doctorAuth: Record<string, string>;
  let gpAuth: Record<string, string>;
  const r: Record<string, number> = {};

  before(async function () {
    this.timeout(120_000);
    const b1 = await unitId('B1');
    township = (await post<Json<OrgUnit>>('/api/org-units', { code: 'TG1', name: '目标乡卫生院', kind: 'township', parent_id: b1 }, { as: 'admin' })).body.id;
    village = (await post<Json<OrgUnit>>('/api/org-units', { code: 'VG1', name: '目标甲村卫生室', kind: 'village', parent_id: township }, { as: 'admin' })).body
      .id;
    quiet = (await post<Json<OrgUnit>>('/api/org-units', { code: 'VG2', name: '目标乙村卫生室', kind: 'village', parent_id: township }, { as: 'admin' })).body
      .id;
    const user = async (username: string, roles: string[], unit: number) =>
      (await post<Json<UserRow<'id'>>>('/api/users', { username, display_name: username, roles, org_unit_id: unit, password: pw }, { as: 'admin' })).body.id;
    const gp = await user('gp-tg1', ['staff_clerk'], township);
    doctor = await user('doctor-VG1', ['village_doctor'], village);
    other = await user('doctor-VG2', ['village_doctor'], quiet);
    doctorAuth = await bearer('doctor-VG1', pw);
    gpAuth = await bearer('gp-tg1', pw);
    const team = await post<AnswerOf<typeof createTeam>>(
      '/api/family-doctor-teams',
      {
        org_unit_id: township,
        code: 'FDT-TG1-01',
        name: '目标甲村团队',
        village_ids: [village],
        members: [
          { user_id: gp, role: 'general_practitioner', is_leader: true },
          { user_id: doctor, role: 'village_doctor' },
        ],
      },
      { as: 'admin' },
    );
    expect(team.status, JSON.stringify(team.body)).to.equal(200);

    // four hypertension patients and a child of three; the tasks the schedules made are cancelled,
    // so that the month's tasks are only those arranged below
    const hypertension = [{ code: 'hypertension', diagnosed_on: `${year - 3}-01-10` }];
    for (const [key, birth, conditions] of [
      ['r1', `${year - 60}-02-02`, hypertension],
      ['r2', `${year - 58}-02-02`, hypertension],
      ['r3', `${year - 56}-02-02`, hypertension],
      ['r4', `${year - 54}-02-02`, hypertension],
      ['kid', `${year - 3}-02-02`, []],
    ] as const) {
      const res = await post<Json<Resident>>('/api/residents', { name: key, id_number: idNumber(birth), org_unit_id: village, conditions }, { as: 'admin' });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      r[key] = res.body.id;
    }
    await db()('tasks').where('org_unit_id', village).update({ state: 'cancelled' });
    const task = (resident: number, id: string, type: string, due: string, from: string, to: string, state = 'due') => ({
      id: `${resident}-fixture-${id}`,
      org_unit_id: village,
      resident_id: resident,
      schedule_code: 'fixture',
      type,
      period: id,
      window_start: from,
      window_end: to,
      due_on: due,
      state,
    });
    await db()('tasks').insert([
      // a quarter's three follow-ups, window the month before last to this month's end, all due in
      // its first 60 days (last month), as the schedules place them; and last month's child check
      task(r.r1, 'L1', 'hypertension', addDays(l.start, 2), p.start, m.end),
      task(r.r2, 'L2', 'hypertension', addDays(l.start, 3), p.start, m.end),
      task(r.r3, 'L3', 'hypertension', addDays(l.start, 4), p.start, m.end),
      task(r.kid, 'L4', 'child', l.start, l.start, l.end),
      // this month: three follow-ups (one cancelled) and a child check
      task(r.r1, 'M1', 'hypertension', m.start, m.start, m.end),
      task(r.r2, 'M2', 'hypertension', m.start, m.start, m.end),
      task(r.r3, 'M3', 'hypertension', m.end, m.start, m.end),
      task(r.r4, 'M4', 'hypertension', m.start, m.start, m.end, 'cancelled'),
      task(r.kid, 'M5', 'child', m.start, m.start, m.end),
    ]);

    const visit = async (resident: number, type: string, on: string, taskKey: string | null) => {
      const body: Record<string, unknown> = { resident_id: resident, type, visited_on: on, ...(taskKey && { task_id: `${resident}-fixture-${taskKey}` }) };
      if (type === 'hypertension') Object.assign(body, ANSWERED, { systolic: 128, diastolic: 80 }); // controlled: no recheck task
      const res = await call('POST', '/api/followups', { headers: doctorAuth, body });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    };
    // last month: r1 and r2 visited (L1, L2 done); this month: r1, r2 (M1, M2), the child's check (M5),
    // and r4 once more with no task to answer (not counted)
    await visit(r.r1, 'hypertension', l.start, 'L1');
    await visit(r.r2, 'hypertension', l.start, 'L2');
    await visit(r.r1, 'hypertension', today, 'M1');
    await visit(r.r2, 'hypertension', today, 'M2');
    await visit(r.kid, 'child', today, 'M5');
    await visit(r.r4, 'hypertension', today, null);

    // contracts: the doctor signs r1 and r2 today and r3 on the first of last month; the child's,
    // signed by the admin a year ago, ends this month (the month's one to renew)
    const sign = async (resident: number, on: string, headers?: Record<string, string>) => {
      const res = await call<AnswerOf<typeof signContract>>('POST', '/api/contracts', {
        ...(headers ? { headers } : { as: 'admin' }),
        body: { resident_id: resident, team_id: team.body.id, package_code: 'basic', signed_on: on, start_on: on },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body;
    };
    await sign(r.r1, today, doctorAuth);
    await sign(r.r2, today, doctorAuth);
    await sign(r.r3, l.start, doctorAuth);
    const ending = await sign(r.kid, `${year - 1}${M.slice(4)}-15`);
    expect(ending.end_on.slice(0, 7)).to.equal(M);
  });

  // the hand count of the arrangement above: a window's tasks are the goal of its months, a third of
  // a quarter's each month (README, health: targets) — though none of the quarter's is due this month
  const expected = {
    this_month: {
      // M1, M2 done; goal: M1, M2, M3 (M4 cancelled) and the quarter's third of L1–L3; r4's extra visit answered no task
      followups: { done: 2, default_goal: 4 },
      contracts: { done: 2, default_goal: 1 }, // r1, r2 signed; the child's ends
      checks: { done: 1, default_goal: 1 }, // M5
    },
    last_month: {
      followups: { done: 2, default_goal: 1 }, // L1, L2 done; goal: the quarter's third of L1–L3
      contracts: { done: 1, default_goal: 0 }, // r3 signed
      checks: { done: 0, default_goal: 1 }, // L4 open
    },
  };
  type Mine = AnswerOf<typeof myTargets>;
  type Township = AnswerOf<typeof targetsView>;
  /** A row of the targets list: the goals set for a doctor and month, with the doctor's name (targetResource). */
  type TargetRow = Json<DoctorTarget> & { doctor_name: string; username: string };
  const figures = (row: Pick<Mine, 'this_month' | 'last_month'>, which: 'this_month' | 'last_month') =>
    Object.fromEntries(Object.entries(row[which].metrics).map(([k, v]) => [k, { done: v.done, default_goal: v.default_goal }]));

  it('the doctor’s own targets (home page) and the township’s view of that doctor equal the hand count, this month and last', async () => {
    const mine = await call<Mine>('GET', '/api/health/targets/mine', { headers: doctorAuth });
    expect(mine.status, JSON.stringify(mine.body)).to.equal(200);
    expect(mine.body).to.include({ month: M, previous_month: L, user_id: doctor, village_id: village });
    expect(figures(mine.body, 'this_month')).to.deep.equal(expected.this_month);
    expect(figures(mine.body, 'last_month')).to.deep.equal(expected.last_month);
    // no goals set: each goal is its default; last month is over, so below the goal is behind
    const last = mine.body.last_month.metrics;
    expect([last.followups.goal, last.followups.set, last.followups.status]).to.deep.equal([1, false, 'met']);
    expect([last.contracts.goal, last.contracts.status]).to.deep.equal([0, 'met']);
    expect(last.checks.status).to.equal('behind');
    expect(mine.body.this_month.metrics.checks.status).to.equal('met');

    const township_ = await call<Township>('GET', '/api/health/targets', { headers: gpAuth });
    expect(township_.status, JSON.stringify(township_.body)).to.equal(200);
    expect(township_.body.org_unit.id).to.equal(township);
    expect(township_.body.doctors.map((d) => d.user_id)).to.deep.equal([doctor, other]);
    const [row, quietRow] = township_.body.doctors;
    expect(row.this_month).to.deep.equal(mine.body.this_month);
    expect(row.last_month).to.deep.equal(mine.body.last_month);
    // the other village: nothing due, nothing done — every goal 0, met
    expect(Object.values(quietRow.this_month.metrics).map((p) => [p.done, p.goal, p.status])).to.deep.equal([
      [0, 0, 'met'],
      [0, 0, 'met'],
      [0, 0, 'met'],
    ]);
    // the admin asks for the township by id; a village doctor has no township view of another village
    const admin = await get<Township>('/api/health/targets', { as: 'admin', query: { org_unit_id: String(township), month: M } });
    expect(admin.body.doctors).to.deep.equal(township_.body.doctors);
    expect((await call('GET', `/api/health/targets?org_unit_id=${quiet}`, { headers: doctorAuth })).status).to.equal(404);
    expect((await get('/api/health/targets/mine', { as: 'director-T01' })).status).to.equal(403);
  });

  it('a goal set for the month replaces its default (null goes back to it); 4xx name the field; a village doctor only reads', async () => {
    const bad: [Record<string, unknown>, number, string][] = [
      [{ user_id: doctor, month: `${year}-13` }, 400, 'month'],
      [{ user_id: doctor, month: M, followups_goal: -1 }, 400, 'followups_goal'],
      [{ user_id: doctor, month: M, checks_goal: 2.5 }, 400, 'checks_goal'],
      [{ user_id: doctor, month: `${year + 2}-01` }, 400, 'month'],
      [
        { user_id: (await get<Json<UserRow<'id'>>[]>('/api/users', { as: 'admin', query: { filter: { username: 'doctor-V001' } } })).body[0].id, month: M },
        422,
        'user_id',
      ],
      [{ user_id: 999_999, month: M, followups_goal: 1 }, 422, 'user_id'],
    ];
    for (const [body, status, field] of bad) {
      const res = await call<Problem>('POST', '/api/doctor-targets', { headers: gpAuth, body });
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).to.equal(status);
      expect(res.body.error.details?.map((d) => d.field)).to.include(field);
    }
    const set = await call<AnswerOf<typeof createTarget>>('POST', '/api/doctor-targets', {
      headers: gpAuth,
      body: { user_id: doctor, month: M, followups_goal: 5, note: '重点村' },
    });
    expect(set.status, JSON.stringify(set.body)).to.equal(200);
    expect(set.body).to.include({ org_unit_id: village, month: M, followups_goal: 5, contracts_goal: null });
    const twice = await call<Problem<Record<string, unknown>>>('POST', '/api/doctor-targets', {
      headers: gpAuth,
      body: { user_id: doctor, month: M, checks_goal: 1 },
    });
    expect(twice.status).to.equal(409);
    expect(twice.body.error.details).to.include({ field: 'month', existing_id: set.body.id });
    expect((await call('POST', '/api/doctor-targets', { headers: doctorAuth, body: { user_id: doctor, month: L, followups_goal: 1 } })).status).to.equal(403);

    const mine = (await call<Mine>('GET', '/api/health/targets/mine', { headers: doctorAuth })).body;
    expect(mine.this_month.target_id).to.equal(set.body.id);
    expect(mine.this_month.metrics.followups).to.include({ done: 2, goal: 5, default_goal: 4, set: true });
    expect(mine.this_month.metrics.contracts).to.include({ goal: 1, set: false });

    // react-admin's edit form sends the whole record back
    const listed = (
      await call<TargetRow[]>('GET', `/api/doctor-targets?filter=${encodeURIComponent(JSON.stringify({ user_id: doctor }))}`, { headers: gpAuth })
    ).body;
    expect(listed[0]).to.include({ id: set.body.id, doctor_name: 'doctor-VG1', username: 'doctor-VG1' });
    const edited = await call('PUT', `/api/doctor-targets/${set.body.id}`, {
      headers: gpAuth,
      body: { ...listed[0], followups_goal: null, contracts_goal: 4 },
    });
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
    const moved = await call<Problem>('PUT', `/api/doctor-targets/${set.body.id}`, { headers: gpAuth, body: { month: L } });
    expect(moved.status).to.equal(400);
    expect(moved.body.error.details?.[0].field).to.equal('month');
    const after = (await call<Mine>('GET', '/api/health/targets/mine', { headers: doctorAuth })).body.this_month.metrics;
    expect(after.followups).to.include({ goal: 4, set: false });
    expect(after.contracts).to.include({ done: 2, goal: 4, set: true });
    expect((await call('PUT', `/api/doctor-targets/${set.body.id}`, { headers: doctorAuth, body: { checks_goal: 0 } })).status).to.equal(403);
    expect((await put(`/api/doctor-targets/${set.body.id}`, { checks_goal: 1 }, { as: 'doctor-V001' })).status).to.equal(403);
    expect((await put(`/api/doctor-targets/${set.body.id}`, { checks_goal: 1 }, { as: 'director-T01' })).status).to.equal(404);
  });
});
