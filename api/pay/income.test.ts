// 收入变化 through HTTP against the real database (demo at test scale), in years no other file pays
// (four and five years back), at a township no other file pays (T16): its director and one of its
// other staff put on the payroll (their logins linked to staff records, put back after), each of them
// and a village doctor log health-education sessions, and the township's months are paid — March and
// April of both years approved or locked; May and June last year approved but not this year (not
// compared); June this year only calculated (not paid); this April approved, then corrected (the
// superseded version never counts). The view's figures equal a hand count from the live runs' lines,
// and the whole scope's equal a count in SQL of the lines in the database; who may read what.
import { expect } from 'chai';
import { get, post, system, type Json, type Problem } from '../../scripts/test/harness';
import { IncomeTownship, type RunRead } from '../../scripts/test/payIncome';
import { db } from '../db/knex';
import * as clock from '../core/clock';
import type { PayIncomeChange, PayLine, PayRun } from '.';

const YEAR = Number(clock.today().slice(0, 4)) - 4;
const LAST = YEAR - 1;
const fen = (yuan: string) => BigInt(Math.round(Number(yuan) * 100));
/** a / b (b > 0) half away from zero */
const half = (a: bigint, b: bigint): bigint => (a < 0n ? -half(-a, b) : (a * 2n + b) / (2n * b));
const yuan = (f: bigint) => `${f < 0n ? '-' : ''}${(f < 0n ? -f : f) / 100n}.${String((f < 0n ? -f : f) % 100n).padStart(2, '0')}`;

describe('pay income change (收入变化, HTTP, real database)', function () {
  this.timeout(300_000);
  const t = new IncomeTownship('T16', 'income-test-staff-t16');
  let township: number;
  let director: { staff_id: number };
  let doctor: { username: string };
  const live: RunRead[] = [];
  let view: PayIncomeChange;

  before(async () => {
    await system();
    await t.setUp();
    ({ township, director, doctor } = t);
    // last year: March, April, May and June paid (the doctor works only in June); this year March and April paid, June calculated
    for (const m of ['03', '04', '05', '06']) await t.work(`${LAST}-${m}`, m === '06');
    for (const m of ['03', '04', '06']) await t.work(`${YEAR}-${m}`, true);
    const last3 = await t.calculate(`${LAST}-03`, '9000.00');
    await t.approve(last3);
    const last4 = await t.calculate(`${LAST}-04`, '9500.00');
    await t.approve(last4, true);
    await t.approve(await t.calculate(`${LAST}-05`, '7000.00'));
    await t.approve(await t.calculate(`${LAST}-06`, '7100.00'));
    const this3 = await t.calculate(`${YEAR}-03`, '12345.67');
    await t.approve(this3);
    const first4 = await t.calculate(`${YEAR}-04`, '11000.00');
    await t.approve(first4);
    // a session logged afterwards: April corrected, the new version approved with the director's larger share
    await t.session(t.directorLogin, `${YEAR}-04-20`, 40);
    const corrected = await post<Json<PayRun>>(`/api/pay-runs/${first4}/correct`, { reason: '补录健康教育' }, { as: 'finance' });
    expect(corrected.status, JSON.stringify(corrected.body)).to.equal(200);
    expect((await post(`/api/pay-runs/${corrected.body.id}/calculate`, {}, { as: 'finance' })).status).to.equal(200);
    await t.approve(corrected.body.id);
    expect((await t.read(first4)).status).to.equal('superseded');
    await t.calculate(`${YEAR}-06`, '9999.99');
    for (const id of [last3, last4, this3, corrected.body.id]) live.push(await t.read(id));
    const r = await get<PayIncomeChange>('/api/pay-income-change', { as: 'finance', query: { year: YEAR } });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    view = r.body;
  });

  after(() => t.tearDown());

  it('compares the months this year has paid (March, April) with the same months of last year', () => {
    expect(view).to.include({ year: YEAR, last_year: LAST });
    expect(view.months).to.deep.equal([3, 4]);
  });

  it("the township's row by role equals a hand count from its live runs' lines (the superseded April left out)", async () => {
    const row = view.townships.find((t) => t.org_unit_id === township)!;
    expect(row, 'the township has its row').to.not.equal(undefined);
    // every employee is on the payroll: the director, the other staff, the village doctors (working in a village clinic)
    const villages = new Set<number>(await db()('org_units').where('level', 4).pluck('id'));
    const roleOf = (l: Json<PayLine>) =>
      l.staff_id === director.staff_id ? 'director' : villages.has(l.work_org_unit_id) ? 'village_doctor' : 'township_staff';
    for (const role of ['director', 'township_staff', 'village_doctor'] as const) {
      const of = (year: number) => live.filter((r) => r.month.startsWith(String(year))).flatMap((r) => r.lines.filter((l) => roleOf(l) === role));
      const [now, before] = [of(YEAR), of(LAST)];
      const sum = (ls: Json<PayLine>[], k: 'amount' | 'net_amount') => ls.reduce((a, l) => a + fen(l[k]), 0n);
      const got = row.roles[role];
      expect(got.this_year, role).to.include({
        people: new Set(now.map((l) => l.staff_id)).size,
        person_months: now.length,
        amount: yuan(sum(now, 'amount')),
        net_amount: yuan(sum(now, 'net_amount')),
        average: yuan(half(sum(now, 'amount'), BigInt(now.length))),
      });
      expect(got.last_year, role).to.include({ person_months: before.length, amount: yuan(sum(before, 'amount')) });
      const [t1, m1, t0, m0] = [sum(now, 'amount'), BigInt(now.length), sum(before, 'amount'), BigInt(before.length)];
      // the change of the averages in %, to 0.01 %, from the exact totals; 无数据 (null) without last year's
      expect(got.change_pct, role).to.equal(t0 > 0n ? yuan(half((t1 * m0 - t0 * m1) * 10_000n, t0 * m1)) : null);
    }
    expect(row.roles.director.this_year.person_months).to.equal(2);
    expect(row.roles.director.last_year.person_months).to.equal(2);
  });

  it("the whole scope's figures equal a count in SQL of the approved and locked live lines of those months", async () => {
    const count = async (year: number) =>
      (
        await db().raw<{ rows: { people: number; person_months: number; amount: string; net_amount: string }[] }>(
          `select count(distinct l.staff_id)::int as people, count(*)::int as person_months,
                  coalesce(sum(l.amount), 0)::numeric(14,2)::text as amount, coalesce(sum(l.net_amount), 0)::numeric(14,2)::text as net_amount
             from pay_lines l join pay_runs r on r.id = l.run_id
            where r.status in ('approved', 'locked') and extract(year from r.month) = ? and extract(month from r.month) in (3, 4)`,
          [year],
        )
      ).rows[0];
    expect(view.total.this_year).to.include(await count(YEAR));
    expect(view.total.last_year).to.include(await count(LAST));
    // the levels and the roles add up to the whole
    const pm = (xs: { this_year: { person_months: number } }[]) => xs.reduce((a, x) => a + x.this_year.person_months, 0);
    expect(pm(view.by_level)).to.equal(view.total.this_year.person_months);
    expect(pm(view.by_role)).to.equal(view.total.this_year.person_months);
    expect(view.by_role.map((r) => [r.role, r.level])).to.deep.equal([
      ['director', 'township'],
      ['township_staff', 'township'],
      ['village_doctor', 'village'],
    ]);
  });

  it("a director reads their own township's figures only; the auditor and admin read the group's; a village doctor none", async () => {
    const own = await get<PayIncomeChange>('/api/pay-income-change', { as: t.directorLogin, query: { year: YEAR } });
    expect(own.status).to.equal(200);
    expect(own.body.townships.map((t) => t.org_unit_id)).to.deep.equal([township]);
    expect(own.body.townships[0]).to.deep.equal(view.townships.find((t) => t.org_unit_id === township));
    const other = await get<PayIncomeChange>('/api/pay-income-change', { as: 'director-T01', query: { year: YEAR } });
    expect(other.status).to.equal(200);
    expect(other.body.townships.map((t) => t.org_unit_id)).to.not.include(township);
    for (const who of ['auditor', 'admin']) {
      const r = await get<PayIncomeChange>('/api/pay-income-change', { as: who, query: { year: YEAR } });
      expect(r.status, who).to.equal(200);
      expect(r.body, who).to.deep.equal(view);
    }
    expect((await get('/api/pay-income-change', { as: doctor.username, query: { year: YEAR } })).status).to.equal(403);
  });

  it('a year with nothing paid answers empty groups (无数据), and a bad year is a 400 naming it', async () => {
    const empty = await get<PayIncomeChange>('/api/pay-income-change', { as: 'finance', query: { year: 2001 } });
    expect(empty.status).to.equal(200);
    expect(empty.body.months).to.deep.equal([]);
    expect(empty.body.townships).to.deep.equal([]);
    expect(empty.body.total).to.deep.include({ change_pct: null });
    for (const year of ['abc', '1999', '2026.5', undefined]) {
      const r = await get<Problem>('/api/pay-income-change', { as: 'finance', query: year === undefined ? {} : { year } });
      expect(r.status, String(year)).to.equal(400);
      expect((r.body.error.details ?? []).map((d) => d.field)).to.include('query.year');
    }
  });
});
