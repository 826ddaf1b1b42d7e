// Frozen inputs and the sign-off of health data over HTTP against the real database (issue 18): a run's version stores
// the health indicators of its months and is calculated from them (twice alike to the fen); a follow-up recorded for a
// signed-off month shows only in the next version's difference; sign-off bottom-up, withdrawal top-down; a final run
// refused while months are not signed off by the group.
import { expect } from 'chai';
import { toFen } from '../../shared/money';
import * as clock from '../../core/clock';
import { db } from '../../db/knex';
import { ANSWERED } from '../../../scripts/test/health';
import { auditCount, get, post, type AnswerOf, type Json, type Problem } from '../../../scripts/test/harness';
import type { OrgUnit } from '../../org';
import type { SettlementRun } from '../runs/model';
import type { readRun, readVersion } from '../runs/service';
import type { signoffGrid } from './service';

type Run = Json<SettlementRun>;
type RunAnswer = AnswerOf<typeof readRun>;
type VersionAnswer = AnswerOf<typeof readVersion>;
type Grid = AnswerOf<typeof signoffGrid>;
type Unit = Json<OrgUnit>;

const REGION = '冻结县';
/** a year nobody signs: the sign-off order is tested on its June, and its final run is refused */
const UNSIGNED_YEAR = 2019;

const units = async (filter: Record<string, unknown>) =>
  (await get<Unit[]>('/api/org-units', { as: 'finance', query: { filter: { active: true, ...filter }, range: [0, 999] } })).body;

async function fundYear(year: number) {
  const r = await post<{ id: number }>(
    '/api/fund-years',
    { region: REGION, year, insured_count: 30000, premium_total: '3000000.00', catastrophic_pool: '0', outpatient_pool: '0' },
    { as: 'finance' },
  );
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body.id;
}

async function calculate(runId: number, reason?: string) {
  const r = await post<Run>(`/api/settlement-runs/${runId}/calculate`, reason ? { reason } : {}, { as: 'finance' });
  expect(r.status, JSON.stringify(r.body)).to.equal(200);
  return r.body;
}

const version = async (runId: number, v: number) => (await get<VersionAnswer>(`/api/settlement-runs/${runId}/versions/${v}`, { as: 'finance' })).body;

describe('frozen inputs and health data sign-off (HTTP, real database)', function () {
  this.timeout(120_000);
  // last year: the demo signed off all its months
  const lastYear = Number(clock.today().slice(0, 4)) - 1;
  let runId: number;
  let townships: Unit[];

  before(async () => {
    const fundYearId = await fundYear(lastYear);
    townships = await units({ level: 3 });
    for (const t of townships) {
      const p = await post('/api/fund-year-populations', { fund_year_id: fundYearId, org_unit_id: t.id, insured_population: 1000 }, { as: 'finance' });
      expect(p.status, JSON.stringify(p.body)).to.equal(200);
    }
    runId = (await post<Run>('/api/settlement-runs', { fund_year_id: fundYearId, period: String(lastYear) }, { as: 'finance' })).body.id;
  });

  it('two calculations with unchanged claims and health data are identical to the fen, every allocation row, from the stored inputs', async () => {
    await calculate(runId);
    await calculate(runId, '复核：数据未变');
    const [v1, v2] = [await version(runId, 1), await version(runId, 2)];
    const f1 = v1.figures;
    const f2 = v2.figures;
    // no claims: the surplus is the budget (3,000,000.00 × the default 0.9 bundle ratio), three failed gates keep 70%
    expect([f1.surplus, f1.retained]).to.deep.equal(['2700000.00', '1890000.00']);
    // two pools, a row each per recipient (the level-3 units of the recipient kinds)
    const recipients = new Set(f2.allocations.map((a) => a.org_unit_id));
    expect(recipients.size).to.be.greaterThan(townships.length / 2);
    expect(f2.allocations).to.have.length(recipients.size * 2);
    f1.allocations.forEach((a, i) => expect(f2.allocations[i], `${a.pool} ${a.code}`).to.deep.equal(a));
    expect(f2.allocations.reduce((a, x) => a + toFen(x.amount), 0n)).to.equal(toFen(f2.retained));
    // the inputs: two health indicators of every township, the same in both versions, none changed
    expect(v2.inputs).to.have.length(recipients.size * 2);
    expect(v2.inputs).to.deep.equal(v1.inputs);
    expect(v2.input_changes).to.deep.equal([]);
    expect(v2.inputs_compared_with).to.deep.equal({ run_id: runId, version: 1 });
    // the allocation scored each township on its stored values
    for (const a of f2.allocations.filter((x) => x.pool === 'health_management'))
      for (const key of ['standardised_management_rate', 'control_rate'])
        expect(a.raw_values[key], `${a.code} ${key}`).to.equal(v2.inputs.find((i) => i.org_unit_id === a.org_unit_id && i.indicator === key)!.value);
  });

  it('a follow-up recorded for a signed-off month is accepted, leaves the stored version alone, and shows in the next version’s difference', async () => {
    // a hypertension patient already standardised (≥ 4 face-to-face visits) whose last visit of last year was on target:
    // an uncontrolled visit on 31 December takes one off the township's controlled count and changes nothing else
    const { rows } = await db().raw<{ rows: { resident_id: number; village: string; township_id: number }[] }>(
      `SELECT f.resident_id, v.code AS village, v.parent_id AS township_id
         FROM followups f JOIN residents r ON r.id = f.resident_id JOIN org_units v ON v.id = r.org_unit_id
        WHERE f.type = 'hypertension' AND f.visited_on BETWEEN ?::date AND ?::date AND v.kind = 'village'
          AND r.deregistered_on IS NULL AND r.conditions @> '[{"code":"hypertension"}]'
        GROUP BY f.resident_id, v.code, v.parent_id
       HAVING count(*) FILTER (WHERE f.mode <> 'phone') >= 4 AND max(f.visited_on) < ?::date
          AND (array_agg(coalesce(f.on_target, f.classification = 'controlled') ORDER BY f.visited_on DESC, f.id DESC))[1]
        ORDER BY f.resident_id LIMIT 1`,
      [`${lastYear}-01-01`, `${lastYear}-12-31`, `${lastYear}-12-31`],
    );
    expect(rows, 'a standardised, controlled patient in the demo').to.have.length(1);
    const [patient] = rows;
    const before = (await get<RunAnswer>(`/api/settlement-runs/${runId}`, { as: 'finance' })).body;
    const old = (key: string) => before.inputs.find((i) => i.org_unit_id === patient.township_id && i.indicator === key)!;

    const visit = await post(
      '/api/followups',
      { ...ANSWERED, resident_id: patient.resident_id, type: 'hypertension', mode: 'clinic', visited_on: `${lastYear}-12-31`, systolic: 172, diastolic: 104 },
      { as: `doctor-${patient.village}` },
    );
    expect(visit.status, JSON.stringify(visit.body)).to.equal(200);
    // the stored version is as it was
    expect((await version(runId, 2)).inputs).to.deep.equal(before.inputs);

    await calculate(runId, '补录随访后重算');
    const v3 = await version(runId, 3);
    const control = old('control_rate');
    const after = { numerator: control.numerator - 1, denominator: control.denominator };
    expect(v3.input_changes).to.deep.equal([
      {
        org_unit_id: patient.township_id,
        code: control.code,
        name: control.name,
        indicator: 'control_rate',
        before: { numerator: control.numerator, denominator: control.denominator, value: control.value },
        after: { ...after, value: Math.round((after.numerator / after.denominator) * 10_000) / 10_000 },
      },
    ]);
    expect(v3.inputs.find((i) => i.org_unit_id === patient.township_id && i.indicator === 'standardised_management_rate')).to.deep.equal(
      old('standardised_management_rate'),
    );
  });

  describe('sign-off, bottom-up', () => {
    const key = { year: UNSIGNED_YEAR, month: 6 };
    let t01: Unit;
    let villages: Unit[];
    before(async () => {
      // a township whose village clinics are all the demo's, each with its doctor's login (other files add clinics to some)
      for (const t of await units({ level: 3 })) {
        const below = await units({ parent_id: t.id, kind: 'village' });
        if (below.length < 2 || !below.every((v) => /^V\d+$/.test(v.code))) continue;
        [t01, villages] = [t, below];
        break;
      }
      expect(villages.length).to.be.greaterThan(1);
    });
    const director = () => `director-${t01.code}`;
    const sign = (as: string, unit: Unit, path = '/api/health-signoffs') => post<Problem>(path, { ...key, org_unit_id: unit.id }, { as });

    it('a township cannot sign before its villages (422 naming them); a director cannot sign for a village; the group waits for every township', async () => {
      const early = await sign(director(), t01);
      expect(early.status).to.equal(422);
      const [detail] = early.body.error.details!;
      expect(detail).to.deep.include({ field: 'org_unit_id', rule: 'below_not_signed' });
      expect(detail.params).to.deep.equal({
        period: `${UNSIGNED_YEAR}-06`,
        count: villages.length,
        units: villages.map((v) => `${v.name}（${v.code}）`).join('、'),
      });
      const forVillage = await sign(director(), villages[0]);
      expect(forVillage.status).to.equal(403);
      expect(forVillage.body.error.details![0].rule).to.equal('not_the_signer');

      for (const v of villages) expect((await sign(`doctor-${v.code}`, v)).status, v.code).to.equal(200);
      const audits = await auditCount();
      expect((await sign(director(), t01)).status).to.equal(200);
      expect(await auditCount()).to.equal(audits + 1);

      const root = (await units({ level: 1 }))[0];
      const group = await sign('finance', root);
      expect(group.status).to.equal(422);
      expect(group.body.error.details![0].params).to.include({ count: townships.length - 1 });

      const grid = (await get<Grid>('/api/health-signoffs', { as: director(), query: { year: UNSIGNED_YEAR } })).body;
      expect(grid.units.map((u) => u.code)).to.deep.equal([t01.code, ...villages.map((v) => v.code)]);
      expect(grid.units[0]).to.deep.include({ level: 'township', may_sign: true, below: villages.length });
      expect(grid.units[0].months[5]).to.include({ state: 'signed', below_signed: villages.length });
      expect(grid.units[0].months[6]).to.include({ state: 'open', below_signed: 0 });
      expect(grid.units[1]).to.deep.include({ level: 'village', may_sign: false });
    });

    it('a village withdraws only after its township has withdrawn (422 naming it)', async () => {
      const v = villages[0];
      const refused = await sign(`doctor-${v.code}`, v, '/api/health-signoffs/withdraw');
      expect(refused.status).to.equal(422);
      expect(refused.body.error.details![0]).to.deep.include({ rule: 'above_signed' });
      expect(String(refused.body.error.details![0].params!.unit)).to.contain(t01.name);
      expect((await sign(director(), t01, '/api/health-signoffs/withdraw')).status).to.equal(200);
      expect((await sign(`doctor-${v.code}`, v, '/api/health-signoffs/withdraw')).status).to.equal(200);
      const grid = (await get<Grid>('/api/health-signoffs', { as: `doctor-${v.code}`, query: { year: UNSIGNED_YEAR } })).body;
      expect(grid.units).to.have.length(1);
      expect(grid.units[0]).to.deep.include({ code: v.code, may_sign: true });
      expect(grid.units[0].months[5]).to.include({ state: 'open', signed_by_name: null });
    });

    it('the month still running cannot be signed (422 naming the month)', async () => {
      const today = clock.today();
      const v = villages[0];
      const r = await post<Problem>(
        '/api/health-signoffs',
        { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)), org_unit_id: v.id },
        { as: `doctor-${v.code}` },
      );
      expect(r.status).to.equal(422);
      expect(r.body.error.details![0]).to.deep.include({ field: 'month', rule: 'month_not_over', params: { period: today.slice(0, 7) } });
      const bad = await post<Problem>('/api/health-signoffs', { year: 2019, month: 13, org_unit_id: v.id }, { as: `doctor-${v.code}` });
      expect(bad.status).to.equal(400);
      expect(bad.body.error.details![0].field).to.equal('month');
    });
  });

  it('a final run with months not signed off by the group is refused, naming them, and stores nothing', async () => {
    const fundYearId = await fundYear(UNSIGNED_YEAR);
    const run = (await post<Run>('/api/settlement-runs', { fund_year_id: fundYearId, period: String(UNSIGNED_YEAR) }, { as: 'finance' })).body;
    const r = await post<Problem>(`/api/settlement-runs/${run.id}/calculate`, {}, { as: 'finance' });
    expect(r.status).to.equal(422);
    expect(r.body.error.code).to.equal('months_not_signed_off');
    expect(r.body.error.details![0]).to.deep.include({
      field: 'period',
      rule: 'months_not_signed_off',
      params: { months: '1、2、3、4、5、6、7、8、9、10、11、12' },
    });
    const stored = (await get<RunAnswer>(`/api/settlement-runs/${run.id}`, { as: 'finance' })).body;
    expect([stored.status, stored.version, stored.inputs]).to.deep.equal(['draft', 0, []]);
  });
});
