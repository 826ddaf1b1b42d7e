// The monitoring arithmetic computed by hand: values by unit, growth, colour against the target,
// the targets' validation, the four chronic diseases by ICD-10 and premature mortality (life table).
import { expect } from 'chai';
import { INDICATOR, QUALITATIVE_INDICATORS } from './enums';
import {
  admissionTotals,
  ageGroupOf,
  ageOn,
  AGE_GROUPS,
  growth,
  indicatorValue,
  isFourChronic,
  judgeVillageRates,
  MIN_VILLAGE_PATIENTS,
  monthCell,
  mortalityFigure,
  prematureMortality,
  standing,
  targetProblems,
  validateVisitRow,
} from './rules';

describe('monitoring rules', () => {
  it('defines 14 indicators over the five dimensions, the first three qualitative', () => {
    expect(INDICATOR.values).to.have.length(14);
    const byDim = (d: string) => INDICATOR.values.filter((c) => INDICATOR.labels[c].dimension === d).length;
    expect([byDim('integration'), byDim('homogeneity'), byDim('division'), byDim('efficiency'), byDim('health')]).to.deep.equal([3, 3, 3, 3, 2]);
    expect(INDICATOR.values.filter((c) => INDICATOR.labels[c].kind === 'qualitative')).to.deep.equal([...QUALITATIVE_INDICATORS]);
  });

  it('computes a value by its unit: a fraction, per 10,000, a mean; none without a denominator', () => {
    expect(indicatorValue('primary_visit_share', 300, 1200)).to.equal(0.25);
    expect(indicatorValue('seconded_doctors', 3, 12_000)).to.equal(2.5); // 3 doctors over 1.2 ten-thousands
    expect(indicatorValue('inpatient_cost', 10_000, 3)).to.equal(3333.333333);
    expect(indicatorValue('fund_in_county_share', 5, 0)).to.equal(null);
  });

  it('growth is the change on last year, none without last year', () => {
    expect(growth(110, 100)).to.equal(0.1);
    expect(growth(90, 100)).to.equal(-0.1);
    expect(growth(0.5, 0.333333)).to.equal(0.5); // four places: the values' own rounding does not show
    expect(growth(90, null)).to.equal(null);
    expect(growth(90, 0)).to.equal(null);
  });

  it('colours against the target in the indicator’s direction, near within a tenth', () => {
    expect(standing('primary_visit_share', 0.66, 0.65)).to.equal('met'); // higher is better
    expect(standing('primary_visit_share', 0.6, 0.65)).to.equal('near'); // ≥ 0.585
    expect(standing('primary_visit_share', 0.58, 0.65)).to.equal('missed');
    expect(standing('inpatient_cost', 5000, 5200)).to.equal('met'); // lower is better
    expect(standing('inpatient_cost', 5700, 5200)).to.equal('near'); // ≤ 5720
    expect(standing('inpatient_cost', 5800, 5200)).to.equal('missed');
    expect(standing('inpatient_cost', null, 5200)).to.equal('none');
    expect(standing('inpatient_cost', 5000, null)).to.equal('none');
  });

  it('validates targets, naming the field', () => {
    expect(targetProblems({ primary_visit_share: 0.65, inpatient_cost: 5200, seconded_doctors: 2, resources_unified: 80 })).to.deep.equal([]);
    expect(targetProblems({ I99: 1, primary_visit_share: 65, inpatient_cost: -1, resources_unified: 120 })).to.deep.equal([
      { field: 'targets.I99', message: 'no such indicator' },
      { field: 'targets.primary_visit_share', message: 'a percentage is a fraction ≤ 1 (0.65 = 65%)' },
      { field: 'targets.inpatient_cost', message: 'must be a number ≥ 0' },
      { field: 'targets.resources_unified', message: 'a score is at most 100' },
    ]);
  });

  it('knows the four chronic diseases by ICD-10', () => {
    for (const c of ['I10', 'I63.9', 'C34.1', 'C97', 'J44.1', 'J30', 'J98.4', 'E11.9', 'e14']) expect(isFourChronic(c), c).to.equal(true);
    for (const c of ['C98', 'J18.9', 'J99', 'E09', 'E15', 'S72.0', 'A15', '', null]) expect(isFourChronic(c), String(c)).to.equal(false);
  });

  it('places an age in its 5-year group of 30–70', () => {
    expect(AGE_GROUPS).to.have.length(8);
    expect(ageOn('1960-07-01', '2026-06-30')).to.equal(65);
    expect(ageOn('1960-07-01', '2026-07-01')).to.equal(66);
    expect([29, 30, 34, 35, 65, 69, 70].map(ageGroupOf)).to.deep.equal([null, 0, 0, 1, 7, 7, null]);
  });

  it('premature mortality is 1 − Π(1 − 5qx), 5qx = 5m / (1 + 2.5m)', () => {
    const groups = AGE_GROUPS.map(() => ({ deaths: 0, population: 100 }));
    groups[6].deaths = 2; // 60–64: m = 0.02, 5q = 0.1 / 1.05
    groups[7].deaths = 4; // 65–69: m = 0.04, 5q = 0.2 / 1.1
    // 1 − (0.95 / 1.05)(0.9 / 1.1) = 1 − 0.855 / 1.155 = 0.2597402…
    expect(prematureMortality(groups)).to.equal(0.25974);
    groups[0].population = 0; // a group without people adds no risk
    expect(prematureMortality(groups)).to.equal(0.25974);
    expect(prematureMortality(AGE_GROUPS.map(() => ({ deaths: 0, population: 0 })))).to.equal(null);
    expect(prematureMortality(AGE_GROUPS.map(() => ({ deaths: 0, population: 50 })))).to.equal(0);
    // no death of the year with its cause recorded: no data, not a green 0; a death of another cause makes the 0 a figure
    expect(
      mortalityFigure(
        AGE_GROUPS.map(() => ({ deaths: 0, population: 50 })),
        0,
      ),
    ).to.equal(null);
    expect(
      mortalityFigure(
        AGE_GROUPS.map(() => ({ deaths: 0, population: 50 })),
        1,
      ),
    ).to.equal(0);
    expect(mortalityFigure(groups, 6)).to.equal(0.25974);
  });

  it('reads a row of the visits file: the unit by code, the month, whole counts with the 中医 ones within the visits', () => {
    const units = new Map([['T01', { id: 7 }]]);
    const ok = validateVisitRow({ unit_code: 'T01', month: '2026-3', visits: 1200, tcm_visits: '' }, units, '2026-11');
    expect(ok).to.deep.equal({ row: { org_unit_id: 7, month: '2026-03-01', visits: 1200, tcm_visits: 0 } });
    expect(monthCell('2026-03-01')).to.equal('2026-03-01');
    expect(monthCell(new Date(Date.UTC(2026, 2, 1)))).to.equal('2026-03-01');
    expect([monthCell('2026-03-02'), monthCell('2026-13'), monthCell('三月')]).to.deep.equal([null, null, null]);
    const problems = (raw: Record<string, string | number>) => {
      const v = validateVisitRow(raw, units, '2026-11');
      return 'problems' in v ? v.problems.map((p) => `${p.field}:${p.rule}`) : [];
    };
    expect(problems({ unit_code: 'X9', month: '2026-12', visits: '12.5', tcm_visits: -1 })).to.deep.equal([
      'unit_code:unknown_unit',
      'month:not_after_today',
      'visits:whole_not_negative',
      'tcm_visits:whole_not_negative',
    ]);
    expect(problems({ unit_code: '', month: '', visits: '' })).to.deep.equal(['unit_code:required', 'month:required', 'visits:required']);
    expect(problems({ unit_code: 'T01', month: '2026-05', visits: 10, tcm_visits: 11 })).to.deep.equal(['tcm_visits:at_most']);
    expect(problems({ unit_code: 'T01', month: '2026-05', visits: 10_000_001 })).to.deep.equal(['visits:at_most']);
  });

  it('adds up the villages’ managed patients and stays (a township’s rate)', () => {
    expect(
      admissionTotals([
        { patients: 2, stays: 3 },
        { patients: 1, stays: 0 },
      ]),
    ).to.deep.equal({ patients: 3, stays: 3 });
    expect(admissionTotals([])).to.deep.equal({ patients: 0, stays: 0 });
  });

  it('ranks and colours only the villages with enough managed patients; the others keep their rate and denominator', () => {
    const v = (name: string, patients: number, stays: number) => ({ name, patients, stays, rate: indicatorValue('chronic_admission_rate', stays, patients) });
    const judged = judgeVillageRates(
      [
        v('甲村', 40, 4), // 10 %
        v('乙村', 8, 0), // 0 % over 8 patients: the best rate by chance, not ranked
        v('丙村', 30, 6), // 20 %, exactly the minimum: ranked
        v('丁村', 29, 9), // 31 % over 29: not ranked, not coloured
        v('戊村', 50, 5), // 10 %, tied with 甲村
        v('己村', 0, 0),
      ],
      0.12,
    );
    expect(MIN_VILLAGE_PATIENTS).to.equal(30);
    expect(judged.map((r) => [r.name, r.patients, r.rate, r.judged, r.rank, r.standing])).to.deep.equal([
      ['甲村', 40, 0.1, true, 1, 'met'],
      ['乙村', 8, 0, false, null, null],
      ['丙村', 30, 0.2, true, 3, 'missed'],
      ['丁村', 29, 0.310345, false, null, null],
      ['戊村', 50, 0.1, true, 1, 'met'],
      ['己村', 0, null, false, null, null],
    ]);
    // 13 % is within a tenth of the 12 % target: near; no target: ranked, not judged against one
    expect(judgeVillageRates([v('甲村', 100, 13)], 0.12)[0].standing).to.equal('near');
    expect(judgeVillageRates([v('甲村', 100, 13)], null)[0]).to.include({ rank: 1, standing: 'none' });
  });
});
