// Health management over HTTP on a real database: residents and their scope, ID numbers,
// follow-ups with validation, classification and task completion, Idempotency-Key replays,
// contracts, teams, transfers, the daily job, indicators by hand count, and the workload report.
import { expect } from 'chai';
import { auditCount, call, get, post, put, unitId, type AnswerOf, type AuditRow, type Json, type LoginAnswer, type Problem } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import { readWorkbook } from '../../reports/xlsx';
import { checkDigit } from '../core/personalId';
import type { UserRow } from '../auth';
import { runJob } from '../jobs';
import type { OrgUnit } from '../org';
import type { FollowupSchedule, Followup, Resident, Task, TeamMember } from './model';
import type { signContract, terminateContract } from './contractService';
import type { createFollowup } from './followupService';
import type { readResident, revealResidentId, transferResident } from './residentService';
import type { readTask, taskSummary } from './taskService';
import type { createTeam } from './teamService';
import type { indicatorsView } from './service';
import { healthIndicators } from './service';
import { db } from '../db/knex';
import { addDays } from './rules';
import { LOOKAHEAD_DAYS } from './taskService';
import * as clock from '../core/clock';

let serial = 0;
/** A valid ID number (region 630102, not used by the demo data) for a birth date. */
function idNumber(birth: string, sex: 'M' | 'F' = 'M') {
  serial += 1;
  const seq = (serial * 2 + (sex === 'M' ? 1 : 0)) % 1000;
  const first17 = `630102${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
const today = clock.today();
const year = Number(today.slice(0, 4));
/** The first day of the quarter after the one `day` is in. */
const nextQuarterStart = (day: string) => {
  const [y, m] = day.split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
};
const yearsAgo = (n: number) => `${year - n}${today.slice(4, 8)}15`;

async function resident(as: string, extra: Record<string, unknown> = {}, birth = yearsAgo(60), sex: 'M' | 'F' = 'M') {
  const r = await post<Json<Resident>>(
    '/api/residents',
    { name: `测试${serial}`, id_number: idNumber(birth, sex), phone: '13800000000', household: 'T-1', ...extra },
    { as },
  );
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body;
}
const hypertension = { conditions: [{ code: 'hypertension', diagnosed_on: `${year - 3}-03-01` }] };
/** A row of the task list: the task with the list's columns (taskResource: the resident's name, overdue). */
type TaskRow = Json<Task> & { resident_name: string; overdue: boolean };
type Saved = AnswerOf<typeof createFollowup>;
type Indicators = AnswerOf<typeof indicatorsView>;
/** A team as created: its members are team_members rows (the service reads them with the user's names, untyped). */
type TeamAnswer = Omit<AnswerOf<typeof createTeam>, 'members'> & { members: Json<TeamMember>[] };
const count = (r: { headers: Headers }) => Number(String(r.headers.get('content-range')).split('/')[1]);
/** Headers for a fixture user (the harness logs in demo users only). */
async function bearer(username: string, password: string) {
  const r = await post<LoginAnswer>('/api/auth/login', { username, password });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return { authorization: `Bearer ${r.body.token}` };
}

describe('health management (HTTP, real database)', () => {
  let v001: number;
  let v002: number;
  before(async () => {
    v001 = await unitId('V001');
    v002 = await unitId('V002');
  });

  describe('residents', () => {
    it('registers a resident in the doctor’s own village, with birth date and sex from the ID number, the ID masked', async () => {
      const before = await auditCount();
      const id = idNumber('1958-04-02', 'F');
      const r = await post<Json<Resident>>('/api/residents', { name: '李秀英', id_number: id, ...hypertension }, { as: 'doctor-V001' });
      expect(r.status).to.equal(200);
      expect(r.body).to.include({ org_unit_id: v001, birth_date: '1958-04-02', sex: 'F', id_number_masked: `${id.slice(0, 4)}**********${id.slice(-4)}` });
      expect(r.body).not.to.have.property('id_number_cipher');
      expect(r.body).not.to.have.property('id_number_hash');
      expect(r.body.tags).to.include.members(['elderly_65', 'hypertension']);
      expect(await auditCount()).to.equal(before + 1);
    });

    it('refuses a wrong check digit (400 id_number), a birth date that contradicts the ID (400), the same ID twice (409 naming the record)', async () => {
      const good = idNumber('1970-01-01');
      const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const bad = await post<Problem>('/api/residents', { name: '张三', id_number: wrong }, { as: 'doctor-V001' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details?.[0]).to.include({ field: 'id_number' });
      const contradicts = await post<Problem>('/api/residents', { name: '张三', id_number: good, birth_date: '1971-01-01' }, { as: 'doctor-V001' });
      expect(contradicts.status).to.equal(400);
      expect(contradicts.body.error.details?.[0].field).to.equal('birth_date');
      const first = await post<Json<Resident>>('/api/residents', { name: '张三', id_number: good }, { as: 'doctor-V001' });
      expect(first.status).to.equal(200);
      const again = await post<Problem<Record<string, unknown>>>('/api/residents', { name: '张三', id_number: good.toLowerCase() }, { as: 'doctor-V001' });
      expect(again.status).to.equal(409);
      expect(again.body.error.details).to.include({ existing_id: first.body.id });
      const found = await get<Json<Resident>[]>('/api/residents', { as: 'doctor-V001', query: { filter: { id_number: good } } });
      expect(found.body.map((x) => x.id)).to.deep.equal([first.body.id]);
    });

    it('derives 65+ from the birth date and refuses it typed; disease tags come from conditions; pregnant is typed', async () => {
      const young = await post<Problem>(
        '/api/residents',
        { name: '王五', id_number: idNumber(yearsAgo(30), 'F'), tags: ['elderly_65'] },
        { as: 'doctor-V001' },
      );
      expect(young.status).to.equal(400);
      expect(young.body.error.details?.[0]).to.include({ field: 'tags.0' });
      const noCondition = await post('/api/residents', { name: '王五', id_number: idNumber(yearsAgo(30), 'F'), tags: ['diabetes'] }, { as: 'doctor-V001' });
      expect(noCondition.status).to.equal(400);
      const r = await resident('doctor-V001', { tags: ['pregnant'] }, yearsAgo(28), 'F');
      expect(r.tags).to.deep.equal(['pregnant']);
      // react-admin echoes the record back on save: the derived fields pass through unchanged
      const echoed = await put<Json<Resident>>(`/api/residents/${r.id}`, { ...r, phone: '13900000000' }, { as: 'doctor-V001' });
      expect(echoed.status, JSON.stringify(echoed.body)).to.equal(200);
      expect(echoed.body.phone).to.equal('13900000000');
    });

    it('shows the full ID only to roles that need it, and audits the read', async () => {
      const id = idNumber('1966-06-06');
      const r = await post<Json<Resident>>('/api/residents', { name: '赵六', id_number: id }, { as: 'doctor-V001' });
      const revealed = await get<AnswerOf<typeof revealResidentId>>(`/api/residents/${r.body.id}/id-number`, { as: 'doctor-V001' });
      expect(revealed.body).to.deep.equal({ id: r.body.id, id_number: id });
      const audit = await get<AuditRow[]>('/api/audit-log', {
        as: 'auditor',
        query: { filter: { resource: 'residents', record_id: String(r.body.id), action: 'reveal_id' } },
      });
      expect(audit.body).to.have.length(1);
      expect(audit.body[0].actor_name).to.equal('doctor-V001');
      expect((await get(`/api/residents/${r.body.id}/id-number`, { as: 'auditor' })).status).to.equal(403);
    });

    it('doctor-V001 cannot read, list, edit or log for a resident of V002 (404), nor register one there', async () => {
      const other = await resident('doctor-V002', hypertension);
      expect((await get(`/api/residents/${other.id}`, { as: 'doctor-V001' })).status).to.equal(404);
      expect((await put(`/api/residents/${other.id}`, { phone: '13100000000' }, { as: 'doctor-V001' })).status).to.equal(404);
      const list = await get('/api/residents', { as: 'doctor-V001', query: { filter: { id: [other.id] } } });
      expect(list.body).to.deep.equal([]);
      const visit = await post(
        '/api/followups',
        { ...ANSWERED, resident_id: other.id, type: 'hypertension', visited_on: today, systolic: 130, diastolic: 80 },
        { as: 'doctor-V001' },
      );
      expect(visit.status).to.equal(404);
      const there = await post('/api/residents', { name: '外村', id_number: idNumber('1980-02-02'), org_unit_id: v002 }, { as: 'doctor-V001' });
      expect(there.status).to.equal(404);
      expect((await get(`/api/residents/${other.id}`, { as: 'doctor-V002' })).status).to.equal(200);
    });

    it('a transfer moves the record with history; open tasks follow; the old village loses sight of it', async () => {
      const r = await resident('doctor-V001', hypertension);
      const moved = await post<AnswerOf<typeof transferResident>>(
        `/api/residents/${r.id}/transfer`,
        { to_org_unit_id: v002, reason: '搬家' },
        { as: 'doctor-V001' },
      );
      expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
      expect(moved.body).to.include({ id: r.id, org_unit_id: v002 });
      expect((await get(`/api/residents/${r.id}`, { as: 'doctor-V001' })).status).to.equal(404);
      const read = await get<Json<Resident> & AnswerOf<typeof readResident>>(`/api/residents/${r.id}`, { as: 'doctor-V002' });
      expect(read.body.transfers).to.have.length(1);
      expect(read.body.transfers[0]).to.include({ from_org_unit_id: v001, to_org_unit_id: v002 });
      const tasks = await get<TaskRow[]>('/api/tasks', { as: 'doctor-V002', query: { filter: { resident_id: r.id, bucket: 'open' } } });
      expect(tasks.body.length).to.be.greaterThan(0);
      expect(tasks.body.every((t) => t.org_unit_id === v002)).to.equal(true);
    });
  });

  describe('follow-ups and tasks', () => {
    it('names the field of a wrong measurement: systolic 400, diastolic above systolic, glucose "abc" (400)', async () => {
      const r = await resident('doctor-V001', { conditions: [...hypertension.conditions, { code: 'diabetes', diagnosed_on: `${year - 2}-05-01` }] });
      const cases: [Record<string, unknown>, string][] = [
        [{ type: 'hypertension', systolic: 400, diastolic: 90 }, 'systolic'],
        [{ type: 'hypertension', systolic: 120, diastolic: 130 }, 'diastolic'],
        [{ type: 'diabetes', fasting_glucose: 'abc' }, 'fasting_glucose'],
      ];
      for (const [body, field] of cases) {
        const res = await post<Problem>('/api/followups', { resident_id: r.id, visited_on: today, ...body }, { as: 'doctor-V001' });
        expect(res.status, field).to.equal(400);
        expect(res.body.error.details?.map((d) => d.field)).to.include(field);
      }
      const list = await get<Json<Followup>[]>('/api/followups', { as: 'doctor-V001', query: { filter: { resident_id: r.id } } });
      expect(list.body).to.deep.equal([]);
    });

    it('refuses a hypertension follow-up for a resident without hypertension (422) and a visit in the future (400)', async () => {
      const r = await resident('doctor-V001', {}, yearsAgo(40));
      expect(
        (
          await post(
            '/api/followups',
            { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: today, systolic: 130, diastolic: 80 },
            { as: 'doctor-V001' },
          )
        ).status,
      ).to.equal(422);
      const h = await resident('doctor-V001', hypertension);
      const future = await post<Problem>(
        '/api/followups',
        { ...ANSWERED, resident_id: h.id, type: 'hypertension', visited_on: addDays(today, 2), systolic: 130, diastolic: 80 },
        { as: 'doctor-V001' },
      );
      expect(future.status).to.equal(400);
      expect(future.body.error.details?.[0].field).to.equal('visited_on');
    });

    it('an uncontrolled visit (150/95) completes the task, is classified, and makes an overdue-able two-week recheck task', async () => {
      const r = await resident('doctor-V001', hypertension);
      const open = await get<TaskRow[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { resident_id: r.id, type: 'hypertension', bucket: 'open' } } });
      const task = open.body.find((t) => t.window_start <= today);
      if (!task) expect.fail('no current quarter’s task');
      expect(task.id).to.equal(`${r.id}-hypertension_quarterly-${task.period}`);
      const visitedOn = task.window_start > addDays(today, -20) ? task.window_start : addDays(today, -20);
      const res = await post<Saved>(
        '/api/followups',
        { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: visitedOn, systolic: 150, diastolic: 95, task_id: task.id },
        { as: 'doctor-V001' },
      );
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ classification: 'uncontrolled', advice: 'recheck_in_2_weeks', task_id: task.id });
      expect(res.body.task).to.include({ id: task.id, state: 'done', done_on: visitedOn });
      const read = await get<AnswerOf<typeof readTask>>(`/api/tasks/${task.id}`, { as: 'doctor-V001' });
      const history = read.body.history.map((h) => [h.reason, h.to_state]);
      expect(history[0]).to.deep.equal(['generated', task.state]);
      expect(history[history.length - 1]).to.deep.equal(['follow-up logged', 'done']);
      const recheck = await get<AnswerOf<typeof readTask>>(`/api/tasks/${r.id}-hypertension_recheck-${visitedOn}`, { as: 'doctor-V001' });
      expect(recheck.status).to.equal(200);
      expect(recheck.body).to.include({ due_on: addDays(visitedOn, 14), type: 'hypertension' });
      const many = await get<TaskRow[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { id: [task.id, recheck.body.id] } } });
      expect(many.body.map((t) => t.id).sort()).to.deep.equal([task.id, recheck.body.id].sort());
      // a visit that cannot complete the named task is refused, not silently unlinked
      const twice = await post(
        '/api/followups',
        { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: visitedOn, systolic: 130, diastolic: 80, task_id: task.id },
        { as: 'doctor-V001' },
      );
      expect(twice.status).to.equal(409);
    });

    it('a replay with the same Idempotency-Key answers the first response and creates no second record', async () => {
      const r = await resident('doctor-V001', hypertension);
      const key = `test-${r.id}-${Date.now()}`;
      const body = { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: today, systolic: 128, diastolic: 82 };
      const first = await call('POST', '/api/followups', { as: 'doctor-V001', body, headers: { 'Idempotency-Key': key } });
      expect(first.status).to.equal(200);
      const before = await auditCount();
      const replay = await call('POST', '/api/followups', { as: 'doctor-V001', body, headers: { 'Idempotency-Key': key } });
      expect(replay.status).to.equal(200);
      expect(replay.headers.get('idempotent-replayed')).to.equal('true');
      expect(replay.body).to.deep.equal(first.body);
      expect(await auditCount()).to.equal(before);
      const list = await get<Json<Followup>[]>('/api/followups', { as: 'doctor-V001', query: { filter: { resident_id: r.id } } });
      expect(list.body).to.have.length(1);
      const changed = await call('POST', '/api/followups', { as: 'doctor-V001', body: { ...body, systolic: 129 }, headers: { 'Idempotency-Key': key } });
      expect(changed.status).to.equal(422);
      // another user's key space is their own
      const malformed = await call('POST', '/api/followups', { as: 'doctor-V001', body, headers: { 'Idempotency-Key': 'x' } });
      expect(malformed.status).to.equal(400);
    });

    it('concurrent retries with one key (a dropped response retried at once) create exactly one record', async () => {
      const r = await resident('doctor-V001', hypertension);
      const key = `race-${r.id}-${Date.now()}`;
      const body = { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: today, systolic: 135, diastolic: 85 };
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => call<Saved>('POST', '/api/followups', { as: 'doctor-V001', body, headers: { 'Idempotency-Key': key } })),
      );
      expect(replies.map((x) => x.status)).to.deep.equal([200, 200, 200, 200, 200]);
      expect(new Set(replies.map((x) => x.body.id)).size).to.equal(1);
      const list = await get<Json<Followup>[]>('/api/followups', { as: 'doctor-V001', query: { filter: { resident_id: r.id } } });
      expect(list.body).to.have.length(1);
    });

    it('a failed request does not burn its key: after a 4xx the same key can carry the corrected body', async () => {
      const r = await resident('doctor-V001', hypertension);
      const key = `fix-${r.id}-${Date.now()}`;
      const first = await call('POST', '/api/followups', {
        as: 'doctor-V001',
        body: { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: today, systolic: 400, diastolic: 80 },
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).to.equal(400);
      const fixed = await call('POST', '/api/followups', {
        as: 'doctor-V001',
        body: { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: today, systolic: 140, diastolic: 80 },
        headers: { 'Idempotency-Key': key },
      });
      expect(fixed.status).to.equal(200);
    });

    it('my tasks: overdue ones first by due date, overdue flagged, filters by bucket and type', async () => {
      const r = await resident('doctor-V001', hypertension);
      const visitedOn = addDays(today, -20);
      // log an uncontrolled visit 20 days ago: its recheck was due 6 days ago
      await post(
        '/api/followups',
        { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: visitedOn, systolic: 160, diastolic: 100 },
        { as: 'doctor-V001' },
      );
      const overdue = await get<TaskRow[]>('/api/tasks', {
        as: 'doctor-V001',
        query: { filter: { bucket: 'overdue', type: 'hypertension' }, sort: ['due_on', 'ASC'], range: [0, 999] },
      });
      expect(overdue.status).to.equal(200);
      const mine = overdue.body.find((t) => t.id === `${r.id}-hypertension_recheck-${visitedOn}`);
      expect(mine).to.include({ overdue: true, due_on: addDays(visitedOn, 14), resident_name: r.name });
      const dues = overdue.body.map((t) => t.due_on);
      expect(dues).to.deep.equal([...dues].sort());
      expect(overdue.body.every((t) => t.overdue && t.org_unit_id === v001)).to.equal(true);
      const bad = await get('/api/tasks', { as: 'doctor-V001', query: { filter: { bucket: 'yesterday' } } });
      expect(bad.status).to.equal(400);
    });

    it('my task counts (GET /api/tasks/summary): today = due by today, overdue, this month, open, due today — exactly, in the caller’s scope', async () => {
      // two hypertensive residents: one's uncontrolled visit 20 days ago left a recheck due 6 days
      // ago (overdue), the other's 14 days ago a recheck due today
      const late = await resident('doctor-V001', hypertension);
      const dueNow = await resident('doctor-V001', hypertension);
      for (const [r, daysAgo] of [
        [late, 20],
        [dueNow, 14],
      ] as const) {
        const v = await post(
          '/api/followups',
          { ...ANSWERED, resident_id: r.id, type: 'hypertension', visited_on: addDays(today, -daysAgo), systolic: 162, diastolic: 98 },
          { as: 'doctor-V001' },
        );
        expect(v.status, JSON.stringify(v.body)).to.equal(200);
      }
      const lateTask = `${late.id}-hypertension_recheck-${addDays(today, -20)}`;
      const todayTask = `${dueNow.id}-hypertension_recheck-${addDays(today, -14)}`;

      // the expected counts, worked out here from every open task of the village and its dates
      const open = await get<TaskRow[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { bucket: 'open' }, range: [0, 999] } });
      expect(count(open)).to.equal(open.body.length).and.to.be.below(1000);
      const rows = open.body;
      const expected = (of: TaskRow[]) => ({
        today: of.filter((t) => t.due_on <= today).length,
        overdue: of.filter((t) => t.due_on < today).length,
        this_month: of.filter((t) => t.due_on.slice(0, 7) === today.slice(0, 7)).length,
        open: of.length,
        due_today: of.filter((t) => t.due_on === today).length,
        as_of: today,
      });
      expect(rows.every((t) => ['upcoming', 'due'].includes(t.state))).to.equal(true);
      expect(rows.find((t) => t.id === lateTask)).to.include({ due_on: addDays(today, -6) });
      expect(rows.find((t) => t.id === todayTask)).to.include({ due_on: today });

      const summary = await get<AnswerOf<typeof taskSummary>>('/api/tasks/summary', { as: 'doctor-V001' });
      expect(summary.status).to.equal(200);
      expect(summary.body).to.deep.equal(expected(rows));
      expect(summary.body.today - summary.body.overdue)
        .to.equal(summary.body.due_today)
        .and.to.be.at.least(1);
      const ofType = await get('/api/tasks/summary', { as: 'doctor-V001', query: { type: 'hypertension' } });
      expect(ofType.body).to.deep.equal(expected(rows.filter((t) => t.type === 'hypertension')));

      // the list's buckets agree: today holds the overdue recheck first, then today's
      const todayList = await get<TaskRow[]>('/api/tasks', {
        as: 'doctor-V001',
        query: { filter: { bucket: 'today' }, sort: ['due_on', 'ASC'], range: [0, 999] },
      });
      expect(count(todayList)).to.equal(summary.body.today);
      const ids = todayList.body.map((t) => t.id);
      expect(ids).to.include.members([lateTask, todayTask]);
      expect(ids.indexOf(lateTask)).to.be.below(ids.indexOf(todayTask));
      for (const bucket of ['overdue', 'this_month'] as const) {
        const list = await get('/api/tasks', { as: 'doctor-V001', query: { filter: { bucket }, range: [0, 0] } });
        expect(count(list), bucket).to.equal(summary.body[bucket]);
      }

      // a director counts the villages below the township; another village's doctor none of V001's
      const township = await get<AnswerOf<typeof taskSummary>>('/api/tasks/summary', { as: 'director-T01' });
      const townshipOpen = await get<TaskRow[]>('/api/tasks', { as: 'director-T01', query: { filter: { bucket: 'open' }, range: [0, 999] } });
      expect(township.body).to.deep.equal(expected(townshipOpen.body));
      expect(township.body.open).to.be.at.least(summary.body.open);
      const v002 = await get('/api/tasks/summary', { as: 'doctor-V002' });
      const v002Open = await get<TaskRow[]>('/api/tasks', { as: 'doctor-V002', query: { filter: { bucket: 'open' }, range: [0, 999] } });
      expect(v002.body).to.deep.equal(expected(v002Open.body));

      const bad = await get('/api/tasks/summary', { as: 'doctor-V001', query: { type: 'dental' } });
      expect(bad.status).to.equal(400);
      expect(JSON.stringify(bad.body)).to.contain('type').and.not.contain('stack');
      expect((await get('/api/tasks/summary', { as: 'finance' })).status).to.equal(403);
      expect((await get('/api/tasks/summary')).status).to.equal(401);
    });

    it('my tasks searched by the resident’s name: the page, its total and its columns agree with the unsearched list', async () => {
      const r = await resident('doctor-V001', hypertension);
      const all = await get<TaskRow[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { resident_id: r.id }, range: [0, 99] } });
      const found = await get<TaskRow[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { resident_id: r.id, q: r.name }, range: [0, 99] } });
      const none = await get('/api/tasks', { as: 'doctor-V001', query: { filter: { resident_id: r.id, q: `${r.name}-nobody` }, range: [0, 99] } });
      expect(all.body.length).to.be.greaterThan(0);
      expect(found.body).to.deep.equal(all.body);
      expect(Object.keys(found.body[0])).to.deep.equal(Object.keys(all.body[0]));
      expect(found.headers.get('content-range')).to.equal(`tasks 0-${all.body.length - 1}/${all.body.length}`);
      expect(none.body).to.deep.equal([]);
      expect(none.headers.get('content-range')).to.equal('tasks 0-0/0');
      expect(all.body.every((t) => t.resident_name === r.name)).to.equal(true);
    });

    it('the daily job run twice for the same day creates each task once', async () => {
      // the demo generated every period opening up to today + LOOKAHEAD_DAYS; the job runs on the eve
      // of the first quarter after that, so that quarter's tasks (and any shorter period's) are new
      const horizon = addDays(today, LOOKAHEAD_DAYS);
      const eve = addDays(nextQuarterStart(horizon), -1);
      const beyond = { filter: { window_start_gt: horizon }, range: [0, 0] };
      const countBeyond = async () => Number(String((await get('/api/tasks', { as: 'admin', query: beyond })).headers.get('content-range')).split('/')[1]);
      expect(await countBeyond()).to.equal(0);
      const at = new Date(`${eve}T04:00:00Z`);
      const first = await runJob('health-daily', { now: at, triggeredBy: 'test' });
      const second = await runJob('health-daily', { now: at, triggeredBy: 'test' });
      expect(first.status).to.equal('succeeded');
      expect(second.status).to.equal('succeeded');
      const created = (first.result as { created: number }).created;
      expect(created).to.be.greaterThan(0);
      expect(created).to.equal(await countBeyond());
      expect((second.result as { created: number }).created).to.equal(0);
      const quarter = await get<TaskRow[]>('/api/tasks', {
        as: 'admin',
        query: { filter: { window_start: addDays(eve, 1), schedule_code: 'hypertension_quarterly' }, range: [0, 0] },
      });
      expect(quarter.body[0]).to.include({ window_start: addDays(eve, 1), state: 'upcoming' });
      const runs = await get<AnswerOf<typeof runJob>[]>('/api/job-runs', { as: 'admin', query: { filter: { job: 'health-daily', triggered_by: 'test' } } });
      expect(runs.body.length).to.equal(2);
    });

    it('follow-up schedules: everyone reads one; only group_admin edits it', async () => {
      const list = await get<Json<FollowupSchedule>[]>('/api/followup-schedules', { as: 'doctor-V001' });
      const first = list.body[0];
      const one = await get(`/api/followup-schedules/${first.code}`, { as: 'doctor-V001' });
      expect(one.status).to.equal(200);
      expect(one.body).to.deep.equal(first);
      expect((await get('/api/followup-schedules/no_such_schedule', { as: 'admin' })).status).to.equal(404);
      expect((await put(`/api/followup-schedules/${first.code}`, { norm: 'x' }, { as: 'director-T01' })).status).to.equal(403);
      const bad = await put<Problem>(`/api/followup-schedules/${first.code}`, { period_months: 5 }, { as: 'admin' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details?.[0].field).to.equal('period_months');
      // react-admin's edit form echoes the whole record
      const edited = await put<Json<FollowupSchedule>>(
        `/api/followup-schedules/${first.code}`,
        { ...first, norm: `${first.norm ?? ''} (checked)` },
        { as: 'admin' },
      );
      expect(edited.status).to.equal(200);
      expect(edited.body.norm).to.equal(`${first.norm ?? ''} (checked)`);
      await put(`/api/followup-schedules/${first.code}`, { norm: first.norm }, { as: 'admin' });
    });

    it('health education is a group activity: attendees and topic, no resident', async () => {
      const bad = await post<Problem>('/api/followups', { type: 'health_education', visited_on: today }, { as: 'doctor-V001' });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details?.map((d) => d.field)).to.deep.equal(['topic', 'attendees']);
      const ok = await post<Saved>(
        '/api/followups',
        { type: 'health_education', visited_on: today, topic: '高血压防治', attendees: 23 },
        { as: 'doctor-V001' },
      );
      expect(ok.status).to.equal(200);
      expect(ok.body).to.include({ org_unit_id: v001, resident_id: null, attendees: 23 });
    });
  });

  describe('teams, contracts and indicators on a fixture township', () => {
    let township: number;
    let villageA: number;
    let villageB: number;
    let gp: number;
    let doctorA: number;
    let doctorAuth: Record<string, string>;
    let team: number;
    const people: Record<string, { id: number }> = {};

    before(async () => {
      const b1 = await unitId('B1');
      township = (await post<Json<OrgUnit>>('/api/org-units', { code: 'TH1', name: '测试乡卫生院', kind: 'township', parent_id: b1 }, { as: 'admin' })).body.id;
      villageA = (await post<Json<OrgUnit>>('/api/org-units', { code: 'VH1', name: '甲村卫生室', kind: 'village', parent_id: township }, { as: 'admin' })).body
        .id;
      villageB = (await post<Json<OrgUnit>>('/api/org-units', { code: 'VH2', name: '乙村卫生室', kind: 'village', parent_id: township }, { as: 'admin' })).body
        .id;
      const pw = 'testpass123';
      gp = (
        await post<Json<UserRow<'id'>>>(
          '/api/users',
          { username: 'gp-th1', display_name: '全科医生', roles: ['staff_clerk'], org_unit_id: township, password: pw },
          { as: 'admin' },
        )
      ).body.id;
      doctorA = (
        await post<Json<UserRow<'id'>>>(
          '/api/users',
          { username: 'doctor-VH1', display_name: '甲村村医', roles: ['village_doctor'], org_unit_id: villageA, password: pw },
          { as: 'admin' },
        )
      ).body.id;
      doctorAuth = await bearer('doctor-VH1', pw);
    });

    it('a team is led by a general practitioner, serves villages of its township, and lists a village doctor of a served village', async () => {
      const wrong = await post<Problem>(
        '/api/family-doctor-teams',
        {
          org_unit_id: township,
          code: 'FDT-TH1-X',
          name: '错',
          village_ids: [v001],
          members: [{ user_id: doctorA, role: 'general_practitioner', is_leader: true }],
        },
        { as: 'admin' },
      );
      expect(wrong.status).to.equal(400);
      expect(wrong.body.error.details?.map((d) => d.field)).to.include('village_ids.0');
      const r = await post<TeamAnswer>(
        '/api/family-doctor-teams',
        {
          org_unit_id: township,
          code: 'FDT-TH1-01',
          name: '甲村家庭医生团队',
          village_ids: [villageA],
          members: [
            { user_id: gp, role: 'general_practitioner', is_leader: true },
            { user_id: doctorA, role: 'village_doctor' },
          ],
        },
        { as: 'admin' },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      team = r.body.id;
      expect(r.body.village_ids).to.deep.equal([villageA]);
      expect(r.body.members.map((m) => m.user_id)).to.deep.equal([gp, doctorA]);
      // the served village's doctor sees the team; another village's doctor does not
      expect((await get(`/api/family-doctor-teams/${team}`, { headers: doctorAuth })).status).to.equal(200);
      expect((await get(`/api/family-doctor-teams/${team}`, { as: 'doctor-V001' })).status).to.equal(404);
    });

    it('contracts: one active per resident (409), a team that does not serve the village (422), terminate with reason, renew', async () => {
      const mk = async (key: string, birth: string, extra: Record<string, unknown> = {}) => {
        const r = await post<Json<Resident>>(
          '/api/residents',
          { name: key, id_number: idNumber(birth), org_unit_id: key.startsWith('b') ? villageB : villageA, ...extra },
          { as: 'admin' },
        );
        expect(r.status, JSON.stringify(r.body)).to.equal(200);
        people[key] = r.body;
      };
      await mk('a1', yearsAgo(70), hypertension);
      await mk('a2', yearsAgo(50), hypertension);
      await mk('a3', yearsAgo(40), { conditions: [{ code: 'diabetes', diagnosed_on: `${year - 1}-01-10` }] });
      await mk('a4', yearsAgo(30));
      await mk('b1', yearsAgo(45));
      const sign = (key: string, pkg = 'basic') =>
        post<AnswerOf<typeof signContract>>(
          '/api/contracts',
          { resident_id: people[key].id, team_id: team, package_code: pkg, signed_on: today },
          { as: 'admin' },
        );
      const c1 = await sign('a1', 'chronic');
      expect(c1.status, JSON.stringify(c1.body)).to.equal(200);
      expect(c1.body).to.include({ status: 'active', start_on: today, org_unit_id: villageA });
      expect((await sign('a1')).status).to.equal(409);
      expect((await sign('b1')).status).to.equal(422);
      expect((await sign('a2', 'chronic')).status).to.equal(200);
      const c4 = await sign('a4');
      const term = await post<AnswerOf<typeof terminateContract>>(`/api/contracts/${c4.body.id}/terminate`, { reason: 'resident_request' }, { as: 'admin' });
      expect(term.body).to.include({ status: 'terminated', termination_reason: 'resident_request' });
      const again = await post<Problem<{ allowed: string[] }>>(`/api/contracts/${c4.body.id}/terminate`, { reason: 'other' }, { as: 'admin' });
      expect(again.status).to.equal(409);
      expect(again.body.error.details?.allowed).to.deep.equal([]);
      const renew = await post(`/api/contracts/${c1.body.id}/renew`, {}, { as: 'admin' });
      expect(renew.status).to.equal(422); // renewal opens 90 days before the end
    });

    it('the indicators equal a hand count, numerator and denominator', async () => {
      // a1: 4 controlled visits; a2: 2 visits, last uncontrolled; a3 (diabetes): 4 visits, last controlled
      const jan = `${year}-01-01`;
      const days = (n: number) =>
        Array.from({ length: n }, (_, i) => {
          const d = addDays(jan, i * 20);
          return d <= today ? d : today;
        });
      const log = async (body: Record<string, unknown>) => {
        const res = await call('POST', '/api/followups', { headers: doctorAuth, body });
        expect(res.status, JSON.stringify(res.body)).to.equal(200);
      };
      for (const d of days(4)) await log({ ...ANSWERED, resident_id: people.a1.id, type: 'hypertension', visited_on: d, systolic: 130, diastolic: 80 });
      const [a2first, a2last] = days(2);
      await log({ ...ANSWERED, resident_id: people.a2.id, type: 'hypertension', visited_on: a2first, systolic: 130, diastolic: 80 });
      await log({ ...ANSWERED, resident_id: people.a2.id, type: 'hypertension', visited_on: a2last, systolic: 150, diastolic: 80 });
      for (const [i, d] of days(4).entries())
        await log({ ...ANSWERED, resident_id: people.a3.id, type: 'diabetes', visited_on: d, fasting_glucose: i === 3 ? 6.1 : 8.2 });
      const r = await get<Indicators>('/api/health/indicators', {
        as: 'admin',
        query: { org_unit_id: String(township), year: String(year), breakdown: 'villages' },
      });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      const ind = r.body.indicators;
      // 5 residents; contracts in force this year: a1, a2 (a4's ended the day it began: never in force)
      expect(ind.contract_rate).to.deep.equal({ numerator: 2, denominator: 5, value: 0.4 });
      // key populations: a1 (65+, hypertension), a2 (hypertension), a3 (diabetes)
      expect(ind.key_population_contract_rate).to.deep.equal({ numerator: 2, denominator: 3, value: 0.6667 });
      // patients: a1 ✓ (4), a2 ✗ (2), a3 ✓ (4)
      expect(ind.standardised_management_rate).to.deep.equal({ numerator: 2, denominator: 3, value: 0.6667 });
      // last visit controlled: a1 ✓, a2 ✗, a3 ✓ of 3 followed up
      expect(ind.control_rate).to.deep.equal({ numerator: 2, denominator: 3, value: 0.6667 });
      // tasks: counted from the fixture's own tasks by the stated definition
      const tasks = await get<TaskRow[]>('/api/tasks', { as: 'admin', query: { filter: { org_unit_id: [villageA, villageB] }, range: [0, 999] } });
      const inYear = tasks.body.filter((t) => t.due_on.startsWith(String(year)) && t.state !== 'cancelled');
      const cameDue = inYear.filter((t) => t.due_on <= today || t.state === 'done');
      const done = inYear.filter((t) => t.state === 'done');
      expect(cameDue.length).to.be.greaterThan(0);
      expect(ind.task_completion_rate).to.include({ numerator: done.length, denominator: cameDue.length });
      // per village, worst first; the township is the sum of its villages
      const byCode = Object.fromEntries(r.body.units.map((u) => [u.code, u.indicators]));
      expect(byCode.VH2.contract_rate).to.deep.equal({ numerator: 0, denominator: 1, value: 0 });
      expect(byCode.VH1.contract_rate).to.deep.equal({ numerator: 2, denominator: 4, value: 0.5 });
      // the settlement's view: the same figures from the service, for many units at once
      const map = await healthIndicators({ orgUnitIds: [township, villageA, villageB], year });
      expect(map.get(township)).to.deep.equal(ind);
      expect(map.get(villageB)!.contract_rate.value).to.equal(0);
    });

    it('a year counts as patients only those diagnosed by its end: one diagnosed the day after is in this year’s denominator, not last year’s', async () => {
      // two residents of village B registered last year, 40 years old: c1 diagnosed on last year's last day, c2 on this year's first
      const mk = async (key: string, diagnosed_on: string) => {
        const r = await post<Json<Resident>>(
          '/api/residents',
          { name: key, id_number: idNumber(yearsAgo(40)), org_unit_id: villageB, conditions: [{ code: 'hypertension', diagnosed_on }] },
          { as: 'admin' },
        );
        expect(r.status, JSON.stringify(r.body)).to.equal(200);
        people[key] = r.body;
      };
      await mk('c1', `${year - 1}-12-31`);
      await mk('c2', `${year}-01-01`);
      await db()('residents')
        .whereIn('id', [people.c1.id, people.c2.id])
        .update({ created_at: `${year - 1}-06-01T10:00:00+08:00` });
      const of = async (y: number) => {
        const r = await get<Indicators>('/api/health/indicators', { as: 'admin', query: { org_unit_id: String(villageB), year: String(y) } });
        expect(r.status, JSON.stringify(r.body)).to.equal(200);
        return r.body.indicators;
      };
      const last = await of(year - 1);
      // last year: residents c1, c2 (b1 registered this year); key population and patients: c1 alone
      expect(last.contract_rate).to.deep.equal({ numerator: 0, denominator: 2, value: 0 });
      expect(last.key_population_contract_rate).to.deep.equal({ numerator: 0, denominator: 1, value: 0 });
      expect(last.standardised_management_rate).to.deep.equal({ numerator: 0, denominator: 1, value: 0 });
      const now = await of(year);
      // this year: b1, c1, c2; key population and patients: c1, c2
      expect(now.contract_rate).to.deep.equal({ numerator: 0, denominator: 3, value: 0 });
      expect(now.key_population_contract_rate).to.deep.equal({ numerator: 0, denominator: 2, value: 0 });
      expect(now.standardised_management_rate).to.deep.equal({ numerator: 0, denominator: 2, value: 0 });
      // the settlement reads the same figures
      expect((await healthIndicators({ orgUnitIds: [villageB], year: year - 1 })).get(villageB)).to.deep.equal(last);
    });

    it('the workload report: one row per village doctor, township totals, and the indicators sheet, as the API counts them', async () => {
      const visit = await call('POST', '/api/followups', {
        headers: doctorAuth,
        body: { ...ANSWERED, resident_id: people.a1.id, type: 'hypertension', visited_on: today, systolic: 126, diastolic: 78 },
      });
      expect(visit.status, JSON.stringify(visit.body)).to.equal(200);
      await call('POST', '/api/followups', { headers: doctorAuth, body: { type: 'health_education', visited_on: today, topic: '合理用药', attendees: 12 } });
      const r = await get<Buffer>('/api/reports/health-workload.xlsx', { as: 'admin', query: { org_unit_id: String(township), year: String(year) } });
      expect(r.status).to.equal(200);
      expect(r.headers.get('content-type')).to.contain('spreadsheetml');
      const wb = await readWorkbook(r.body);
      const sheet = wb.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const rows = [] as Record<string, unknown>[];
      sheet.eachRow((row, i) => {
        if (i > 1) rows.push(Object.fromEntries(header.map((h, j) => [String(h), row.getCell(j + 1).value])));
      });
      const doctor = rows.find((x) => x['村医账号'] === 'doctor-VH1')!;
      const logged = await get('/api/followups', {
        as: 'admin',
        query: { filter: { doctor_user_id: doctorA, visited_on_gte: `${year}-01-01` }, range: [0, 99] },
      });
      const hypertensionVisits = await get('/api/followups', {
        as: 'admin',
        query: { filter: { doctor_user_id: doctorA, type: 'hypertension' }, range: [0, 0] },
      });
      expect(doctor['随访合计']).to.equal(count(logged)).and.to.equal(12);
      expect(doctor['高血压随访']).to.equal(count(hypertensionVisits)).and.to.equal(7);
      expect(doctor['糖尿病随访']).to.equal(4);
      expect(doctor['健康教育']).to.equal(1);
      const tasks = await get('/api/tasks', {
        as: 'admin',
        query: { filter: { org_unit_id: villageA, state: 'missed', due_on_gte: `${year}-01-01` }, range: [0, 0] },
      });
      expect(doctor['漏访任务']).to.equal(count(tasks));
      const total = rows.find((x) => x['乡镇卫生院'] === '测试乡卫生院 合计')!;
      expect(total['随访合计']).to.equal(12);
      const indicatorsSheet = wb.worksheets[1];
      const api = await get<Indicators>('/api/health/indicators', { as: 'admin', query: { org_unit_id: String(township), year: String(year) } });
      const totals = indicatorsSheet.getRow(2);
      expect(totals.getCell(3).value).to.equal(api.body.indicators.contract_rate.numerator);
      expect(totals.getCell(4).value).to.equal(api.body.indicators.contract_rate.denominator);
      expect(totals.getCell(5).value).to.equal(api.body.indicators.contract_rate.value);
      const bad = await get('/api/reports/health-workload.xlsx', { as: 'admin', query: { year: 'x' } });
      expect(bad.status).to.equal(400);
      expect(
        (await get('/api/reports/health-workload.xlsx', { as: 'doctor-V001', query: { year: String(year), org_unit_id: String(township) } })).status,
      ).to.equal(404);
    });
  });
});
