// The pay rules on their own: a township of three village doctors paid by hand, to the fen — their
// points by service, the deductions for missed tasks, the quality factor of their villages' control
// rates and the assessment grade — and the workflow's steps.
import { expect } from 'chai';
import { DEFAULT_SCHEME, itemPoints, mayStep, personPoints, pointValue, qualityFactor, serviceOfFollowup, splitPool, type WorkItem } from './rules';

const followups = (n: number, type: string, mode = 'clinic'): WorkItem[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'followup', ref_id: `${type}-${i}`, on: '2026-11-10', type, mode, attendees: null, resident: '张*' }));
const contracts = (n: number): WorkItem[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'contract', ref_id: `c-${i}`, on: '2026-11-12', type: 'basic', mode: null, attendees: null, resident: '李*' }));
const missed = (n: number): WorkItem[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'missed_task',
    ref_id: `t-${i}`,
    on: '2026-11-20',
    type: 'hypertension',
    mode: null,
    attendees: null,
    resident: '王*',
  }));
const session = (attendees: number): WorkItem => ({
  kind: 'followup',
  ref_id: 'edu',
  on: '2026-11-15',
  type: 'health_education',
  mode: 'clinic',
  attendees,
  resident: null,
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
});
