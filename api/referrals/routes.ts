import { z } from 'zod';
import { answerList, mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, parse, isoDate, positiveId } from '../http/validate';
import { toFen } from '../shared/money';
import { ACTIONS, DIRECTIONS, ICD10_PATTERN, PURPOSES, URGENCIES } from './rules';
import {
  createReferral,
  referFromFollowup,
  escalationResource,
  levelFlows,
  referralPage,
  referralResource,
  referralTargets,
  timeliness,
  inboxSummary,
  transition,
  unitTable,
} from './service';
import { readSettings, updateSettings } from './settings';
import { publishSlots, slotDay, slotResource } from './slots';

const id = positiveId;
const amount = z
  .union([z.string(), z.number()])
  .refine((v) => {
    try {
      return toFen(v) >= 0n;
    } catch {
      return false;
    }
  }, 'an amount ≥ 0 with at most two decimals')
  .transform(String);

const createBody = z.strictObject({
  resident_id: id.nullish(),
  patient_name: z.string().trim().min(1).max(50).nullish(),
  patient_id_number: z.string().trim().max(18).nullish(),
  from_org_unit_id: id.optional(),
  to_org_unit_id: id.nullish(),
  to_department_id: id.nullish(),
  to_external_name: z.string().trim().min(2).max(100).nullish(),
  direction: z.enum(DIRECTIONS),
  urgency: z.enum(URGENCIES),
  purpose: z.enum(PURPOSES).optional(),
  diagnosis_code: z.string().trim().toUpperCase().regex(ICD10_PATTERN, 'an ICD-10 code such as I21.9'),
  diagnosis_text: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(2).max(1000),
  summary: z.string().max(20_000).nullish(),
  previous_referral_id: id.nullish(),
  threshold_paid_before: amount.nullish(),
});
const fromFollowupBody = z.strictObject({ followup_id: id, to_org_unit_id: id.nullish(), to_department_id: id.nullish() });
const transitionBody = z.strictObject({
  slot_id: id.nullish(),
  appointment_at: z.iso.datetime({ offset: true }).nullish(),
  reason: z.string().trim().max(1000).nullish(),
  note: z.string().trim().max(1000).nullish(),
});
const day = isoDate;
/** A period of referrals, of the caller's scope or one unit of it (the figures, flows, timeliness and the workbook). */
export const periodQuery = z
  .strictObject({ from: day, to: day, org_unit_id: z.coerce.number().int().positive().optional() })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export const referralRoutes = new ApiRouter('/referrals', 'referrals')
  .get('/figures', { summary: 'Per unit in scope: referrals sent up, down and out, completed, and received in a period', query: periodQuery }, (req) =>
    unitTable(req.actor, parse(periodQuery, req.query, 'query')),
  )
  .get('/flows', { summary: 'Flows between levels in a period, with the Sankey nodes and links', query: periodQuery }, (req) =>
    levelFlows(req.actor, parse(periodQuery, req.query, 'query')),
  )
  .get('/timeliness', { summary: 'Per receiving unit: median minutes to accept and share answered within the service level', query: periodQuery }, (req) =>
    timeliness(req.actor, parse(periodQuery, req.query, 'query')),
  )
  .get('/inbox-summary', { summary: 'Per receiving unit in scope: requests waiting for an answer, overdue ones, the oldest' }, (req) => inboxSummary(req.actor))
  .get('/targets', { summary: 'Member units (with clinical departments) a referral can be sent to' }, (req) => referralTargets(req.actor))
  .get('/', { summary: 'List referrals (filter inbox=<unit> for a unit’s open requests, green channel first; outbox=<unit>)', list: true }, (req, res) =>
    answerList(referralResource, req, res),
  )
  .get('/:id', { summary: 'One referral with its event timeline, fees and the actions open to you' }, (req) => referralPage(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Refer a patient (up, down, or out of the group)', body: createBody }, (req) => createReferral(req.actor, parse(createBody, req.body)))
  .post(
    '/from-followup',
    {
      summary: 'One-tap up-referral from a follow-up whose advice calls for one, prefilled from the visit (to the unit above unless named)',
      body: fromFollowupBody,
    },
    (req) => referFromFollowup(req.actor, parse(fromFollowupBody, req.body)),
  );
for (const action of ACTIONS) {
  referralRoutes.post(`/:id/${action}`, { summary: `${action[0].toUpperCase()}${action.slice(1)} a referral`, body: transitionBody }, (req) =>
    transition(req.actor, idParam(req.params.id), action, parse(transitionBody, req.body ?? {})),
  );
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[03]0$/, 'HH:00 or HH:30');
const publishBody = z.strictObject({
  department_id: id,
  from: day,
  to: day,
  sessions: z
    .array(z.strictObject({ from: hhmm, until: hhmm }))
    .min(1)
    .max(6),
  capacity: z.number().int().min(1).max(500),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
});
const slotCreate = z.strictObject({ department_id: id, starts_at: z.iso.datetime({ offset: true }), capacity: z.number().int().min(1).max(500) });
const slotUpdate = z.strictObject({ capacity: z.number().int().min(1).max(500) }).partial();

const dayQuery = z.strictObject({ department_id: z.coerce.number().int().positive(), day });

export const referralSlotRoutes = new ApiRouter('/referral-slots', 'referrals')
  .post('/publish', { summary: 'Publish a department’s 30-minute slots over a period (existing ones kept)', body: publishBody }, (req) =>
    publishSlots(req.actor, parse(publishBody, req.body)),
  )
  .get(
    '/day',
    { summary: 'A department’s day: each slot’s booked/capacity and the places held for up-referrals until the day before', query: dayQuery },
    (req) => slotDay(req.actor, parse(dayQuery, req.query, 'query')),
  );
mountCrud(referralSlotRoutes, slotResource, {
  label: 'appointment slots',
  create: slotCreate,
  update: slotUpdate,
  echoed: ['org_unit_id', 'department_id', 'starts_at', 'booked', 'booked_up'],
});

const minutes = z.number().int().min(1).max(10_080);
const feeTable = z.strictObject({ '1': amount, '2': amount, '3': amount, '4': amount, out: amount });
const settingsBody = z.strictObject({
  serviceLevelMinutes: z.strictObject({ routine: minutes, urgent: minutes, emergency: minutes }),
  registrationFee: feeTable,
  inpatientThreshold: feeTable,
  upReservedShare: z.number().min(0).max(1),
});

export const referralSettingsRoutes = new ApiRouter('/referral-settings', 'referrals')
  .get('/', { summary: 'Referral configuration: service levels, fees per level, places held for up-referrals' }, (req) => readSettings(req.actor))
  .put('/', { summary: 'Change the referral configuration (applies to new referrals)', body: settingsBody }, (req) =>
    updateSettings(req.actor, parse(settingsBody, req.body)),
  );

export const referralEscalationRoutes = mountCrud(new ApiRouter('/referral-escalations', 'referrals'), escalationResource, {
  label: 'referral escalations',
  readOnly: true,
});

export const referralRouters = [referralRoutes, referralSlotRoutes, referralSettingsRoutes, referralEscalationRoutes];
