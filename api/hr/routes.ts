// HR over HTTP: parse (zod) → service → respond. Rotations and plans are in rotationRoutes.ts.
import { answerList, mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, parse } from '../http/validate';
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
} from './careerService';
import { contractResource, exitContract, renewContract, signContract } from './contractService';
import { rotationPlanRoutes, rotationRoutes } from './rotationRoutes';
import * as s from './schemas';
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
} from './staffService';

export const staffRoutes = new ApiRouter('/staff', 'hr')
  .get('/', { summary: 'List staff (filters: org_unit_id, level, category, title, employment_type, licence_expiring…)', list: true }, (req, res) =>
    answerList(staffResource, req, res),
  )
  .get('/unit-summary', { summary: 'Headcount of a unit: employed, working, rotated in/out, posts', query: s.unitQuery }, (req) =>
    unitSummary(req.actor, parse(s.unitQuery, req.query).org_unit_id),
  )
  .get('/:id', { summary: 'Read one person (ID number masked, licence flags)' }, (req) => readStaff(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Hire a person into the registry', body: s.createStaff }, (req) => createStaff(req.actor, parse(s.createStaff, req.body)))
  .put('/:id', { summary: 'Edit plain fields of a person', body: s.updateStaff, echoed: s.staffEchoed }, (req) =>
    updateStaff(req.actor, idParam(req.params.id), parse(s.updateStaff, req.body)),
  )
  .post('/:id/transfer', { summary: 'Move a person to another employer / working unit / department (调配)', body: s.transferBody }, (req) =>
    transferStaff(req.actor, idParam(req.params.id), parse(s.transferBody, req.body)),
  )
  .post('/:id/change-status', { summary: 'active ⇄ on_leave, → left with a coded reason', body: s.statusBody }, (req) =>
    changeStaffStatus(req.actor, idParam(req.params.id), parse(s.statusBody, req.body)),
  )
  .post('/:id/assign-post', { summary: 'Put a person on a post (beyond headcount is a 422) or off it', body: s.assignPostBody }, (req) =>
    assignPost(req.actor, idParam(req.params.id), parse(s.assignPostBody, req.body)),
  )
  .post('/:id/reveal-id-number', { summary: 'The full ID number (audited)' }, (req) => revealStaffIdNumber(req.actor, idParam(req.params.id)));

export const staffHistoryRoutes = mountCrud(new ApiRouter('/staff-history', 'hr'), staffHistoryResource, { label: 'staff change history', readOnly: true });

export const postRoutes = new ApiRouter('/posts', 'hr').get(
  '/vacancies',
  { summary: 'Headcount, filled and vacant places per unit below org_unit_id', query: s.unitQuery },
  (req) => vacancies(req.actor, parse(s.unitQuery, req.query).org_unit_id),
);
mountCrud(postRoutes, postResource, { label: 'posts', create: s.createPost, update: s.updatePost });

export const licenceRoutes = mountCrud(new ApiRouter('/licences', 'hr'), licenceResource, {
  label: 'licences (filter expiring_within=60 for the alert list)',
  create: s.createLicence,
  update: s.updateLicence,
  echoed: s.licenceEchoed,
});

export const promotionRoutes = new ApiRouter('/title-promotions', 'hr')
  .post('/', { summary: 'Apply for a title promotion (one step up the ladder)', body: s.submitPromotion }, (req) =>
    submitPromotion(req.actor, parse(s.submitPromotion, req.body)),
  )
  .post('/:id/review', { summary: 'Unit review: submitted → reviewed', body: s.reviewBody }, (req) =>
    reviewPromotion(req.actor, idParam(req.params.id), parse(s.reviewBody, req.body)),
  )
  .post('/:id/approve', { summary: 'Group HR approval: reviewed → approved; the staff record takes the title', body: s.approveBody }, (req) =>
    approvePromotion(req.actor, idParam(req.params.id), parse(s.approveBody, req.body)),
  )
  .post('/:id/reject', { summary: 'Reject with a reason', body: s.rejectBody }, (req) =>
    rejectPromotion(req.actor, idParam(req.params.id), parse(s.rejectBody, req.body)),
  );
mountCrud(promotionRoutes, promotionResource, { label: 'title promotions', readOnly: true });

export const assessmentYearRoutes = new ApiRouter('/assessment-years', 'hr').post('/:id/approve', { summary: 'Approve and lock an assessment year' }, (req) =>
  approveAssessmentYear(req.actor, idParam(req.params.id)),
);
mountCrud(assessmentYearRoutes, assessmentYearResource, {
  label: 'assessment years',
  create: s.createAssessmentYear,
  update: s.updateAssessmentYear,
  echoed: s.assessmentYearEchoed,
});

export const assessmentRoutes = mountCrud(new ApiRouter('/assessments', 'hr'), assessmentResource, {
  label: 'annual assessments',
  create: s.createAssessment,
  update: s.updateAssessment,
  echoed: s.assessmentEchoed,
});

export const contractRoutes = new ApiRouter('/village-doctor-contracts', 'hr')
  .post('/', { summary: 'Sign a 乡聘村用 contract (township employs, village clinic of that township works)', body: s.signContract }, (req) =>
    signContract(req.actor, parse(s.signContract, req.body)),
  )
  .post('/:id/renew', { summary: 'Renew: the contract continues in a new one', body: s.renewBody }, (req) =>
    renewContract(req.actor, idParam(req.params.id), parse(s.renewBody, req.body)),
  )
  .post('/:id/exit', { summary: 'Exit (准入退出) with a coded reason; the doctor leaves', body: s.exitBody }, (req) =>
    exitContract(req.actor, idParam(req.params.id), parse(s.exitBody, req.body)),
  );
mountCrud(contractRoutes, contractResource, { label: 'village-doctor contracts', readOnly: true });

export const hrRouters = [
  staffRoutes,
  staffHistoryRoutes,
  postRoutes,
  licenceRoutes,
  promotionRoutes,
  assessmentYearRoutes,
  assessmentRoutes,
  contractRoutes,
  rotationPlanRoutes,
  rotationRoutes,
];
