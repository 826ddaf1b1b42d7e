// The staff registry over HTTP: parse (zod) → service → respond.
import { z } from 'zod';
import { answerList, mountCrud } from '../../http/crudRoutes';
import { ApiRouter } from '../../http/router';
import { idParam, isoDate, parse, positiveId } from '../../http/validate';
import { optionalText, unitQuery } from '../shared';
import { STAFF_FIELDS, staffInputs, type StaffFieldName } from './fields';
import { EMPLOYMENT_TYPES, LEAVE_REASONS, STAFF_STATUSES } from './rules';
import {
  assignPost,
  changeStaffStatus,
  createStaff,
  readStaff,
  revealStaffIdNumber,
  staffHistoryResource,
  staffResource,
  transferStaff,
  unitSummary,
  updateStaff,
} from './service';

const date = isoDate;
const id = positiveId;

export const createStaffBody = z.strictObject({ ...staffInputs, id_number: z.string().trim().min(1).max(30) });
/** What the API writes or computes, echoed back by react-admin on save (the router drops them: RouteSpec.echoed). */
const staffEchoed = [
  ...(Object.keys(STAFF_FIELDS) as StaffFieldName[]).filter((k) => !(k in staffInputs) && k !== 'status' && k !== 'post_id'),
  'licence_expired',
  'licence_expires_on',
];
// tracked fields may be echoed back unchanged; the service refuses a change with the action to use
export const updateStaffBody = z
  .strictObject({
    ...staffInputs,
    status: z.enum(STAFF_STATUSES).optional(),
    post_id: id.nullable().optional(),
  })
  .partial();

const transferBody = z.strictObject({
  employer_org_unit_id: id.optional(),
  work_org_unit_id: id.optional(),
  department_id: id.nullable().optional(),
  employment_type: z.enum(EMPLOYMENT_TYPES).optional(),
  effective_on: date.optional(),
  reason: optionalText(200).transform((v) => v ?? undefined),
});
const statusBody = z.strictObject({
  status: z.enum(STAFF_STATUSES),
  leave_reason: z.enum(LEAVE_REASONS).optional(),
  effective_on: date.optional(),
  reason: z.string().trim().max(200).optional(),
});
const assignPostBody = z.strictObject({ post_id: id.nullable(), effective_on: date.optional() });

export const staffRoutes = new ApiRouter('/staff', 'hr')
  .get('/', { summary: 'List staff (filters: org_unit_id, level, category, title, employment_type, licence_expiring…)', list: true }, (req, res) =>
    answerList(staffResource, req, res),
  )
  .get('/unit-summary', { summary: 'Headcount of a unit: employed, working, rotated in/out, posts', query: unitQuery }, (req) =>
    unitSummary(req.actor, parse(unitQuery, req.query).org_unit_id),
  )
  .get('/:id', { summary: 'Read one person (ID number masked, licence flags)' }, (req) => readStaff(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Hire a person into the registry', body: createStaffBody }, (req) => createStaff(req.actor, parse(createStaffBody, req.body)))
  .put('/:id', { summary: 'Edit plain fields of a person', body: updateStaffBody, echoed: staffEchoed }, (req) =>
    updateStaff(req.actor, idParam(req.params.id), parse(updateStaffBody, req.body)),
  )
  .post('/:id/transfer', { summary: 'Move a person to another employer / working unit / department (调配)', body: transferBody }, (req) =>
    transferStaff(req.actor, idParam(req.params.id), parse(transferBody, req.body)),
  )
  .post('/:id/change-status', { summary: 'active ⇄ on_leave, → left with a coded reason', body: statusBody }, (req) =>
    changeStaffStatus(req.actor, idParam(req.params.id), parse(statusBody, req.body)),
  )
  .post('/:id/assign-post', { summary: 'Put a person on a post (beyond headcount is a 422) or off it', body: assignPostBody }, (req) =>
    assignPost(req.actor, idParam(req.params.id), parse(assignPostBody, req.body)),
  )
  .post('/:id/reveal-id-number', { summary: 'The full ID number (audited)' }, (req) => revealStaffIdNumber(req.actor, idParam(req.params.id)));

export const staffHistoryRoutes = mountCrud(new ApiRouter('/staff-history', 'hr'), staffHistoryResource, { label: 'staff change history', readOnly: true });
