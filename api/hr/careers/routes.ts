// Posts, licences, title promotions and the annual assessment over HTTP: parse (zod) → service → respond.
import { z } from 'zod';
import { mountCrud } from '../../http/crudRoutes';
import { ApiRouter } from '../../http/router';
import { idParam, isoDate, parse, positiveId } from '../../http/validate';
import { LICENCE_STATUS, POST_STATUS } from '../enums';
import { optionalText, text, unitQuery } from '../shared';
import { CATEGORIES, TITLES } from '../staff/rules';
import { GRADES, LICENCE_KINDS } from './rules';
import {
  approveAssessmentYear,
  approvePromotion,
  assessmentResource,
  assessmentYearResource,
  licenceResource,
  postResource,
  promotionResource,
  rejectPromotion,
  reviewPromotion,
  submitPromotion,
  vacancies,
} from './service';

const date = isoDate;
const id = positiveId;

const postFields = {
  org_unit_id: id,
  department_id: id.nullable().optional(),
  name: text(100),
  category: z.enum(CATEGORIES),
  headcount: z.number().int().min(1).max(10000),
  note: optionalText(500),
};
const createPost = z.strictObject(postFields);
const updatePost = z.strictObject({ ...postFields, status: z.enum(POST_STATUS.values), filled: z.unknown() }).partial();

const licenceFields = {
  staff_id: id,
  kind: z.enum(LICENCE_KINDS),
  number: text(50),
  scope: optionalText(100),
  issued_on: date,
  expires_on: date,
  status: z.enum(LICENCE_STATUS.values).optional(),
};
const createLicence = z.strictObject(licenceFields);
const updateLicence = z.strictObject(licenceFields).partial();
const licenceEchoed = ['org_unit_id', 'staff_name', 'days_left'];

const submitPromotionBody = z.strictObject({
  staff_id: id,
  to_title: z.enum(TITLES),
  year: z.number().int().min(2000).max(2100).optional(),
  note: optionalText(1000),
});
const reviewBody = z.strictObject({ unit_opinion: optionalText(1000) });
const approveBody = z.strictObject({ effective_on: date.optional() });
const rejectBody = z.strictObject({ reason: text(500) });

const createAssessmentYear = z.strictObject({ year: z.number().int().min(2000).max(2100), excellent_share: z.number().gt(0).max(1).optional() });
const updateAssessmentYear = z
  .strictObject({
    year: z.number().int().optional(),
    excellent_share: z.number().gt(0).max(1),
  })
  .partial();
const assessmentYearEchoed = ['status', 'approved_by', 'approved_at'];

const assessmentFields = {
  staff_id: id,
  year: z.number().int().min(2000).max(2100),
  score: z.number().min(0).max(100),
  grade: z.enum(GRADES),
  comment: optionalText(1000),
};
const createAssessment = z.strictObject(assessmentFields);
const updateAssessment = z.strictObject(assessmentFields).partial();
const assessmentEchoed = ['org_unit_id', 'staff_name'];

export const postRoutes = new ApiRouter('/posts', 'hr').get(
  '/vacancies',
  { summary: 'Headcount, filled and vacant places per unit below org_unit_id', query: unitQuery },
  (req) => vacancies(req.actor, parse(unitQuery, req.query).org_unit_id),
);
mountCrud(postRoutes, postResource, { label: 'posts', create: createPost, update: updatePost });

export const licenceRoutes = mountCrud(new ApiRouter('/licences', 'hr'), licenceResource, {
  label: 'licences (filter expiring_within=60 for the alert list)',
  create: createLicence,
  update: updateLicence,
  echoed: licenceEchoed,
});

export const promotionRoutes = new ApiRouter('/title-promotions', 'hr')
  .post('/', { summary: 'Apply for a title promotion (one step up the ladder)', body: submitPromotionBody }, (req) =>
    submitPromotion(req.actor, parse(submitPromotionBody, req.body)),
  )
  .post('/:id/review', { summary: 'Unit review: submitted → reviewed', body: reviewBody }, (req) =>
    reviewPromotion(req.actor, idParam(req.params.id), parse(reviewBody, req.body)),
  )
  .post('/:id/approve', { summary: 'Group HR approval: reviewed → approved; the staff record takes the title', body: approveBody }, (req) =>
    approvePromotion(req.actor, idParam(req.params.id), parse(approveBody, req.body)),
  )
  .post('/:id/reject', { summary: 'Reject with a reason', body: rejectBody }, (req) =>
    rejectPromotion(req.actor, idParam(req.params.id), parse(rejectBody, req.body)),
  );
mountCrud(promotionRoutes, promotionResource, { label: 'title promotions', readOnly: true });

export const assessmentYearRoutes = new ApiRouter('/assessment-years', 'hr').post('/:id/approve', { summary: 'Approve and lock an assessment year' }, (req) =>
  approveAssessmentYear(req.actor, idParam(req.params.id)),
);
mountCrud(assessmentYearRoutes, assessmentYearResource, {
  label: 'assessment years',
  create: createAssessmentYear,
  update: updateAssessmentYear,
  echoed: assessmentYearEchoed,
});

export const assessmentRoutes = mountCrud(new ApiRouter('/assessments', 'hr'), assessmentResource, {
  label: 'annual assessments',
  create: createAssessment,
  update: updateAssessment,
  echoed: assessmentEchoed,
});
