// 远程会诊: the rules of a remote consultation as plain functions over plain data — its state machine
// and which side acts at each step, who may be invited as the expert (HR facts), the slot (half hours
// on the clock's half hours), the overlap of two bookings, the fee, the due times of the room check and
// the opinion and their late flags. No HTTP, no database.
import type { GrantTable } from '../../core/access';
import { read } from '../../core/access';
import { stateMachine, type Machine } from '../../core/stateMachine';
import { fromFen, toFen } from '../../shared/money';
import type { StaffQualification } from '../../hr';
import { CONSULTATION_CANCEL_REASON, CONSULTATION_STATUS } from '../enums';

export const CONSULTATION_STATUSES = CONSULTATION_STATUS.values;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const CONSULTATION_ACTIONS = ['check', 'return', 'resend', 'schedule', 'ready', 'hold', 'opinion', 'evaluate', 'reschedule', 'cancel'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

// the inviting side may cancel until the consultation is held; the host moves a booked slot (the room's check, if done, is done again)
const MACHINE: Machine<ConsultationStatus, ConsultationAction> = {
  invited: { check: 'material_checked', return: 'returned', cancel: 'cancelled' },
  // the inviting doctor fixes the material (attaches, rewrites the question) and sends it again
  returned: { resend: 'invited', cancel: 'cancelled' },
  material_checked: { schedule: 'scheduled', cancel: 'cancelled' },
  scheduled: { ready: 'room_ready', reschedule: 'scheduled', cancel: 'cancelled' },
  room_ready: { hold: 'held', reschedule: 'scheduled', cancel: 'cancelled' },
  held: { opinion: 'opinion_uploaded' },
  opinion_uploaded: { evaluate: 'evaluated' },
  evaluated: {},
  cancelled: {},
};

export const { allowedActions, nextStatus } = stateMachine('consultation', MACHINE);

const INVITER_ACTIONS: readonly ConsultationAction[] = ['resend', 'evaluate', 'cancel'];
/** The inviting unit invites, re-sends, cancels and evaluates; the host checks, schedules and reschedules, readies the room, holds and writes the opinion. */
export const actingSide = (action: ConsultationAction): 'host' | 'inviter' => (INVITER_ACTIONS.includes(action) ? 'inviter' : 'host');

/** The states with a booked slot (they hold the expert and the room). */
export const BOOKED_STATUSES: readonly ConsultationStatus[] = ['scheduled', 'room_ready', 'held', 'opinion_uploaded', 'evaluated'];
/** The states a referral may start from: the consultation held (with or without its opinion yet). */
export const REFERABLE_STATUSES: readonly ConsultationStatus[] = ['held', 'opinion_uploaded', 'evaluated'];
/** The states the inviting side may still add material in. */
export const MATERIAL_STATUSES: readonly ConsultationStatus[] = ['invited', 'returned'];

// ---------------------------------------------------------------- the two units and the expert

/** Why `from` may not invite `host`, or null: a branch (2) or a township (3) inviting the HQ (1) or a branch above it in level. */
export function unitsProblem(from: { level: number }, host: { level: number }): { field: string; message: string } | null {
  if (from.level !== 2 && from.level !== 3) return { field: 'from_org_unit_id', message: 'only a branch or a township invites a remote consultation' };
  if (host.level > 2) return { field: 'host_org_unit_id', message: 'the host is the HQ or a branch' };
  if (host.level >= from.level) return { field: 'host_org_unit_id', message: 'the host must be above the inviting unit' };
  return null;
}

/** 主治医师 and above: who may be invited by name */
export const EXPERT_TITLES = ['chief_physician', 'associate_chief_physician', 'attending_physician'];

/** Why a person may not be the named expert of a consultation hosted at `hostUnitId`, or null. */
export function expertProblem(p: StaffQualification, hostUnitId: number): string | null {
  if (p.status !== 'active') return `${p.name} is not on active duty (${p.status})`;
  if (p.work_org_unit_id !== hostUnitId) return `${p.name} does not work at the host unit`;
  if (p.category !== 'doctor') return `${p.name} is not a doctor (${p.category})`;
  if (!p.title || !EXPERT_TITLES.includes(p.title)) return `${p.name} is not an attending physician or above (${p.title ?? 'no title'})`;
  if (!p.licence_kinds.includes('physician')) return `${p.name} holds no valid physician licence`;
  return null;
}

// ---------------------------------------------------------------- the slot

export const SLOT_MINUTES = 30;
export const MAX_HALF_HOURS = 8;
const MINUTE = 60_000;

/** Why a slot starting at `start` for `halfHours` cannot be booked at `now`, or null: on a half hour, in the future. */
export function slotProblem(start: Date, halfHours: number, now: Date): { field: string; message: string } | null {
  if (start.getTime() % (SLOT_MINUTES * MINUTE) !== 0) return { field: 'slot_start', message: 'must start on the hour or the half hour' };
  if (start.getTime() <= now.getTime()) return { field: 'slot_start', message: 'must be in the future' };
  if (!Number.isInteger(halfHours) || halfHours < 1 || halfHours > MAX_HALF_HOURS) return { field: 'half_hours', message: `1 to ${MAX_HALF_HOURS} half hours` };
  return null;
}

export const slotEnd = (start: Date, halfHours: number) => new Date(start.getTime() + halfHours * SLOT_MINUTES * MINUTE);

export interface Booking {
  id: number;
  slot_start: string | Date;
  slot_end: string | Date;
  expert_staff_id: number | null;
  room: string | null;
}

/** Two intervals [start, end) share a moment (touching ends do not). */
export const overlaps = (a: { slot_start: string | Date; slot_end: string | Date }, b: { slot_start: string | Date; slot_end: string | Date }) =>
  new Date(a.slot_start).getTime() < new Date(b.slot_end).getTime() && new Date(b.slot_start).getTime() < new Date(a.slot_end).getTime();

/** The first booking `wanted` collides with (the same expert, or the same room of the host), and why; null when none. */
export function clashOf(wanted: Booking, others: readonly Booking[]): { booking: Booking; field: 'slot_start' | 'room'; message: string } | null {
  for (const other of others) {
    if (other.id === wanted.id || !overlaps(wanted, other)) continue;
    if (wanted.expert_staff_id != null && wanted.expert_staff_id === other.expert_staff_id)
      return { booking: other, field: 'slot_start', message: `the expert is booked for consultation ${other.id} at that time` };
    if (wanted.room != null && wanted.room === other.room)
      return { booking: other, field: 'room', message: `the room is booked for consultation ${other.id} at that time` };
  }
  return null;
}

/** Why a booked consultation cannot move to `wanted`, or null: the slot rules, and a change of time or room. */
export function rescheduleProblem(
  booked: { slot_start: string | Date | null; half_hours: number | null; room: string | null },
  wanted: { start: Date; halfHours: number; room: string },
  now: Date,
): { field: string; message: string } | null {
  const slot = slotProblem(wanted.start, wanted.halfHours, now);
  if (slot) return slot;
  if (
    booked.slot_start != null &&
    new Date(booked.slot_start).getTime() === wanted.start.getTime() &&
    booked.half_hours === wanted.halfHours &&
    booked.room === wanted.room
  )
    return { field: 'slot_start', message: 'the same slot and room as booked' };
  return null;
}

// ---------------------------------------------------------------- cancelling

export type CancelReason = (typeof CONSULTATION_CANCEL_REASON.values)[number];

/** Why a cancellation is incomplete, or null: a coded reason, and a note when the reason is `other`. */
export function cancelProblem(reason: string | null | undefined, note: string | null | undefined): { field: string; message: string } | null {
  if (!reason) return { field: 'cancel_reason', message: 'required to cancel' };
  if (!CONSULTATION_CANCEL_REASON.has(reason)) return { field: 'cancel_reason', message: `one of ${CONSULTATION_CANCEL_REASON.values.join(', ')}` };
  if (reason === 'other' && !note?.trim()) return { field: 'note', message: 'say why when the reason is other' };
  return null;
}

// ---------------------------------------------------------------- settings, fee, due times

export interface ConsultationSettings {
  /** yuan, a decimal */
  fee_per_half_hour: string;
  /** the opinion is due this many hours after the slot ends */
  opinion_hours: number;
  /** the room's check is due this many minutes before the slot */
  ready_minutes: number;
}

export const DEFAULT_CONSULTATION_SETTINGS: ConsultationSettings = { fee_per_half_hour: '150.00', opinion_hours: 24, ready_minutes: 30 };

/** The fee of `halfHours` at `perHalfHour` yuan, in yuan (exact: fen × half hours). */
export const consultationFee = (perHalfHour: string, halfHours: number) => fromFen(toFen(perHalfHour) * BigInt(halfHours));

export const readyDueAt = (slotStart: Date, settings: Pick<ConsultationSettings, 'ready_minutes'>) =>
  new Date(slotStart.getTime() - settings.ready_minutes * MINUTE);
export const opinionDueAt = (slotEnd: Date, settings: Pick<ConsultationSettings, 'opinion_hours'>) =>
  new Date(slotEnd.getTime() + settings.opinion_hours * 60 * MINUTE);

type When = string | Date | null;
const after = (done: When, due: When, now: Date) => due != null && new Date(done ?? now).getTime() > new Date(due).getTime();

export interface Timing {
  status: ConsultationStatus;
  slot_start: When;
  ready_due_at: When;
  ready_at: When;
  opinion_due_at: When;
  opinion_at: When;
}

/**
 * The late flags at `now`: the room checked after its due time (or not yet and the time gone), the
 * opinion uploaded after its norm (or not yet and the norm gone); and what comes next — the due
 * time of the step the consultation waits for and the minutes left to it (negative: late by so much).
 */
export function timingOf(c: Timing, now: Date) {
  const readyLate = c.slot_start != null && (c.ready_at != null || c.status === 'scheduled') && after(c.ready_at, c.ready_due_at, now);
  const opinionLate = c.opinion_due_at != null && (c.opinion_at != null || c.status === 'held') && after(c.opinion_at, c.opinion_due_at, now);
  const next = c.status === 'scheduled' ? c.ready_due_at : c.status === 'room_ready' ? c.slot_start : c.status === 'held' ? c.opinion_due_at : null;
  return {
    ready_late: readyLate,
    opinion_late: opinionLate,
    next_due_at: next == null ? null : new Date(next).toISOString(),
    minutes_left: next == null ? null : Math.floor((new Date(next).getTime() - now.getTime()) / MINUTE),
  };
}

/** Why the consultation cannot become a referral, or null: held (opinion or not), not yet referred. */
export function referralProblem(c: { status: ConsultationStatus; referral_id: number | null }): string | null {
  if (!REFERABLE_STATUSES.includes(c.status)) return `a ${c.status} consultation cannot be referred; only once held (${REFERABLE_STATUSES.join(', ')})`;
  if (c.referral_id != null) return `the consultation was already referred (referral ${c.referral_id})`;
  return null;
}

// ---------------------------------------------------------------- grants

const HOST_STEPS = ['check', 'return', 'schedule', 'reschedule', 'ready', 'hold', 'opinion'];
const INVITER_STEPS = ['create', 'resend', 'evaluate', 'cancel', 'refer'];
export const consultationGrants: GrantTable = {
  group_admin: { 'diagnosis-consultations': read, 'consultation-settings': ['show', 'edit'] },
  // a director acts for whichever side their unit is (a branch both invites the HQ and hosts its townships)
  director: { 'diagnosis-consultations': [...read, ...INVITER_STEPS, ...HOST_STEPS], 'consultation-settings': ['show'] },
  staff_clerk: { 'diagnosis-consultations': [...read, ...INVITER_STEPS, ...HOST_STEPS], 'consultation-settings': ['show'] },
  referral_coordinator: { 'diagnosis-consultations': read },
};
