// The request bodies of the HR routes (zod): a bad field is a 400 naming it.
import { z } from 'zod';
import { isoDate, positiveId } from '../http/validate';
import { DIRECTION_PATTERN, ROTATION_TYPES } from './rotationRules';
import { EXIT_REASON, LICENCE_STATUS, POST_STATUS } from './enums';
import { STAFF_FIELDS, staffInputs, type StaffFieldName } from './staffFields';
import { CATEGORIES, EMPLOYMENT_TYPES, GRADES, LEAVE_REASONS, LICENCE_KINDS, STAFF_STATUSES, TITLES } from './rules';

export const date = isoDate;
const id = positiveId;
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ---- staff ----

export const createStaff = z.strictObject({ ...staffInputs, id_number: z.string().trim().min(1).max(30) });
/** What the API writes or computes, echoed back by react-admin on save (the router drops them: RouteSpec.echoed). */
export const staffEchoed = [
  ...(Object.keys(STAFF_FIELDS) as StaffFieldName[]).filter((k) => !(k in staffInputs) && k !== 'status' && k !== 'post_id'),
  'licence_expired',
  'licence_expires_on',
];
// tracked fields may be echoed back unchanged; the service refuses a change with the action to use
export const updateStaff = z
  .strictObject({
    ...staffInputs,
    status: z.enum(STAFF_STATUSES).optional(),
    post_id: id.nullable().optional(),
  })
  .partial();

export const transferBody = z.strictObject({
  employer_org_unit_id: id.optional(),
  work_org_unit_id: id.optional(),
  department_id: id.nullable().optional(),
  employment_type: z.enum(EMPLOYMENT_TYPES).optional(),
  effective_on: date.optional(),
  reason: optionalText(200).transform((v) => v ?? undefined),
});
export const statusBody = z.strictObject({
  status: z.enum(STAFF_STATUSES),
  leave_reason: z.enum(LEAVE_REASONS).optional(),
  effective_on: date.optional(),
  reason: z.string().trim().max(200).optional(),
});
export const assignPostBody = z.strictObject({ post_id: id.nullable(), effective_on: date.optional() });

// ---- posts, licences, promotions, assessments ----

const postFields = {
  org_unit_id: id,
  department_id: id.nullable().optional(),
  name: text(100),
  category: z.enum(CATEGORIES),
  headcount: z.number().int().min(1).max(10000),
  note: optionalText(500),
};
export const createPost = z.strictObject(postFields);
export const updatePost = z.strictObject({ ...postFields, status: z.enum(POST_STATUS.values), filled: z.unknown() }).partial();

const licenceFields = {
  staff_id: id,
  kind: z.enum(LICENCE_KINDS),
  number: text(50),
  scope: optionalText(100),
  issued_on: date,
  expires_on: date,
  status: z.enum(LICENCE_STATUS.values).optional(),
};
export const createLicence = z.strictObject(licenceFields);
export const updateLicence = z.strictObject(licenceFields).partial();
export const licenceEchoed = ['org_unit_id', 'staff_name', 'days_left'];

export const submitPromotion = z.strictObject({
  staff_id: id,
  to_title: z.enum(TITLES),
  year: z.number().int().min(2000).max(2100).optional(),
  note: optionalText(1000),
});
export const reviewBody = z.strictObject({ unit_opinion: optionalText(1000) });
export const approveBody = z.strictObject({ effective_on: date.optional() });
export const rejectBody = z.strictObject({ reason: text(500) });

export const createAssessmentYear = z.strictObject({ year: z.number().int().min(2000).max(2100), excellent_share: z.number().gt(0).max(1).optional() });
export const updateAssessmentYear = z
  .strictObject({
    year: z.number().int().optional(),
    excellent_share: z.number().gt(0).max(1),
  })
  .partial();
export const assessmentYearEchoed = ['status', 'approved_by', 'approved_at'];

const assessmentFields = {
  staff_id: id,
  year: z.number().int().min(2000).max(2100),
  score: z.number().min(0).max(100),
  grade: z.enum(GRADES),
  comment: optionalText(1000),
};
export const createAssessment = z.strictObject(assessmentFields);
export const updateAssessment = z.strictObject(assessmentFields).partial();
export const assessmentEchoed = ['org_unit_id', 'staff_name'];

// ---- village-doctor contracts ----

export const signContract = z.strictObject({
  staff_id: id,
  employer_org_unit_id: id,
  work_org_unit_id: id,
  start_on: date,
  end_on: date,
  note: optionalText(500),
});
export const renewBody = z.strictObject({ end_on: date, work_org_unit_id: id.optional(), note: optionalText(500) });
export const exitBody = z.strictObject({ exit_reason: z.enum(EXIT_REASON.values), exit_on: date.optional() });

// ---- rotations and plans ----

export const createRotation = z.strictObject({
  staff_id: id,
  type: z.enum(ROTATION_TYPES),
  host_org_unit_id: id,
  home_org_unit_id: id.optional(),
  start_on: date,
  planned_end_on: date.optional(),
  purpose: optionalText(500),
});
export const rotationEchoed = ['status', 'actual_end_on', 'end_reason', 'staff_name', 'staff_title', 'home_name', 'host_name', 'home_level', 'host_level'];
export const updateRotation = createRotation.partial();
export const endBody = z.strictObject({ actual_end_on: date.optional(), end_reason: optionalText(500).transform((v) => v ?? undefined) });
export const hostQuery = z.strictObject({
  staff_id: z.coerce.number().int().positive(),
  type: z.enum(ROTATION_TYPES),
  home_org_unit_id: z.coerce.number().int().positive().optional(),
});
export const cancelBody = z.strictObject({ reason: text(500) });

const quotas = z.record(z.string().regex(DIRECTION_PATTERN, 'a direction such as down_hq_branch or up_township_branch'), z.number().int().min(0).max(10000));
export const createPlan = z.strictObject({ year: z.number().int().min(2000).max(2100), quotas, note: optionalText(1000) });
export const updatePlan = z.strictObject({ year: z.number().int().min(2000).max(2100), quotas, note: optionalText(1000) }).partial();

export const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const unitQuery = z.strictObject({ org_unit_id: z.coerce.number().int().positive() });
