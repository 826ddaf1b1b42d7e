// The settlement arithmetic without a database: rates, periods, tiers, gates, indicators, normalisation, allocation.
import { expect } from 'chai';
import { fromFen, toFen } from '../../shared/money';
import { defineEnum } from '../../core/enums';
import { GATE, type GateDef } from '../enums';
import { DEFAULT_ALLOCATION, DEFAULT_GATES, DEFAULT_INDICATOR_THRESHOLDS, DEFAULT_TIERS, gatesConfig } from '../fundYears/rules';
import { gatesSchema } from '../fundYears/routes';
import {
  // grouped as the describes below test them
  rate4,
  parsePeriod,
  overspendSplit,
  evaluateGates,
  retainedOf,
  satisfactionOf,
  sumsOf,
  addSums,
  emptySums,
  indicatorsOf,
  normalise,
  allocate,
  admissionsChange,
  type ClaimSums,
} from './rules';

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

describe('settlement rules: gates and retention (结余留用)', () => {
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
});

describe('settlement rules: allocation', () => {
  it('normalises higher-is-better as v / max', () => {
    expect(normalise([0.5, 0.8, 0.4], true)).to.deep.equal([0.625, 1, 0.5]);
    expect(normalise([0, 0.5], true)).to.deep.equal([0, 1]);
    expect(normalise([0, 0], true)).to.deep.equal([1, 1]);
  });

  it('normalises lower-is-better as min / v, 1 when v is 0', () => {
    expect(normalise([0.9, 1.2, 0.6], false)).to.deep.equal([0.666667, 0.5, 1]);
    expect(normalise([0, 0.5, 1], false)).to.deep.equal([1, 0, 0]);
    expect(normalise([null, 0.5], false)).to.deep.equal([0, 1]);
  });

  it('refuses negative values', () => {
    expect(() => normalise([-0.1, 0.2], false)).to.throw(RangeError);
  });

  it('rounds by largest remainder so the parts add up where naive rounding is off by a fen', () => {
    // three equal recipients sharing 100.00: naive rounding gives 33.33 × 3 = 99.99
    const config = {
      ...DEFAULT_ALLOCATION,
      pools: [{ key: 'all', share: 1 }],
      indicators: [{ key: 'control_rate' as const, weight: 1, higher_is_better: true }],
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

  it('weights = score × population; every pool and the whole add up exactly', () => {
    const recipients = [
      { org_unit_id: 1, code: 'T01', population: 20000, values: { standardised_management_rate: 0.8, control_rate: 0.6, inpatient_admissions_change: 0.9 } },
      { org_unit_id: 2, code: 'T02', population: 10000, values: { standardised_management_rate: 0.4, control_rate: 0.6, inpatient_admissions_change: 1.2 } },
      { org_unit_id: 3, code: 'T03', population: 15000, values: { standardised_management_rate: 0.6, control_rate: 0.3, inpatient_admissions_change: 0 } },
    ];
    const retained = toFen('1234567.89');
    const rows = allocate(retained, DEFAULT_ALLOCATION, recipients);
    const t1 = rows.find((r) => r.code === 'T01' && r.pool === 'health_management')!;
    // n: 0.8/0.8 = 1, 0.6/0.6 = 1, min(0.9, 1.2, 0)/0.9 = 0 → score 0.4 + 0.4 + 0 = 0.8
    expect(t1.normalised_values).to.deep.equal({ standardised_management_rate: 1, control_rate: 1, inpatient_admissions_change: 0 });
    expect(t1.score).to.equal(0.8);
    expect(t1.weight).to.equal(16000);
    const t3 = rows.find((r) => r.code === 'T03' && r.pool === 'health_management')!;
    // 0.6/0.8 = 0.75, 0.3/0.6 = 0.5, v = 0 → 1: score 0.4·0.75 + 0.4·0.5 + 0.2·1 = 0.7
    expect(t3.score).to.equal(0.7);
    for (const pool of DEFAULT_ALLOCATION.pools) {
      const part = rows.filter((r) => r.pool === pool.key);
      expect(part.reduce((a, r) => a + toFen(r.amount), 0n)).to.equal(toFen(part[0].pool_amount));
    }
    expect(rows.reduce((a, r) => a + toFen(r.amount), 0n)).to.equal(retained);
    expect(rows.filter((r) => r.pool === 'health_management').map((r) => r.pool_amount)[0]).to.equal('740740.73');
  });

  it('change in admissions per 1,000 is a factor against the previous year', () => {
    expect(admissionsChange({ admissions: 90, population: 1000 }, { admissions: 100, population: 1000 })).to.equal(0.9);
    expect(admissionsChange({ admissions: 90, population: 1000 }, { admissions: 100, population: 2000 })).to.equal(1.8);
    expect(admissionsChange({ admissions: 90, population: 1000 }, null)).to.equal(null);
    expect(admissionsChange({ admissions: 90, population: 1000 }, { admissions: 0, population: 2000 })).to.equal(null);
  });
});
