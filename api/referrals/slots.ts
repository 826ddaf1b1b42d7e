// Appointment slots (分时段预约, 30 minutes) that receiving departments publish, and the
// booking an accepted referral makes: a full slot is a 409; a share of each day's places is
// held for up-referrals until the day before.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { scopeByUnit } from '../core/scope';
import { assertCan, assertUnitInScope, type ResourceDef } from '../core/crud';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors';
import { departmentName, orgDepartments, unitIdsUnderSql } from '../org';
import type { ModelObject } from 'objection';
import { ReferralSlot, type Referral } from './model';
import { bookingProblem, heldPlaces, heldUntil, slotStartProblem, slotStarts } from './rules';
import { currentSettings } from './settings';
import * as clock from '../core/clock';
import { dayKey, shanghaiMidnight } from '../core/clock';

async function departmentOf(trx: Knex.Transaction, departmentId: number) {
  const d = await orgDepartments(['id', 'org_unit_id', 'name'], trx).where({ id: departmentId, active: true }).first();
  if (!d) throw unprocessable(`department ${departmentId} does not exist`, [{ field: 'department_id', message: 'no such active department' }]);
  return d as { id: number; org_unit_id: number; name: string };
}

export const slotResource: ResourceDef<ReferralSlot> = {
  name: 'referral-slots',
  model: ReferralSlot,
  scope: scopeByUnit('referral_slots.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', department_id: 'int', starts_at: 'timestamp', capacity: 'int', booked: 'int' },
    defaultSort: ['starts_at', 'ASC'],
    custom: { free: 'bool', upcoming: 'bool', day: 'date' },
  },
  applyCustom: (qb, custom) => {
    if (custom.free === true) qb.whereRaw('referral_slots.booked < referral_slots.capacity');
    if (custom.free === false) qb.whereRaw('referral_slots.booked >= referral_slots.capacity');
    // only slots yet to start can be booked (bookingProblem refuses a started one)
    if (custom.upcoming === true) qb.where('referral_slots.starts_at', '>', clock.now());
    if (custom.day !== undefined) {
      const start = shanghaiMidnight(custom.day as string);
      qb.where('referral_slots.starts_at', '>=', start).where('referral_slots.starts_at', '<', new Date(start.getTime() + 86_400_000));
    }
  },
  unitOf: (data) => data.org_unit_id as number | undefined,
  prepareCreate: async (data, trx) => {
    const dept = await departmentOf(trx, data.department_id as number);
    const problem = slotStartProblem(new Date(data.starts_at as string));
    if (problem) throw badRequest('invalid starts_at', [{ field: 'starts_at', message: problem }]);
    return { ...data, org_unit_id: dept.org_unit_id };
  },
  prepareUpdate: async (data, current) => {
    if (data.capacity !== undefined && (data.capacity as number) < current.booked) {
      throw conflict(`${current.booked} places are booked; capacity cannot go below that`, { booked: current.booked });
    }
    return { capacity: data.capacity };
  },
  beforeDelete: async (slot) => {
    if (slot.booked > 0) throw conflict(`the slot has ${slot.booked} booked places; cancel those referrals first`);
  },
};

export interface PublishInput {
  department_id: number;
  /** first and last day, YYYY-MM-DD (Asia/Shanghai) */
  from: string;
  to: string;
  /** opening hours, e.g. [{from:'08:00', until:'12:00'}, {from:'14:30', until:'17:30'}] */
  sessions: { from: string; until: string }[];
  capacity: number;
  /** ISO weekdays 1 (Mon) … 7 (Sun); all when absent */
  weekdays?: number[];
}

/** Publishes a department's 30-minute slots over days; existing slots are kept as they are. */
export function publishSlots(actor: Actor, input: PublishInput) {
  assertCan(actor, 'referral-slots', 'create');
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
  if (!(days >= 0 && days <= 92)) throw badRequest('invalid period', [{ field: 'to', message: 'from … to must be 0–92 days' }]);
  return inTransaction(actor, async (trx, audit) => {
    const dept = await departmentOf(trx, input.department_id);
    await assertUnitInScope(actor, dept.org_unit_id, 'department_id', trx);
    const rows = [];
    for (let i = 0; i <= days; i++) {
      const day = new Date(Date.parse(input.from) + i * 86_400_000);
      const iso = day.getUTCDay() || 7;
      if (input.weekdays && !input.weekdays.includes(iso)) continue;
      const key = day.toISOString().slice(0, 10);
      for (const s of input.sessions) {
        for (const starts_at of slotStarts(key, s.from, s.until))
          rows.push({ org_unit_id: dept.org_unit_id, department_id: dept.id, starts_at, capacity: input.capacity });
      }
    }
    const created = rows.length ? await trx('referral_slots').insert(rows).onConflict(['department_id', 'starts_at']).ignore().returning('id') : [];
    const result = { department_id: dept.id, created: created.length, skipped: rows.length - created.length };
    await audit({ action: 'publish', resource: 'referral-slots', recordId: dept.id, after: { ...input, ...result } });
    return result;
  });
}

/**
 * One department's day (the receiving office's calendar): each slot's booked/capacity, and the
 * places of the day held for up-referrals — in effect until the day before, 00:00.
 */
export async function slotDay(actor: Actor, q: { department_id: number; day: string }, now = clock.now()) {
  assertCan(actor, 'referral-slots', 'list');
  const dept = await orgDepartments(['id', 'name', 'org_unit_id'])
    .where('id', q.department_id)
    .whereRaw(`org_unit_id in ${unitIdsUnderSql('?')}`, [actor.scopePath])
    .first();
  if (!dept) throw notFound('departments', q.department_id);
  const start = shanghaiMidnight(q.day);
  const slots: ReferralSlot[] = await ReferralSlot.query()
    .where('department_id', dept.id)
    .where('starts_at', '>=', start)
    .where('starts_at', '<', new Date(start.getTime() + 86_400_000))
    .orderBy('starts_at');
  const { upReservedShare } = await currentSettings();
  const capacity = slots.reduce((a, s) => a + s.capacity, 0);
  const booked = slots.reduce((a, s) => a + s.booked, 0);
  const bookedUp = slots.reduce((a, s) => a + s.booked_up, 0);
  const held = heldPlaces(capacity, upReservedShare);
  const until = heldUntil(start);
  const inEffect = now < until;
  return {
    day: q.day,
    department_id: dept.id,
    department_name: dept.name,
    org_unit_id: dept.org_unit_id,
    capacity,
    booked,
    booked_up: bookedUp,
    up_reserved_share: upReservedShare,
    held,
    held_until: until.toISOString(),
    held_in_effect: inEffect,
    // places a routine/urgent down- or same-group referral may still take that day
    open_to_others: Math.max(0, capacity - booked - (inEffect ? Math.max(0, held - bookedUp) : 0)),
    slots: slots.map((s) => ({ id: s.id, starts_at: new Date(s.starts_at).toISOString(), capacity: s.capacity, booked: s.booked, booked_up: s.booked_up })),
  };
}

/** Books one place of a slot for an accepted referral (locks the department's day). */
export async function bookSlot(trx: Knex.Transaction, referral: Referral, slotId: number, now: Date) {
  const slot = await trx('referral_slots')
    .select('referral_slots.*', departmentName('referral_slots.department_id', 'department_name', trx))
    .where('referral_slots.id', slotId)
    .first<(ModelObject<ReferralSlot> & { department_name: string }) | undefined>();
  if (!slot) throw unprocessable(`slot ${slotId} does not exist`, [{ field: 'slot_id', message: 'no such slot' }]);
  if (slot.org_unit_id !== referral.to_org_unit_id)
    throw unprocessable('the slot is not one of the receiving unit', [{ field: 'slot_id', message: 'another unit’s slot' }]);
  if (referral.to_department_id != null && slot.department_id !== referral.to_department_id) {
    throw unprocessable(`the referral is to ${referral.to_department_name}; the slot is of ${slot.department_name}`, [
      { field: 'slot_id', message: 'another department’s slot' },
    ]);
  }
  // lock the department's whole day: the places held for up-referrals are counted per day
  const midnight = shanghaiMidnight(dayKey(new Date(slot.starts_at)));
  const day = await trx<ModelObject<ReferralSlot>>('referral_slots')
    .where('department_id', slot.department_id)
    .where('starts_at', '>=', midnight)
    .where('starts_at', '<', new Date(midnight.getTime() + 86_400_000))
    .orderBy('id')
    .forUpdate();
  const locked = day.find((s) => s.id === slotId)!;
  const settings = await currentSettings(trx);
  const problem = bookingProblem(
    { starts_at: new Date(locked.starts_at), capacity: locked.capacity, booked: locked.booked },
    { capacity: day.reduce((a, s) => a + s.capacity, 0), bookedNotUp: day.reduce((a, s) => a + s.booked - s.booked_up, 0) },
    referral.direction,
    now,
    settings.upReservedShare,
  );
  if (problem) {
    throw problem.kind === 'conflict'
      ? conflict(problem.message, { slot_id: slotId, capacity: locked.capacity, booked: locked.booked })
      : unprocessable(problem.message, [{ field: 'slot_id', message: problem.message }]);
  }
  const up = referral.direction === 'up' ? 1 : 0;
  await trx('referral_slots')
    .where('id', slotId)
    .update({ booked: locked.booked + 1, booked_up: locked.booked_up + up, updated_at: now });
  return { id: slotId, starts_at: new Date(locked.starts_at), department_id: slot.department_id, department_name: slot.department_name };
}

/** Gives a cancelled referral's place back. */
export async function releaseSlot(trx: Knex.Transaction, slotId: number, up: boolean) {
  await trx('referral_slots')
    .where('id', slotId)
    .update({ booked: trx.raw('booked - 1'), booked_up: trx.raw('booked_up - ?', [up ? 1 : 0]), updated_at: clock.now() });
}
