// The HQ's and branches' department pay rules on their own, by hand: indicator scores against targets, the
// department score, the pool to the departments by score × points and to their people by points, to the fen;
// and the scheme's configuration check.
import { expect } from 'chai';
import {
  amountByIndicator,
  DEFAULT_DEPARTMENT_SCHEME as S,
  departmentPay,
  departmentSchemeProblems,
  departmentOfDiagnosis,
  departmentScore,
  indicatorFigures,
  indicatorScore,
  NO_FIGURES,
  resultsOf,
  type DepartmentResults,
} from './departmentRules';

// 内科: drug share 40 % against 36 % (36/40 = 0.9), ¥8,000 a stay against ¥8,800 (1.1), 40 referrals down against 25 (1.6, capped 1.2)
const medicine: DepartmentResults = {
  drug_share: { actual: 0.4, target: 0.36 },
  cost_per_stay: { actual: 800_000, target: 880_000 },
  referrals: { actual: 40, target: 25 },
};
// 外科: drug share on target (1.0), ¥12,000 a stay against ¥10,000 (0.8333…), 10 referrals against 20 (0.5)
const surgery: DepartmentResults = {
  drug_share: { actual: 0.3, target: 0.3 },
  cost_per_stay: { actual: 1_200_000, target: 1_000_000 },
  referrals: { actual: 10, target: 20 },
};

describe('department pay rules (HQ and branches)', () => {
  it('scores each indicator by attainment, lower or higher being better, capped at 120', () => {
    expect(departmentScore(S, medicine)).to.deep.equal({ indicators: { drug_share: 9_000, cost_per_stay: 11_000, referrals: 12_000 }, score: 10_400 });
    // 40 × 100 + 40 × 83.33 + 20 × 50 = 83.332 → 83.33
    expect(departmentScore(S, surgery)).to.deep.equal({ indicators: { drug_share: 10_000, cost_per_stay: 8_333, referrals: 5_000 }, score: 8_333 });
    // no target to refer against: met; a cost of nothing: the maximum; no referral against a target: 0
    expect(indicatorScore(S, 'referrals', { actual: 0, target: 0 })).to.equal(12_000);
    expect(indicatorScore(S, 'cost_per_stay', { actual: 0, target: 500_000 })).to.equal(12_000);
    expect(indicatorScore(S, 'referrals', { actual: 0, target: 5 })).to.equal(0);
  });

  it("shares a unit's pool of ¥10,000.00 between two departments and their people by hand, to the fen", () => {
    const people = [
      // 内科: a 主任医师 on a clinical post (40 + 40) graded 优秀 ×1.2 → 96; a 护师 (35 + 10) → 45: 141 points
      { staff_id: 1, department_id: 10, base: 8_000, grade_factor: 120 },
      { staff_id: 2, department_id: 10, base: 4_500, grade_factor: 100 },
      // 外科: a 副主任医师 (40 + 30) → 70; a 主治医师 (40 + 20) graded 基本合格 ×0.8 → 48: 118 points
      { staff_id: 3, department_id: 20, base: 7_000, grade_factor: 100 },
      { staff_id: 4, department_id: 20, base: 6_000, grade_factor: 80 },
      // 药剂科 reported no results: listed, paid nothing
      { staff_id: 5, department_id: 30, base: 4_000, grade_factor: 100 },
    ];
    const pay = departmentPay(
      S,
      1_000_000n,
      new Map([
        [10, medicine],
        [20, surgery],
      ]),
      people,
    );
    // 104 × 141 : 83.33 × 118 = 14,664 : 9,832.94 → 598,605.37… and 401,394.62… fen: the fen left to 外科 (.62 > .37)
    expect(pay.departments.map((d) => [d.department_id, d.score.score, d.points, d.amount])).to.deep.equal([
      [10, 10_400, 1_410_000n, 598_605n],
      [20, 8_333, 1_180_000n, 401_395n],
    ]);
    // 内科's ¥5,986.05 by 96 : 45 → 4,075.6085… and 1,910.4414… (the fen to .85); 外科's ¥4,013.95 by 70 : 48 → 2,381.1567… and 1,632.7932… (the fen to .67)
    expect(pay.people.map((p) => [p.staff_id, p.amount])).to.deep.equal([
      [1, 407_561n],
      [2, 191_044n],
      [3, 238_116n],
      [4, 163_279n],
      [5, 0n],
    ]);
    expect(pay.people.reduce((a, p) => a + p.amount, 0n)).to.equal(1_000_000n);
  });

  it('checks the scheme like a fund year: whole-percent weights adding up to 100, a maximum from 100 to 200', () => {
    expect(departmentSchemeProblems(S)).to.deep.equal([]);
    expect(departmentSchemeProblems({ weights: { drug_share: 50, cost_per_stay: 40.5, referrals: 20 }, max_indicator_score: 25_000 })).to.deep.equal([
      { field: 'weights.cost_per_stay', message: 'a whole percent from 0 to 100' },
      { field: 'weights', message: 'the weights must add up to 100' },
      { field: 'max_indicator_score', message: 'from 100 to 200' },
    ]);
  });

  it("finds the department treating a diagnosis among the unit's: the specialty at the HQ, 内科 or 外科 at a branch", () => {
    const hq = ['心血管内科', '呼吸内科', '神经内科', '普外科', '骨科', '妇产科', '儿科', '全科医学科', '检验科'].map((name, i) => ({ id: i + 1, name }));
    const branch = ['内科', '外科', '妇产科', '儿科'].map((name, i) => ({ id: 100 + i, name }));
    const codes = ['I10', 'I63.9', 'J21.9', 'J44.1', 'K35.8', 'S72.0', 'O80', 'N39.0', 'H25.9'];
    expect(codes.map((c) => departmentOfDiagnosis(c, hq))).to.deep.equal([1, 3, 7, 2, 4, 5, 6, 8, 8]);
    // a branch has no 神经内科 nor 全科: the stroke and the rest go to 内科; a cataract with no match, 内科
    expect(codes.map((c) => departmentOfDiagnosis(c, branch))).to.deep.equal([100, 100, 103, 100, 101, 101, 102, 100, 100]);
    expect(departmentOfDiagnosis('O80', branch.slice(0, 2))).to.equal(100);
    expect(departmentOfDiagnosis('I10', [{ id: 9, name: '检验科' }])).to.equal(null);
  });

  it("takes a month's figures against the same month of last year; a figure missing in either year scores 100", () => {
    // ¥30,000.00 of claims with ¥9,000.00 of drugs (0.3), 4 stays costing ¥24,000.01 (¥6,000.00 a stay, half up), 3 referrals down;
    // last year 0.35, 5 stays at ¥6,400.00, 2 referrals
    const now = { total_cost: 3_000_000n, drug_cost: 900_000n, stays: 4, stay_cost: 2_400_001n, referrals_down: 3 };
    const last = { total_cost: 2_000_000n, drug_cost: 700_000n, stays: 5, stay_cost: 3_200_000n, referrals_down: 2 };
    const figures = indicatorFigures(now, last);
    expect(figures).to.deep.equal({
      drug_share: { actual: 0.3, target: 0.35 },
      cost_per_stay: { actual: 600_000, target: 640_000 },
      referrals: { actual: 3, target: 2 },
    });
    // 0.35 / 0.3 = 116.67, 6,400 / 6,000 = 106.67, 3 / 2 = 150 → 120: 40 × 116.67 + 40 × 106.67 + 20 × 120 = 11,333.6 → 113.34
    expect(departmentScore(S, resultsOf(figures))).to.deep.equal({
      indicators: { drug_share: 11_667, cost_per_stay: 10_667, referrals: 12_000 },
      score: 11_334,
    });
    // nothing last year: every indicator without its target, 100; a department without claims either year, 100
    expect(departmentScore(S, resultsOf(indicatorFigures(now, NO_FIGURES))).score).to.equal(10_000);
    expect(indicatorFigures(NO_FIGURES, NO_FIGURES)).to.deep.equal({
      drug_share: { actual: null, target: null },
      cost_per_stay: { actual: null, target: null },
      referrals: { actual: 0, target: null },
    });
  });

  it("a line's amount traced to the indicators: ∝ weight × score, by largest remainder, adding up to the amount", () => {
    // 40 × 90.00, 40 × 110.00, 20 × 120.00 = 360,000 : 440,000 : 240,000 of ¥1,000.00 → 34,615.38 / 42,307.69 / 23,076.92 fen:
    // floors 99,998, the two largest remainders (.92, .69) take a fen each
    expect(amountByIndicator(S.weights, { drug_share: 9_000, cost_per_stay: 11_000, referrals: 12_000 }, 100_000n)).to.deep.equal({
      drug_share: 34_615n,
      cost_per_stay: 42_308n,
      referrals: 23_077n,
    });
    // nothing scored, nothing paid
    expect(amountByIndicator(S.weights, { drug_share: 0, cost_per_stay: 0, referrals: 0 }, 0n)).to.deep.equal({
      drug_share: 0n,
      cost_per_stay: 0n,
      referrals: 0n,
    });
  });
});
