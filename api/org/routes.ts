import { z } from 'zod';
import { mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, parse } from '../http/validate';
import { DEPARTMENT_KIND, UNIT_KIND } from './enums';
import { CODE_PATTERN } from './rules';
import { departmentResource, moveUnit, orgUnitResource, tree } from './service';

const unitFields = {
  name: z.string().trim().min(1).max(100),
  region: z.string().max(100).nullable().optional(),
  address: z.string().max(200).nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  active: z.boolean().optional(),
};
const createUnit = z.strictObject({
  code: z.string().regex(CODE_PATTERN, 'letters, digits and _ only, starting with a letter'),
  kind: z.enum(UNIT_KIND.values),
  parent_id: z.number().int().positive().nullable(),
  ...unitFields,
});
// react-admin echoes the whole record on save: code, kind and parent come back unchanged and
// are checked (not edited) by the service; level and path are derived and dropped as echoed.
const updateUnit = z.strictObject({
  ...unitFields,
  name: unitFields.name.optional(),
  code: z.string().optional(),
  kind: z.string().optional(),
  parent_id: z.number().int().positive().nullable().optional(),
});
const moveBody = z.strictObject({ parent_id: z.number().int().positive() });

export const orgUnitRoutes = new ApiRouter('/org-units', 'org')
  .get('/tree', { summary: 'The units in scope as a tree' }, (req) => tree(req.actor))
  .post('/:id/move', { summary: 'Move a unit and its subtree under another parent', body: moveBody }, (req) =>
    moveUnit(req.actor, idParam(req.params.id), parse(moveBody, req.body).parent_id),
  );
mountCrud(orgUnitRoutes, orgUnitResource, { label: 'org units', create: createUnit, update: updateUnit, echoed: ['level', 'path'] });

const departmentFields = {
  org_unit_id: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(DEPARTMENT_KIND.values),
  active: z.boolean().optional(),
};
export const departmentRoutes = mountCrud(new ApiRouter('/departments', 'org'), departmentResource, {
  label: 'departments',
  create: z.strictObject(departmentFields),
  update: z.strictObject(departmentFields).partial(),
});
