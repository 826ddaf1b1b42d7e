// The settlement arithmetic without a database: rates, periods, tiers, gates, indicators, normalisation, allocation.
import { expect } from 'chai';
import { fromFen, toFen } from '../../shared/money';
import { defineEnum } from '../../core/enums';
import { GATE, type GateDef, type GateRegistry } from '../enums';
import { DEFAULT_ALLOCATION, DEFAULT_GATES, DEFAULT_INDICATOR_THRESHOLDS, DEFAULT_TIERS, gatesConfig, type GateConfig } from '../fundYears/rules';
import { gatesSchema } from '../fundYears/routes';
import {
  // grouped as the describes below test them
  inputChanges,
  inputValues,
  rate4,
  parsePeriod,
  overspendSplit,
  gateValues,
  judgeGates,
  retainedOf,
  satisfactionOf,
  sumsOf,
  addSums,
  emptySums,
  indicatorsOf,
  insuredIndicatorsOf,
  normalise,
  percentile,
  allocate,
  admissionsChange,
  settle,
  projectYearEnd,
  type ClaimSums,
} from './rules';
import { compareFigures } from './difference';

const sums = (over: Partial<ClaimSums>): ClaimSums => ({ ...emptySums(), ...over });

describe('settlement rules: rates and periods', () => {
  it('rates are rounded to four decimals, null without a denominator', () => {
    expect(rate4(1027n, 10000n)).to.equal(0.1027);
    expect(rate4(2n, 3n)).to.equal(0.6667);
    expect(rate4(-1n, 3n)).to.equal(-0.3333);
    expect(rate4(1n, 0n)).to.equal(null);
  });

  it('parses periods: a month is provisional year to date, a year is final', () => {
    expect(parsePeriod('2025-03')).to.deep.equal({ year: 2025, kind: 'provisional', throughMonth: 3 });
    expect(parsePeriod('2025')).to.deep.equal({ year: 2025, kind: 'final', throughMonth: 12 });
    expect(parsePeriod('2025-13')).to.equal(null);
    expect(parsePeriod('25-1')).to.equal(null);
  });
});

describe('settlement rules: overspend tiers (超支分担)', () => {
  const budget = toFen('1000000.00'); // tier edge at 5% = 50,000.00

  it('no overspend under budget', () => {
    const s = overspendSplit(budget, toFen('900000.00'), DEFAULT_TIERS);
    expect([s.overspend, s.group, s.fund]).to.deep.equal([0n, 0n, 0n]);
  });

  it('inside the first tier the group bears half', () => {
    const s = overspendSplit(budget, toFen('1030000.00'), DEFAULT_TIERS);
    expect(fromFen(s.overspend)).to.equal('30000.00');
    expect(fromFen(s.group)).to.equal('15000.00');
    expect(fromFen(s.fund)).to.equal('15000.00');
  });

  it('exactly at the tier edge: all of it in the first slice', () => {
    const s = overspendSplit(budget, toFen('1050000.00'), DEFAULT_TIERS);
    expect(fromFen(s.group)).to.equal('25000.00');
    expect(fromFen(s.fund)).to.equal('25000.00');
    expect(s.slices.map((x) => fromFen(x.amount))).to.deep.equal(['50000.00', '0.00']);
  });

  it('across the edge: the second slice is borne by the group in full', () => {
    const s = overspendSplit(budget, toFen('1080000.01'), DEFAULT_TIERS);
    expect(fromFen(s.overspend)).to.equal('80000.01');
    expect(s.slices.map((x) => fromFen(x.amount))).to.deep.equal(['50000.00', '30000.01']);
    expect(fromFen(s.group)).to.equal('55000.01');
    expect(fromFen(s.fund)).to.equal('25000.00');
    expect(s.group + s.fund).to.equal(s.overspend);
  });

  it('three tiers with fractional shares still add up', () => {
    const tiers = [
      { upTo: 0.02, groupShare: 0.3 },
      { upTo: 0.06, groupShare: 0.6 },
      { upTo: null, groupShare: 1 },
    ];
    const s = overspendSplit(toFen('333.33'), toFen('363.33'), tiers);
    expect(s.group + s.fund).to.equal(s.overspend);
    expect(s.slices.map((x) => fromFen(x.amount))).to.deep.equal(['6.67', '13.33', '10.00']);
  });
});

describe('settlement rules: settling (the run and its what-if)', () => {
  const recipients = [
    {
      org_unit_id: 1,
      code: 'T01',
      population: 1000,
      values: { standardised_management_rate: 0.8, control_rate: 0.6, inpatient_admissions_change: 0.9, drug_share: 0.3 },
    },
    {
      org_unit_id: 2,
      code: 'T02',
      population: 3000,
      values: { standardised_management_rate: 0.5, control_rate: 0.4, inpatient_admissions_change: 1.1, drug_share: 0.4 },
    },
  ];
  const config = { overspend_tiers: DEFAULT_TIERS, gates: DEFAULT_GATES, allocation: DEFAULT_ALLOCATION };
  // self-funded 0.05 and reimbursement 0.60 pass; satisfaction 80 fails: 10% of the surplus deducted
  const gate_values = { self_funded_rate: 0.05, reimbursement_ratio: 0.6, satisfaction: 80 };

  it('a surplus: the gates judged, 90% retained, the pools and recipients adding up to it exactly', () => {
    const s = settle(config, { budget: toFen('1000.00'), spending: toFen('899.99'), gate_values, recipients });
    expect(fromFen(s.surplus)).to.equal('100.01');
    expect(s.gates.map((g) => g.passed)).to.deep.equal([true, true, false]);
    // 100.01 × 0.9 = 90.009 → 90.01; pools 60% 54.01 (54.006), 40% 36.00 (36.004)
    expect(fromFen(s.retained)).to.equal('90.01');
    expect(s.split.overspend).to.equal(0n);
    expect(s.allocations.map((a) => [a.pool, a.code, a.amount])).to.deep.equal([
      // T01 is the best on every indicator: it scores 1, T02 0 — health management and staff performance alike
      ['health_management', 'T01', '54.01'],
      ['health_management', 'T02', '0.00'],
      ['staff_performance', 'T01', '36.00'],
      ['staff_performance', 'T02', '0.00'],
    ]);
  });

  it('an overspend: sliced by the tiers (5% edge at 50.00), nothing retained or allocated', () => {
    const s = settle(config, { budget: toFen('1000.00'), spending: toFen('1080.00'), gate_values, recipients });
    // 50.00 × 0.5 + 30.00 × 1.0 = 55.00 borne by the group, 25.00 by the fund
    expect([s.split.overspend, s.split.group, s.split.fund].map(fromFen)).to.deep.equal(['80.00', '55.00', '25.00']);
    expect(s.retained).to.equal(0n);
    expect(s.allocations.every((a) => a.amount === '0.00')).to.equal(true);
  });

  it('the settings alone change the money: a lower satisfaction threshold keeps the whole surplus', () => {
    const gates = { ...DEFAULT_GATES, satisfaction: { threshold: 80, deduction: 0.1 } };
    const s = settle({ ...config, gates }, { budget: toFen('1000.00'), spending: toFen('899.99'), gate_values, recipients });
    expect(fromFen(s.retained)).to.equal('100.01');
  });
});

describe('settlement rules: the year-end forecast (年终预测)', () => {
  const cum = (...yuan: number[]) => yuan.map((y) => toFen(y.toFixed(2)));
  // last year 100.00 a month (a flat shape); the year before slow to start, then fast
  const last = { year: 2025, cumulative: cum(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200) };
  const before = { year: 2024, cumulative: cum(100, 200, 250, 400, 500, 600, 700, 800, 900, 950, 980, 1000) };

  it('projects by the latest past year at the last month; the range spans every past year at each of the last three months', () => {
    const f = projectYearEnd(cum(110, 220, 330, 420), [last, before], toFen('1500.00'))!;
    // at April by last year's shape: 420 ÷ (400 / 1200) = 1,260.00
    expect(f).to.include({ through_month: 4, spending_to_date: '420.00', spending: '1260.00', surplus: '240.00', surplus_rate: 0.16 });
    // last year: Feb 220 × 1200/200 = 1,320, Mar 330 × 1200/300 = 1,320; the year before: Feb 220 × 1000/200 = 1,100,
    // Mar 330 × 1000/250 = 1,320, Apr 420 × 1000/400 = 1,050
    expect(f.projections.map((p) => [p.year, p.month, p.share, p.spending])).to.deep.equal([
      [2025, 4, 0.3333, '1260.00'],
      [2025, 3, 0.25, '1320.00'],
      [2025, 2, 0.1667, '1320.00'],
      [2024, 4, 0.4, '1050.00'],
      [2024, 3, 0.25, '1320.00'],
      [2024, 2, 0.2, '1100.00'],
    ]);
    expect(f).to.include({ spending_low: '1050.00', spending_high: '1320.00', surplus_rate_low: 0.12, surplus_rate_high: 0.3 });
  });

  it('rounds the projection to the fen, half away from zero, from the exact shape', () => {
    const shape = { year: 2025, cumulative: cum(7, ...Array.from({ length: 11 }, () => 10)) };
    // 100.01 × 10 / 7 = 142.8714… → 142.87; one month to date: one projection
    const f = projectYearEnd(cum(100.01), [shape], toFen('200.00'))!;
    expect(f).to.include({ spending: '142.87', spending_low: '142.87', spending_high: '142.87', surplus_rate: 0.2857 });
    expect(f.projections).to.have.length(1);
  });

  it('no forecast without a month to date, a past year, or spending of the latest past year by the month', () => {
    expect(projectYearEnd([], [last], toFen('1500.00'))).to.equal(null);
    expect(projectYearEnd(cum(110), [], toFen('1500.00'))).to.equal(null);
    expect(projectYearEnd(cum(110), [{ year: 2025, cumulative: cum(0, ...Array.from({ length: 11 }, () => 100)) }], toFen('1500.00'))).to.equal(null);
  });
});

describe('settlement rules: gates and retention (结余留用)', () => {
  /** the gates as a run judges them: measured from the sums and the survey, then held against the configuration */
  const evaluateGates = (s: ClaimSums, satisfaction: number | null, config: Partial<Record<string, GateConfig>>, registry?: GateRegistry) =>
    judgeGates(gateValues(s, satisfaction, registry), config, registry);
  const good = sums({ total: toFen('1000.00'), fund: toFen('600.00'), self_funded: toFen('50.00'), self_pay: toFen('350.00') });

  it('all gates pass: nothing is deducted', () => {
    const gates = evaluateGates(good, 90, DEFAULT_GATES);
    expect(gates.map((g) => [g.key, g.value, g.passed])).to.deep.equal([
      ['self_funded_rate', 0.05, true],
      ['reimbursement_ratio', 0.6, true],
      ['satisfaction', 90, true],
    ]);
    expect(fromFen(retainedOf(toFen('1000.00'), gates))).to.equal('1000.00');
  });

  it('the self-funded rate fails above its threshold', () => {
    const g = evaluateGates(sums({ ...good, self_funded: toFen('90.00'), self_pay: toFen('310.00') }), 90, DEFAULT_GATES)[0];
    expect(g).to.include({ key: 'self_funded_rate', value: 0.09, passed: false, deduction: 0.1 });
  });

  it('the reimbursement ratio fails below its threshold', () => {
    const g = evaluateGates(sums({ ...good, fund: toFen('500.00'), self_pay: toFen('450.00') }), 90, DEFAULT_GATES)[1];
    expect(g).to.include({ key: 'reimbursement_ratio', value: 0.5, passed: false, deduction: 0.1 });
  });

  it('satisfaction fails below its threshold, and when no survey was imported', () => {
    expect(evaluateGates(good, 84.99, DEFAULT_GATES)[2]).to.include({ passed: false, deduction: 0.1 });
    expect(evaluateGates(good, 85, DEFAULT_GATES)[2]).to.include({ passed: true, deduction: 0 });
    expect(evaluateGates(good, null, DEFAULT_GATES)[2]).to.include({ value: null, passed: false });
  });

  it('retained = surplus × (1 − Σ deductions), never below 0, nothing from an overspend', () => {
    const failed = evaluateGates(sums({ ...good, fund: toFen('500.00'), self_pay: toFen('450.00') }), 80, DEFAULT_GATES);
    expect(failed.filter((g) => !g.passed)).to.have.length(2);
    expect(fromFen(retainedOf(toFen('1000.01'), failed))).to.equal('800.01');
    const heavy = failed.map((g) => ({ ...g, deduction: g.passed ? 0 : 0.6 }));
    expect(retainedOf(toFen('1000.00'), heavy)).to.equal(0n);
    expect(retainedOf(toFen('-5.00'), evaluateGates(good, 90, DEFAULT_GATES))).to.equal(0n);
  });

  // the README's "Adding a settlement gate", in-process: one registry entry, and the evaluation and the schema follow
  const withPrimaryCare = defineEnum('gate', {
    ...GATE.labels,
    primary_care_fund_share: {
      zh: '基层基金支出占比',
      en: 'Primary-care fund share',
      direction: 'min',
      measure: { ratio: ['fund_primary', 'fund'] },
      threshold: 0.2,
      deduction: 0.05,
    },
  } satisfies Record<string, GateDef>);

  it('an added gate is evaluated from its registry entry, with its default for a year stored before it existed', () => {
    const gates = evaluateGates(sums({ ...good, fund_primary: toFen('60.00') }), 90, DEFAULT_GATES, withPrimaryCare);
    expect(gates.map((g) => g.key)).to.deep.equal([...GATE.values, 'primary_care_fund_share']);
    expect(gates[3]).to.deep.equal({ key: 'primary_care_fund_share', direction: 'min', value: 0.1, threshold: 0.2, passed: false, deduction: 0.05 });
    expect(fromFen(retainedOf(toFen('1000.00'), gates))).to.equal('950.00');
    const configured = { ...DEFAULT_GATES, primary_care_fund_share: { threshold: 0.1, deduction: 0.05 } };
    expect(evaluateGates(sums({ ...good, fund_primary: toFen('60.00') }), 90, configured, withPrimaryCare)[3]).to.include({ passed: true, deduction: 0 });
  });

  it('the fund-year schema asks for the added gate; a year stored before it reads the default', () => {
    const gate = { threshold: 0.2, deduction: 0.05 };
    expect(gatesSchema(withPrimaryCare).safeParse(DEFAULT_GATES).success).to.equal(false);
    expect(gatesSchema(withPrimaryCare).safeParse({ ...DEFAULT_GATES, primary_care_fund_share: gate }).success).to.equal(true);
    expect(gatesSchema().safeParse({ ...DEFAULT_GATES, primary_care_fund_share: gate }).success).to.equal(false); // not in the real registry
    expect(gatesConfig({ self_funded_rate: { threshold: 0.07, deduction: 0.2 } })).to.deep.equal({
      ...DEFAULT_GATES,
      self_funded_rate: { threshold: 0.07, deduction: 0.2 },
    });
  });

  it('satisfaction is the respondent-weighted mean of the months', () => {
    expect(
      satisfactionOf([
        { score: '90.00', respondents: 100 },
        { score: '80.00', respondents: 300 },
      ]),
    ).to.equal(82.5);
    expect(satisfactionOf([])).to.equal(null);
  });
});

describe('settlement rules: monitoring indicators', () => {
  it('computes each indicator with numerator, denominator and a red/green flag', () => {
    const inpatientHq = sumsOf({
      provider_class: 'in_group',
      care_type: 'inpatient',
      provider_tier: 'top',
      claims: 10,
      referred_up: 2,
      total: toFen('90000.00'),
      fund: toFen('60000.00'),
      self_pay: toFen('25000.00'),
      self_funded: toFen('5000.00'),
      drug: toFen('30000.00'),
      consumables: toFen('10000.00'),
    });
    const outside = sumsOf({
      provider_class: 'out_of_county',
      care_type: 'inpatient',
      provider_tier: null,
      claims: 2,
      referred_up: 1,
      total: toFen('30000.00'),
      fund: toFen('15000.00'),
      self_pay: toFen('12000.00'),
      self_funded: toFen('3000.00'),
      drug: toFen('9000.00'),
      consumables: toFen('3000.00'),
    });
    const village = sumsOf({
      provider_class: 'in_group',
      care_type: 'outpatient',
      provider_tier: 'primary',
      claims: 100,
      referred_up: 0,
      total: toFen('10000.00'),
      fund: toFen('5000.00'),
      self_pay: toFen('5000.00'),
      self_funded: 0n,
      drug: toFen('4000.00'),
      consumables: 0n,
    });
    const all = [inpatientHq, outside, village].reduce(addSums, emptySums());
    const ind = Object.fromEntries(indicatorsOf(all, all, DEFAULT_INDICATOR_THRESHOLDS).map((i) => [i.key, i]));
    expect(ind.inpatient_average_cost).to.include({ numerator: '120000.00', denominator: 12, value: '10000.00', ok: false });
    expect(ind.drug_share).to.include({ numerator: '43000.00', denominator: '130000.00', value: 0.3308, ok: true });
    expect(ind.self_funded_rate).to.include({ value: 0.0615, ok: true });
    expect(ind.reimbursement_ratio).to.include({ value: 0.6154, ok: true });
    expect(ind.in_county_fund_share).to.include({ numerator: '65000.00', denominator: '80000.00', value: 0.8125, ok: true });
    expect(ind.primary_care_fund_share).to.include({ numerator: '5000.00', value: 0.0625, ok: false });
    expect(ind.in_county_inpatient_share).to.include({ numerator: 10, denominator: 12, value: 0.8333, ok: false });
    // only referred-up stays at levels 1–2 count: 2 at the HQ, not the 1 outside the county
    expect(ind.up_referral_rate).to.include({ numerator: 2, denominator: 12, value: 0.1667, ok: false });
    expect(indicatorsOf(emptySums(), emptySums(), DEFAULT_INDICATOR_THRESHOLDS).every((i) => i.value === null && i.ok === null)).to.equal(true);
  });

  it('the group row is over its own provision for the five provision indicators; the insured row over all claims of the insured', () => {
    const hq = sumsOf({
      provider_class: 'in_group',
      care_type: 'inpatient',
      provider_tier: 'top',
      claims: 4,
      referred_up: 0,
      total: toFen('20000.00'),
      fund: toFen('14000.00'),
      self_pay: toFen('5000.00'),
      self_funded: toFen('1000.00'),
      drug: toFen('5000.00'),
      consumables: toFen('3000.00'),
    });
    const outside = sumsOf({
      provider_class: 'out_of_county',
      care_type: 'inpatient',
      provider_tier: null,
      claims: 1,
      referred_up: 0,
      total: toFen('20000.00'),
      fund: toFen('11000.00'),
      self_pay: toFen('6000.00'),
      self_funded: toFen('3000.00'),
      drug: toFen('9000.00'),
      consumables: toFen('4000.00'),
    });
    const all = addSums(addSums(emptySums(), hq), outside);
    const group = Object.fromEntries(indicatorsOf(hq, all, DEFAULT_INDICATOR_THRESHOLDS).map((i) => [i.key, i]));
    const insured = Object.fromEntries(insuredIndicatorsOf(all, DEFAULT_INDICATOR_THRESHOLDS).map((i) => [i.key, i]));
    // own provision: 20,000 / 4 stays = 5,000 (≤ 6,500); the insured's: 40,000 / 5 = 8,000 (red)
    expect(group.inpatient_average_cost).to.include({ over: 'provided', value: '5000.00', ok: true });
    expect(insured.inpatient_average_cost).to.include({ over: 'insured', value: '8000.00', ok: false });
    // self-funded 1,000 / 20,000 = 0.05 against 4,000 / 40,000 = 0.10 (over 0.08: red)
    expect(group.self_funded_rate).to.include({ over: 'provided', value: 0.05, ok: true });
    expect(insured.self_funded_rate).to.include({ over: 'insured', value: 0.1, ok: false });
    expect(insured.drug_share).to.include({ numerator: '14000.00', denominator: '40000.00', value: 0.35 });
    // the four insured indicators are the same in both rows: 14,000 of 25,000 fund paid in the county
    expect(group.in_county_fund_share).to.deep.equal(insured.in_county_fund_share);
    expect(group.in_county_fund_share).to.include({ over: 'insured', value: 0.56 });
    expect(Object.values(insured).every((i) => i.over === 'insured')).to.equal(true);
  });
});

describe('settlement rules: allocation', () => {
  it('scores on a straight line between the 10th and 90th percentile of the recipients, capped at 0 and 1', () => {
    // [0.4, 0.5, 0.8]: worst = P10 = 0.42, best = P90 = 0.74; 0.5 → 0.08 / 0.32 = 0.25; 0.8 beyond the best, 0.4 beyond the worst
    expect(normalise([0.5, 0.8, 0.4], true)).to.deep.equal([0.25, 1, 0]);
    // lower is better: [0.6, 0.9, 1.2]: best = P10 = 0.66, worst = P90 = 1.14; 0.9 → 0.24 / 0.48 = 0.5
    expect(normalise([0.9, 1.2, 0.6], false)).to.deep.equal([0.5, 0, 1]);
    expect(percentile([0, 0.9, 1.2], 0.1)).to.be.closeTo(0.18, 1e-12);
  });

  it('no data (无数据) scores 0, as the worst; equal values all score 1; all missing all 0', () => {
    expect(normalise([null, 0.5, 0.7], false)).to.deep.equal([0, 1, 0]);
    expect(normalise([0, 0, 0], false)).to.deep.equal([1, 1, 1]);
    expect(normalise([0, 0, 0], true)).to.deep.equal([1, 1, 1]);
    expect(normalise([0.3, null], true)).to.deep.equal([1, 0]);
    expect(normalise([null, null], true)).to.deep.equal([0, 0]);
  });

  it('refuses negative values', () => {
    expect(() => normalise([-0.1, 0.2], false)).to.throw(RangeError);
  });

  it('a township with zero admissions does not take the whole admissions weight; nor does any single outlier', () => {
    const changes = [0, 0.9, 0.92, 0.94, 0.96, 0.98, 1.0, 1.02, 1.04, 1.06];
    const n = normalise(changes, false);
    // min / v gave the zero 1 and every other township 0; now the best is P10 = 0.81, the worst P90 = 1.042
    expect(n).to.deep.equal([1, 0.612069, 0.525862, 0.439655, 0.353448, 0.267241, 0.181034, 0.094828, 0.008621, 0]);
    const config = {
      pools: [{ key: 'all', share: 1, indicators: [{ key: 'inpatient_admissions_change' as const, weight: 1, higher_is_better: false }] }],
      recipient_kinds: ['township'],
    };
    const recipients = changes.map((v, i) => ({
      org_unit_id: i + 1,
      code: `T${String(i + 1).padStart(2, '0')}`,
      population: 1000,
      values: { inpatient_admissions_change: v },
    }));
    const rows = allocate(toFen('100000.00'), config, recipients);
    // the zero scores 1, no more than a township at the 10th percentile would: 1 / (1 + 2.482758) of the pool
    expect(rows[0]).to.include({ code: 'T01', score: 1, amount: '28712.88' });
    expect(rows.slice(1).reduce((a, r) => a + toFen(r.amount), 0n)).to.equal(toFen('71287.12'));
    // a high outlier (one township's rate far above the rest) is capped the same way
    const rates = normalise([0.55, 0.6, 0.58, 0.62, 0.57, 0.61, 0.59, 0.6, 0.56, 5], true);
    expect(rates[9]).to.equal(1);
    expect(rates.slice(0, 9).filter((x) => x > 0).length).to.equal(8);
  });

  it('an indicator on which all stand the same (all zero, or no data anywhere) is left out: its weight goes to the others', () => {
    const pool = (indicators: { key: 'control_rate' | 'inpatient_admissions_change'; weight: number; higher_is_better: boolean }[]) => ({
      pools: [{ key: 'all', share: 1, indicators }],
      recipient_kinds: ['township'],
    });
    const both = pool([
      { key: 'control_rate', weight: 0.5, higher_is_better: true },
      { key: 'inpatient_admissions_change', weight: 0.5, higher_is_better: false },
    ]);
    const rates = [0.3, 0.5, 0.6, 0.4];
    const people = (change: number | null) =>
      rates.map((r, i) => ({
        org_unit_id: i + 1,
        code: `T0${i + 1}`,
        population: 1000 + 100 * i,
        values: { control_rate: r, inpatient_admissions_change: change },
      }));
    const amounts = (rows: ReturnType<typeof allocate>) => rows.map((r) => r.amount);
    const allZero = allocate(toFen('10000.00'), both, people(0));
    const allMissing = allocate(toFen('10000.00'), both, people(null));
    const controlOnly = allocate(toFen('10000.00'), pool([{ key: 'control_rate', weight: 1, higher_is_better: true }]), people(null));
    expect(amounts(allZero)).to.deep.equal(amounts(controlOnly));
    expect(amounts(allMissing)).to.deep.equal(amounts(controlOnly));
    expect(allZero[0].indicator_weights).to.deep.equal({ control_rate: 1, inpatient_admissions_change: 0 });
    expect(allMissing[0].raw_values).to.deep.equal({ control_rate: 0.3, inpatient_admissions_change: null });
    // nothing separates anyone: by population (1000 : 1100 : 1200 : 1300)
    const byPopulation = allocate(toFen('4600.00'), pool([{ key: 'inpatient_admissions_change', weight: 1, higher_is_better: false }]), people(null));
    expect(amounts(byPopulation)).to.deep.equal(['1000.00', '1100.00', '1200.00', '1300.00']);
  });

  it('weighs the managed chronic patients’ admission rate, lower being better, a rate above 1 allowed', () => {
    const config = {
      pools: [{ key: 'health_management', share: 1, indicators: [{ key: 'chronic_admission_rate' as const, weight: 1, higher_is_better: false }] }],
      recipient_kinds: ['township'],
    };
    // [0.5, 1.0, 1.5]: best = P10 = 0.6, worst = P90 = 1.4; 1.0 → 0.4 / 0.8 = 0.5; scores 1, 0.5, 0
    const recipients = [0.5, 1.0, 1.5].map((v, i) => ({ org_unit_id: i + 1, code: `T0${i + 1}`, population: 1000, values: { chronic_admission_rate: v } }));
    const rows = allocate(toFen('300.00'), config, recipients);
    expect(rows.map((r) => [r.code, r.normalised_values.chronic_admission_rate, r.amount])).to.deep.equal([
      ['T01', 1, '200.00'],
      ['T02', 0.5, '100.00'],
      ['T03', 0, '0.00'],
    ]);
  });

  it('rounds by largest remainder so the parts add up where naive rounding is off by a fen', () => {
    // three equal recipients sharing 100.00: naive rounding gives 33.33 × 3 = 99.99
    const config = {
      ...DEFAULT_ALLOCATION,
      pools: [{ key: 'all', share: 1, indicators: [{ key: 'control_rate' as const, weight: 1, higher_is_better: true }] }],
    };
    const recipients = ['T03', 'T01', 'T02'].map((code, i) => ({ org_unit_id: i + 1, code, population: 1000, values: { control_rate: 0.5 } }));
    const rows = allocate(toFen('100.00'), config, recipients);
    const naive = rows.map((r) => Math.round((10000 * r.weight) / rows.reduce((a, x) => a + x.weight, 0)) / 100);
    expect(naive.reduce((a, b) => a + b, 0)).to.be.closeTo(99.99, 1e-9);
    // the extra fen goes to the first by unit code (the tie-break)
    expect(rows.map((r) => [r.code, r.amount])).to.deep.equal([
      ['T01', '33.34'],
      ['T02', '33.33'],
      ['T03', '33.33'],
    ]);
  });

  it('each pool scores on its own indicators; weights = score × population; hand-counted to the fen', () => {
    const recipients = [
      {
        org_unit_id: 1,
        code: 'T01',
        population: 20000,
        values: { standardised_management_rate: 0.8, control_rate: 0.6, inpatient_admissions_change: 0.9, drug_share: 0.4 },
      },
      {
        org_unit_id: 2,
        code: 'T02',
        population: 10000,
        values: { standardised_management_rate: 0.4, control_rate: 0.6, inpatient_admissions_change: 1.2, drug_share: 0.35 },
      },
      {
        org_unit_id: 3,
        code: 'T03',
        population: 15000,
        values: { standardised_management_rate: 0.6, control_rate: 0.3, inpatient_admissions_change: 0, drug_share: null },
      },
    ];
    const retained = toFen('1234567.89');
    const rows = allocate(retained, DEFAULT_ALLOCATION, recipients);
    const row = (pool: string, code: string) => rows.find((r) => r.pool === pool && r.code === code)!;
    // pools 0.6 / 0.4 of 123,456,789 fen: 74,074,073.4 and 49,382,715.6 → the fen left over to the larger remainder
    expect(row('health_management', 'T01').pool_amount).to.equal('740740.73');
    expect(row('staff_performance', 'T01').pool_amount).to.equal('493827.16');
    // health management, 规范管理率 0.5 and 控制率 0.5:
    //   规范管理率 [0.4, 0.6, 0.8]: P10 0.44, P90 0.76 → T01 1, T02 0, T03 0.16 / 0.32 = 0.5
    //   控制率 [0.3, 0.6, 0.6]: P10 0.36, P90 0.6 → T01 1, T02 1, T03 0
    //   scores 1, 0.5, 0.25; weights 20,000, 5,000, 3,750 (16 : 4 : 3)
    expect(row('health_management', 'T03').normalised_values).to.deep.equal({ standardised_management_rate: 0.5, control_rate: 0 });
    expect(rows.filter((r) => r.pool === 'health_management').map((r) => [r.score, r.weight])).to.deep.equal([
      [1, 20000],
      [0.5, 5000],
      [0.25, 3750],
    ]);
    // 74,074,073 fen × 16/23, 4/23, 3/23 = …789.91, …447.48, …835.61: the two fen left to T01 and T03
    expect(rows.filter((r) => r.pool === 'health_management').map((r) => r.amount)).to.deep.equal(['515297.90', '128824.47', '96618.36']);
    // staff performance (cost control), 千人住院变化 0.6 and 药占比 0.4, both lower is better:
    //   住院变化 [0, 0.9, 1.2]: best P10 0.18, worst P90 1.14 → T01 0.24 / 0.96 = 0.25, T02 0, T03 (zero admissions) 1 — not all of it
    //   药占比 [0.35, 0.4] and T03 无数据: best 0.355, worst 0.395 → T01 0, T02 1, T03 0 (no data scores as the worst)
    //   scores 0.15, 0.4, 0.6; weights 3,000, 4,000, 9,000 (3 : 4 : 9)
    expect(row('staff_performance', 'T03').raw_values).to.deep.equal({ inpatient_admissions_change: 0, drug_share: null });
    expect(row('staff_performance', 'T03').normalised_values).to.deep.equal({ inpatient_admissions_change: 1, drug_share: 0 });
    expect(row('staff_performance', 'T01').indicator_weights).to.deep.equal({ inpatient_admissions_change: 0.6, drug_share: 0.4 });
    expect(rows.filter((r) => r.pool === 'staff_performance').map((r) => [r.score, r.weight])).to.deep.equal([
      [0.15, 3000],
      [0.4, 4000],
      [0.6, 9000],
    ]);
    // 49,382,716 fen / 16 = 3,086,419.75: × 3, 4, 9 = …259.25, …679, …777.75 → the one fen to T03
    expect(rows.filter((r) => r.pool === 'staff_performance').map((r) => r.amount)).to.deep.equal(['92592.59', '123456.79', '277777.78']);
    for (const pool of DEFAULT_ALLOCATION.pools) {
      const part = rows.filter((r) => r.pool === pool.key);
      expect(part.reduce((a, r) => a + toFen(r.amount), 0n)).to.equal(toFen(part[0].pool_amount));
    }
    expect(rows.reduce((a, r) => a + toFen(r.amount), 0n)).to.equal(retained);
  });

  it('change in admissions per 1,000 is a factor against the previous year', () => {
    expect(admissionsChange({ admissions: 90, population: 1000 }, { admissions: 100, population: 1000 })).to.equal(0.9);
    expect(admissionsChange({ admissions: 90, population: 1000 }, { admissions: 100, population: 2000 })).to.equal(1.8);
    expect(admissionsChange({ admissions: 90, population: 1000 }, null)).to.equal(null);
    expect(admissionsChange({ admissions: 90, population: 1000 }, { admissions: 0, population: 2000 })).to.equal(null);
  });
});

describe('frozen inputs: the difference between two versions', () => {
  const input = (org_unit_id: number, indicator: 'standardised_management_rate' | 'control_rate', numerator: number, denominator: number) => ({
    org_unit_id,
    indicator,
    numerator,
    denominator,
    value: denominator ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
  });

  it('lists only what changed, unit by unit, with both sides (before → after)', () => {
    const before = [input(5, 'control_rate', 30, 40), input(5, 'standardised_management_rate', 20, 50), input(9, 'control_rate', 0, 0)];
    const after = [input(5, 'control_rate', 29, 40), input(5, 'standardised_management_rate', 20, 50), input(9, 'control_rate', 1, 1)];
    expect(inputChanges(before, after)).to.deep.equal([
      {
        org_unit_id: 5,
        indicator: 'control_rate',
        before: { numerator: 30, denominator: 40, value: 0.75 },
        after: { numerator: 29, denominator: 40, value: 0.725 },
      },
      { org_unit_id: 9, indicator: 'control_rate', before: { numerator: 0, denominator: 0, value: null }, after: { numerator: 1, denominator: 1, value: 1 } },
    ]);
    expect(inputChanges(after, after)).to.deep.equal([]);
  });

  it('a unit on one side only is a change (a township added to the recipients)', () => {
    expect(inputChanges([], [input(3, 'control_rate', 1, 2)])).to.deep.equal([
      { org_unit_id: 3, indicator: 'control_rate', before: null, after: { numerator: 1, denominator: 2, value: 0.5 } },
    ]);
  });

  it('the allocation reads each unit’s values from the stored rows', () => {
    const values = inputValues([input(5, 'control_rate', 3, 4), input(5, 'standardised_management_rate', 0, 0)]);
    expect(values.get(5)).to.deep.equal({ control_rate: 0.75, standardised_management_rate: null });
  });
});

describe('settlement rules: a correction run against the approved run', () => {
  type Figures = Parameters<typeof compareFigures>[0];
  /** figures with what the comparison reads: fund paid per member (the reimbursement numerator), outside the group, allocations */
  const figures = (members: Record<string, string>, outside: Record<string, string>, allocations: Record<string, string[]>, retained: string): Figures => {
    const ids: Record<string, number> = { HQ: 1, T01: 11, T02: 12 };
    const inGroup = Object.values(members).reduce((a, v) => a + toFen(v), 0n);
    const total = Object.values(outside).reduce((a, v) => a + toFen(v), inGroup);
    return {
      spending: { total: fromFen(total), claims: 0, by_provider_class: { in_group: fromFen(inGroup), ...outside } },
      surplus: '0.00',
      retained,
      unit_indicators: Object.entries(members).map(([code, fund]) => ({
        org_unit_id: ids[code],
        code,
        name: code,
        level: code === 'HQ' ? 1 : 3,
        indicators: indicatorsOf(sums({ fund: toFen(fund), total: toFen(fund) * 2n }), emptySums(), DEFAULT_INDICATOR_THRESHOLDS),
      })),
      allocations: Object.entries(allocations).flatMap(([code, amounts]) => amounts.map((amount) => ({ org_unit_id: ids[code], code, amount }))),
    } as unknown as Figures;
  };

  it('per unit the spending and the allocation before → after; the changes add up to the total change to the fen', () => {
    const before = figures(
      { HQ: '1000.00', T01: '300.10', T02: '200.00' },
      { out_group_in_county: '50.00', out_of_county: '400.00' },
      { T01: ['60.01', '40.00'], T02: ['49.99', '30.00'] },
      '180.00',
    );
    // a late claim at T02 (+120.35), a reversal at HQ (−80.00) and one out of the county (−0.01); retained falls by 12.34
    const after = figures(
      { HQ: '920.00', T01: '300.10', T02: '320.35' },
      { out_group_in_county: '50.00', out_of_county: '399.99' },
      { T01: ['55.00', '36.67'], T02: ['45.99', '30.00'] },
      '167.66',
    );
    const d = compareFigures(before, after);
    expect(d.spending).to.deep.equal({ before: '1950.10', after: '1990.44', change: '40.34' });
    expect(d.retained).to.deep.equal({ before: '180.00', after: '167.66', change: '-12.34' });
    expect(d.units.map((u) => [u.code ?? u.provider_class, u.spending.change, u.allocation.before, u.allocation.after, u.allocation.change])).to.deep.equal([
      ['HQ', '-80.00', '0.00', '0.00', '0.00'],
      ['T01', '0.00', '100.01', '91.67', '-8.34'],
      ['T02', '120.35', '79.99', '75.99', '-4.00'],
      ['out_group_in_county', '0.00', '0.00', '0.00', '0.00'],
      ['out_of_county', '-0.01', '0.00', '0.00', '0.00'],
    ]);
    const add = (k: 'spending' | 'allocation') => fromFen(d.units.reduce((a, u) => a + toFen(u[k].change), 0n));
    expect(add('spending')).to.equal(d.spending.change);
    expect(add('allocation')).to.equal(d.retained.change);
  });
});
