// Rotations and yearly plans over HTTP.
import { mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, parse } from '../http/validate';
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
} from './rotationService';
import * as s from './schemas';

export const rotationRoutes = new ApiRouter('/rotations', 'hr')
  .get('/host-options', { summary: "The units a person's rotation of a type may go to (the direction rule), nearest level first", query: s.hostQuery }, (req) =>
    hostOptions(req.actor, parse(s.hostQuery, req.query)),
  )
  .get('/:id/history', { summary: "One rotation's audit trail, oldest first" }, (req) => rotationHistory(req.actor, idParam(req.params.id)))
  .get('/:id', { summary: 'Read one rotation with names' }, (req) => readRotation(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Plan a rotation (down_expert 下派 / up_training 上派进修); 422/409 name the rule broken', body: s.createRotation }, (req) =>
    createRotation(req.actor, parse(s.createRotation, req.body)),
  )
  .put('/:id', { summary: 'Re-plan a planned rotation; an active one may move its planned end', body: s.updateRotation, echoed: s.rotationEchoed }, (req) =>
    updateRotation(req.actor, idParam(req.params.id), parse(s.updateRotation, req.body)),
  )
  .post('/:id/end', { summary: 'End an active rotation (before the planned end with a reason)', body: s.endBody }, (req) =>
    endRotation(req.actor, idParam(req.params.id), parse(s.endBody, req.body)),
  )
  .post('/:id/cancel', { summary: 'Cancel a planned rotation, with a reason', body: s.cancelBody }, (req) =>
    cancelRotation(req.actor, idParam(req.params.id), parse(s.cancelBody, req.body)),
  );
mountCrud(rotationRoutes, rotationResource, { label: 'rotations (filters: year, ending_within)', readOnly: true });

export const rotationPlanRoutes = new ApiRouter('/rotation-plans', 'hr')
  .get('/by-year/:year', { summary: "A year's plan with quota vs filled per direction and the balance per receiving unit" }, async (req) =>
    summaryOf(req.actor, await planOfYear(req.actor, parse(s.yearQuery, { year: req.params.year }).year)),
  )
  .post('/:id/copy', { summary: "Next year's plan as a copy of this one (same quotas); 409 naming the year when it already has one" }, (req) =>
    copyPlan(req.actor, idParam(req.params.id)),
  )
  .get('/:id/summary', { summary: 'Quota vs filled per direction and the balance per receiving unit' }, (req) =>
    planSummary(req.actor, idParam(req.params.id)),
  );
mountCrud(rotationPlanRoutes, rotationPlanResource, { label: 'rotation plans', create: s.createPlan, update: s.updatePlan });
