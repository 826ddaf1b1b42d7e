// The rotation rules without a database: direction, overlap, states, the daily step, plan figures, balance.
import { expect } from 'chai';
import {
  balance,
  defaultPlannedEnd,
  directionFigures,
  directionKey,
  directionProblem,
  dueSteps,
  endProblem,
  findOverlap,
  hostCandidates,
  overlapProblem,
  planCopyProblem,
  staffProblem,
  statusOn,
  transitionProblem,
} from './rules';

const hq = { id: 1, path: 'hq', level: 1, name: '总院' };
const b1 = { id: 2, path: 'hq.b1', level: 2, name: '分院1' };
const b2 = { id: 3, path: 'hq.b2', level: 2, name: '分院2' };
const t01 = { id: 4, path: 'hq.b1.t01', level: 3, name: 'T01' };
const t02 = { id: 5, path: 'hq.b2.t02', level: 3, name: 'T02' };

describe('rotation rules', () => {
  it('down_expert goes below the home unit in its own line; up_training to an ancestor', () => {
    expect(directionProblem('down_expert', hq, b1)).to.equal(null);
    expect(directionProblem('down_expert', hq, t01)).to.equal(null);
    expect(directionProblem('down_expert', b1, t01)).to.equal(null);
    expect(directionProblem('down_expert', b1, t02)).to.include({ rule: 'down_not_below', kind: 'business_rule', field: 'host_org_unit_id' });
    expect(directionProblem('down_expert', b1, hq)!.rule).to.equal('down_not_below');
    expect(directionProblem('down_expert', b1, b2)!.rule).to.equal('down_not_below');
    expect(directionProblem('up_training', t01, b1)).to.equal(null);
    expect(directionProblem('up_training', t01, hq)).to.equal(null);
    expect(directionProblem('up_training', t01, b2)).to.include({ rule: 'up_not_above' });
    expect(directionProblem('up_training', b1, t01)!.rule).to.equal('up_not_above');
    // a path prefix is not an ancestor: hq.b1 is not above hq.b10
    expect(directionProblem('up_training', { id: 9, path: 'hq.b10', level: 2 }, b1)!.rule).to.equal('up_not_above');
  });

  it('the receiving units offered follow the direction from the sending unit, nearest level first', () => {
    const v001 = { id: 6, path: 'hq.b1.t01.v001', level: 4, name: 'V001' };
    const b10 = { id: 9, path: 'hq.b10', level: 2, name: '分院10' };
    const units = [v001, t02, hq, b2, t01, b1, b10];
    const names = (type: 'down_expert' | 'up_training', home: typeof hq) => hostCandidates(type, home, units).map((u) => u.name);
    expect(names('down_expert', hq)).to.deep.equal(['分院1', '分院10', '分院2', 'T01', 'T02', 'V001']);
    expect(names('down_expert', b1)).to.deep.equal(['T01', 'V001']);
    expect(names('down_expert', v001)).to.deep.equal([]);
    expect(names('up_training', t01)).to.deep.equal(['分院1', '总院']);
    expect(names('up_training', b10)).to.deep.equal(['总院']);
    expect(names('up_training', hq)).to.deep.equal([]);
  });

  it("next year's plan is copied only while that year has none", () => {
    expect(planCopyProblem({ year: 2026 }, undefined)).to.equal(null);
    expect(planCopyProblem({ year: 2026 }, { id: 8 })).to.deep.include({
      kind: 'conflict',
      rule: 'plan_year_exists',
      field: 'year',
      params: { year: 2027, id: 8 },
    });
  });

  it('only active staff rotate', () => {
    expect(staffProblem({ status: 'active', name: 'a' })).to.equal(null);
    expect(staffProblem({ status: 'on_leave', name: '王芳' })).to.include({ rule: 'staff_not_active', kind: 'business_rule' });
  });

  it('finds the overlapping rotation (inclusive days, cancelled ignored, actual end counts) and names it', () => {
    const others = [
      { id: 1, start_on: '2026-01-01', planned_end_on: '2026-12-31', actual_end_on: '2026-03-31', status: 'completed' },
      { id: 2, start_on: '2026-06-01', planned_end_on: '2026-09-30', status: 'cancelled' },
      { id: 3, start_on: '2026-10-01', planned_end_on: '2026-12-31', status: 'planned', type: 'up_training', host_name: '总院' },
    ];
    expect(findOverlap({ start_on: '2026-04-01', planned_end_on: '2026-09-30', status: 'planned' }, others)).to.equal(undefined);
    expect(findOverlap({ start_on: '2026-03-31', planned_end_on: '2026-04-30', status: 'planned' }, others)!.id).to.equal(1);
    const hit = findOverlap({ start_on: '2026-09-01', planned_end_on: '2026-10-01', status: 'planned' }, others)!;
    expect(hit.id).to.equal(3);
    // the rotation itself is not its own conflict
    expect(findOverlap({ id: 3, start_on: '2026-10-01', planned_end_on: '2026-12-31', status: 'planned' }, others)).to.equal(undefined);
    const p = overlapProblem(hit);
    expect(p).to.include({ kind: 'conflict', rule: 'rotation_overlap' });
    expect(p.params).to.include({ other_id: 3, other_host: '总院', other_start: '2026-10-01', other_end: '2026-12-31' });
    expect(p.message).to.match(/#3/);
  });

  it('down rotations last a year by default; states move planned → active → completed, or cancelled', () => {
    expect(defaultPlannedEnd('down_expert', '2026-03-01')).to.equal('2027-02-28');
    expect(defaultPlannedEnd('up_training', '2026-03-01')).to.equal(undefined);
    expect(transitionProblem('planned', 'active')).to.equal(null);
    expect(transitionProblem('active', 'cancelled')).to.include({ kind: 'conflict' });
    expect(transitionProblem('active', 'cancelled')!.message).to.match(/allowed: completed/);
    expect(transitionProblem('completed', 'active')!.message).to.match(/allowed: none/);
  });

  it('ending early needs a reason; ending before the start is refused', () => {
    const r = { start_on: '2026-01-01', planned_end_on: '2026-12-31', status: 'active' };
    expect(endProblem(r, '2026-06-30', '')).to.include({ rule: 'early_end_needs_reason' });
    expect(endProblem(r, '2026-06-30', '家中有事')).to.equal(null);
    expect(endProblem(r, '2026-12-31', null)).to.equal(null);
    expect(endProblem(r, '2025-12-31', 'x')).to.include({ rule: 'end_before_start' });
  });

  it('the daily step starts a rotation on its first day and completes it the day after its end, once', () => {
    const r = { start_on: '2026-03-01', planned_end_on: '2026-03-10', status: 'planned' };
    expect(dueSteps(r, '2026-02-28')).to.deep.equal([]);
    expect(dueSteps(r, '2026-03-01')).to.deep.equal(['activate']);
    expect(dueSteps({ ...r, status: 'active' }, '2026-03-01')).to.deep.equal([]);
    expect(dueSteps({ ...r, status: 'active' }, '2026-03-10')).to.deep.equal([]);
    expect(dueSteps({ ...r, status: 'active' }, '2026-03-11')).to.deep.equal(['complete']);
    expect(dueSteps(r, '2026-04-01')).to.deep.equal(['activate', 'complete']);
    expect(dueSteps({ ...r, status: 'completed' }, '2026-04-01')).to.deep.equal([]);
    expect(statusOn(r, '2026-03-05')).to.equal('active');
  });

  it('plan figures: filled against quota per direction, and the balance per receiving unit', () => {
    expect(directionKey('down_expert', 1, 2)).to.equal('down_hq_branch');
    expect(directionKey('up_training', 3, 2)).to.equal('up_township_branch');
    const rot = (type: string, home: typeof hq, host: typeof hq, status = 'active') => ({
      type,
      status,
      home_org_unit_id: home.id,
      host_org_unit_id: host.id,
      home_level: home.level,
      host_level: host.level,
    });
    const rotations = [
      rot('down_expert', hq, b1),
      rot('down_expert', hq, b2),
      rot('down_expert', hq, b2, 'cancelled'),
      rot('up_training', b1, hq),
      rot('down_expert', b1, t01),
      rot('up_training', t01, b1),
    ];
    const figures = directionFigures({ down_hq_branch: 18, down_branch_township: 30, up_branch_hq: 18, up_township_branch: 30 }, rotations);
    expect(figures.map((f) => [f.key, f.filled, f.quota])).to.deep.equal([
      ['down_hq_branch', 2, 18],
      ['down_branch_township', 1, 30],
      ['up_branch_hq', 1, 18],
      ['up_township_branch', 1, 30],
    ]);
    const bal = Object.fromEntries(balance(rotations).map((b) => [b.org_unit_id, b]));
    expect(bal[b1.id]).to.include({ experts_received: 1, trainees_sent: 1, balance: 0 });
    expect(bal[b2.id]).to.include({ experts_received: 1, trainees_sent: 0, balance: -1 });
    expect(bal[t01.id]).to.include({ experts_received: 1, trainees_sent: 1, balance: 0 });
  });
});
