// Corrections and the medical-risk fund through HTTP against the real database. A township other than
// V001's (whose runs other files use), in a year no other file pays (two years back): November is paid
// and approved, December returns the year's risk-fund contributions; then a follow-up logged afterwards
// is corrected for — a new version with its reason, the old one superseded, the difference naming that
// doctor with the amounts of both versions; one live version per township and month. Each approval posts the
// risk fund to the finance ledger (payables → 医疗风险金 for the contributions, back for December's return; a
// correction its difference): the fund's movement is the live versions' contributions less their returns.
import { expect } from 'chai';
import { get, post, system, unitId, type Json, type Problem } from '../../scripts/test/harness';
import { db } from '../db/knex';
import { fromFen } from '../shared/money';
import * as clock from '../core/clock';
import type { PayLine, PayRun, PayRunDifference, PayStatement, PersonFund } from '.';
import type { LedgerEntry, RiskFundEntry } from '../finance';

type RunRead = Json<PayRun> & { lines: Json<PayLine>[]; differences: Json<PayRunDifference>[]; superseded_by_id: number | null };
const fen = (yuan: string | null) => BigInt(Math.round(Number(yuan) * 100));
const year = Number(clock.today().slice(0, 4)) - 2;

describe('pay corrections and the medical-risk fund (HTTP, real database)', () => {
  let township: number;
  let director: string;
  let doctor: { username: string; staff_id: number };
  let november: RunRead;
  let december: RunRead;
  /** December's correction: the live version */
  let corrected: RunRead;

  const read = async (id: number) => (await get<RunRead>(`/api/pay-runs/${id}`, { as: 'finance' })).body;
  const session = async (on: string, attendees: number) => {
    const r = await post('/api/followups', { type: 'health_education', visited_on: on, topic: '慢病防治', attendees }, { as: doctor.username });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
  };
  const payMonth = async (month: string, fund: string) => {
    const made = await post<Json<PayRun>>('/api/pay-runs', { org_unit_id: township, month, budgeted_fund: fund }, { as: 'finance' });
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const calc = await post(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' });
    expect(calc.status, JSON.stringify(calc.body)).to.equal(200);
    return read(made.body.id);
  };
  /** The risk-fund entries the runs' approvals posted (not the top-ups of an expert sent down): each between payables and the risk fund, of the township; the fund's net movement in fen. */
  const posted = async (...ids: number[]) => {
    const entries: Json<LedgerEntry>[] = [];
    for (const id of ids)
      entries.push(
        ...(
          await get<Json<LedgerEntry>[]>('/api/ledger-entries', { as: 'finance', query: { filter: { source_type: 'pay-runs', source_id: id } } })
        ).body.filter((e) => e.debit_account === 'risk_fund' || e.credit_account === 'risk_fund'),
      );
    for (const e of entries) {
      expect([e.org_unit_id, [e.debit_account, e.credit_account].sort()], e.memo ?? '').to.deep.equal([township, ['payables', 'risk_fund']]);
      expect(fen(e.amount) > 0n).to.equal(true);
    }
    const fund = entries.reduce((a, e) => a + (e.credit_account === 'risk_fund' ? fen(e.amount) : -fen(e.amount)), 0n);
    return { entries, fund };
  };
  const approve = async (id: number) => {
    expect((await post(`/api/pay-runs/${id}/review`, {}, { as: director })).status).to.equal(200);
    expect((await post(`/api/pay-runs/${id}/approve`, {}, { as: 'finance' })).status).to.equal(200);
  };

  before(async function () {
    this.timeout(300_000);
    await system();
    const v001 = await unitId('V001');
    const taken = (await db()('org_units').where('id', v001).first<{ parent_id: number }>('parent_id')).parent_id;
    // a village doctor employed by another township, never graded 不称职 (that would zero their points)
    const row = await db()('staff as s')
      .join('users as u', 'u.id', 's.user_id')
      .join('org_units as o', 'o.id', 's.employer_org_unit_id')
      .where('o.level', 3)
      .whereNot('o.id', taken)
      .whereLike('u.username', 'doctor-%')
      .whereNot('s.status', 'left')
      .where('u.active', true)
      .whereNotExists((q) => q.select(1).from('assessments as a').whereRaw('a.staff_id = s.id').where('a.grade', 'unqualified'))
      .orderBy([{ column: 'o.id' }, { column: 's.id' }])
      .first<{ township: number; code: string; username: string; staff_id: number }>('o.id as township', 'o.code', 'u.username', 's.id as staff_id');
    township = row.township;
    director = `director-${row.code}`;
    doctor = { username: row.username, staff_id: row.staff_id };
    await session(`${year}-11-10`, 20);
    await session(`${year}-12-10`, 20);
  });

  it('November withholds 2 % of each amount, half up; the totals add up; nothing returned before December', async () => {
    november = await payMonth(`${year}-11`, '10000.00');
    expect(november.lines.length).to.be.greaterThan(0);
    for (const l of november.lines) {
      expect(fen(l.risk_contribution), l.name).to.equal((fen(l.amount) * 2n + 50n) / 100n);
      expect([fen(l.risk_return), fen(l.net_amount)], l.name).to.deep.equal([0n, fen(l.amount) - fen(l.risk_contribution)]);
    }
    const sum = (k: 'amount' | 'risk_contribution' | 'net_amount') => november.lines.reduce((a, l) => a + fen(l[k]), 0n);
    expect([sum('amount'), sum('risk_contribution'), sum('net_amount')]).to.deep.equal([
      fen(november.pool),
      fen(november.risk_contributions),
      fen(november.net_paid),
    ]);
    expect(fen(november.risk_contributions) > 0n).to.equal(true);
    expect((await posted(november.id)).entries, 'nothing posted before approval').to.deep.equal([]);
    await approve(november.id);
    // approved: the month's contributions into the fund, one entry, nothing returned, dated the pay month's last day (open)
    const { entries } = await posted(november.id);
    expect(entries.map((e) => [e.debit_account, e.credit_account, e.amount, e.entry_date])).to.deep.equal([
      ['payables', 'risk_fund', november.risk_contributions, `${year}-11-30`],
    ]);
  });

  it("December gives back the year's contributions — November's and its own — to everyone not graded 不称职", async () => {
    december = await payMonth(`${year}-12`, '12345.67');
    const earlier = new Map(november.lines.map((l) => [l.staff_id, fen(l.risk_contribution)]));
    for (const l of december.lines) {
      const own = fen(l.risk_contribution);
      expect(own, l.name).to.equal((fen(l.amount) * 2n + 50n) / 100n);
      expect(fen(l.risk_return), l.name).to.equal(l.grade === 'unqualified' ? 0n : (earlier.get(l.staff_id) ?? 0n) + own);
      expect(fen(l.net_amount), l.name).to.equal(fen(l.amount) - own + fen(l.risk_return));
    }
    const mine = december.lines.find((l) => l.staff_id === doctor.staff_id)!;
    expect(fen(mine.risk_return)).to.equal(earlier.get(doctor.staff_id)! + fen(mine.risk_contribution));
    expect(fen(december.net_paid)).to.equal(fen(december.pool) - fen(december.risk_contributions) + fen(december.risk_returns));
    expect(december.lines.reduce((a, l) => a + fen(l.risk_return), 0n)).to.equal(fen(december.risk_returns));
    // the doctor's statement: that year's fund (two years back) has no return until December is approved
    const fund = async () => (await get<PayStatement>('/api/pay-statement', { as: doctor.username })).body.risk_fund.find((y) => y.year === year)!;
    const withheld = earlier.get(doctor.staff_id)!;
    expect(await fund()).to.deep.equal({ year, contributed: fromFen(withheld), withheld: fromFen(withheld), returned: null });
    await approve(december.id);
    // the ledger: December's contributions into the fund, the year-end return out of it
    expect((await posted(december.id)).entries.map((e) => [e.debit_account, e.credit_account, e.amount, e.entry_date]).sort()).to.deep.equal(
      [
        ['payables', 'risk_fund', december.risk_contributions, `${year}-12-31`],
        ['risk_fund', 'payables', december.risk_returns, `${year}-12-31`],
      ].sort(),
    );
    // approved: November's and December's contributions, and the year-end return of both
    expect(await fund()).to.deep.equal({
      year,
      contributed: fromFen(withheld + fen(mine.risk_contribution)),
      withheld: fromFen(withheld + fen(mine.risk_contribution)),
      returned: mine.risk_return,
    });
  });

  it('a correction needs its reason (400 naming reason), a run not yet approved and a director cannot correct', async () => {
    const none = await post<Problem>(`/api/pay-runs/${december.id}/correct`, {}, { as: 'finance' });
    expect(none.status).to.equal(400);
    expect(none.body.error.details!.map((d) => d.field)).to.include('reason');
    const blank = await post<Problem>(`/api/pay-runs/${december.id}/correct`, { reason: '  ' }, { as: 'finance' });
    expect(blank.status).to.equal(400);
    expect(blank.body.error.details!.map((d) => d.field)).to.include('reason');
    expect((await post(`/api/pay-runs/${december.id}/correct`, { reason: '补录' }, { as: director })).status).to.equal(403);
    const open = await post<Json<PayRun>>('/api/pay-runs', { org_unit_id: township, month: `${year}-10`, budgeted_fund: '0' }, { as: 'finance' });
    const early = await post<Problem>(`/api/pay-runs/${open.body.id}/correct`, { reason: '补录' }, { as: 'finance' });
    expect(early.status).to.equal(409);
    expect(early.body.error.details![0]).to.include({ field: 'status', rule: 'pay_run_state' });
  });

  it('corrects the approved December for a session logged afterwards: a new version, the old superseded, the difference naming that doctor', async () => {
    await session(`${year}-12-15`, 10);
    const made = await post<Json<PayRun>>(`/api/pay-runs/${december.id}/correct`, { reason: '补录12月15日健康教育' }, { as: 'finance' });
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    expect(made.body).to.include({
      org_unit_id: township,
      month: `${year}-12-01`,
      status: 'draft',
      version: 2,
      supersedes_id: december.id,
      reason: '补录12月15日健康教育',
      budgeted_fund: '12345.67',
    });
    const old = await read(december.id);
    expect([old.status, old.superseded_by_id]).to.deep.equal(['superseded', made.body.id]);
    // one live version per township and month
    const twice = await post<Problem>('/api/pay-runs', { org_unit_id: township, month: `${year}-12`, budgeted_fund: '1' }, { as: 'finance' });
    expect(twice.status).to.equal(409);
    expect(twice.body.error.details![0].params).to.deep.equal({ id: made.body.id });
    expect((await post(`/api/pay-runs/${december.id}/correct`, { reason: '再次' }, { as: 'finance' })).status).to.equal(409);

    expect((await post(`/api/pay-runs/${made.body.id}/calculate`, {}, { as: 'finance' })).status).to.equal(200);
    const fixed = await read(made.body.id);
    const before = new Map(old.lines.map((l) => [l.staff_id, l]));
    const after = new Map(fixed.lines.map((l) => [l.staff_id, l]));
    const was = before.get(doctor.staff_id)!;
    const now = after.get(doctor.staff_id)!;
    // the session of 10 is 5 + 2 gross points more
    expect(fen(now.gross_points) - fen(was.gross_points)).to.equal(700n);
    expect(fixed.differences.find((d) => d.staff_id === doctor.staff_id)).to.include({
      name: now.name,
      change: 'changed',
      amount_before: was.amount,
      amount_after: now.amount,
      points_before: was.points,
      points_after: now.points,
      net_before: was.net_amount,
      net_after: now.net_amount,
    });
    expect(fen(now.amount) > fen(was.amount)).to.equal(true);
    // everyone whose figures moved is listed, with both versions' figures, and no one else
    const moved = fixed.lines.filter((l) => {
      const b = before.get(l.staff_id);
      return !b || b.amount !== l.amount || b.points !== l.points || b.net_amount !== l.net_amount;
    });
    expect(fixed.differences.map((d) => d.staff_id).sort()).to.deep.equal(moved.map((l) => l.staff_id).sort());
    for (const d of fixed.differences)
      expect([d.amount_before, d.amount_after], d.name).to.deep.equal([before.get(d.staff_id)!.amount, after.get(d.staff_id)!.amount]);
    // the pool is the same, split again: the differences of the amounts add up to nothing
    expect(fixed.differences.reduce((a, d) => a + fen(d.amount_after) - fen(d.amount_before), 0n)).to.equal(0n);
    // the correction is reviewed and approved like any run — after the ledger closed December (no other file posts in
    // that year): its entries cannot be dated in the pay month, so they carry the approval's day
    expect((await post('/api/ledger-periods', { period: `${year}-12` }, { as: 'finance' })).status).to.equal(200);
    const day = clock.today();
    await approve(made.body.id);
    expect((await read(made.body.id)).status).to.equal('approved');
    const dated = (await posted(made.body.id)).entries.map((e) => e.entry_date);
    expect(dated.length, 'the correction moved the fund').to.be.greaterThan(0);
    for (const d of dated) expect([day, clock.today()]).to.include(d);
    // the correction posted only its difference: the fund moved by the live versions' contributions less their returns
    corrected = await read(made.body.id);
    const live = [november, corrected];
    const due = live.reduce((a, r) => a + fen(r.risk_contributions) - fen(r.risk_returns), 0n);
    expect((await posted(november.id, december.id, made.body.id)).fund).to.equal(due);
  });

  it("the person's fund year: finance's contributions and the paid runs' withholdings month by month, both year-end returns, adding up to the fen", async () => {
    // finance's own contributions for every active staff member of the township: March 20.00, July 13.33 (33.33 a person);
    // no payout: the year-end return gives each the 33.33 back (an equal share of n × 33.33), dated today (that year is closed)
    for (const [month, amount] of [
      ['03', '20.00'],
      ['07', '13.33'],
    ]) {
      const r = await post<{ created: number }>(
        '/api/risk-fund-entries/contributions',
        { org_unit_id: township, month: `${year}-${month}`, amount },
        { as: 'finance' },
      );
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
    }
    const back = await post<{ returns: Json<RiskFundEntry>[] }>(
      '/api/risk-fund-entries/year-end-return',
      { org_unit_id: township, fund_year: year },
      { as: 'finance' },
    );
    expect(back.status, JSON.stringify(back.body)).to.equal(200);
    const mine = back.body.returns.find((r) => r.staff_id === doctor.staff_id)!;
    expect(mine.amount).to.equal('33.33');

    const r = await get<PersonFund>(`/api/risk-fund-people/${doctor.staff_id}`, { as: 'finance', query: { year } });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const nov = november.lines.find((l) => l.staff_id === doctor.staff_id)!;
    const dec = corrected.lines.find((l) => l.staff_id === doctor.staff_id)!;
    // the withholdings: November's line and the live December's — never the superseded version's
    expect(r.body.withholdings.map((w) => [w.run_id, w.month, w.amount, w.withheld, w.returned])).to.deep.equal([
      [november.id, `${year}-11`, nov.amount, nov.risk_contribution, '0.00'],
      [corrected.id, `${year}-12`, dec.amount, dec.risk_contribution, dec.risk_return],
    ]);
    const withheld = fen(nov.risk_contribution) + fen(dec.risk_contribution);
    // a row per month: 20.00 in March, 13.33 in July, the two withholdings in November and December
    const months = Object.fromEntries(r.body.months.map((m) => [m.month, [m.contributed, m.withheld]]));
    expect(Object.keys(months)).to.have.length(12);
    expect(months[`${year}-03`]).to.deep.equal(['20.00', '0.00']);
    expect(months[`${year}-07`]).to.deep.equal(['13.33', '0.00']);
    expect(months[`${year}-11`]).to.deep.equal(['0.00', nov.risk_contribution]);
    expect(months[`${year}-12`]).to.deep.equal(['0.00', dec.risk_contribution]);
    expect(r.body.months.filter((m) => m.contributed !== '0.00' || m.withheld !== '0.00')).to.have.length(4);
    // the returns: finance's 33.33 and December's return of both withholdings (never 不称职: all of them)
    expect(fen(dec.risk_return)).to.equal(withheld);
    expect(r.body.returns.map((x) => [x.source, x.ref_id, x.month, x.amount]).sort()).to.deep.equal(
      [
        ['fund', mine.id, mine.entry_date.slice(0, 7), '33.33'],
        ['pay', corrected.id, `${year}-12`, dec.risk_return],
      ].sort(),
    );
    // paid in 33.33 + the withholdings, all of it returned: nothing kept
    expect(r.body.totals).to.deep.equal({
      contributed: '33.33',
      withheld: fromFen(withheld),
      paid_in: fromFen(3333n + withheld),
      returned: fromFen(3333n + withheld),
      kept: '0.00',
    });
    // the doctor's own statement counts the same year the same way
    const own = (await get<PayStatement>('/api/pay-statement', { as: doctor.username })).body.risk_fund.find((y) => y.year === year);
    expect(own).to.deep.equal({ year, contributed: fromFen(3333n + withheld), withheld: fromFen(withheld), returned: fromFen(3333n + withheld) });
    // who may not list the fund's entries may not read a person's; a staff id that is no one's is 404
    expect((await get(`/api/risk-fund-people/${doctor.staff_id}`, { as: doctor.username, query: { year } })).status).to.equal(403);
    expect((await get('/api/risk-fund-people/987654321', { as: 'finance', query: { year } })).status).to.equal(404);
    // a director reads the people of their own township, not another's (V001's township is not the doctor's)
    expect((await get(`/api/risk-fund-people/${doctor.staff_id}`, { as: director, query: { year } })).status).to.equal(200);
    expect((await get(`/api/risk-fund-people/${doctor.staff_id}`, { as: 'director-T01', query: { year } })).status).to.equal(404);
  });
});
