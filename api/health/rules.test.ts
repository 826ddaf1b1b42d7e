// Health rules without a database: populations, measurement checks, classification by the
// norms, scheduling (periods, deterministic ids, due dates, states), contracts, indicators, teams,
// a household's one-save visit, village doctors' monthly targets.
import { expect } from 'chai';
import {
  ageOn,
  ageTags,
  assess,
  completes,
  contractEnd,
  contractTransitionProblem,
  dueOn,
  goalToDate,
  householdVisitProblems,
  isOverdue,
  measurementProblems,
  monthProgress,
  monthRange,
  openStateOn,
  periodOf,
  planTasks,
  previousMonth,
  ratio,
  recheckPlan,
  residentTags,
  storedTags,
  targetMonthProblem,
  targetStatus,
  taskId,
  teamProblems,
  worstFirst,
  type HealthIndicators,
  type Schedule,
} from './rules';

const quarterly: Schedule = {
  code: 'hypertension_quarterly',
  trigger: 'period',
  followup_type: 'hypertension',
  population: 'hypertension',
  period_months: 3,
  due_within_days: 60,
};
const elderly: Schedule = {
  code: 'elderly_annual',
  trigger: 'period',
  followup_type: 'elderly_check',
  population: 'elderly_65',
  period_months: 12,
  due_within_days: 270,
};
const recheck: Schedule = {
  code: 'hypertension_recheck',
  trigger: 'uncontrolled',
  followup_type: 'hypertension',
  population: 'hypertension',
  period_months: 1,
  due_within_days: 14,
};

describe('health rules', () => {
  describe('key populations', () => {
    it('derives 65 and over and 0–6 from the birth date, on the day asked', () => {
      expect(ageOn('1961-11-24', '2026-11-23')).to.equal(64);
      expect(ageOn('1961-11-23', '2026-11-23')).to.equal(65);
      expect(ageTags('1961-11-24', '2026-11-23')).to.deep.equal([]);
      expect(ageTags('1961-11-23', '2026-11-23')).to.deep.equal(['elderly_65']);
      expect(ageTags('2019-11-24', '2026-11-23')).to.deep.equal(['child_0_6']);
      expect(ageTags('2019-11-23', '2026-11-23')).to.deep.equal([]);
    });

    it('stores condition tags and typed ones, never the age tags', () => {
      const tags = storedTags(
        [
          { code: 'diabetes', diagnosed_on: '2020-01-01' },
          { code: 'copd', diagnosed_on: '2021-01-01' },
        ],
        ['pregnant'],
      );
      expect(tags).to.deep.equal(['diabetes', 'pregnant']);
      expect(residentTags({ birth_date: '1950-01-01', tags }, '2026-01-01')).to.deep.equal(['elderly_65', 'diabetes', 'pregnant']);
    });
  });

  describe('measurements', () => {
    it('names the field of a value out of range, a diastolic above the systolic, a missing reading', () => {
      expect(measurementProblems('hypertension', { systolic: 400, diastolic: 90 })).to.deep.equal([
        { field: 'systolic', message: 'must be between 60 and 300 mmHg' },
      ]);
      expect(measurementProblems('hypertension', { systolic: 120, diastolic: 130 }).map((p) => p.field)).to.deep.equal(['diastolic']);
      expect(measurementProblems('diabetes', { fasting_glucose: 0.5 }).map((p) => p.field)).to.deep.equal(['fasting_glucose']);
      expect(measurementProblems('diabetes', {}).map((p) => p.field)).to.deep.equal(['fasting_glucose']);
      expect(measurementProblems('health_education', {}).map((p) => p.field)).to.deep.equal(['topic', 'attendees']);
      expect(measurementProblems('elderly_check', { weight_kg: 70, height_cm: 170, heart_rate: 300 }).map((p) => p.field)).to.deep.equal(['heart_rate']);
      expect(measurementProblems('hypertension', { systolic: 139, diastolic: 89 })).to.deep.equal([]);
    });

    it('classifies hypertension below 140/90 as controlled, diabetes below 7.0 mmol/L', () => {
      expect(assess('hypertension', { systolic: 139, diastolic: 89 })).to.deep.equal({ classification: 'controlled', advice: null });
      expect(assess('hypertension', { systolic: 140, diastolic: 80 }).classification).to.equal('uncontrolled');
      expect(assess('hypertension', { systolic: 130, diastolic: 90 }).classification).to.equal('uncontrolled');
      expect(assess('hypertension', { systolic: 150, diastolic: 95 })).to.deep.equal({ classification: 'uncontrolled', advice: 'recheck_in_2_weeks' });
      expect(assess('hypertension', { systolic: 182, diastolic: 100 }).advice).to.equal('urgent_referral');
      expect(assess('diabetes', { fasting_glucose: 6.9 }).classification).to.equal('controlled');
      expect(assess('diabetes', { fasting_glucose: 7.0 }).classification).to.equal('uncontrolled');
      expect(assess('diabetes', { fasting_glucose: 17 }).advice).to.equal('urgent_referral');
      expect(assess('elderly_check', { systolic: 150, diastolic: 95 })).to.deep.equal({ classification: null, advice: null });
    });
  });

  describe('scheduling', () => {
    it('labels periods and their windows', () => {
      expect(periodOf(3, '2026-05-17')).to.deep.equal({ period: '2026-Q2', window_start: '2026-04-01', window_end: '2026-06-30' });
      expect(periodOf(12, '2024-02-29')).to.deep.equal({ period: '2024', window_start: '2024-01-01', window_end: '2024-12-31' });
      expect(periodOf(1, '2024-02-10')).to.deep.equal({ period: '2024-02', window_start: '2024-02-01', window_end: '2024-02-29' });
      expect(periodOf(6, '2026-07-01').period).to.equal('2026-H2');
      expect(periodOf(2, '2026-12-31')).to.deep.equal({ period: '2026-B6', window_start: '2026-11-01', window_end: '2026-12-31' });
    });

    it('plans four quarterly tasks a year for a hypertension patient, with deterministic ids and due dates inside the windows', () => {
      const r = { id: 42, birth_date: '1970-06-01', tags: ['hypertension'] };
      const plans = planTasks(r, [quarterly, elderly], '2026-01-01', '2026-12-31');
      expect(plans.map((p) => p.id)).to.deep.equal([
        '42-hypertension_quarterly-2026-Q1',
        '42-hypertension_quarterly-2026-Q2',
        '42-hypertension_quarterly-2026-Q3',
        '42-hypertension_quarterly-2026-Q4',
      ]);
      for (const p of plans) expect(p.due_on >= p.window_start && p.due_on <= p.window_end).to.equal(true);
      expect(planTasks(r, [quarterly, elderly], '2026-01-01', '2026-12-31')).to.deep.equal(plans); // same input, same tasks
      expect(taskId(42, 'hypertension_quarterly', '2026-Q1')).to.equal(plans[0].id);
    });

    it('gives a 65th birthday inside the year the annual check, and nothing to a 40-year-old without conditions', () => {
      expect(planTasks({ id: 1, birth_date: '1961-08-01', tags: [] }, [quarterly, elderly], '2026-01-01', '2026-12-31').map((p) => p.id)).to.deep.equal([
        '1-elderly_annual-2026',
      ]);
      expect(planTasks({ id: 2, birth_date: '1986-08-01', tags: [] }, [quarterly, elderly], '2026-01-01', '2026-12-31')).to.deep.equal([]);
    });

    it('spreads due dates over the schedule span by resident, within the window', () => {
      const days = new Set(Array.from({ length: 100 }, (_, i) => dueOn('2026-04-01', '2026-06-30', 60, i)));
      expect(days.size).to.be.greaterThan(30);
      for (const d of days) expect(d >= '2026-04-01' && d <= '2026-05-30').to.equal(true);
      expect(dueOn('2026-02-01', '2026-02-28', 60, 59)).to.equal('2026-02-28'.slice(0, 8) + String(1 + ((59 * 37) % 28)).padStart(2, '0'));
    });

    it('plans the two-week recheck after an uncontrolled visit', () => {
      expect(recheckPlan(recheck, 7, '2026-11-03')).to.deep.equal({
        id: '7-hypertension_recheck-2026-11-03',
        resident_id: 7,
        schedule_code: 'hypertension_recheck',
        type: 'hypertension',
        period: '2026-11-03',
        window_start: '2026-11-04',
        window_end: '2026-12-01',
        due_on: '2026-11-17',
      });
    });

    it('moves states by dates, computes overdue at query time, completes only inside the window and face to face', () => {
      const t = { window_start: '2026-10-01', window_end: '2026-12-31', type: 'hypertension', due_on: '2026-11-10' };
      expect(openStateOn(t, '2026-09-30')).to.equal('upcoming');
      expect(openStateOn(t, '2026-10-01')).to.equal('due');
      expect(openStateOn(t, '2027-01-01')).to.equal('missed');
      expect(isOverdue({ ...t, state: 'due' }, '2026-11-11')).to.equal(true);
      expect(isOverdue({ ...t, state: 'due' }, '2026-11-10')).to.equal(false);
      expect(isOverdue({ ...t, state: 'done' }, '2026-12-01')).to.equal(false);
      const visit = { type: 'hypertension', visited_on: '2026-11-20', mode: 'clinic' as const };
      expect(completes({ ...t, state: 'due' }, visit)).to.equal(true);
      expect(completes({ ...t, state: 'upcoming' }, visit)).to.equal(true);
      expect(completes({ ...t, state: 'missed' }, visit)).to.equal(false);
      expect(completes({ ...t, state: 'due' }, { ...visit, mode: 'phone' })).to.equal(false);
      expect(completes({ ...t, state: 'due' }, { ...visit, type: 'diabetes' })).to.equal(false);
      expect(completes({ ...t, state: 'due' }, { ...visit, visited_on: '2026-09-30' })).to.equal(false);
    });
  });

  describe('contracts', () => {
    it('run one year and change state only along the allowed transitions', () => {
      expect(contractEnd('2026-03-15')).to.equal('2027-03-14');
      expect(contractEnd('2024-02-29')).to.equal('2025-02-28');
      expect(contractTransitionProblem('active', 'terminated')).to.equal(null);
      expect(contractTransitionProblem('terminated', 'renewed')).to.match(/allowed: none/);
      expect(contractTransitionProblem('renewed', 'terminated')).to.match(/cannot become terminated/);
    });
  });

  describe('indicators', () => {
    it('rounds to four decimals and answers null over zero', () => {
      expect(ratio(1, 3)).to.deep.equal({ numerator: 1, denominator: 3, value: 0.3333 });
      expect(ratio(0, 0)).to.deep.equal({ numerator: 0, denominator: 0, value: null });
    });

    it('sorts units worst first, units without a denominator last', () => {
      const ind = (v: number | null): HealthIndicators => {
        const r = { numerator: 0, denominator: v === null ? 0 : 1, value: v };
        return { contract_rate: r, key_population_contract_rate: r, standardised_management_rate: r, control_rate: r, task_completion_rate: r };
      };
      const rows = [
        { name: 'a', indicators: ind(0.9) },
        { name: 'b', indicators: ind(null) },
        { name: 'c', indicators: ind(0.2) },
      ];
      expect(worstFirst(rows, 'control_rate').map((r) => r.name)).to.deep.equal(['c', 'a', 'b']);
    });
  });

  describe('teams', () => {
    const facts = {
      townshipVillageIds: new Set([10, 11]),
      users: new Map([
        [1, { roles: ['staff_clerk'], org_unit_id: 5, active: true }],
        [2, { roles: ['village_doctor'], org_unit_id: 10, active: true }],
        [3, { roles: ['village_doctor'], org_unit_id: 99, active: true }],
      ]),
    };
    it('needs one general-practitioner leader, villages of the township, village doctors of served villages', () => {
      expect(
        teamProblems(
          {
            village_ids: [10],
            members: [
              { user_id: 1, role: 'general_practitioner', is_leader: true },
              { user_id: 2, role: 'village_doctor' },
            ],
          },
          facts,
        ),
      ).to.deep.equal([]);
      const bad = teamProblems(
        {
          village_ids: [10, 12],
          members: [
            { user_id: 2, role: 'village_doctor', is_leader: true },
            { user_id: 3, role: 'village_doctor' },
            { user_id: 4, role: 'nurse' },
          ],
        },
        facts,
      );
      expect(bad.map((p) => p.field)).to.deep.equal(['village_ids.1', 'members', 'members.1.user_id', 'members.2.user_id']);
    });
  });
  describe('households', () => {
    it('takes visits of members only, each task once, one visit of a type per member', () => {
      const members = new Set([7, 8]);
      expect(
        householdVisitProblems(
          [
            { resident_id: 7, type: 'hypertension', task_id: '7-hypertension_quarterly-2026-Q2' },
            { resident_id: 7, type: 'diabetes', task_id: '7-diabetes_quarterly-2026-Q2' },
            { resident_id: 8, type: 'elderly_check' },
          ],
          members,
        ),
      ).to.deep.equal([]);
      const bad = householdVisitProblems(
        [
          { resident_id: 7, type: 'hypertension', task_id: 'a' },
          { resident_id: 9, type: 'hypertension' },
          { resident_id: 8, type: 'hypertension', task_id: 'a' },
          { resident_id: 7, type: 'hypertension' },
        ],
        members,
      );
      expect(bad.map((p) => p.field)).to.deep.equal(['visits.1.resident_id', 'visits.2.task_id', 'visits.3.type']);
      expect(householdVisitProblems([], members)).to.deep.equal([{ field: 'visits', message: 'at least one visit' }]);
    });
  });

  describe('targets', () => {
    it('works in months: their days, the one before, how far a target may be set', () => {
      expect(monthRange('2028-02')).to.deep.equal({ start: '2028-02-01', end: '2028-02-29' });
      expect(previousMonth('2026-01')).to.equal('2025-12');
      expect(previousMonth('2026-10')).to.equal('2026-09');
      expect(targetMonthProblem('2027-06', '2026-06-30')).to.equal(null);
      expect(targetMonthProblem('2025-06', '2026-06-01')).to.equal(null);
      expect(targetMonthProblem('2027-07', '2026-06-30')).to.include({ field: 'month' });
      expect(targetMonthProblem('2025-05', '2026-06-01')).to.include({ field: 'month' });
    });

    it('spreads a goal over the days gone: none on the first day, the whole once the month is over', () => {
      // June has 30 days; on 16 June 15 days are gone: 30 × 15 / 30
      expect(goalToDate(30, '2026-06', '2026-06-01')).to.equal(0);
      expect(goalToDate(30, '2026-06', '2026-06-16')).to.equal(15);
      expect(goalToDate(10, '2026-06', '2026-06-16')).to.equal(5);
      // 7 × 10 / 30 = 2.33: two are due by the 11th
      expect(goalToDate(7, '2026-06', '2026-06-11')).to.equal(2);
      expect(goalToDate(30, '2026-06', '2026-06-30')).to.equal(29);
      expect(goalToDate(30, '2026-06', '2026-07-01')).to.equal(30);
      expect(goalToDate(30, '2026-07', '2026-06-20')).to.equal(0);
    });

    it('is met at the goal, on track while keeping pace, behind when lagging or below the goal of a month that is over', () => {
      expect(targetStatus(12, 12, '2026-06', '2026-06-05')).to.equal('met');
      expect(targetStatus(0, 0, '2026-05', '2026-06-05')).to.equal('met');
      // 16 June: 15 of 30 due
      expect(targetStatus(15, 30, '2026-06', '2026-06-16')).to.equal('on_track');
      expect(targetStatus(14, 30, '2026-06', '2026-06-16')).to.equal('behind');
      expect(targetStatus(0, 30, '2026-06', '2026-06-01')).to.equal('on_track');
      // last month: anything below the goal is behind
      expect(targetStatus(29, 30, '2026-05', '2026-06-01')).to.equal('behind');
    });

    it('takes the goal set for the month, else the default from the records, per metric', () => {
      const progress = monthProgress(
        '2026-05',
        '2026-06-10',
        { followups: 9, contracts: 3, checks: 0 },
        { followups: 12, contracts: 2, checks: 4 },
        {
          followups: 8,
          contracts: null,
        },
      );
      expect(progress).to.deep.equal({
        followups: { done: 9, goal: 8, default_goal: 12, set: true, status: 'met' },
        contracts: { done: 3, goal: 2, default_goal: 2, set: false, status: 'met' },
        checks: { done: 0, goal: 4, default_goal: 4, set: false, status: 'behind' },
      });
    });
  });
});
