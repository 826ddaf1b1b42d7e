// Performance pay through HTTP against the real database (demo at test scale): the demo's pay run
// of the last complete month, its lines adding up to the pool to the fen and drilling down to the
// work behind them; the director reviews, the reviewer may not approve (four eyes), finance
// approves and locks; the village doctor's statement, live for the open month; bad input refused.
import { expect } from 'chai';
import { call, get, post, put, system, unitId, type Json, type LoginAnswer, type Problem } from '../../scripts/test/harness';
import { db } from '../db/knex';
import { fromFen } from '../shared/money';
import * as clock from '../core/clock';
import type { PayIncomeChange, PayLine, PayLineItem, PayRun, PayStatement, SchemeView } from '.';
import type { LedgerEntry } from '../finance';
import { demoPayMonths } from '../../seeds/pay';
import { unitQualityScores } from '../quality';
import { qualityScoreOf, unitQualityPoints } from './rules';
import { readSchemeView, schemeOf } from './scheme';

type RunRead = Json<PayRun> & { lines: Json<PayLine>[] };
type LineRead = Json<PayLine> & { items: Json<PayLineItem>[] };
const month = clock.previousMonth(clock.today().slice(0, 7));
const fen = (yuan: string) => BigInt(Math.round(Number(yuan) * 100));

describe('performance pay (HTTP, real database)', () => {
  let township: number;
  let run: RunRead;

  before(async function () {
    this.timeout(300_000);
    await system();
    const v001 = await unitId('V001');
    township = (await db()('org_units').where('id', v001).first<{ parent_id: number }>('parent_id')).parent_id;
    const list = await get<Json<PayRun>[]>('/api/pay-runs', { as: 'finance', query: { filter: { org_unit_id: township } } });
    const mine = list.body.find((r) => r.month === `${month}-01`)!;
    // calculated again now: the units' quality scores as of today (another file may have inspected since the demo)
    expect((await post(`/api/pay-runs/${mine.id}/calculate`, {}, { as: 'finance' })).status).to.equal(200);
    run = (await get<RunRead>(`/api/pay-runs/${mine.id}`, { as: 'finance' })).body;
  });

  it('the demo calculated the last complete month; the lines add up to the pool exactly', () => {
    expect(run.status).to.equal('calculated');
    expect(run.lines.length).to.be.greaterThan(0);
    expect(run.lines.reduce((a, l) => a + fen(l.amount), 0n)).to.equal(fen(run.pool!));
    expect(
      run.lines.find((l) => Number(l.points) > 0),
      'someone earned points',
    ).to.not.equal(undefined);
  });

  it("the demo paid every township's staff for last year's and this year's earlier months: reviewed by the director, approved by finance", async () => {
    const months = demoPayMonths(clock.today().slice(0, 7));
    expect(months.at(-1)).to.equal(month);
    const runs: { code: string; month: string; status: string; reviewed_by_name: string | null; people: number; staff: number }[] = await db()('pay_runs as r')
      .join('org_units as o', 'o.id', 'r.org_unit_id')
      // the townships' runs (the HQ's and B1's pay by department: departmentRun.test.ts)
      .where('o.level', 3)
      .where('r.version', 1)
      .whereRaw("to_char(r.month, 'YYYY-MM') = any(?)", [months.slice(0, -1)])
      .select(
        'o.code',
        db().raw("to_char(r.month, 'YYYY-MM') as month"),
        'r.status',
        'r.reviewed_by_name',
        db().raw('(select count(*)::int from pay_lines l where l.run_id = r.id) as people'),
        db().raw('(select count(*)::int from pay_lines l where l.run_id = r.id and l.work_org_unit_id = r.org_unit_id) as staff'),
      );
    // the demo's townships (T01…T30): other files of the same database add townships of their own
    const townships = (await db()('org_units').where('level', 3).whereRaw("code ~ '^T[0-9]{2}$'").select<{ code: string }[]>('code')).map((u) => u.code);
    // every township's month has its run (approved, unless no one earned a point: a draft)
    for (const code of townships)
      expect(
        runs.filter((r) => r.code === code).map((r) => r.month),
        code,
      ).to.include.members(months.slice(0, -1));
    // approved (another file may have locked or corrected one since): the base part pays even a month without work
    const paid = runs.filter((r) => ['approved', 'locked', 'superseded'].includes(r.status));
    expect(paid.length).to.equal(runs.length);
    expect(paid.every((r) => r.reviewed_by_name?.endsWith('院长'))).to.equal(true);
    // the township's own staff are on the payroll, not only the village doctors
    expect(paid.every((r) => r.staff > 0 && r.people > r.staff)).to.equal(true);
  });

  it('each line has its base part by post and title: the director 院长岗, the township staff by category, the village doctors 乡村医生岗', async () => {
    const director = (
      await db()('users')
        .where('username', `director-${(await db()('org_units').where('id', township).first<{ code: string }>('code')).code}`)
        .first<{ id: number }>('id')
    ).id;
    const head = run.lines.find((l) => l.user_id === director)!;
    expect(head, "the director's line").to.not.equal(undefined);
    expect(head.post).to.equal('director');
    const scheme = (await get<SchemeView>('/api/pay-scheme', { as: 'finance' })).body;
    for (const l of run.lines) {
      expect(l.post, l.name).to.not.equal(null);
      expect(Number(l.base_points), l.name).to.equal(scheme.post_points[l.post!] + scheme.title_points[l.title_level!]);
    }
    const village = run.lines.filter((l) => l.work_org_unit_id !== township && l.post === 'village_doctor');
    expect(village.length, 'village doctors').to.be.greaterThan(0);
  });

  it('收入变化 of this year on the demo: every role paid in both years, the director above the other township staff a month', async function () {
    const view = (await get<PayIncomeChange>('/api/pay-income-change', { as: 'finance', query: { year: Number(clock.today().slice(0, 4)) } })).body;
    // early in January this year has no paid month yet
    if (!view.months.length) this.skip();
    const role = (r: string) => view.by_role.find((x) => x.role === r)!;
    for (const r of ['director', 'township_staff', 'village_doctor'])
      for (const y of [role(r).this_year, role(r).last_year]) expect(Number(y.average ?? '0'), r).to.be.greaterThan(0);
    expect(Number(role('director').this_year.average)).to.be.greaterThan(Number(role('township_staff').this_year.average));
    expect(role('director').change_pct).to.not.equal(null);
  });

  it("withholds the risk fund's 2 % from each amount, half up, and the run's totals add up", () => {
    const december = month.endsWith('-12');
    for (const l of run.lines) {
      expect(fen(l.risk_contribution), l.name).to.equal((fen(l.amount) * 2n + 50n) / 100n);
      if (!december) expect(fen(l.risk_return), l.name).to.equal(0n);
      expect(fen(l.net_amount), l.name).to.equal(fen(l.amount) - fen(l.risk_contribution) + fen(l.risk_return));
    }
    const sum = (f: (l: (typeof run.lines)[number]) => string) => run.lines.reduce((a, l) => a + fen(f(l)), 0n);
    expect(sum((l) => l.risk_contribution)).to.equal(fen(run.risk_contributions!));
    expect(sum((l) => l.risk_return)).to.equal(fen(run.risk_returns!));
    expect(sum((l) => l.net_amount)).to.equal(fen(run.net_paid!));
    expect(fen(run.net_paid!)).to.equal(fen(run.pool!) - fen(run.risk_contributions!) + fen(run.risk_returns!));
    expect(fen(run.risk_contributions!) > 0n, 'something withheld').to.equal(true);
  });

  it('a line drills down to the follow-ups and contracts behind it, the residents masked, and its points add up', async () => {
    const line = run.lines.reduce((a, b) => (Number(b.gross_points) > Number(a.gross_points) ? b : a));
    const r = await get<LineRead>(`/api/pay-runs/${run.id}/lines/${line.id}`, { as: 'finance' });
    expect(r.status).to.equal(200);
    const earned = r.body.items.filter((i) => i.kind !== 'missed_task').reduce((a, i) => a + fen(i.points), 0n);
    const lost = r.body.items.filter((i) => i.kind === 'missed_task').reduce((a, i) => a - fen(i.points), 0n);
    expect(earned).to.equal(fen(line.gross_points));
    expect(lost).to.equal(fen(line.deduction_points));
    for (const item of r.body.items.filter((i) => i.resident)) expect(item.resident).to.match(/^.\*+$/);
    // (base + (gross − deduction) × quality) × grade, to the millionth
    const net = Math.max(0, Number(line.gross_points) - Number(line.deduction_points));
    expect(Number(line.points)).to.be.closeTo(
      Math.max(0, Number(line.base_points) + net * Number(line.quality_factor) + Number(line.unit_quality_points)) * Number(line.grade_factor),
      1e-6,
    );
  });

  it("adds the points of the unit's quality score (the work unit's, else the township's, the year to the month's end) to each line", async () => {
    const scored = await unitQualityScores([township, ...run.lines.map((l) => l.work_org_unit_id)], `${month.slice(0, 4)}-01-01`, clock.monthRange(month).end);
    const scores = new Map(scored.map((q) => [q.org_unit_id, q.score]));
    // the demo inspects the first townships 90 to 55 days ago: in this year's period unless the month is early in the year
    if (month.slice(5) >= '04') expect(scores.get(township), 'the township was inspected').to.be.a('number');
    const scheme = schemeOf(await readSchemeView());
    for (const l of run.lines) {
      const q = qualityScoreOf(scores, l.work_org_unit_id, township);
      expect([l.quality_org_unit_id, l.unit_quality_score === null ? null : Number(l.unit_quality_score)], l.name).to.deep.equal([
        q?.org_unit_id ?? null,
        q?.score ?? null,
      ]);
      expect(fen(l.unit_quality_points), l.name).to.equal(BigInt(unitQualityPoints(scheme, q?.score ?? null)));
    }
    // the drill-down names the unit whose score applied
    const staff = run.lines.find((l) => l.work_org_unit_id === township && l.quality_org_unit_id !== null);
    if (staff) {
      const r = await get<LineRead & { quality_unit_name: string | null }>(`/api/pay-runs/${run.id}/lines/${staff.id}`, { as: 'finance' });
      const name = (await db()('org_units').where('id', township).first<{ name: string }>('name')).name;
      expect(r.body.quality_unit_name).to.equal(name);
    }
  });

  it("an expert the branch sent down (下派) is paid on the township's run for the month with the branch's top-up beside; 乡聘村用 doctors by the employing township", async () => {
    const mid = `${month}-15`;
    const rotations: { id: number; staff_id: number; home_org_unit_id: number }[] = await db()('rotations')
      .where({ type: 'down_expert', host_org_unit_id: township })
      .whereIn('status', ['active', 'completed'])
      .where('start_on', '<=', mid)
      .whereRaw('coalesce(actual_end_on, planned_end_on) >= ?', [mid])
      .select('id', 'staff_id', 'home_org_unit_id');
    // the demo sends one expert a year from the branch to each township, from January or February
    if (month.slice(5) >= '03') expect(rotations.length, 'an expert at the township this month').to.be.greaterThan(0);
    const topUp = fen(String((await get<SchemeView>('/api/pay-scheme', { as: 'finance' })).body.rotation_top_up));
    expect(topUp).to.equal(200_000n);
    for (const r of rotations) {
      const line = run.lines.find((l) => l.staff_id === r.staff_id)!;
      expect(line, `expert ${r.staff_id}`).to.not.equal(undefined);
      expect([line.rotation_id, line.home_org_unit_id, fen(line.rotation_top_up), line.work_org_unit_id]).to.deep.equal([
        r.id,
        r.home_org_unit_id,
        topUp,
        township,
      ]);
      expect(line.post, 'paid at the host scheme: a base part by post and title').to.not.equal(null);
    }
    expect(run.lines.filter((l) => l.rotation_id !== null).length).to.equal(rotations.length);
    expect(fen(run.rotation_top_ups!)).to.equal(topUp * BigInt(rotations.length));
    // the top-up is the sending unit's: the amounts still add up to the pool
    expect(run.lines.reduce((a, l) => a + fen(l.amount), 0n)).to.equal(fen(run.pool!));
    // 乡聘村用: each village doctor under a contract with the township on the month's first day is paid once, by it, for work in their village
    const first = `${month}-01`;
    const contracted: { staff_id: number; work_org_unit_id: number }[] = await db()('village_doctor_contracts as c')
      .join('staff as s', 's.id', 'c.staff_id')
      .where('c.employer_org_unit_id', township)
      .where('c.start_on', '<=', first)
      .where('c.end_on', '>=', first)
      .whereRaw('(c.exit_on is null or c.exit_on >= ?)', [first])
      .whereNot('s.status', 'left')
      .select('c.staff_id', 'c.work_org_unit_id');
    expect(contracted.length, 'village doctors hired by the township').to.be.greaterThan(0);
    const paid: { staff_id: number; org_unit_id: number; work_org_unit_id: number }[] = await db()('pay_lines as l')
      .join('pay_runs as r', 'r.id', 'l.run_id')
      .where('r.month', first)
      .whereNot('r.status', 'superseded')
      .whereIn(
        'l.staff_id',
        contracted.map((c) => c.staff_id),
      )
      .select('l.staff_id', 'r.org_unit_id', 'l.work_org_unit_id');
    expect(paid.map((p) => [p.staff_id, p.org_unit_id, p.work_org_unit_id]).sort()).to.deep.equal(
      contracted.map((c) => [c.staff_id, township, c.work_org_unit_id]).sort(),
    );
  });

  it("the expert's own statement shows both parts of the month: the amount at the host township's scheme and the sending unit's top-up", async () => {
    const line = run.lines.find((l) => l.rotation_id !== null);
    // the demo sends one expert a year from the branch to each township, from January or February
    if (month.slice(5) < '03' && !line) return;
    expect(line, 'an expert on the township run').to.not.equal(undefined);
    const pw = 'expert-pay-123';
    const made = await post<{ id: number }>(
      '/api/users',
      { username: 'pay-expert', display_name: line!.name, roles: ['village_doctor'], org_unit_id: township, password: pw },
      { as: 'admin' },
    );
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const own = (await db()('staff').where('id', line!.staff_id).first<{ user_id: number | null }>('user_id')).user_id;
    await db()('staff').where('id', line!.staff_id).update({ user_id: made.body.id });
    try {
      const login = await post<LoginAnswer>('/api/auth/login', { username: 'pay-expert', password: pw });
      const mine = await call<PayStatement>('GET', '/api/pay-statement', { headers: { authorization: `Bearer ${login.body.token}` } });
      expect(mine.status, JSON.stringify(mine.body)).to.equal(200);
      const names = async (id: number) => (await db()('org_units').where('id', id).first<{ name: string }>('name')).name;
      expect(mine.body.last).to.deep.include({
        month,
        amount: line!.amount,
        net_amount: line!.net_amount,
        rotation_top_up: line!.rotation_top_up,
        rotation: { host_unit: await names(township), home_unit: await names(line!.home_org_unit_id!) },
      });
      expect(fen(line!.rotation_top_up)).to.equal(200_000n);
      expect(fen(mine.body.last!.total_paid)).to.equal(fen(line!.net_amount) + 200_000n);
    } finally {
      await db()('staff').where('id', line!.staff_id).update({ user_id: own });
      await put(`/api/users/${made.body.id}`, { active: false }, { as: 'admin' });
    }
  });

  it('four eyes: the director reviews; a reviewer who is also group finance may not approve (422); finance approves and locks', async () => {
    const pw = 'twohats123';
    const made = await post(
      '/api/users',
      { username: 'pay-two-hats', display_name: '兼任', roles: ['director', 'group_finance'], org_unit_id: township, password: pw },
      { as: 'admin' },
    );
    expect(made.status, JSON.stringify(made.body)).to.equal(200);
    const login = await post<LoginAnswer>('/api/auth/login', { username: 'pay-two-hats', password: pw });
    const headers = { authorization: `Bearer ${login.body.token}` };
    const early = await post<Problem>(`/api/pay-runs/${run.id}/approve`, {}, { as: 'finance' });
    expect(early.status).to.equal(409);
    expect((await call('POST', `/api/pay-runs/${run.id}/review`, { headers, body: { comment: '同意' } })).status).to.equal(200);
    const self = await call<Problem>('POST', `/api/pay-runs/${run.id}/approve`, { headers, body: {} });
    expect(self.status).to.equal(422);
    expect(self.body.error.details).to.deep.include({ field: 'approved_by', message: 'pay-two-hats reviewed this run', rule: 'four_eyes' });
    const ok = await post<Json<PayRun>>(`/api/pay-runs/${run.id}/approve`, { comment: '同意发放' }, { as: 'finance' });
    expect(ok.body).to.include({
      status: 'approved',
      approved_by_name: (await db()('users').where('username', 'finance').first<{ display_name: string }>('display_name')).display_name,
    });
    // the ledger, dated the pay month's last day (the demo leaves the last complete month open): the risk fund at the
    // township, and each sending unit's top-ups of its experts at that unit (人员经费 → payables); each entry balanced
    const entries = (
      await get<Json<LedgerEntry>[]>('/api/ledger-entries', { as: 'finance', query: { filter: { source_type: 'pay-runs', source_id: run.id } } })
    ).body;
    const end = clock.monthRange(month).end;
    const topUps = new Map<number, bigint>();
    for (const l of run.lines) if (l.home_org_unit_id !== null) topUps.set(l.home_org_unit_id, (topUps.get(l.home_org_unit_id) ?? 0n) + fen(l.rotation_top_up));
    expect(entries.map((e) => [e.org_unit_id, e.debit_account, e.credit_account, fen(e.amount), e.entry_date]).sort()).to.deep.equal(
      [
        [township, 'payables', 'risk_fund', fen(run.risk_contributions!), end],
        ...[...topUps].map(([unit, amount]) => [unit, 'personnel', 'payables', amount, end]),
      ].sort(),
    );
    expect([...topUps.values()].reduce((a, b) => a + b, 0n)).to.equal(fen(run.rotation_top_ups!));
    expect((await post<Json<PayRun>>(`/api/pay-runs/${run.id}/lock`, {}, { as: 'finance' })).body.status).to.equal('locked');
    expect((await post(`/api/pay-runs/${run.id}/calculate`, {}, { as: 'finance' })).status).to.equal(409);
    // a second director at the township would take its director's place in other files' approval chains
    expect((await put(`/api/users/${(made.body as { id: number }).id}`, { active: false }, { as: 'admin' })).status).to.equal(200);
  });

  it("only the township's own director reviews", async () => {
    const other = await post<Json<PayRun>>(
      '/api/pay-runs',
      { org_unit_id: township, month: clock.today().slice(0, 7), budgeted_fund: '1000.00' },
      { as: 'finance' },
    );
    expect(other.status, JSON.stringify(other.body)).to.equal(200);
    expect((await post(`/api/pay-runs/${other.body.id}/review`, {}, { as: 'finance' })).status).to.equal(403);
  });

  it("doctor-V001's statement: last month's amount beside, and a session logged now raises this month's points at once", async () => {
    const before = await get<PayStatement>('/api/pay-statement', { as: 'doctor-V001' });
    expect(before.status).to.equal(200);
    const doctor = (await db()('users').where('username', 'doctor-V001').first<{ id: number }>('id')).id;
    const mine = run.lines.find((l) => l.user_id === doctor)!;
    expect(before.body.last).to.deep.equal({
      month,
      status: 'locked',
      points: mine.points,
      point_value: run.point_value,
      amount: mine.amount,
      risk_contribution: mine.risk_contribution,
      risk_return: mine.risk_return,
      net_amount: mine.net_amount,
      rotation_top_up: '0.00',
      rotation: null,
      total_paid: mine.net_amount,
    });
    // the medical-risk fund, this year and the two before: what the paid runs withheld (this month's run locked above) and the year-end returns
    const staff = (await db()('staff').where('user_id', doctor).first<{ id: number }>('id')).id;
    const paid: { year: number; contribution: string; risk_return: string; december: boolean }[] = await db()('pay_lines as l')
      .join('pay_runs as r', 'r.id', 'l.run_id')
      .where('l.staff_id', staff)
      .whereIn('r.status', ['approved', 'locked'])
      .select(
        db().raw('extract(year from r.month)::int as year'),
        'l.risk_contribution as contribution',
        'l.risk_return',
        db().raw('extract(month from r.month) = 12 as december'),
      );
    // and finance's own contributions and year-end returns of the fund (the demo's: every active staff member's since January last year)
    const entries: { fund_year: number; kind: string; amount: string }[] = await db()('risk_fund_entries')
      .where('staff_id', staff)
      .whereIn('kind', ['contribution', 'return'])
      .select('fund_year', 'kind', 'amount');
    const thisYear = Number(clock.today().slice(0, 4));
    expect(before.body.risk_fund).to.deep.equal(
      [thisYear, thisYear - 1, thisYear - 2].map((year) => {
        const of = paid.filter((p) => p.year === year);
        const dec = of.find((p) => p.december && fen(p.risk_return) > 0n);
        const withheld = of.reduce((a, p) => a + fen(p.contribution), 0n);
        const fund = (kind: string) => entries.filter((e) => e.fund_year === year && e.kind === kind).map((e) => fen(e.amount));
        const returns = [...fund('return'), ...(dec ? [fen(dec.risk_return)] : [])];
        return {
          year,
          contributed: fromFen(withheld + fund('contribution').reduce((a, f) => a + f, 0n)),
          withheld: fromFen(withheld),
          returned: returns.length ? fromFen(returns.reduce((a, f) => a + f, 0n)) : null,
        };
      }),
    );
    if (month.startsWith(String(thisYear))) expect(fen(before.body.risk_fund[0].contributed) >= fen(mine.risk_contribution)).to.equal(true);
    const logged = await post(
      '/api/followups',
      { type: 'health_education', visited_on: clock.today(), topic: '高血压防治', attendees: 23 },
      { as: 'doctor-V001' },
    );
    expect(logged.status, JSON.stringify(logged.body)).to.equal(200);
    const after = await get<PayStatement>('/api/pay-statement', { as: 'doctor-V001' });
    // a session is 5 points and 0.2 a listener: 5 + 4.6
    expect(fen(after.body.gross_points!) - fen(before.body.gross_points!)).to.equal(960n);
  });

  it('bad input is a 4xx naming the field', async () => {
    const badMonth = await post<Problem>('/api/pay-runs', { org_unit_id: township, month: '2026-13', budgeted_fund: '10' }, { as: 'finance' });
    expect(badMonth.status).to.equal(400);
    expect(badMonth.body.error.details!.map((d) => d.field)).to.include('month');
    const negative = await post<Problem>('/api/pay-runs', { org_unit_id: township, month: '2025-01', budgeted_fund: '-1' }, { as: 'finance' });
    expect(negative.status).to.equal(400);
    expect(negative.body.error.details!.map((d) => d.field)).to.include('budgeted_fund');
    const village = await post<Problem>('/api/pay-runs', { org_unit_id: await unitId('V001'), month: '2025-01', budgeted_fund: '10' }, { as: 'finance' });
    expect(village.status).to.equal(422);
    expect(village.body.error.details).to.deep.include({
      field: 'org_unit_id',
      message: `unit ${await unitId('V001')} is a village clinic: its people are on the township's run`,
      rule: 'not_township',
    });
    const twice = await post<Problem>('/api/pay-runs', { org_unit_id: township, month, budgeted_fund: '10' }, { as: 'finance' });
    expect(twice.status).to.equal(409);
    const scheme = (await get<SchemeView>('/api/pay-scheme', { as: 'finance' })).body;
    expect(scheme.points.hypertension_followup).to.equal(4);
    expect(scheme.risk_fund_rate).to.equal(2);
    const badRate = await put<Problem>('/api/pay-scheme', { ...scheme, risk_fund_rate: 10.5 }, { as: 'finance' });
    expect(badRate.status).to.equal(400);
    expect(badRate.body.error.details!.map((d) => d.field)).to.include('risk_fund_rate');
    // the departments' scheme: weights adding up to 100 (else 422 naming them, rule weights_sum), else kept
    expect(scheme.department_scheme).to.deep.equal({ weights: { drug_share: 40, cost_per_stay: 40, referrals: 20 }, max_indicator_score: 120 });
    const badWeights = await put<Problem>(
      '/api/pay-scheme',
      { ...scheme, department_scheme: { ...scheme.department_scheme, weights: { drug_share: 50, cost_per_stay: 40, referrals: 20 } } },
      { as: 'finance' },
    );
    expect(badWeights.status).to.equal(422);
    expect(badWeights.body.error.details).to.deep.equal([
      { field: 'department_scheme.weights', message: 'the weights must add up to 100', rule: 'weights_sum' },
    ]);
    expect((await get<SchemeView>('/api/pay-scheme', { as: 'finance' })).body).to.deep.equal(scheme);
    const changed = { ...scheme, department_scheme: { weights: { drug_share: 50, cost_per_stay: 30, referrals: 20 }, max_indicator_score: 150 } };
    expect((await put<SchemeView>('/api/pay-scheme', changed, { as: 'finance' })).body.department_scheme).to.deep.equal(changed.department_scheme);
    expect((await put('/api/pay-scheme', scheme, { as: 'finance' })).status).to.equal(200);
    const badScheme = await put<Problem>('/api/pay-scheme', { ...scheme, grade_factors: { ...scheme.grade_factors, excellent: -1 } }, { as: 'finance' });
    expect(badScheme.status).to.equal(400);
    expect(badScheme.body.error.details!.map((d) => d.field)).to.include('grade_factors.excellent');
  });
});
