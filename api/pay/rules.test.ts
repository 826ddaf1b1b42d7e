// The pay rules on their own: a township of three village doctors paid by hand, to the fen — their
// points by service, the deductions for missed tasks, the quality factor of their villages' control
// rates and the assessment grade — and the workflow's steps.
import { expect } from 'chai';
import {
  assignMissedTasks,
  basePoints,
  byDateAsRecorded,
  DEFAULT_SCHEME,
  itemPoints,
  mayStep,
  payPost,
  personPoints,
  pointValue,
  qualityFactor,
  qualityScoreOf,
  rotationPaysMonth,
  serviceOfFollowup,
  splitPool,
  titleLevel,
  unitQualityPoints,
  type WorkItem,
} from './rules';
import { riskContribution, riskFigures } from './riskFund';

const followups = (n: number, type: string, mode = 'clinic'): WorkItem[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'followup', ref_id: `${type}-${i}`, on: '2026-11-10', type, mode, attendees: null }));
const contracts = (n: number): WorkItem[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'contract', ref_id: `c-${i}`, on: '2026-11-12', type: 'basic', mode: null, attendees: null }));
const missed = (n: number): WorkItem[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'missed_task',
    ref_id: `t-${i}`,
    on: '2026-11-20',
    type: 'hypertension',
    mode: null,
    attendees: null,
  }));
const session = (attendees: number): WorkItem => ({
  kind: 'followup',
  ref_id: 'edu',
  on: '2026-11-15',
  type: 'health_education',
  mode: 'clinic',
  attendees,
});

describe('pay rules', () => {
  it('prices a follow-up by type and mode: a chronic follow-up by phone is worth 1, face to face 4', () => {
    expect(serviceOfFollowup('hypertension', 'home')).to.equal('hypertension_followup');
    expect(serviceOfFollowup('diabetes', 'phone')).to.equal('phone_followup');
    expect(itemPoints(DEFAULT_SCHEME, followups(1, 'diabetes', 'phone')[0])).to.deep.equal([{ service: 'phone_followup', points: 100 }]);
    // a health-education session: 5 points, and 0.2 a listener
    expect(itemPoints(DEFAULT_SCHEME, session(30))).to.deep.equal([
      { service: 'health_education', points: 500 },
      { service: 'health_education_attendee', points: 600 },
    ]);
  });

  it("lists a line's items by date; on a day contracts, follow-ups (by id as a number), then missed tasks as given", () => {
    const item = (kind: WorkItem['kind'], ref_id: string, on: string): WorkItem => ({ kind, ref_id, on, type: 'hypertension', mode: null, attendees: null });
    const items = [
      item('missed_task', 'T-b', '2026-11-03'),
      item('followup', '1000', '2026-11-03'),
      item('missed_task', 'T-a', '2026-11-03'),
      item('followup', '999', '2026-11-03'),
      item('contract', '12', '2026-11-03'),
      item('followup', '5', '2026-11-04'),
      item('followup', '7', '2026-11-02'),
    ];
    expect([...items].sort(byDateAsRecorded).map((i) => `${i.on.slice(8)} ${i.ref_id}`)).to.deep.equal([
      '02 7',
      '03 12',
      '03 999',
      '03 1000',
      '03 T-b',
      '03 T-a',
      '04 5',
    ]);
  });

  it('takes the highest quality band the control rate reaches; no rate counts 1.00', () => {
    expect([0.72, 0.7, 0.55, 0.5, 0.1, null].map((r) => qualityFactor(DEFAULT_SCHEME, r))).to.deep.equal([110, 110, 100, 90, 80, 100]);
  });

  it('pays a township of three village doctors by hand, to the fen', () => {
    // A: 10 hypertension (40) + 5 diabetes (20) + 2 by phone (2) + 3 contracts (9) + a session of 30 (5 + 6) = 82; 2 missed −4 → 78;
    //    control rate 72 % ×1.10, 优秀 ×1.2 → 102.96
    const a = personPoints(DEFAULT_SCHEME, { grade: 'excellent', control_rate: 0.72 }, [
      ...followups(10, 'hypertension'),
      ...followups(5, 'diabetes', 'home'),
      ...followups(2, 'hypertension', 'phone'),
      ...contracts(3),
      session(30),
      ...missed(2),
    ]);
    // B: 8 hypertension (32) + 2 elderly checks (16) + a household visit (3) = 51; 50 % ×0.9, 合格 ×1.0 → 45.9
    const b = personPoints(DEFAULT_SCHEME, { grade: 'qualified', control_rate: 0.5 }, [
      ...followups(8, 'hypertension'),
      ...followups(2, 'elderly_check'),
      ...followups(1, 'home_visit', 'home'),
    ]);
    // C: 6 diabetes (24) + a contract (3) = 27; 1 missed −2 → 25; no patients ×1.0, 基本合格 ×0.8 → 20
    const c = personPoints(DEFAULT_SCHEME, { grade: 'basically_qualified', control_rate: null }, [...followups(6, 'diabetes'), ...contracts(1), ...missed(1)]);

    expect([a.gross, a.deduction, a.missed_tasks, a.quality_factor, a.grade_factor]).to.deep.equal([8200, 400, 2, 110, 120]);
    expect(a.by_service).to.deep.equal({
      hypertension_followup: { count: 10, points: 4000 },
      diabetes_followup: { count: 5, points: 2000 },
      phone_followup: { count: 2, points: 200 },
      contract_signed: { count: 3, points: 900 },
      health_education: { count: 1, points: 500 },
      health_education_attendee: { count: 30, points: 600 },
    });
    expect([b.gross, b.deduction, b.quality_factor, b.grade_factor]).to.deep.equal([5100, 0, 90, 100]);
    expect([c.gross, c.deduction, c.quality_factor, c.grade_factor]).to.deep.equal([2700, 200, 100, 80]);
    // effective points in millionths: 102.96, 45.9, 20 → 168.86 in all
    expect([a.effective, b.effective, c.effective]).to.deep.equal([102_960_000n, 45_900_000n, 20_000_000n]);

    // a pool of 5,000.00: 29.6103 yuan a point; 3048.679… 1359.114… 592.206… → the two fen left go to A (.938) and C (.656)
    const total = a.effective + b.effective + c.effective;
    expect(pointValue(500_000n, total)).to.equal('29.6103');
    expect(splitPool(500_000n, [a.effective, b.effective, c.effective])).to.deep.equal([304_868n, 135_911n, 59_221n]);
  });

  it('never goes below zero points, and 不称职 earns nothing', () => {
    expect(personPoints(DEFAULT_SCHEME, { grade: 'qualified', control_rate: 0.6 }, missed(3)).effective).to.equal(0n);
    expect(personPoints(DEFAULT_SCHEME, { grade: 'unqualified', control_rate: 0.6 }, followups(5, 'diabetes')).effective).to.equal(0n);
    // no grade yet (a newcomer): 合格
    expect(personPoints(DEFAULT_SCHEME, { grade: null, control_rate: 0.6 }, followups(1, 'diabetes')).grade_factor).to.equal(100);
  });

  it('steps only from their states: review a calculated run, approve a reviewed one, lock an approved one', () => {
    expect(mayStep('calculate', 'calculated')).to.equal(true);
    expect(mayStep('calculate', 'reviewed')).to.equal(false);
    expect(mayStep('approve', 'calculated')).to.equal(false);
    expect(mayStep('lock', 'approved')).to.equal(true);
  });

  it("docks a lapsed task to the resident's responsible doctor on the payroll, else shares it among the village's doctors by hand", () => {
    // V1: A (user 1, staff 10), B (2, 20), D (4, 40); V2: C (3, 30); V3 has no one on this payroll
    const people = [
      { staff_id: 10, user_id: 1, work_org_unit_id: 101 },
      { staff_id: 20, user_id: 2, work_org_unit_id: 101 },
      { staff_id: 30, user_id: 3, work_org_unit_id: 102 },
      { staff_id: 40, user_id: 4, work_org_unit_id: 101 },
    ];
    const task = (ref: string, unit: number, responsible: number | null) => ({
      org_unit_id: unit,
      responsible_user_id: responsible,
      ref_id: ref,
      on: '2026-11-20',
      type: 'hypertension',
    });
    const out = assignMissedTasks(DEFAULT_SCHEME, people, [
      task('t1', 101, 1), // A signed the contract: A alone, 2 points
      task('t2', 101, 3), // C signed it though the resident lives in V1: C, on this payroll, answers
      task('t3', 101, 99), // signed by someone another unit pays: V1's three share 2.00 → 0.67, 0.67, 0.66
      task('t4', 101, null), // no contract: shared again, the spare hundredths now from B on → 0.66, 0.67, 0.67
      task('t5', 102, null), // V2's only doctor: C, the whole 2 points
      task('t6', 103, null), // no one of V3 on this payroll: no one
    ]);
    const parts = (user: number) => out.get(user * 10)!.map((i) => [i.ref_id, -itemPoints(DEFAULT_SCHEME, i)[0].points, i.shared_by ?? 1]);
    expect(parts(1)).to.deep.equal([
      ['t1', 200, 1],
      ['t3', 67, 3],
      ['t4', 66, 3],
    ]);
    expect(parts(2)).to.deep.equal([
      ['t3', 67, 3],
      ['t4', 67, 3],
    ]);
    expect(parts(4)).to.deep.equal([
      ['t3', 66, 3],
      ['t4', 67, 3],
    ]);
    expect(parts(3)).to.deep.equal([
      ['t2', 200, 1],
      ['t5', 200, 1],
    ]);
    // every docked task adds up to its 2 points; t6 docks no one
    const docked = [...out.values()].flat().reduce((a, i) => a - itemPoints(DEFAULT_SCHEME, i)[0].points, 0);
    expect(docked).to.equal(5 * 200);
    // A's month: 10 hypertension follow-ups (40) less 2 + 0.67 + 0.66 = 36.67
    const a = personPoints(DEFAULT_SCHEME, { grade: 'qualified', control_rate: 0.6 }, [...followups(10, 'hypertension'), ...out.get(10)!]);
    expect([a.gross, a.deduction, a.missed_tasks, a.effective]).to.deep.equal([4000, 333, 3, 36_670_000n]);
  });
});

describe('pay rules: the base part by post and title (基础绩效)', () => {
  it('takes the post from the category (the director 院长岗) and the level from the title on its ladder', () => {
    expect([
      payPost('doctor', true),
      payPost('doctor', false),
      payPost('nurse', false),
      payPost('admin', false),
      payPost('village_doctor', false),
    ]).to.deep.equal(['director', 'clinical', 'nursing', 'administration', 'village_doctor']);
    expect(
      ['chief_physician', 'associate_chief_nurse', 'pharmacist_in_charge', 'technician', 'assistant_physician', 'village_doctor', null].map((t) =>
        titleLevel(t),
      ),
    ).to.deep.equal(['senior', 'associate', 'intermediate', 'junior', 'assistant', 'none', 'none']);
    // 院长岗 600 + 副高 150; 护理岗 260 + 师 50; 乡村医生岗 60, no title
    expect([
      basePoints(DEFAULT_SCHEME, 'director', 'associate'),
      basePoints(DEFAULT_SCHEME, 'nursing', 'junior'),
      basePoints(DEFAULT_SCHEME, 'village_doctor', 'none'),
    ]).to.deep.equal([75_000, 31_000, 6_000]);
  });

  it('pays a township of its director, a nurse and a village doctor by hand, to the fen', () => {
    // the director (副主任医师, 优秀 ×1.2, no work): (750 + 0) × 1.2 = 900
    const director = personPoints(
      DEFAULT_SCHEME,
      { grade: 'excellent', control_rate: null, base: basePoints(DEFAULT_SCHEME, 'director', titleLevel('associate_chief_physician')) },
      [],
    );
    // a nurse (护师, no grade yet: 合格): 260 + 50 = 310
    const nurse = personPoints(
      DEFAULT_SCHEME,
      { grade: null, control_rate: null, base: basePoints(DEFAULT_SCHEME, 'nursing', titleLevel('senior_nurse')) },
      [],
    );
    // the village doctor (基本合格 ×0.8, village controlling 72 % ×1.1): 10 follow-ups (40) less a missed task (2) = 38;
    // (60 + 38 × 1.1) × 0.8 = (60 + 41.8) × 0.8 = 81.44 — the quality factor adjusts the work, not the base
    const doctor = personPoints(
      DEFAULT_SCHEME,
      { grade: 'basically_qualified', control_rate: 0.72, base: basePoints(DEFAULT_SCHEME, 'village_doctor', titleLevel('village_doctor')) },
      [...followups(10, 'hypertension'), ...missed(1)],
    );
    expect([director.base, director.effective]).to.deep.equal([75_000, 900_000_000n]);
    expect([nurse.base, nurse.grade, nurse.effective]).to.deep.equal([31_000, 'qualified', 310_000_000n]);
    expect([doctor.base, doctor.gross, doctor.deduction, doctor.quality_factor, doctor.effective]).to.deep.equal([6_000, 4_000, 200, 110, 81_440_000n]);
    // ¥5,000.00 over 1,291.44 points: 3.8716 a point; 5000 × 900 / 1291.44 = 3484.482…, 1200.210…, 315.306…:
    // 3484.48 + 1200.21 + 315.30 = 4999.99, the fen left to the largest remainder (.6 of a fen, the doctor)
    const total = director.effective + nurse.effective + doctor.effective;
    expect(pointValue(500_000n, total)).to.equal('3.8716');
    expect(splitPool(500_000n, [director.effective, nurse.effective, doctor.effective])).to.deep.equal([348_448n, 120_021n, 31_531n]);
  });
});

describe("the unit's quality score in pay", () => {
  it('turns a quality score into points ± by the highest band it reaches; not inspected adds nothing', () => {
    expect([100, 95, 94.99, 85, 84.5, 70, 69.99, 0, null].map((s) => unitQualityPoints(DEFAULT_SCHEME, s))).to.deep.equal([
      500, 500, 0, 0, -500, -500, -1000, -1000, 0,
    ]);
  });

  it("takes the work unit's score when it was inspected, else the township's, else none", () => {
    // township 5 scored 88.5; village 101 was not inspected, village 102 scored 96; village 103 is not in the map
    const scores = new Map<number, number | null>([
      [5, 88.5],
      [101, null],
      [102, 96],
    ]);
    expect(qualityScoreOf(scores, 101, 5)).to.deep.equal({ org_unit_id: 5, score: 88.5 });
    expect(qualityScoreOf(scores, 102, 5)).to.deep.equal({ org_unit_id: 102, score: 96 });
    expect(qualityScoreOf(scores, 103, 5)).to.deep.equal({ org_unit_id: 5, score: 88.5 });
    expect(qualityScoreOf(new Map([[5, null]]), 101, 5)).to.equal(null);
  });

  it('pays a township whose inspection scored 72 and a village that scored 96, by hand to the fen', () => {
    // the nurse (护师, 合格) at the township scored 72: (260 + 50 − 5) × 1.0 = 305
    const nurse = personPoints(
      DEFAULT_SCHEME,
      { grade: null, control_rate: null, base: basePoints(DEFAULT_SCHEME, 'nursing', 'junior'), unit_quality_score: 72 },
      [],
    );
    // the village doctor (基本合格 ×0.8) in the village that scored 96: 10 follow-ups (40) − a missed task (2) = 38 × 1.1 = 41.8;
    // (60 + 41.8 + 5) × 0.8 = 85.44
    const doctor = personPoints(
      DEFAULT_SCHEME,
      { grade: 'basically_qualified', control_rate: 0.72, base: basePoints(DEFAULT_SCHEME, 'village_doctor', 'none'), unit_quality_score: 96 },
      [...followups(10, 'hypertension'), ...missed(1)],
    );
    // an administrator without a title in a unit that scored 60: 240 − 10 = 230 (优秀 ×1.2 → 276)
    const clerk = personPoints(
      DEFAULT_SCHEME,
      { grade: 'excellent', control_rate: null, base: basePoints(DEFAULT_SCHEME, 'administration', 'none'), unit_quality_score: 60 },
      [],
    );
    // nothing in points and −10 for the unit: never below 0
    const idle = personPoints(DEFAULT_SCHEME, { grade: null, control_rate: null, unit_quality_score: 50 }, followups(1, 'hypertension'));
    expect([nurse.unit_quality_points, nurse.effective]).to.deep.equal([-500, 305_000_000n]);
    expect([doctor.unit_quality_points, doctor.effective]).to.deep.equal([500, 85_440_000n]);
    expect([clerk.unit_quality_points, clerk.effective]).to.deep.equal([-1000, 276_000_000n]);
    expect([idle.unit_quality_points, idle.effective]).to.deep.equal([-1000, 0n]);
    // ¥1,000.00 over 666.44 points: 1.5005 a point; 45765.560…, 12820.358…, 41414.080… fen: 457.65 + 128.20 + 414.14 = 999.99,
    // the fen left to the largest remainder (.560, the nurse)
    const all = [nurse.effective, doctor.effective, clerk.effective, idle.effective];
    expect(
      pointValue(
        100_000n,
        all.reduce((a, b) => a + b, 0n),
      ),
    ).to.equal('1.5005');
    expect(splitPool(100_000n, all)).to.deep.equal([45_766n, 12_820n, 41_414n, 0n]);
  });
});

describe('rotations (下派) in pay', () => {
  it("pays an expert sent down on the host's run for the months whose 15th the rotation covers: a year's rotation, 12", () => {
    const year = { start_on: '2026-01-20', last_day: '2027-01-19' };
    const months = [...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`), '2027-01', '2027-02'];
    expect(months.filter((m) => rotationPaysMonth(year, m))).to.deep.equal([...months.slice(1, 12), '2027-01']);
    // started on the 10th: January to December
    expect(months.filter((m) => rotationPaysMonth({ start_on: '2026-01-10', last_day: '2027-01-09' }, m))).to.deep.equal(months.slice(0, 12));
    // ended early on 14 June: May is the last; a single day on the 15th is that month
    expect(['2026-05', '2026-06'].map((m) => rotationPaysMonth({ start_on: '2026-03-01', last_day: '2026-06-14' }, m))).to.deep.equal([true, false]);
    expect(rotationPaysMonth({ start_on: '2026-03-15', last_day: '2026-03-15' }, '2026-03')).to.equal(true);
  });

  it("shares the host's pool with the expert at the host's scheme, the sending unit's top-up beside it, by hand", () => {
    // the director (副主任医师, 合格: 600 + 150 = 750), a nurse (护师, 260 + 50 = 310) and the branch's expert
    // (主任医师 on a clinical post: 300 + 200 = 500, no work recorded yet, 合格), all at the township's scheme
    const director = personPoints(
      DEFAULT_SCHEME,
      { grade: null, control_rate: null, base: basePoints(DEFAULT_SCHEME, 'director', titleLevel('associate_chief_physician')) },
      [],
    );
    const nurse = personPoints(
      DEFAULT_SCHEME,
      { grade: null, control_rate: null, base: basePoints(DEFAULT_SCHEME, 'nursing', titleLevel('senior_nurse')) },
      [],
    );
    const expert = personPoints(
      DEFAULT_SCHEME,
      { grade: null, control_rate: null, base: basePoints(DEFAULT_SCHEME, payPost('doctor', false), titleLevel('chief_physician')) },
      [],
    );
    expect([director.effective, nurse.effective, expert.effective]).to.deep.equal([750_000_000n, 310_000_000n, 500_000_000n]);
    // ¥3,000.00 over 1,560 points: 1.9231 a point; 144230.76…, 59615.38…, 96153.84… fen: the two fen left to .84 and .76
    const total = director.effective + nurse.effective + expert.effective;
    expect(pointValue(300_000n, total)).to.equal('1.9231');
    expect(splitPool(300_000n, [director.effective, nurse.effective, expert.effective])).to.deep.equal([144_231n, 59_615n, 96_154n]);
    // the sending unit's top-up is its own money, ¥2,000.00 a month, never taken from the township's pool
    expect(DEFAULT_SCHEME.rotation_top_up).to.equal(200_000);
  });
});

describe('medical-risk fund rules', () => {
  it('withholds the rate from each amount, half up to the fen, by hand', () => {
    // 2 %: 1.25 yuan → 2.5 fen → 3; 0.75 → 1.5 → 2; 0.74 → 1.48 → 1; nothing from nothing
    expect([125n, 75n, 74n, 0n].map((a) => riskContribution(a, 200))).to.deep.equal([3n, 2n, 1n, 0n]);
    // 2.5 % of 1,000.10 yuan = 25.0025 → 25.00
    expect(riskContribution(100_010n, 250)).to.equal(2_500n);
    // the three doctors' 3048.68, 1359.11, 592.21 at 2 %: 60.9736 → 60.97, 27.1822 → 27.18, 11.8442 → 11.84
    const f = riskFigures([304_868n, 135_911n, 59_221n], 200, null);
    expect(f.map((x) => [x.contribution, x.returned, x.net])).to.deep.equal([
      [6_097n, 0n, 298_771n],
      [2_718n, 0n, 133_193n],
      [1_184n, 0n, 58_037n],
    ]);
    // the totals add up: 5,000.00 − 99.99 = 4,900.01
    expect(f.reduce((a, x) => a + x.net, 0n)).to.equal(500_000n - 9_999n);
  });

  it("returns the year's contributions in December, with December's own, unless the grade is 不称职", () => {
    const f = riskFigures([304_868n, 135_911n, 59_221n], 200, [
      { earlier: 60_000n, grade: 'excellent' },
      { earlier: 0n, grade: 'qualified' },
      { earlier: 5_000n, grade: 'unqualified' },
    ]);
    expect(f.map((x) => [x.contribution, x.returned, x.net])).to.deep.equal([
      [6_097n, 66_097n, 364_868n],
      [2_718n, 2_718n, 135_911n],
      [1_184n, 0n, 58_037n],
    ]);
  });
});
