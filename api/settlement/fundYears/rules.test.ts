// A fund year's budget and configuration checks without a database.
import { expect } from 'chai';
import { fromFen, toFen } from '../../shared/money';
import {
  budgetOf,
  budgetThrough,
  configProblems,
  DEFAULT_ALLOCATION,
  DEFAULT_GATES,
  DEFAULT_PROFILE,
  DEFAULT_TIERS,
  monthlyBudgets,
  validatePopulation,
} from './rules';

describe('settlement rules: the fund year', () => {
  it('budget = round2((premiums − catastrophic − outpatient) × bundle ratio)', () => {
    // (436,000,000.00 − 43,600,000.00 − 52,320,000.00) × 0.90 = 306,072,000.00
    expect(
      fromFen(budgetOf({ premium_total: '436000000.00', catastrophic_pool: '43600000.00', outpatient_pool: '52320000.00', bundle_ratio: '0.9000' })),
    ).to.equal('306072000.00');
    // 100.01 × 0.9 = 90.009 → 90.01 (half away from zero at the fen)
    expect(fromFen(budgetOf({ premium_total: '100.01', catastrophic_pool: '0', outpatient_pool: '0', bundle_ratio: '0.9' }))).to.equal('90.01');
  });

  it('monthly budgets by the 1/12 profile add up to the budget exactly', () => {
    const budget = toFen('1000000.07');
    const months = monthlyBudgets(budget, DEFAULT_PROFILE);
    expect(months).to.have.length(12);
    expect(months.reduce((a, b) => a + b, 0n)).to.equal(budget);
    expect(budgetThrough(budget, DEFAULT_PROFILE, 12)).to.equal(budget);
    expect(fromFen(budgetThrough(toFen('1200.00'), DEFAULT_PROFILE, 3))).to.equal('300.00');
  });

  it('checks a fund year configuration', () => {
    const base = { overspend_tiers: DEFAULT_TIERS, gates: DEFAULT_GATES, allocation: DEFAULT_ALLOCATION, monthly_profile: DEFAULT_PROFILE };
    expect(configProblems(base)).to.deep.equal([]);
    expect(configProblems({ ...base, overspend_tiers: [{ upTo: 0.05, groupShare: 0.5 }] }).map((p) => p.field)).to.deep.equal(['overspend_tiers']);
    const [health, staff] = DEFAULT_ALLOCATION.pools;
    expect(configProblems({ ...base, allocation: { ...DEFAULT_ALLOCATION, pools: [{ ...health, share: 0.5 }] } }).map((p) => p.field)).to.deep.equal([
      'allocation.pools',
    ]);
    // each pool's own weights add up to 1, each indicator at most once in a pool
    const halved = { ...staff, indicators: staff.indicators.map((k) => ({ ...k, weight: k.weight / 2 })) };
    expect(configProblems({ ...base, allocation: { ...DEFAULT_ALLOCATION, pools: [health, halved] } })).to.deep.equal([
      { field: 'allocation.pools.1.indicators', message: 'the pool’s indicator weights must add up to 1' },
    ]);
    const twice = { ...health, indicators: [{ ...health.indicators[0] }, { ...health.indicators[0] }] };
    expect(configProblems({ ...base, allocation: { ...DEFAULT_ALLOCATION, pools: [twice, staff] } }).map((p) => p.field)).to.deep.equal([
      'allocation.pools.0.indicators',
    ]);
    expect(configProblems({ ...base, monthly_profile: [1] }).map((p) => p.field)).to.deep.equal(['monthly_profile']);
  });

  it('reads an insured-population row by unit code, naming the field of each problem', () => {
    const units = new Map([['T01', { id: 5, code: 'T01', level: 3, kind: 'township' }]]);
    expect(validatePopulation({ unit_code: 'T01', insured_population: '1200', baseline_admissions: '' }, units)).to.deep.equal({
      row: { org_unit_id: 5, insured_population: 1200, baseline_admissions: null },
    });
    expect(validatePopulation({ unit_code: 'X9', insured_population: '-1', baseline_admissions: '2.5' }, units)).to.deep.equal({
      problems: [
        { field: 'unit_code', rule: 'unknown_unit', params: { code: 'X9' }, message: 'unknown unit code X9' },
        { field: 'insured_population', rule: 'whole_not_negative', params: {}, message: 'must be a whole number ≥ 0' },
        { field: 'baseline_admissions', rule: 'whole_not_negative', params: {}, message: 'must be a whole number ≥ 0' },
      ],
    });
  });
});
