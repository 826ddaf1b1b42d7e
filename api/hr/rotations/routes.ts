// Rotations and yearly plans over HTTP: parse (zod) → service → respond.
import { z } from 'zod';
import { mountCrud } from '../../http/crudRoutes';
import { ApiRouter } from '../../http/router';
import { idParam, isoDate, parse, positiveId } from '../../http/validate';
import { optionalText, text, yearQuery } from '../shared';
import { DIRECTION_PATTERN, ROTATION_TYPES } from './rules';
import {
  cancelRotation,
  copyPlan,
  createRotation,
  endRotation,
  hostOptions,
  planOfYear,
  planSummary,
  readRotation,
  rotationHistory,
  rotationPlanResource,
  rotationResource,
  summaryOf,
  updateRotation,
} from './service';

const date = isoDate;
const id = positiveId;

const createRotationBody = z.strictObject({
  staff_id: id,
  type: z.enum(ROTATION_TYPES),
  host_org_unit_id: id,
  home_org_unit_id: id.optional(),
  start_on: date,
  planned_end_on: date.optional(),
  purpose: optionalText(500),
});
const rotationEchoed = ['status', 'actual_end_on', 'end_reason', 'staff_name', 'staff_title', 'home_name', 'host_name', 'home_level', 'host_level'];
const updateRotationBody = createRotationBody.partial();
const endBody = z.strictObject({ actual_end_on: date.optional(), end_reason: optionalText(500).transform((v) => v ?? undefined) });
const hostQuery = z.strictObject({
  staff_id: z.coerce.number().int().positive(),
  type: z.enum(ROTATION_TYPES),
  home_org_unit_id: z.coerce.number().int().positive().optional(),
});
const cancelBody = z.strictObject({ reason: text(500) });

const quotas = z.record(z.string().regex(DIRECTION_PATTERN, 'a direction such as down_hq_branch or up_township_branch'), z.number().int().min(0).max(10000));
const createPlan = z.strictObject({ year: z.number().int().min(2000).max(2100), quotas, note: optionalText(1000) });
const updatePlan = z.strictObject({ year: z.number().int().min(2000).max(2100), quotas, note: optionalText(1000) }).partial();

export const rotationRoutes = new ApiRouter('/rotations', 'hr')
  .get('/host-options', { summary: "The units a person's rotation of a type may go to (the direction rule), nearest level first", query: hostQuery }, (req) =>
    hostOptions(req.actor, parse(hostQuery, req.query)),
  )
  .get('/:id/history', { summary: "One rotation's audit trail, oldest first" }, (req) => rotationHistory(req.actor, idParam(req.params.id)))
  .get('/:id', { summary: 'Read one rotation with names' }, (req) => readRotation(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Plan a rotation (down_expert 下派 / up_training 上派进修); 422/409 name the rule broken', body: createRotationBody }, (req) =>
    createRotation(req.actor, parse(createRotationBody, req.body)),
  )
  .put('/:id', { summary: 'Re-plan a planned rotation; an active one may move its planned end', body: updateRotationBody, echoed: rotationEchoed }, (req) =>
    updateRotation(req.actor, idParam(req.params.id), parse(updateRotationBody, req.body)),
  )
  .post('/:id/end', { summary: 'End an active rotation (before the planned end with a reason)', body: endBody }, (req) =>
    endRotation(req.actor, idParam(req.params.id), parse(endBody, req.body)),
  )
  .post('/:id/cancel', { summary: 'Cancel a planned rotation, with a reason', body: cancelBody }, (req) =>
    cancelRotation(req.actor, idParam(req.params.id), parse(cancelBody, req.body)),
  );
mountCrud(rotationRoutes, rotationResource, { label: 'rotations (filters: year, ending_within)', readOnly: true });

export const rotationPlanRoutes = new ApiRouter('/rotation-plans', 'hr')
  .get('/by-year/:year', { summary: "A year's plan with quota vs filled per direction and the balance per receiving unit" }, async (req) =>
    summaryOf(req.actor, await planOfYear(req.actor, parse(yearQuery, { year: req.params.year }).year)),
  )
  .post('/:id/copy', { summary: "Next year's plan as a copy of this one (same quotas); 409 naming the year when it already has one" }, (req) =>
    copyPlan(req.actor, idParam(req.params.id)),
  )
  .get('/:id/summary', { summary: 'Quota vs filled per direction and the balance per receiving unit' }, (req) =>
    planSummary(req.actor, idParam(req.params.id)),
  );
mountCrud(rotationPlanRoutes, rotationPlanResource, { label: 'rotation plans', create: createPlan, update: updatePlan });
