// 双向转诊: the rules of two-way referrals as plain functions over plain data — directions
// between the four levels, the state machine, the fee rules of the green channel, appointment
// slots with places held for up-referrals, service levels. No HTTP, no database.
import type { GrantTable } from '../core/access';
import { all, read } from '../core/access';
import { stateMachine, type Machine } from '../core/stateMachine';
import { type Fen, fromFen, toFen } from '../shared/money';
import { dayKey, shanghaiMidnight } from '../core/clock';
import { DIRECTION, PURPOSE, STATUS, URGENCY } from './enums';

export const DIRECTIONS = DIRECTION.values;
export type Direction = (typeof DIRECTIONS)[number];
export const URGENCIES = URGENCY.values;
export type Urgency = (typeof URGENCIES)[number];
export const STATUSES = STATUS.values;
export type Status = (typeof STATUSES)[number];
export const OPEN_STATUSES: readonly Status[] = ['requested', 'accepted', 'arrived'];
/** a receiving unit's inbox: requests to answer and accepted patients still to come */
export const INBOX_STATUSES: readonly Status[] = ['requested', 'accepted'];
export const PURPOSES = PURPOSE.values;
export type Purpose = (typeof PURPOSES)[number];
export const ACTIONS = ['accept', 'reject', 'arrive', 'complete', 'cancel'] as const;
export type ReferralAction = (typeof ACTIONS)[number];

/** ICD-10 code: a letter, two digits, optionally a dot and up to four more (I21.9, E11.65). */
export const ICD10_PATTERN = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/** Level 1 is the HQ hospital, 4 a village clinic: "up" goes to a smaller level number. */
export const VILLAGE_LEVEL = 4;

// ---------------------------------------------------------------- configuration

/** Fee keys: the receiving unit's level (1–4; deeper affiliated members count as 4) or `out`. */
export type FeeKey = '1' | '2' | '3' | '4' | 'out';

export interface ReferralSettings {
  /** minutes within which a request must be answered (accepted or rejected) */
  serviceLevelMinutes: Record<Urgency, number>;
  /** standard registration fee (挂号费) at the receiving unit, yuan as a decimal string */
  registrationFee: Record<FeeKey, string>;
  /** inpatient threshold (住院起付线) of the resident insurance at the receiving unit */
  inpatientThreshold: Record<FeeKey, string>;
  /** share of each day's slot places held for up-referrals until the day before (0–1) */
  upReservedShare: number;
}

/**
 * Defaults, plausible for 青海 urban-rural resident insurance; every figure is configuration
 * (GET/PUT /api/referral-settings) and a referral keeps the fees computed when it was made.
 */
export const DEFAULT_SETTINGS: ReferralSettings = {
  serviceLevelMinutes: { emergency: 30, urgent: 120, routine: 1440 },
  registrationFee: { '1': '12.00', '2': '8.00', '3': '2.00', '4': '0.00', out: '15.00' },
  inpatientThreshold: { '1': '800.00', '2': '500.00', '3': '200.00', '4': '0.00', out: '1200.00' },
  upReservedShare: 0.3,
};

export const feeKey = (level: number | null): FeeKey => (level == null ? 'out' : (String(Math.min(Math.max(level, 1), VILLAGE_LEVEL)) as FeeKey));

// ---------------------------------------------------------------- direction

interface Leveled {
  level: number;
}

/** Why a referral from `from` to `to` (null: out of the group) cannot go in `direction`, or null. */
export function directionProblem(direction: Direction, from: Leveled, to: Leveled | null): { field: string; message: string } | null {
  if (direction === 'out') {
    return to ? { field: 'to_org_unit_id', message: 'a referral out of the group names to_external_name, not a member unit' } : null;
  }
  if (!to) return { field: 'to_org_unit_id', message: `an ${direction}-referral needs the receiving member unit` };
  if (to.level === from.level) return { field: 'to_org_unit_id', message: `same level (${to.level}): a referral goes up or down between levels` };
  if (direction === 'up' && to.level > from.level)
    return { field: 'direction', message: `level ${to.level} is below level ${from.level}: that is a down-referral` };
  if (direction === 'down' && to.level < from.level)
    return { field: 'direction', message: `level ${to.level} is above level ${from.level}: that is an up-referral` };
  return null;
}

// ---------------------------------------------------------------- state machine

const MACHINE: Machine<Status, ReferralAction> = {
  requested: { accept: 'accepted', reject: 'rejected', cancel: 'cancelled' },
  accepted: { arrive: 'arrived', cancel: 'cancelled' },
  arrived: { complete: 'completed' },
  completed: {},
  rejected: {},
  cancelled: {},
};

const machine = stateMachine('referral', MACHINE);
export const { nextStatus } = machine;

/**
 * 绿色通道: an emergency referral within the group may be received on arrival before the receiving
 * unit answered it — the patient (a STEMI on the way to the cath lab) does not wait for an answer,
 * and the arrival answers it (accepted at that moment). Every other referral arrives only once accepted.
 */
const arrivesUnanswered = (r: ReferralState) => r.status === 'requested' && r.urgency === 'emergency' && r.direction !== 'out';

export interface ReferralState {
  status: Status;
  urgency: Urgency;
  direction: Direction;
}

/** The actions open on the referral, in the machine's order, with the green channel's arrival. */
export const allowedActions = (r: ReferralState): ReferralAction[] => {
  const allowed = machine.allowedActions(r.status);
  return arrivesUnanswered(r) ? [...allowed.slice(0, 2), 'arrive', ...allowed.slice(2)] : allowed;
};

/** The status `action` leads to on the referral, or the problem naming the allowed actions. */
export function referralNext(r: ReferralState, action: ReferralAction): { to: Status } | { problem: string; allowed: ReferralAction[] } {
  if (action === 'arrive' && arrivesUnanswered(r)) return { to: 'arrived' };
  const next = nextStatus(r.status, action);
  return 'problem' in next ? { ...next, allowed: allowedActions(r) } : next;
}

/** Which side acts: the receiving unit answers and receives, the sending unit cancels. */
export const actingSide = (action: ReferralAction): 'receiving' | 'sending' => (action === 'cancel' ? 'sending' : 'receiving');

// ---------------------------------------------------------------- fees

export interface FeeInput {
  direction: Direction;
  purpose: Purpose;
  /** the receiving unit's level; null for out of the group */
  toLevel: number | null;
  /** inpatient threshold the patient already paid at the sending unit within this episode */
  thresholdPaidBefore: Fen;
}

export interface Fees {
  registration_fee: Fen;
  registration_due: Fen;
  registration_waived: boolean;
  threshold: Fen;
  threshold_paid_before: Fen;
  threshold_offset: Fen;
  threshold_due: Fen;
  /** why: registration_waived_up, threshold_offset, rehabilitation_no_threshold, out_of_group_no_offset */
  basis: string[];
}

/**
 * The fees at the receiving unit (green channel, 绿色通道): an up-referral pays no registration
 * fee; the inpatient threshold due is the receiving one minus what was already paid below in the
 * same episode, never below zero (住院可冲抵门槛费); a down-referral for rehabilitation pays no
 * threshold (康复回社区免收门槛费). Out of the group the county's rules apply: no waiver, no offset.
 */
export function computeFees(input: FeeInput, settings: Pick<ReferralSettings, 'registrationFee' | 'inpatientThreshold'>): Fees {
  if (input.thresholdPaidBefore < 0n) throw new RangeError('threshold paid before cannot be negative');
  const key = feeKey(input.direction === 'out' ? null : input.toLevel);
  const registration = toFen(settings.registrationFee[key]);
  const threshold = toFen(settings.inpatientThreshold[key]);
  const basis: string[] = [];
  const waived = input.direction === 'up';
  if (waived) basis.push('registration_waived_up');
  let offset = 0n;
  let due = threshold;
  if (input.direction === 'down' && input.purpose === 'rehabilitation') {
    due = 0n;
    basis.push('rehabilitation_no_threshold');
  } else if (input.direction === 'out') {
    basis.push('out_of_group_no_offset');
  } else if (input.thresholdPaidBefore > 0n) {
    offset = input.thresholdPaidBefore < threshold ? input.thresholdPaidBefore : threshold;
    due = threshold - offset;
    basis.push('threshold_offset');
  }
  return {
    registration_fee: registration,
    registration_due: waived ? 0n : registration,
    registration_waived: waived,
    threshold,
    threshold_paid_before: input.thresholdPaidBefore,
    threshold_offset: offset,
    threshold_due: due,
    basis,
  };
}

/** Fees as stored on the referral: decimal strings (yuan, two places) and the reasons that applied. */
export interface StoredFees {
  registration_fee: string;
  registration_due: string;
  registration_waived: boolean;
  threshold: string;
  threshold_paid_before: string;
  threshold_offset: string;
  threshold_due: string;
  basis: string[];
}

export const storedFees = (f: Fees): StoredFees => ({
  registration_fee: fromFen(f.registration_fee),
  registration_due: fromFen(f.registration_due),
  registration_waived: f.registration_waived,
  threshold: fromFen(f.threshold),
  threshold_paid_before: fromFen(f.threshold_paid_before),
  threshold_offset: fromFen(f.threshold_offset),
  threshold_due: fromFen(f.threshold_due),
  basis: f.basis,
});

// ---------------------------------------------------------------- appointment slots

/** How far ahead a village clinic may set the home visit of a patient it receives back. */
export const VISIT_HORIZON_DAYS = 30;

/**
 * A village clinic has no departments and publishes no slots (nor does a member hanging under
 * one): a patient sent to it other than by the green channel (康复回社区) is received at a home
 * visit whose time the clinic names.
 */
export const receivesAtHomeVisit = (r: { to_level: number | null; urgency: string; direction: string }) =>
  r.to_level != null && r.to_level >= VILLAGE_LEVEL && r.urgency !== 'emergency' && r.direction !== 'out';

/** The home visit may be the one just made (an hour's grace), or one within the horizon; anything else is refused with the reason. */
export function visitTimeProblem(visitAt: Date, now: Date): string | null {
  if (visitAt.getTime() < now.getTime() - 3_600_000) return 'the home visit cannot be in the past';
  if (visitAt.getTime() > now.getTime() + VISIT_HORIZON_DAYS * 86_400_000) return `the home visit must be within ${VISIT_HORIZON_DAYS} days`;
  return null;
}

export const SLOT_MINUTES = 30;
const DAY_MS = 86_400_000;

/** Slots start on the hour or the half hour. */
export function slotStartProblem(startsAt: Date): string | null {
  if (Number.isNaN(startsAt.getTime())) return 'not a date-time';
  return startsAt.getTime() % (SLOT_MINUTES * 60_000) === 0 ? null : 'a slot starts on the hour or the half hour (30-minute slots)';
}

/** The 30-minute starts of a day between two local times ("08:00", "11:30" → 08:00 … 11:00). */
export function slotStarts(day: string, from: string, until: string): Date[] {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const midnight = shanghaiMidnight(day).getTime();
  const out: Date[] = [];
  for (let m = minutes(from); m + SLOT_MINUTES <= minutes(until); m += SLOT_MINUTES) out.push(new Date(midnight + m * 60_000));
  return out;
}

export interface SlotState {
  starts_at: Date;
  capacity: number;
  booked: number;
}

export interface SlotDay {
  /** places of all the department's slots that day */
  capacity: number;
  /** places that day already booked by referrals other than up-referrals */
  bookedNotUp: number;
}

/** Until when (exclusive) the held places of a slot's day are kept for up-referrals: the day before, 00:00. */
export const heldUntil = (startsAt: Date) => new Date(shanghaiMidnight(dayKey(startsAt)).getTime() - DAY_MS);

/** Places of a day held for up-referrals. */
export const heldPlaces = (dayCapacity: number, share: number) => Math.ceil(dayCapacity * share);

/** Why booking `slot` for a referral going `direction` fails now: a broken rule when past, a conflict when full or held; null when it may. */
export function bookingProblem(
  slot: SlotState,
  day: SlotDay,
  direction: Direction,
  now: Date,
  upReservedShare: number,
): { kind: 'conflict' | 'business_rule'; message: string } | null {
  // a slot under way is no appointment: the patient could not be there at its start
  if (slot.starts_at.getTime() <= now.getTime()) return { kind: 'business_rule', message: 'the slot has already started; choose a later one' };
  if (slot.booked >= slot.capacity) return { kind: 'conflict', message: `the slot is full (${slot.booked} of ${slot.capacity} places booked)` };
  if (direction !== 'up' && now < heldUntil(slot.starts_at)) {
    const held = heldPlaces(day.capacity, upReservedShare);
    if (day.bookedNotUp + 1 > day.capacity - held) {
      return {
        kind: 'conflict',
        message: `the remaining places of ${dayKey(slot.starts_at)} are held for up-referrals until ${dayKey(heldUntil(slot.starts_at))}`,
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------- notices to the sender

/** The notice the sending side gets when the receiving side answers or receives the patient. */
export const NOTICE_OF: Partial<Record<ReferralAction, string>> = { accept: 'referral_accepted', reject: 'referral_rejected', arrive: 'referral_arrived' };
export const ESCALATION_NOTICE = 'referral_escalated';

export interface Candidate {
  id: number;
  org_unit_id: number;
  roles: readonly string[];
  active: boolean;
}

/**
 * Who on the sending side hears of a referral: the one who made it, and the active users of the
 * sending unit holding a role of that unit which sees referrals (`unitRoles`: director, clerk,
 * village doctor — not the group roles whose accounts merely sit at the HQ); never the actor,
 * who knows already.
 */
export function senderRecipients(
  users: readonly Candidate[],
  r: { from_doctor_id: number | null; from_org_unit_id: number },
  actorId: number,
  unitRoles: readonly string[],
): number[] {
  return users
    .filter((u) => u.active && u.id !== actorId)
    .filter((u) => u.id === r.from_doctor_id || (u.org_unit_id === r.from_org_unit_id && u.roles.some((role) => unitRoles.includes(role))))
    .map((u) => u.id)
    .sort((a, b) => a - b);
}

// ---------------------------------------------------------------- timeliness

/** When a request made at `requestedAt` must be answered. */
export const dueAt = (requestedAt: Date, urgency: Urgency, settings: Pick<ReferralSettings, 'serviceLevelMinutes'>) =>
  new Date(requestedAt.getTime() + settings.serviceLevelMinutes[urgency] * 60_000);

/** Median of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// ---------------------------------------------------------------- figures

/** Per sending unit, referrals created in the period (read by settlement for the up-referral rate). */
export interface ReferralFigures {
  org_unit_id: number;
  up: number;
  down: number;
  out: number;
  completed: number;
  up_completed: number;
}

export interface LevelFlow {
  from_level: number;
  /** null: out of the group */
  to_level: number | null;
  count: number;
}

/**
 * Sankey nodes and links (recharts' shape) for flows between levels. Sending and receiving
 * levels are separate nodes (left and right), so up and down flows never form a cycle.
 */
export function sankeyOf(flows: readonly LevelFlow[]) {
  const levels = [1, 2, 3, 4];
  const nodes = [
    ...levels.map((l) => ({ name: `from:${l}`, level: l, side: 'from' as const })),
    ...levels.map((l) => ({ name: `to:${l}`, level: l, side: 'to' as const })),
    { name: 'to:out', level: null, side: 'to' as const },
  ];
  const index = (side: 'from' | 'to', level: number | null) =>
    side === 'to' && level == null ? nodes.length - 1 : (side === 'from' ? 0 : levels.length) + Math.min(Math.max(level ?? 4, 1), 4) - 1;
  const sums = new Map<string, number>();
  for (const f of flows) {
    if (f.count <= 0) continue;
    const key = `${index('from', f.from_level)}>${index('to', f.to_level)}`;
    sums.set(key, (sums.get(key) ?? 0) + f.count);
  }
  const links = [...sums].map(([k, value]) => {
    const [source, target] = k.split('>').map(Number);
    return { source, target, value };
  });
  // recharts wants every node to carry a link: keep only those used, re-indexed
  const used = [...new Set(links.flatMap((l) => [l.source, l.target]))].sort((a, b) => a - b);
  const renumber = new Map(used.map((old, i) => [old, i]));
  return {
    nodes: used.map((i) => nodes[i]),
    links: links.map((l) => ({ source: renumber.get(l.source)!, target: renumber.get(l.target)!, value: l.value })),
  };
}

// ---------------------------------------------------------------- grants

const VERBS = [...ACTIONS] as const;

/**
 * The group referral office (双向转诊办公室) acts for every unit; directors answer their
 * unit's inbox and refer patients; clerks register arrivals; village doctors refer their
 * residents up and may cancel what they sent.
 */
export const referralGrants: GrantTable = {
  referral_coordinator: {
    referrals: [...read, 'create', ...VERBS],
    'referral-slots': all,
    'referral-settings': [...read, 'edit'],
    'referral-escalations': read,
  },
  director: { referrals: [...read, 'create', ...VERBS], 'referral-slots': all, 'referral-settings': read, 'referral-escalations': read },
  staff_clerk: { referrals: [...read, 'create', 'arrive', 'complete'], 'referral-slots': all, 'referral-settings': read },
  village_doctor: { referrals: [...read, 'create', 'cancel'] },
  group_admin: { referrals: read, 'referral-settings': [...read, 'edit'], 'referral-escalations': read },
  group_finance: { referrals: read },
};
