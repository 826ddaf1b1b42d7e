// The disease spectrum without a database: categories, ranking with its ties, this year against last, the
// allocation indicator over the group's top 20 and its scoring in a pool.
import { expect } from 'chai';
import { toFen } from '../../shared/money';
import { allocate } from '../runs/rules';
import { categoryName } from './categories';
import { categoryOf, changeOf, per1000, spectrumOf, sumByCategory, topCategories, topDiseasesAdmissionsChange, type CategorySums } from './rules';

const c = (code: string, admissions: number, fund: string): CategorySums => ({ code, admissions, fund: toFen(fund) });

describe('disease spectrum rules', () => {
  it('takes the first three characters of the ICD-10 code as the category', () => {
    expect(categoryOf('I63.9')).to.equal('I63');
    expect(categoryOf('e11.9')).to.equal('E11');
    expect(categoryOf('J60')).to.equal('J60');
    expect(categoryOf(null)).to.equal(null);
    expect(categoryOf('')).to.equal(null);
  });

  it('names a category in Chinese, an unknown one by its code', () => {
    expect(categoryName('I10')).to.equal('特发性（原发性）高血压');
    expect(categoryName('B67')).to.equal('棘球蚴病（包虫病）');
    expect(categoryName('I63', 'en')).to.equal('Cerebral infarction');
    expect(categoryName('Q99')).to.equal('Q99');
  });

  it('ranks by the measure, ties by the other measure, then by the code; only what is above zero', () => {
    const sums = [
      c('J18', 10, '5000.00'),
      c('I10', 10, '6000.00'),
      c('E11', 10, '6000.00'),
      c('K29', 12, '100.00'),
      c('O80', 0, '900.00'),
      c('S72', -1, '-50.00'),
    ];
    expect(topCategories(sums, 'admissions').map((s) => s.code)).to.deep.equal(['K29', 'E11', 'I10', 'J18']);
    expect(topCategories(sums, 'fund').map((s) => s.code)).to.deep.equal(['E11', 'I10', 'J18', 'O80', 'K29']);
    expect(topCategories(sums, 'admissions', 2).map((s) => s.code)).to.deep.equal(['K29', 'E11']);
  });

  it('keeps the top 20 of more categories', () => {
    const many = Array.from({ length: 25 }, (_, i) => c(`A${String(i).padStart(2, '0')}`, 100 - i, '1.00'));
    const top = topCategories(many, 'admissions');
    expect(top).to.have.length(20);
    expect(top[19].code).to.equal('A19');
  });

  it('adds up rows of one category (a reversal counts negative under its original’s category)', () => {
    const merged = sumByCategory([c('I63', 1, '8000.00'), c('I63', 1, '7000.00'), c('I63', -1, '-7000.00')]);
    expect(merged.get('I63')).to.deep.equal({ code: 'I63', admissions: 1, fund: toFen('8000.00') });
  });

  it('change and per 1,000: null without last year, never 0', () => {
    expect(changeOf(110n, 100n)).to.equal(0.1);
    expect(changeOf(90n, 100n)).to.equal(-0.1);
    expect(changeOf(5n, 0n)).to.equal(null);
    expect(changeOf(5n, null)).to.equal(null);
    expect(per1000(17, 1000)).to.equal(17);
    expect(per1000(1, 3000)).to.equal(0.33);
    expect(per1000(5, null)).to.equal(null);
    expect(per1000(5, 0)).to.equal(null);
  });

  it('sets this year beside the same months of last year', () => {
    const now = [c('I10', 30, '60000.00'), c('J18', 20, '50000.00'), c('B67', 5, '90000.00')];
    const last = [c('I10', 25, '48000.00'), c('J18', 25, '55000.00')];
    const s = spectrumOf(now, last, { now: 10_000, last: 9_000 });
    expect(s.by_admissions.map((r) => r.code)).to.deep.equal(['I10', 'J18', 'B67']);
    expect(s.by_fund.map((r) => r.code)).to.deep.equal(['B67', 'I10', 'J18']);
    expect(s.by_admissions[0]).to.deep.equal({
      rank: 1,
      code: 'I10',
      name: '特发性（原发性）高血压',
      admissions: 30,
      admissions_last: 25,
      admissions_change: 0.2,
      fund_paid: '60000.00',
      fund_paid_last: '48000.00',
      fund_paid_change: 0.25,
      per_1000: 3,
      per_1000_last: 2.78,
    });
    // a category new this year: last year 0, its change not computable
    expect(s.by_fund[0]).to.include({ rank: 1, code: 'B67', admissions_last: 0, admissions_change: null, fund_paid_last: '0.00', fund_paid_change: null });
    // no data last year: null, never 0
    const none = spectrumOf(now, null, { now: null, last: null });
    expect(none.by_admissions[0]).to.include({ admissions_last: null, admissions_change: null, fund_paid_last: null, per_1000: null, per_1000_last: null });
    expect(spectrumOf(now, [], { now: 1, last: 1 }).by_admissions[0].admissions_last).to.equal(null);
  });

  it('the allocation indicator: admissions per insured in the group’s top categories, this year ÷ last', () => {
    const top = new Set(['I10', 'J18']);
    // 40 admissions in the top categories over 2,000 insured against 50 over 2,100 last year: (40/2000)/(50/2100) = 0.84
    const now = [c('I10', 25, '1.00'), c('J18', 15, '1.00'), c('B67', 30, '1.00')];
    const last = [c('I10', 30, '1.00'), c('J18', 20, '1.00'), c('B67', 1, '1.00')];
    expect(topDiseasesAdmissionsChange(top, now, last, { now: 2000, last: 2100 })).to.equal(0.84);
    expect(topDiseasesAdmissionsChange(top, now, null, { now: 2000, last: 2100 })).to.equal(null);
    expect(topDiseasesAdmissionsChange(top, now, last, { now: 2000, last: null })).to.equal(null);
    expect(topDiseasesAdmissionsChange(top, now, [c('B67', 3, '1.00')], { now: 2000, last: 2000 })).to.equal(null);
  });

  it('a pool weighs it like any indicator, lower is better', () => {
    const config = {
      pools: [{ key: 'all', share: 1, indicators: [{ key: 'top_diseases_admissions_change' as const, weight: 1, higher_is_better: false }] }],
      recipient_kinds: ['township'],
    };
    const values = [0.8, 1.0, 1.2];
    const rows = allocate(
      toFen('3000.00'),
      config,
      values.map((v, i) => ({ org_unit_id: i + 1, code: `T0${i + 1}`, population: 1000, values: { top_diseases_admissions_change: v } })),
    );
    // P10 = 0.84 (best), P90 = 1.16 (worst): 0.8 → 1, 1.0 → 0.5, 1.2 → 0
    expect(rows.map((r) => r.normalised_values.top_diseases_admissions_change)).to.deep.equal([1, 0.5, 0]);
    expect(rows.map((r) => r.amount)).to.deep.equal(['2000.00', '1000.00', '0.00']);
    expect(rows[0].raw_values).to.deep.equal({ top_diseases_admissions_change: 0.8 });
  });
});
