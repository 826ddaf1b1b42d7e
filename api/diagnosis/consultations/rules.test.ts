import { expect } from 'chai';
import {
  actingSide,
  allowedActions,
  cancelProblem,
  clashOf,
  consultationFee,
  expertProblem,
  nextStatus,
  opinionDueAt,
  readyDueAt,
  referralProblem,
  rescheduleProblem,
  slotEnd,
  slotProblem,
  timingOf,
  unitsProblem,
  type Timing,
} from './rules';

const at = (iso: string) => new Date(iso);

describe('remote consultation rules', () => {
  it('state machine: the path from the invitation to the evaluation, a return and its re-sending, 409 words naming the allowed steps', () => {
    const path = [
      ['invited', 'check', 'material_checked'],
      ['material_checked', 'schedule', 'scheduled'],
      ['scheduled', 'ready', 'room_ready'],
      ['room_ready', 'hold', 'held'],
      ['held', 'opinion', 'opinion_uploaded'],
      ['opinion_uploaded', 'evaluate', 'evaluated'],
      ['invited', 'return', 'returned'],
      ['returned', 'resend', 'invited'],
    ] as const;
    for (const [from, action, to] of path) expect(nextStatus(from, action)).to.deep.equal({ to });
    expect(nextStatus('invited', 'schedule')).to.deep.equal({
      problem: 'cannot schedule a invited consultation; allowed from invited: check, return, cancel',
      allowed: ['check', 'return', 'cancel'],
    });
    expect(nextStatus('scheduled', 'hold')).to.have.property('allowed').that.deep.equals(['ready', 'reschedule', 'cancel']);
    expect(allowedActions('evaluated')).to.deep.equal([]);
    expect((nextStatus('evaluated', 'evaluate') as { problem: string }).problem).to.contain('none (final)');
  });

  it('cancel and reschedule: cancelled by the inviting side until held, never after; a booked slot moved by the host; both final or back to scheduled', () => {
    for (const from of ['invited', 'returned', 'material_checked', 'scheduled', 'room_ready'] as const)
      expect(nextStatus(from, 'cancel'), from).to.deep.equal({ to: 'cancelled' });
    expect(nextStatus('held', 'cancel')).to.deep.equal({
      problem: 'cannot cancel a held consultation; allowed from held: opinion',
      allowed: ['opinion'],
    });
    expect(nextStatus('scheduled', 'reschedule')).to.deep.equal({ to: 'scheduled' });
    // a readied room is checked again for the new slot
    expect(nextStatus('room_ready', 'reschedule')).to.deep.equal({ to: 'scheduled' });
    expect(nextStatus('material_checked', 'reschedule')).to.have.property('allowed').that.deep.equals(['schedule', 'cancel']);
    expect(nextStatus('held', 'reschedule')).to.have.property('problem');
    expect(allowedActions('cancelled')).to.deep.equal([]);
    expect([actingSide('cancel'), actingSide('reschedule'), actingSide('resend'), actingSide('schedule')]).to.deep.equal([
      'inviter',
      'host',
      'inviter',
      'host',
    ]);

    // a coded reason; `other` says why
    expect(cancelProblem('patient_declined', null)).to.equal(null);
    expect(cancelProblem(null, 'x')).to.deep.equal({ field: 'cancel_reason', message: 'required to cancel' });
    expect(cancelProblem('bored', null)?.field).to.equal('cancel_reason');
    expect(cancelProblem('other', '  ')).to.deep.equal({ field: 'note', message: 'say why when the reason is other' });
    expect(cancelProblem('other', '家属要求改期后失联')).to.equal(null);

    // the new slot: the slot rules, and a change of time, length or room
    const now = at('2027-01-10T02:10:00Z');
    const booked = { slot_start: '2027-01-10T04:00:00.000Z', half_hours: 2, room: '会诊室1' };
    expect(rescheduleProblem(booked, { start: at('2027-01-10T05:00:00Z'), halfHours: 2, room: '会诊室1' }, now)).to.equal(null);
    expect(rescheduleProblem(booked, { start: at('2027-01-10T04:00:00Z'), halfHours: 2, room: '会诊室2' }, now)).to.equal(null);
    expect(rescheduleProblem(booked, { start: at('2027-01-10T04:00:00Z'), halfHours: 3, room: '会诊室1' }, now)).to.equal(null);
    expect(rescheduleProblem(booked, { start: at('2027-01-10T04:00:00Z'), halfHours: 2, room: '会诊室1' }, now)).to.deep.equal({
      field: 'slot_start',
      message: 'the same slot and room as booked',
    });
    expect(rescheduleProblem(booked, { start: at('2027-01-10T02:00:00Z'), halfHours: 2, room: '会诊室1' }, now)?.message).to.equal('must be in the future');
    expect(rescheduleProblem(booked, { start: at('2027-01-10T05:10:00Z'), halfHours: 2, room: '会诊室1' }, now)?.field).to.equal('slot_start');
  });

  it('units: a branch or township invites the HQ or a branch above it', () => {
    expect(unitsProblem({ level: 3 }, { level: 1 })).to.equal(null);
    expect(unitsProblem({ level: 3 }, { level: 2 })).to.equal(null);
    expect(unitsProblem({ level: 2 }, { level: 1 })).to.equal(null);
    expect(unitsProblem({ level: 4 }, { level: 1 })?.field).to.equal('from_org_unit_id');
    expect(unitsProblem({ level: 2 }, { level: 2 })?.message).to.equal('the host must be above the inviting unit');
    expect(unitsProblem({ level: 3 }, { level: 3 })?.field).to.equal('host_org_unit_id');
  });

  it('expert: an active doctor of the host, attending physician or above, with a valid physician licence', () => {
    const p = { id: 1, name: '王医生', status: 'active', category: 'doctor', title: 'attending_physician', work_org_unit_id: 7, licence_kinds: ['physician'] };
    expect(expertProblem(p, 7)).to.equal(null);
    expect(expertProblem({ ...p, title: 'chief_physician' }, 7)).to.equal(null);
    expect(expertProblem({ ...p, title: 'resident_physician' }, 7)).to.equal('王医生 is not an attending physician or above (resident_physician)');
    expect(expertProblem(p, 8)).to.equal('王医生 does not work at the host unit');
    expect(expertProblem({ ...p, category: 'nurse' }, 7)).to.contain('not a doctor');
    expect(expertProblem({ ...p, licence_kinds: [] }, 7)).to.contain('no valid physician licence');
    expect(expertProblem({ ...p, status: 'retired' }, 7)).to.contain('not on active duty');
  });

  it('slot: on the hour or the half hour, in the future, 1–8 half hours; its end', () => {
    const now = at('2027-01-10T02:10:00Z');
    expect(slotProblem(at('2027-01-10T02:30:00Z'), 1, now)).to.equal(null);
    expect(slotProblem(at('2027-01-10T02:45:00Z'), 1, now)?.field).to.equal('slot_start');
    expect(slotProblem(at('2027-01-10T02:00:00Z'), 1, now)?.message).to.equal('must be in the future');
    expect(slotProblem(at('2027-01-10T03:00:00Z'), 9, now)?.field).to.equal('half_hours');
    expect(slotEnd(at('2027-01-10T03:00:00Z'), 3).toISOString()).to.equal('2027-01-10T04:30:00.000Z');
  });

  it('overlap: the same expert or the same room at a shared moment clashes; touching ends and other rooms do not', () => {
    const booking = (id: number, start: string, halfHours: number, expert: number | null, room: string) => ({
      id,
      slot_start: at(start),
      slot_end: slotEnd(at(start), halfHours),
      expert_staff_id: expert,
      room,
    });
    const others = [booking(1, '2027-01-10T02:00:00Z', 2, 5, '会诊室1'), booking(2, '2027-01-10T04:00:00Z', 1, 6, '会诊室2')];
    // the expert 5 from 02:30: overlaps booking 1 (02:00–03:00)
    expect(clashOf(booking(9, '2027-01-10T02:30:00Z', 1, 5, '会诊室3'), others))
      .to.include({ field: 'slot_start' })
      .and.have.nested.property('booking.id', 1);
    // another expert in room 2 at 04:00: the room clashes
    expect(clashOf(booking(9, '2027-01-10T04:00:00Z', 1, 7, '会诊室2'), others)).to.include({ field: 'room' });
    // from 03:00, right after booking 1 ends: free
    expect(clashOf(booking(9, '2027-01-10T03:00:00Z', 2, 5, '会诊室1'), others)).to.equal(null);
    // a department's consultation (no expert) in another room at the same time: free
    expect(clashOf(booking(9, '2027-01-10T02:00:00Z', 1, null, '会诊室3'), others)).to.equal(null);
    // the booking itself is not a clash (rescheduling)
    expect(clashOf(booking(1, '2027-01-10T02:00:00Z', 2, 5, '会诊室1'), others)).to.equal(null);
  });

  it('fee: half hours × the fee per half hour, exact in fen', () => {
    expect(consultationFee('150.00', 1)).to.equal('150.00');
    expect(consultationFee('150.00', 3)).to.equal('450.00');
    expect(consultationFee('33.33', 3)).to.equal('99.99');
    expect(consultationFee('0.01', 8)).to.equal('0.08');
  });

  it('late flags: the room checked after its due time, the opinion after its norm; the time left to the step waited for', () => {
    const start = at('2027-01-10T02:00:00Z');
    const end = slotEnd(start, 2);
    const base: Timing = {
      status: 'scheduled',
      slot_start: start,
      ready_due_at: readyDueAt(start, { ready_minutes: 30 }),
      ready_at: null,
      opinion_due_at: opinionDueAt(end, { opinion_hours: 24 }),
      opinion_at: null,
    };
    expect((base.ready_due_at as Date).toISOString()).to.equal('2027-01-10T01:30:00.000Z');
    expect((base.opinion_due_at as Date).toISOString()).to.equal('2027-01-11T03:00:00.000Z');
    expect(timingOf(base, at('2027-01-10T01:00:00Z'))).to.deep.equal({
      ready_late: false,
      opinion_late: false,
      next_due_at: '2027-01-10T01:30:00.000Z',
      minutes_left: 30,
    });
    // not checked and the due time gone: late, 10 minutes over
    expect(timingOf(base, at('2027-01-10T01:40:00Z'))).to.include({ ready_late: true, minutes_left: -10 });
    // checked at 01:45: late for good, the slot next
    const ready = { ...base, status: 'room_ready' as const, ready_at: at('2027-01-10T01:45:00Z') };
    expect(timingOf(ready, at('2027-01-10T01:50:00Z'))).to.include({ ready_late: true, next_due_at: '2027-01-10T02:00:00.000Z', minutes_left: 10 });
    expect(timingOf({ ...ready, ready_at: at('2027-01-10T01:20:00Z') }, at('2027-01-10T01:50:00Z'))).to.include({ ready_late: false });
    // held: the opinion waited for; past its norm, late; uploaded in time, not
    const held = { ...ready, status: 'held' as const };
    expect(timingOf(held, at('2027-01-11T02:00:00Z'))).to.include({ opinion_late: false, minutes_left: 60 });
    expect(timingOf(held, at('2027-01-11T03:01:00Z'))).to.include({ opinion_late: true, minutes_left: -1 });
    const done = { ...held, status: 'opinion_uploaded' as const, opinion_at: at('2027-01-11T04:00:00Z') };
    expect(timingOf(done, at('2027-01-12T00:00:00Z'))).to.deep.equal({ ready_late: true, opinion_late: true, next_due_at: null, minutes_left: null });
    expect(timingOf({ ...done, opinion_at: at('2027-01-10T05:00:00Z') }, at('2027-01-12T00:00:00Z'))).to.include({ opinion_late: false });
    // cancelled before the room was checked: never late, nothing waited for
    expect(timingOf({ ...base, status: 'cancelled' }, at('2027-01-12T00:00:00Z'))).to.deep.equal({
      ready_late: false,
      opinion_late: false,
      next_due_at: null,
      minutes_left: null,
    });
    // nothing booked yet: nothing late, nothing waited for
    expect(timingOf({ ...base, status: 'invited', slot_start: null, ready_due_at: null, opinion_due_at: null }, at('2027-01-12T00:00:00Z'))).to.deep.equal({
      ready_late: false,
      opinion_late: false,
      next_due_at: null,
      minutes_left: null,
    });
  });

  it('referral: once held, once only', () => {
    expect(referralProblem({ status: 'held', referral_id: null })).to.equal(null);
    expect(referralProblem({ status: 'opinion_uploaded', referral_id: null })).to.equal(null);
    expect(referralProblem({ status: 'scheduled', referral_id: null })).to.contain('cannot be referred');
    expect(referralProblem({ status: 'evaluated', referral_id: 12 })).to.equal('the consultation was already referred (referral 12)');
  });
});
