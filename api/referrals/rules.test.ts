import { expect } from 'chai';
import { fromFen, toFen } from '../shared/money';
import {
  DEFAULT_SETTINGS,
  bookingProblem,
  computeFees,
  directionProblem,
  dueAt,
  heldUntil,
  median,
  nextStatus,
  referralNext,
  allowedActions,
  sankeyOf,
  slotStartProblem,
  receivesAtHomeVisit,
  slotStarts,
  senderRecipients,
  visitTimeProblem,
  NOTICE_OF,
  type Direction,
  type Purpose,
} from './rules';

describe('referral rules', () => {
  describe('fees (table-driven)', () => {
    // defaults: threshold 1:800 2:500 3:200 4:0 out:1200; registration 1:12 2:8 3:2 4:0 out:15
    const cases: {
      name: string;
      direction: Direction;
      purpose: Purpose;
      toLevel: number | null;
      paid: string;
      reg: string;
      waived: boolean;
      threshold: string;
      offset: string;
      due: string;
      basis: string[];
    }[] = [
      {
        name: 'up to a township, nothing paid before',
        direction: 'up',
        purpose: 'treatment',
        toLevel: 3,
        paid: '0',
        reg: '0.00',
        waived: true,
        threshold: '200.00',
        offset: '0.00',
        due: '200.00',
        basis: ['registration_waived_up'],
      },
      {
        name: 'up to a branch, township threshold paid below is offset',
        direction: 'up',
        purpose: 'inpatient',
        toLevel: 2,
        paid: '200',
        reg: '0.00',
        waived: true,
        threshold: '500.00',
        offset: '200.00',
        due: '300.00',
        basis: ['registration_waived_up', 'threshold_offset'],
      },
      {
        name: 'up to the HQ, branch threshold paid',
        direction: 'up',
        purpose: 'inpatient',
        toLevel: 1,
        paid: '500',
        reg: '0.00',
        waived: true,
        threshold: '800.00',
        offset: '500.00',
        due: '300.00',
        basis: ['registration_waived_up', 'threshold_offset'],
      },
      {
        name: 'paid below more than the receiving threshold: never below zero',
        direction: 'down',
        purpose: 'treatment',
        toLevel: 3,
        paid: '800',
        reg: '2.00',
        waived: false,
        threshold: '200.00',
        offset: '200.00',
        due: '0.00',
        basis: ['threshold_offset'],
      },
      {
        name: 'paid exactly the receiving threshold',
        direction: 'up',
        purpose: 'inpatient',
        toLevel: 2,
        paid: '500',
        reg: '0.00',
        waived: true,
        threshold: '500.00',
        offset: '500.00',
        due: '0.00',
        basis: ['registration_waived_up', 'threshold_offset'],
      },
      {
        name: 'down for rehabilitation: no threshold',
        direction: 'down',
        purpose: 'rehabilitation',
        toLevel: 3,
        paid: '0',
        reg: '2.00',
        waived: false,
        threshold: '200.00',
        offset: '0.00',
        due: '0.00',
        basis: ['rehabilitation_no_threshold'],
      },
      {
        name: 'down for rehabilitation, threshold paid above: still zero, nothing offset',
        direction: 'down',
        purpose: 'rehabilitation',
        toLevel: 2,
        paid: '800',
        reg: '8.00',
        waived: false,
        threshold: '500.00',
        offset: '0.00',
        due: '0.00',
        basis: ['rehabilitation_no_threshold'],
      },
      {
        name: 'down for chronic care pays the threshold',
        direction: 'down',
        purpose: 'chronic_care',
        toLevel: 3,
        paid: '0',
        reg: '2.00',
        waived: false,
        threshold: '200.00',
        offset: '0.00',
        due: '200.00',
        basis: [],
      },
      {
        name: 'out of the group: full fees, no offset',
        direction: 'out',
        purpose: 'inpatient',
        toLevel: null,
        paid: '800',
        reg: '15.00',
        waived: false,
        threshold: '1200.00',
        offset: '0.00',
        due: '1200.00',
        basis: ['out_of_group_no_offset'],
      },
      {
        name: 'fen are exact',
        direction: 'up',
        purpose: 'inpatient',
        toLevel: 1,
        paid: '0.01',
        reg: '0.00',
        waived: true,
        threshold: '800.00',
        offset: '0.01',
        due: '799.99',
        basis: ['registration_waived_up', 'threshold_offset'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const f = computeFees({ direction: c.direction, purpose: c.purpose, toLevel: c.toLevel, thresholdPaidBefore: toFen(c.paid) }, DEFAULT_SETTINGS);
        expect({
          reg: fromFen(f.registration_due),
          waived: f.registration_waived,
          threshold: fromFen(f.threshold),
          offset: fromFen(f.threshold_offset),
          due: fromFen(f.threshold_due),
          basis: f.basis,
        }).to.deep.equal({ reg: c.reg, waived: c.waived, threshold: c.threshold, offset: c.offset, due: c.due, basis: c.basis });
        expect(f.threshold_offset + f.threshold_due).to.equal(c.basis.includes('rehabilitation_no_threshold') ? 0n : f.threshold);
      });
    }

    it('reads thresholds from configuration', () => {
      const settings = { ...DEFAULT_SETTINGS, inpatientThreshold: { ...DEFAULT_SETTINGS.inpatientThreshold, '1': '1000.00' } };
      const f = computeFees({ direction: 'up', purpose: 'inpatient', toLevel: 1, thresholdPaidBefore: toFen('300') }, settings);
      expect(fromFen(f.threshold_due)).to.equal('700.00');
    });

    it('refuses a negative amount paid', () => {
      expect(() => computeFees({ direction: 'up', purpose: 'inpatient', toLevel: 1, thresholdPaidBefore: -1n }, DEFAULT_SETTINGS)).to.throw(RangeError);
    });
  });

  describe('direction', () => {
    const table: [Direction, number, number | null, string | null][] = [
      ['up', 4, 3, null],
      ['up', 3, 1, null],
      ['down', 1, 3, null],
      ['out', 2, null, null],
      ['up', 3, 3, 'same level'],
      ['down', 2, 2, 'same level'],
      ['up', 2, 3, 'down-referral'],
      ['down', 3, 2, 'up-referral'],
      ['out', 2, 1, 'to_external_name'],
      ['up', 4, null, 'receiving member unit'],
    ];
    for (const [dir, from, to, problem] of table) {
      it(`${dir} from level ${from} to ${to ?? 'outside'} → ${problem ?? 'ok'}`, () => {
        const p = directionProblem(dir, { level: from }, to == null ? null : { level: to });
        if (problem) expect(p?.message).to.contain(problem);
        else expect(p).to.equal(null);
      });
    }
  });

  describe('state machine', () => {
    it('walks requested → accepted → arrived → completed', () => {
      expect(nextStatus('requested', 'accept')).to.deep.equal({ to: 'accepted' });
      expect(nextStatus('accepted', 'arrive')).to.deep.equal({ to: 'arrived' });
      expect(nextStatus('arrived', 'complete')).to.deep.equal({ to: 'completed' });
      expect(nextStatus('requested', 'reject')).to.deep.equal({ to: 'rejected' });
      expect(nextStatus('accepted', 'cancel')).to.deep.equal({ to: 'cancelled' });
    });
    it('names the allowed transitions when refusing one', () => {
      const r = nextStatus('rejected', 'complete');
      expect(r).to.have.property('problem').that.contains('none (final)');
      const r2 = nextStatus('requested', 'complete') as { problem: string; allowed: string[] };
      expect(r2.allowed).to.deep.equal(['accept', 'reject', 'cancel']);
      expect(r2.problem).to.contain('accept, reject, cancel');
      expect(nextStatus('arrived', 'cancel')).to.have.property('allowed').that.deep.equals(['complete']);
    });
    it('green channel: an unanswered emergency referral within the group may arrive, no other unanswered one', () => {
      const emergency = { status: 'requested', urgency: 'emergency', direction: 'up' } as const;
      expect(referralNext(emergency, 'arrive')).to.deep.equal({ to: 'arrived' });
      expect(allowedActions(emergency)).to.deep.equal(['accept', 'reject', 'arrive', 'cancel']);
      expect(referralNext({ ...emergency, status: 'accepted' }, 'arrive')).to.deep.equal({ to: 'arrived' });
      const urgent = referralNext({ ...emergency, urgency: 'urgent' }, 'arrive') as { problem: string; allowed: string[] };
      expect(urgent.allowed).to.deep.equal(['accept', 'reject', 'cancel']);
      const out = referralNext({ ...emergency, direction: 'out' }, 'arrive') as { problem: string; allowed: string[] };
      expect(out.allowed).to.deep.equal(['accept', 'reject', 'cancel']);
      const done = referralNext({ ...emergency, status: 'completed' }, 'arrive') as { problem: string; allowed: string[] };
      expect(done.problem).to.contain('none (final)');
    });
  });

  describe('home visit of a village clinic (no slots)', () => {
    const now = new Date('2026-11-26T02:00:00Z');
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    it('takes a visit ahead within 30 days, or the one just made', () => {
      expect(visitTimeProblem(at(2), now)).to.equal(null);
      expect(visitTimeProblem(at(-0.5), now)).to.equal(null);
      expect(visitTimeProblem(at(30 * 24), now)).to.equal(null);
    });
    it('applies to a village clinic and members below it, not to the green channel nor to a township', () => {
      const routine = { urgency: 'routine', direction: 'down' };
      expect(receivesAtHomeVisit({ ...routine, to_level: 4 })).to.equal(true);
      expect(receivesAtHomeVisit({ ...routine, to_level: 5 })).to.equal(true);
      expect(receivesAtHomeVisit({ ...routine, to_level: 3 })).to.equal(false);
      expect(receivesAtHomeVisit({ urgency: 'emergency', direction: 'down', to_level: 4 })).to.equal(false);
      expect(receivesAtHomeVisit({ urgency: 'routine', direction: 'out', to_level: null })).to.equal(false);
    });
    it('refuses one in the past or too far ahead', () => {
      expect(visitTimeProblem(at(-2), now)).to.equal('the home visit cannot be in the past');
      expect(visitTimeProblem(at(30 * 24 + 1), now)).to.equal('the home visit must be within 30 days');
    });
  });

  describe('slots', () => {
    const at = (s: string) => new Date(s);
    it('are 30 minutes on the hour or half hour', () => {
      expect(slotStartProblem(at('2026-12-01T08:30:00+08:00'))).to.equal(null);
      expect(slotStartProblem(at('2026-12-01T08:15:00+08:00'))).to.match(/half hour/);
      expect(slotStarts('2026-12-01', '08:00', '10:00').map((d) => d.toISOString())).to.deep.equal([
        '2026-12-01T00:00:00.000Z',
        '2026-12-01T00:30:00.000Z',
        '2026-12-01T01:00:00.000Z',
        '2026-12-01T01:30:00.000Z',
      ]);
    });
    const slot = { starts_at: at('2026-12-10T09:00:00+08:00'), capacity: 4, booked: 1 };
    const early = at('2026-12-05T10:00:00+08:00');
    it('holds a share of the day for up-referrals until the day before', () => {
      expect(heldUntil(slot.starts_at).toISOString()).to.equal('2026-12-08T16:00:00.000Z'); // 12-09 00:00 Shanghai
      const day = { capacity: 10, bookedNotUp: 7 }; // 30 % of 10 = 3 held: 7 others already booked
      expect(bookingProblem(slot, day, 'down', early, 0.3)).to.include({ kind: 'conflict' });
      expect(bookingProblem(slot, day, 'up', early, 0.3)).to.equal(null);
      expect(bookingProblem(slot, day, 'down', at('2026-12-09T00:00:00+08:00'), 0.3)).to.equal(null);
      expect(bookingProblem(slot, { capacity: 10, bookedNotUp: 6 }, 'down', early, 0.3)).to.equal(null);
    });
    it('a full slot is a 409, a past one a 422', () => {
      expect(bookingProblem({ ...slot, booked: 4 }, { capacity: 10, bookedNotUp: 0 }, 'up', early, 0.3)).to.include({ kind: 'conflict' });
      expect(bookingProblem(slot, { capacity: 10, bookedNotUp: 0 }, 'up', at('2026-12-10T09:30:00+08:00'), 0.3)).to.include({ kind: 'business_rule' });
    });
    it('a slot is bookable until the instant it starts, not once under way', () => {
      const free = { capacity: 10, bookedNotUp: 0 };
      expect(bookingProblem(slot, free, 'up', at('2026-12-10T08:59:59+08:00'), 0.3)).to.equal(null);
      expect(bookingProblem(slot, free, 'up', at('2026-12-10T09:00:00+08:00'), 0.3)).to.deep.equal({
        kind: 'business_rule',
        message: 'the slot has already started; choose a later one',
      });
      expect(bookingProblem(slot, free, 'up', at('2026-12-10T09:10:00+08:00'), 0.3)).to.include({ kind: 'business_rule' });
    });
  });

  describe('who on the sending side hears of an answer', () => {
    const unitRoles = ['director', 'staff_clerk', 'village_doctor'];
    const referral = { from_doctor_id: 7, from_org_unit_id: 40 };
    const users = [
      { id: 7, org_unit_id: 40, roles: ['village_doctor'], active: true }, // referred the patient
      { id: 8, org_unit_id: 40, roles: ['director'], active: true }, // the sending unit's director
      { id: 9, org_unit_id: 40, roles: ['director'], active: false }, // left
      { id: 10, org_unit_id: 40, roles: ['auditor'], active: true }, // a group role sitting at the unit
      { id: 11, org_unit_id: 41, roles: ['director'], active: true }, // another unit
    ];
    it('the creator and the unit’s active users whose unit role sees referrals', () => {
      expect(senderRecipients(users, referral, 99, unitRoles)).to.deep.equal([7, 8]);
    });
    it('never the one who acted; the creator even when moved to another unit', () => {
      expect(senderRecipients(users, referral, 8, unitRoles)).to.deep.equal([7]);
      expect(senderRecipients([{ ...users[0], org_unit_id: 41 }, users[1]], referral, 0, unitRoles)).to.deep.equal([7, 8]);
    });
    it('an answer and an arrival are told; completion and the sender’s own cancel are not', () => {
      expect([NOTICE_OF.accept, NOTICE_OF.reject, NOTICE_OF.arrive]).to.deep.equal(['referral_accepted', 'referral_rejected', 'referral_arrived']);
      expect([NOTICE_OF.complete, NOTICE_OF.cancel]).to.deep.equal([undefined, undefined]);
    });
  });

  it('service levels set the due time', () => {
    const t = new Date('2026-12-01T08:00:00Z');
    expect(dueAt(t, 'emergency', DEFAULT_SETTINGS).toISOString()).to.equal('2026-12-01T08:30:00.000Z');
    expect(dueAt(t, 'urgent', DEFAULT_SETTINGS).toISOString()).to.equal('2026-12-01T10:00:00.000Z');
    expect(dueAt(t, 'routine', DEFAULT_SETTINGS).toISOString()).to.equal('2026-12-02T08:00:00.000Z');
  });

  it('median', () => {
    expect(median([])).to.equal(null);
    expect(median([5, 1, 3])).to.equal(3);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
  });

  it('Sankey keeps sending and receiving levels apart and drops unused nodes', () => {
    const s = sankeyOf([
      { from_level: 4, to_level: 3, count: 10 },
      { from_level: 3, to_level: 4, count: 2 },
      { from_level: 2, to_level: null, count: 1 },
      { from_level: 3, to_level: 2, count: 0 },
    ]);
    expect(s.nodes.map((n) => n.name)).to.deep.equal(['from:2', 'from:3', 'from:4', 'to:3', 'to:4', 'to:out']);
    expect(s.links).to.deep.equal([
      { source: 2, target: 3, value: 10 },
      { source: 1, target: 4, value: 2 },
      { source: 0, target: 5, value: 1 },
    ]);
  });
});
