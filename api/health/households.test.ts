// Households and "my patients" over HTTP on a real database: residents grouped by a household
// code with their relation to the head; the household page's members and their tasks; one home
// visit saving a follow-up per member in one transaction (N visits, N audit rows, N tasks done —
// or nothing at all); the resident list's last readings, control, next due date and its filters.
import { expect } from 'chai';
import { auditCount, call, get, post, put, unitId, type AnswerOf, type AuditRow, type Json, type Problem } from '../../scripts/test/harness';
import { ANSWERED } from '../../scripts/test/health';
import { checkDigit } from '../core/personalId';
import { addDays } from './rules';
import type { Followup, Household, Resident, Task } from './model';
import type { readHousehold, visitHousehold } from './householdService';
import type { readResident, transferResident } from './residentService';
import type { readTask } from './taskService';
import * as clock from '../core/clock';

let serial = 0;
/** A valid ID number (region 630107, used by no other test) for a birth date. */
function idNumber(birth: string, sex: 'M' | 'F' = 'M') {
  serial += 1;
  const first17 = `630107${birth.replace(/-/g, '')}${String((serial * 2 + (sex === 'M' ? 1 : 0)) % 1000).padStart(3, '0')}`;
  return first17 + checkDigit(first17);
}
const today = clock.today();
const year = Number(today.slice(0, 4));
const born = (age: number) => `${year - age}-03-15`;
const hypertension = [{ code: 'hypertension', diagnosed_on: `${year - 3}-03-01` }];
const diabetes = [{ code: 'diabetes', diagnosed_on: `${year - 2}-05-01` }];

async function resident(body: Record<string, unknown>, age = 60, sex: 'M' | 'F' = 'M', as = 'doctor-V001') {
  const r = await post<Json<Resident>>('/api/residents', { name: `户测${serial}`, id_number: idNumber(born(age), sex), ...body }, { as });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body;
}

/** A row of the household list: the household with its list columns (householdResource). */
type HouseholdRow = Json<Household> & { member_count: number; head_name: string | null; due_count: number };
type HouseholdPage = AnswerOf<typeof readHousehold>;

const household = async (id: number | null) => (await get<HouseholdPage>(`/api/households/${id}`, { as: 'doctor-V001' })).body;
const followupsOf = async (ids: number[]) =>
  (await get<Json<Followup>[]>('/api/followups', { as: 'doctor-V001', query: { filter: { resident_id: ids }, range: [0, 99] } })).body;
const task = async (id: string) => (await get<AnswerOf<typeof readTask>>(`/api/tasks/${id}`, { as: 'doctor-V001' })).body;

/** A row of the resident list: the resident with the "my patients" columns (residentService's MY_PATIENT_COLUMNS). */
type MyPatient = Json<Resident> & {
  last_bp: { systolic: number; diastolic: number; visited_on: string } | null;
  last_glucose: { fasting_glucose: number; visited_on: string } | null;
  control: Record<string, string> | null;
  next_due_on: string | null;
  overdue: boolean;
};

describe('households and my patients (HTTP, real database)', () => {
  describe('households', () => {
    const code = `HH-${Date.now() % 100_000}`;
    let head: Awaited<ReturnType<typeof resident>>;
    let spouse: Awaited<ReturnType<typeof resident>>;
    let child: Awaited<ReturnType<typeof resident>>;

    before(async () => {
      head = await resident({ household: code, household_relation: 'head', conditions: hypertension }, 64, 'M');
      spouse = await resident({ household: code, household_relation: 'spouse', conditions: diabetes }, 61, 'F');
      child = await resident({ household: code, household_relation: 'child' }, 35, 'M');
    });

    it('a household code groups the residents of one village; the household is made with the first, one head only (409)', async () => {
      expect(head.household_id).to.be.a('number');
      expect([spouse.household_id, child.household_id]).to.deep.equal([head.household_id, head.household_id]);
      const second = await post<Problem<Record<string, unknown>>>(
        '/api/residents',
        { name: '二户主', id_number: idNumber(born(40)), household: code, household_relation: 'head' },
        { as: 'doctor-V001' },
      );
      expect(second.status).to.equal(409);
      expect(second.body.error.details).to.include({ field: 'household_relation', existing_id: head.id });
      const list = await get<HouseholdRow[]>('/api/households', { as: 'doctor-V001', query: { filter: { code } } });
      expect(list.body).to.have.length(1);
      expect(list.body[0]).to.include({ id: head.household_id, code, member_count: 3, head_name: head.name });
      const byMember = await get<HouseholdRow[]>('/api/households', { as: 'doctor-V001', query: { filter: { member: spouse.name, code } } });
      expect(byMember.body.map((h) => h.id)).to.deep.equal([head.household_id]);
      // a relation needs a household; the relations are the list's
      const lone = await post<Problem>('/api/residents', { name: '无户', id_number: idNumber(born(30)), household_relation: 'child' }, { as: 'doctor-V001' });
      expect(lone.status).to.equal(400);
      expect(lone.body.error.details?.[0].field).to.equal('household_relation');
      const bad = await post<Problem>(
        '/api/residents',
        { name: '错', id_number: idNumber(born(30)), household: code, household_relation: 'cousin' },
        { as: 'doctor-V001' },
      );
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details?.[0].field).to.equal('household_relation');
    });

    it('the household page lists the members head first, each with the tasks a visit today can complete; another village sees nothing (404)', async () => {
      const r = await get<HouseholdPage>(`/api/households/${head.household_id}`, { as: 'doctor-V001' });
      expect(r.status).to.equal(200);
      expect(r.body).to.include({ id: head.household_id, code });
      expect(r.body.members.map((m) => [m.id, m.household_relation])).to.deep.equal([
        [head.id, 'head'],
        [spouse.id, 'spouse'],
        [child.id, 'child'],
      ]);
      const [h, s, c] = r.body.members;
      const open = async (residentId: number) =>
        (
          await get<Json<Task>[]>('/api/tasks', {
            as: 'doctor-V001',
            query: { filter: { resident_id: residentId, bucket: 'open', window_start_lte: today }, range: [0, 99] },
          })
        ).body.map((t) => t.id);
      expect(h.tasks.map((t) => t.id)).to.have.members(await open(head.id)).and.not.be.empty;
      expect(h.tasks.every((t) => t.type === 'hypertension')).to.equal(true);
      expect(s.tasks.map((t) => t.id)).to.have.members(await open(spouse.id)).and.not.be.empty;
      expect(c.tasks).to.deep.equal([]);
      expect((await get(`/api/households/${head.household_id}`, { as: 'doctor-V002' })).status).to.equal(404);
      const withDue = await get<HouseholdRow[]>('/api/households', { as: 'doctor-V001', query: { filter: { code, due: true } } });
      expect(withDue.body[0].due_count).to.equal(h.tasks.length + s.tasks.length);
    });

    it('one bad reading saves nothing: 400 naming the member’s field (visits.1.fasting_glucose), no follow-up, no audit row, the tasks still open', async () => {
      const [h, s] = (await household(head.household_id)).members;
      const before = await auditCount();
      const res = await post<Problem>(
        `/api/households/${head.household_id}/visits`,
        {
          visited_on: today,
          visits: [
            { ...ANSWERED, resident_id: head.id, type: 'hypertension', task_id: h.tasks[0].id, systolic: 132, diastolic: 84 },
            { ...ANSWERED, resident_id: spouse.id, type: 'diabetes', task_id: s.tasks[0].id, fasting_glucose: 99 },
          ],
        },
        { as: 'doctor-V001' },
      );
      expect(res.status).to.equal(400);
      expect(res.body.error.details?.map((d) => d.field)).to.deep.equal(['visits.1.fasting_glucose']);
      expect(await followupsOf([head.id, spouse.id])).to.deep.equal([]);
      expect(await auditCount()).to.equal(before);
      expect((await task(h.tasks[0].id)).state).to.not.equal('done');
      const stranger = await post<Problem>(
        `/api/households/${head.household_id}/visits`,
        { visited_on: today, visits: [{ ...ANSWERED, resident_id: head.id + 100_000, type: 'hypertension', systolic: 130, diastolic: 80 }] },
        { as: 'doctor-V001' },
      );
      expect(stranger.status).to.equal(400);
      expect(stranger.body.error.details?.[0].field).to.equal('visits.0.resident_id');
    });

    it('one save for two members: exactly two follow-ups, two audit rows, both tasks done, classified; a replay with its key writes nothing', async () => {
      const [h, s] = (await household(head.household_id)).members;
      const tasks = [h.tasks[0].id, s.tasks[0].id];
      const before = await auditCount();
      const body = {
        visited_on: today,
        visits: [
          { ...ANSWERED, resident_id: head.id, type: 'hypertension', task_id: tasks[0], systolic: 132, diastolic: 84 },
          { ...ANSWERED, resident_id: spouse.id, type: 'diabetes', task_id: tasks[1], fasting_glucose: 8.4, weight_kg: 61.5 },
        ],
      };
      const key = `household-${head.household_id}-${Date.now()}`;
      const res = await call<AnswerOf<typeof visitHousehold>>('POST', `/api/households/${head.household_id}/visits`, {
        as: 'doctor-V001',
        body,
        headers: { 'Idempotency-Key': key },
      });
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(res.body).to.include({ household_id: head.household_id, visited_on: today, mode: 'home' });
      expect(res.body.visits.map((v) => [v.resident_id, v.classification, v.task?.id, v.task?.state])).to.deep.equal([
        [head.id, 'controlled', tasks[0], 'done'],
        [spouse.id, 'uncontrolled', tasks[1], 'done'],
      ]);
      const saved = await followupsOf([head.id, spouse.id]);
      expect(saved.map((f) => [f.resident_id, f.task_id]).sort()).to.deep.equal(
        [
          [head.id, tasks[0]],
          [spouse.id, tasks[1]],
        ].sort(),
      );
      expect(await auditCount()).to.equal(before + 2);
      const audit = await get<AuditRow[]>('/api/audit-log', {
        as: 'auditor',
        query: { filter: { resource: 'followups', actor_name: 'doctor-V001' }, sort: ['at', 'DESC'], range: [0, 1] },
      });
      expect(audit.body.map((a) => Number(a.record_id)).sort()).to.deep.equal(res.body.visits.map((v) => v.id).sort());
      for (const t of tasks) expect((await task(t)).state).to.equal('done');
      // the spouse's uncontrolled glucose planned her two-week recheck, as a visit logged alone would
      expect((await task(`${spouse.id}-diabetes_recheck-${today}`)).due_on).to.equal(addDays(today, 14));

      const replay = await call('POST', `/api/households/${head.household_id}/visits`, { as: 'doctor-V001', body, headers: { 'Idempotency-Key': key } });
      expect(replay.status).to.equal(200);
      expect(replay.headers.get('idempotent-replayed')).to.equal('true');
      // the phone whose first answer was lost gets the same answer: each member's classification, not a refusal
      expect(replay.body).to.deep.equal(res.body);
      expect(await followupsOf([head.id, spouse.id])).to.have.length(2);
      expect(await auditCount()).to.equal(before + 2);
    });

    it('renaming a household’s code renames it on its members; moving village leaves the household', async () => {
      const renamed = `${code}-R`;
      const r = await put(`/api/households/${head.household_id}`, { code: renamed, address: '测试村1组1号' }, { as: 'doctor-V001' });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      expect((await get<Json<Resident> & AnswerOf<typeof readResident>>(`/api/residents/${child.id}`, { as: 'doctor-V001' })).body.household).to.equal(renamed);
      const other = await post<Json<Household>>('/api/households', { code: `${code}-X` }, { as: 'doctor-V001' });
      expect(other.status).to.equal(200);
      const clash = await put<Problem<Record<string, unknown>>>(`/api/households/${other.body.id}`, { code: renamed }, { as: 'doctor-V001' });
      expect(clash.status).to.equal(409);
      expect(clash.body.error.details).to.include({ field: 'code', existing_id: head.household_id });
      const v002 = await unitId('V002');
      const moved = await post<AnswerOf<typeof transferResident>>(`/api/residents/${child.id}/transfer`, { to_org_unit_id: v002 }, { as: 'admin' });
      expect(moved.status).to.equal(200);
      expect(moved.body).to.include({ household_id: null, household: null, household_relation: null });
      const page = await household(head.household_id);
      expect(page.members.map((m) => m.id)).to.deep.equal([head.id, spouse.id]);
    });

    it('the demo groups each village’s residents into households of 1–6 with one head, members sharing the head’s surname but a spouse', async () => {
      const list = await get<HouseholdRow[]>('/api/households', {
        as: 'doctor-V001',
        query: { filter: { code_gte: 'V001-0', code_lte: 'V001-9999' }, range: [0, 999] },
      });
      expect(list.body.length).to.be.greaterThan(0);
      for (const h of list.body.slice(0, 10)) {
        expect(h.member_count).to.be.within(1, 6);
        expect(h.address).to.match(/组\d+号$/);
        const page = await household(h.id);
        const heads = page.members.filter((m) => m.household_relation === 'head');
        expect(heads).to.have.length(1);
        for (const m of page.members.filter((x) => x.household_relation === 'child' || x.household_relation === 'grandchild'))
          expect(m.name[0]).to.equal(heads[0].name[0]);
      }
    });
  });

  describe('my patients', () => {
    let a: { id: number };
    let b: { id: number };
    let c: { id: number };
    let d: { id: number };
    const ago20 = addDays(today, -20);
    const visit = async (residentId: number, type: string, on: string, m: Record<string, number>) => {
      const r = await post('/api/followups', { ...ANSWERED, resident_id: residentId, type, visited_on: on, ...m }, { as: 'doctor-V001' });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
    };

    before(async () => {
      a = await resident({ conditions: hypertension }, 60);
      b = await resident({ conditions: hypertension }, 58);
      c = await resident({ conditions: diabetes }, 52);
      d = await resident({}, 30);
      // a: uncontrolled 20 days ago (its two-week recheck is overdue); b: uncontrolled then controlled today; c: glucose 8.2
      await visit(a.id, 'hypertension', ago20, { systolic: 152, diastolic: 96 });
      await visit(b.id, 'hypertension', ago20, { systolic: 150, diastolic: 95 });
      await visit(b.id, 'hypertension', today, { systolic: 128, diastolic: 80 });
      await visit(c.id, 'diabetes', today, { fasting_glucose: 8.2 });
    });

    const list = async (filter: Record<string, unknown>) =>
      (
        await get<MyPatient[]>('/api/residents', {
          as: 'doctor-V001',
          query: { filter: { id: [a.id, b.id, c.id, d.id], care_columns: true, ...filter }, range: [0, 99] },
        })
      ).body;
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((x, y) => x - y);

    it('each row shows the last blood pressure or glucose, the control of the last visit per condition and the next due date', async () => {
      const rows = Object.fromEntries((await list({})).map((r) => [r.id, r]));
      expect(rows[a.id].last_bp).to.deep.equal({ systolic: 152, diastolic: 96, visited_on: ago20 });
      expect(rows[a.id].control).to.deep.equal({ hypertension: 'uncontrolled' });
      expect(rows[b.id].last_bp).to.deep.equal({ systolic: 128, diastolic: 80, visited_on: today });
      expect(rows[b.id].control).to.deep.equal({ hypertension: 'controlled' });
      expect(rows[c.id].last_glucose).to.deep.equal({ fasting_glucose: 8.2, visited_on: today });
      expect(rows[c.id]).to.include({ last_bp: null });
      expect(rows[c.id].control).to.deep.equal({ diabetes: 'uncontrolled' });
      expect(rows[d.id]).to.include({ last_bp: null, last_glucose: null, control: null, next_due_on: null, overdue: false });
      // a's next due date: its earliest open task — no later than its recheck, due 14 days after the visit (6 days ago)
      const open = (
        await get<Json<Task>[]>('/api/tasks', {
          as: 'doctor-V001',
          query: { filter: { resident_id: a.id, bucket: 'open' }, sort: ['due_on', 'ASC'], range: [0, 0] },
        })
      ).body;
      expect(open[0].due_on <= addDays(ago20, 14)).to.equal(true);
      expect(rows[a.id]).to.include({ next_due_on: open[0].due_on, overdue: true });
      // any other list of residents (a reference picker, a look-up) runs none of the four subqueries
      const picker = await get<Json<Resident>[]>('/api/residents', { as: 'doctor-V001', query: { filter: { id: [a.id], active: true }, range: [0, 9] } });
      expect(picker.body).to.have.length(1);
      expect(picker.body[0]).to.include({ id: a.id, name: rows[a.id].name });
      expect(picker.body[0]).to.not.have.any.keys('last_bp', 'last_glucose', 'control', 'next_due_on', 'overdue');
    });

    it('filters hypertension, diabetes, uncontrolled, controlled and overdue, as a hand count of the same rows', async () => {
      expect(ids(await list({ tag: 'hypertension' }))).to.deep.equal(ids([a, b]));
      expect(ids(await list({ tag: 'diabetes' }))).to.deep.equal(ids([c]));
      expect(ids(await list({ control: 'uncontrolled' }))).to.deep.equal(ids([a, c]));
      expect(ids(await list({ control: 'controlled' }))).to.deep.equal(ids([b]));
      expect(ids(await list({ tag: 'hypertension', control: 'uncontrolled' }))).to.deep.equal(ids([a]));
      // the same over a township's villages (the director's scope takes the tags' index first)
      const township = await get<MyPatient[]>('/api/residents', {
        as: 'director-T01',
        query: { filter: { id: [a.id, b.id, c.id, d.id], control: 'uncontrolled' }, range: [0, 99] },
      });
      expect(ids(township.body)).to.deep.equal(ids([a, c]));
      // overdue: an open task past its due date, counted from each one's tasks
      const overdue: { id: number }[] = [];
      for (const r of [a, b, c, d]) {
        const late = await get<Json<Task>[]>('/api/tasks', { as: 'doctor-V001', query: { filter: { resident_id: r.id, bucket: 'overdue' }, range: [0, 0] } });
        if (late.body.length) overdue.push(r);
      }
      expect(overdue.map((r) => r.id))
        .to.include(a.id)
        .and.not.include(d.id);
      expect(ids(await list({ overdue: true }))).to.deep.equal(ids(overdue));
      expect(ids(await list({ overdue: false }))).to.deep.equal(ids([a, b, c, d].filter((r) => !overdue.includes(r))));
      const bad = await get<Problem>('/api/residents', { as: 'doctor-V001', query: { filter: { control: 'bad' } } });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details?.[0].field).to.equal('filter.control');
    });
  });
});
