// A township's pay for the 收入变化 tests (API, workbook, browser), each file at a township and in years
// no other file pays: its director (the demo's login, linked to their staff record by the demo, else by
// the file) and one of its other staff given a login of the file's own (unlinked after) record work; a
// village doctor of the township found by what they are, and helpers to log the work a month's points
// come from, and to calculate, approve and lock a month's run.
import { expect } from 'chai';
import { db } from '../../api/db/knex';
import type { PayLine, PayRun } from '../../api/pay';
import type { Json } from '../../api/core/json';
import { get, post, put, unitId } from './harness';

export type RunRead = Json<PayRun> & { lines: Json<PayLine>[] };
export interface Person {
  user_id: number;
  staff_id: number;
}

export class IncomeTownship {
  township = 0;
  director!: Person;
  staff!: Person;
  doctor!: { username: string; staff_id: number };
  private staffToken = '';
  /** whether this file linked the director's login (the demo had not) */
  private directorLinked = false;

  /** `code`: the township; `login`: the username of the other staff member's login, unique to the file. */
  constructor(
    readonly code: string,
    readonly login: string,
  ) {}

  get directorLogin() {
    return `director-${this.code}`;
  }

  /** Puts the director and another of the township's staff on its payroll; finds a village doctor. */
  async setUp() {
    this.township = await unitId(this.code);
    const directorUser = (await db()('users').where('username', this.directorLogin).first<{ id: number }>('id')).id;
    // the demo links the director's login to their staff record; without it, one of the township's staff takes it
    const linked = await db()('staff').where('user_id', directorUser).first<{ id: number } | undefined>('id');
    this.directorLinked = !linked;
    const own = await db()('staff')
      .where({ employer_org_unit_id: this.township, work_org_unit_id: this.township })
      .whereNull('user_id')
      .where('status', 'active')
      .orderBy('id')
      .limit(2)
      .select<{ id: number }[]>('id');
    expect(own.length, `two of ${this.code}'s own staff without a login`).to.equal(2);
    const password = `${this.login}-pw`;
    const user = await post<{ id: number }>(
      '/api/users',
      { username: this.login, display_name: '收入测试职工', roles: ['village_doctor'], org_unit_id: this.township, password },
      { as: 'admin' },
    );
    expect(user.status, JSON.stringify(user.body)).to.equal(200);
    this.staffToken = (await post<{ token: string }>('/api/auth/login', { username: this.login, password })).body.token;
    this.director = { user_id: directorUser, staff_id: linked?.id ?? own[0].id };
    this.staff = { user_id: user.body.id, staff_id: own[1].id };
    for (const p of this.linked()) {
      const r = await put(`/api/staff/${p.staff_id}`, { user_id: p.user_id }, { as: 'hr' });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
    }
    this.doctor = await db()('staff as s')
      .join('users as u', 'u.id', 's.user_id')
      .join('org_units as o', 'o.id', 's.work_org_unit_id')
      .where('s.employer_org_unit_id', this.township)
      .where('o.level', 4)
      .whereNot('s.status', 'left')
      .orderBy('s.id')
      .first<{ username: string; staff_id: number }>('u.username', 's.id as staff_id');
  }

  /** The records this file linked: the staff member's, and the director's unless the demo had linked it. */
  private linked() {
    return [...(this.directorLinked ? [this.director] : []), this.staff];
  }

  /** The director and the staff member unlinked again (the demo's link kept), the file's login deactivated. */
  async tearDown() {
    for (const p of this.linked()) if (p) await put(`/api/staff/${p.staff_id}`, { user_id: null }, { as: 'hr' });
    if (this.staff) await put(`/api/users/${this.staff.user_id}`, { active: false }, { as: 'admin' });
  }

  /** A health-education session of `attendees` logged by `who` (a login name; the staff member's own login too). */
  async session(who: string, on: string, attendees: number) {
    const as = who === this.login ? { headers: { authorization: `Bearer ${this.staffToken}` } } : { as: who };
    const r = await post('/api/followups', { type: 'health_education', visited_on: on, topic: '慢病防治', attendees }, as);
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
  }

  /** A month's work: the director's and the staff member's sessions, and the village doctor's with `withDoctor`. */
  async work(month: string, withDoctor: boolean) {
    await this.session(this.directorLogin, `${month}-05`, 30);
    await this.session(this.login, `${month}-06`, 12);
    if (withDoctor) await this.session(this.doctor.username, `${month}-07`, 8);
  }

  /** The month's run created and calculated by finance: its id. */
  async calculate(month: string, fund: string) {
    const made = await post<Json<PayRun>>('/api/pay-runs', { org_unit_id: this.township, month, budgeted_fund: fund }, { as: 'finance' });
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const calc = await post(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' });
    expect(calc.status, JSON.stringify(calc.body)).to.equal(200);
    return made.body.id;
  }

  /** Reviewed by the director, approved by finance (and locked with `lock`). */
  async approve(id: number, lock = false) {
    expect((await post(`/api/pay-runs/${id}/review`, {}, { as: this.directorLogin })).status).to.equal(200);
    expect((await post(`/api/pay-runs/${id}/approve`, {}, { as: 'finance' })).status).to.equal(200);
    if (lock) expect((await post(`/api/pay-runs/${id}/lock`, {}, { as: 'finance' })).status).to.equal(200);
  }

  read = async (id: number) => (await get<RunRead>(`/api/pay-runs/${id}`, { as: 'finance' })).body;
}
