import { z } from 'zod';
import type { Request, Response } from 'express';
import type { Model } from 'objection';
import { answerList, mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, isoDate, parse, positiveId } from '../http/validate';
import { withUploadedBytes } from '../http/upload';
import { sendBytes } from '../http/download';
import { updateRow, type ResourceDef } from '../core/crud';
import { COMMITTEE_KIND, COMMITTEE_ROLE, INSPECTION_KIND, MEETING_KIND, SEVERITY } from './enums';
import { MAX_FINDING_FILE_BYTES } from './rules';
import {
  attachFindingFile,
  checklistResource,
  committeeResource,
  completeInspection,
  createChecklist,
  createFinding,
  createInspection,
  findingFileContent,
  findingPage,
  findingResource,
  findingStep,
  inspectionPage,
  inspectionResource,
  meetingResource,
  memberResource,
  qualityScores,
  readChecklist,
  scoreInspection,
  withItems,
  withMemberCounts,
  withOverdue,
  withStaffNames,
} from './service';

const id = positiveId;
const text = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().max(20_000).nullable().optional();
/** a score or maximum: a decimal with at most two places, 0–1000 */
const points = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,4}(\.\d{1,2})?$/.test(v) && Number(v) <= 1000, 'must be a number of points 0–1000 with at most two decimals');

function enrichedList<M extends Model>(def: ResourceDef<M>, enrich: (rows: M[]) => unknown) {
  return (req: Request, res: Response) => answerList(def, req, res, enrich);
}

// ---- committees, members, meetings ----------------------------------------------------------------

const committeeFields = {
  name: text(100),
  kind: z.enum(COMMITTEE_KIND.values).optional(),
  remit: z.string().max(2000).nullable().optional(),
  active: z.boolean().optional(),
};
export const committeeRoutes = mountCrud(new ApiRouter('/committees', 'quality'), committeeResource, {
  label: 'committees (专业委员会) and management departments',
  create: z.strictObject(committeeFields),
  update: z.strictObject(committeeFields).partial(),
  view: withMemberCounts,
});

const memberFields = { committee_id: id, staff_id: id, role: z.enum(COMMITTEE_ROLE.values).optional(), joined_on: isoDate.nullable().optional() };
export const memberRoutes = mountCrud(new ApiRouter('/committee-members', 'quality'), memberResource, {
  label: 'committee members (from the HR registry)',
  create: z.strictObject(memberFields),
  update: z.strictObject({ role: memberFields.role, joined_on: memberFields.joined_on }).partial(),
  view: withStaffNames,
});

const meetingFields = {
  committee_id: id,
  kind: z.enum(MEETING_KIND.values).optional(),
  held_on: isoDate,
  topic: text(200),
  minutes: longText,
  decisions: longText,
  attendees: z.number().int().min(0).max(100_000).nullable().optional(),
};
export const meetingRoutes = mountCrud(new ApiRouter('/committee-meetings', 'quality'), meetingResource, {
  label: 'committee meetings and training sessions',
  create: z.strictObject(meetingFields),
  update: z.strictObject(meetingFields).omit({ committee_id: true }).partial(),
});

// ---- checklists ---------------------------------------------------------------------------------------

const checklistBody = z.strictObject({
  name: text(100),
  committee_id: id.nullable().optional(),
  items: z
    .array(z.strictObject({ title: text(500), max_score: points.refine((v) => Number(v) > 0, 'must be greater than 0') }))
    .min(1)
    .max(200),
});
const checklistUpdate = z.strictObject({ name: text(100), committee_id: id.nullable(), active: z.boolean() }).partial();
/** Items are fixed once a checklist exists (inspections scored them): a changed checklist is a new one, the old one set inactive. */
export const checklistRoutes = new ApiRouter('/checklists', 'quality')
  .get('/', { summary: 'List inspection checklists with their items', list: true }, enrichedList(checklistResource, withItems))
  .get('/:id', { summary: 'Read a checklist with its items' }, (req) => readChecklist(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Create a checklist with its items (title, max_score)', body: checklistBody }, (req) =>
    createChecklist(req.actor, parse(checklistBody, req.body)),
  )
  .put('/:id', { summary: 'Rename, reassign or deactivate a checklist', body: checklistUpdate }, (req) =>
    updateRow(checklistResource, req.actor, idParam(req.params.id), parse(checklistUpdate, req.body)),
  );

// ---- inspections --------------------------------------------------------------------------------------

const inspectionBody = z.strictObject({
  kind: z.enum(INSPECTION_KIND.values),
  committee_id: id.nullable().optional(),
  inspector_org_unit_id: id.nullable().optional(),
  org_unit_id: id,
  checklist_id: id,
  inspected_on: isoDate,
  summary: z.string().max(2000).nullable().optional(),
});
const scoresBody = z.strictObject({
  scores: z
    .array(z.strictObject({ item_id: id, score: points, note: z.string().max(1000).nullable().optional() }))
    .min(1)
    .max(200),
});
const completeBody = z.strictObject({ summary: z.string().max(2000).nullable().optional() });

export const inspectionRoutes = new ApiRouter('/quality-inspections', 'quality')
  .get('/', { summary: 'List inspections', list: true }, (req, res) => answerList(inspectionResource, req, res))
  .get('/:id', { summary: 'Read an inspection with its items, scores and findings' }, (req) => inspectionPage(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Start an inspection: a committee of a unit, or one unit of another (cross)', body: inspectionBody }, (req) =>
    createInspection(req.actor, parse(inspectionBody, req.body)),
  )
  .post('/:id/scores', { summary: 'Score items of an open inspection (item_id, score, note)', body: scoresBody }, (req) =>
    scoreInspection(req.actor, idParam(req.params.id), parse(scoresBody, req.body)),
  )
  .post('/:id/complete', { summary: 'Complete an inspection with every item scored', body: completeBody }, (req) =>
    completeInspection(req.actor, idParam(req.params.id), parse(completeBody, req.body ?? {})),
  );

// ---- findings ----------------------------------------------------------------------------------------------

const findingBody = z.strictObject({
  inspection_id: id,
  severity: z.enum(SEVERITY.values),
  title: text(500),
  description: z.string().max(5000).nullable().optional(),
  deadline: isoDate,
  org_unit_id: id.optional(),
});
const reportBody = z.strictObject({ rectification: text(5000), evidence: z.string().max(5000).nullable().optional() });
const verifyBody = z.strictObject({ note: z.string().max(2000).nullable().optional() });
const rejectBody = z.strictObject({ reason: text(2000) });

export const findingRoutes = new ApiRouter('/quality-findings', 'quality')
  .get('/', { summary: 'List findings (filter overdue=true for those open past their deadline)', list: true }, enrichedList(findingResource, withOverdue))
  .get('/:id', { summary: 'Read a finding with its timeline and the steps you may take' }, (req) => findingPage(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Record a finding of an inspection (severity, owner unit, deadline)', body: findingBody }, (req) =>
    createFinding(req.actor, parse(findingBody, req.body)),
  )
  .post('/:id/report', { summary: 'The owner unit reports its rectification with evidence', body: reportBody }, (req) =>
    findingStep(req.actor, idParam(req.params.id), 'report', parse(reportBody, req.body)),
  )
  .post('/:id/verify', { summary: 'The inspector verifies the rectification (closes the finding)', body: verifyBody }, (req) =>
    findingStep(req.actor, idParam(req.params.id), 'verify', parse(verifyBody, req.body ?? {})),
  )
  .post('/:id/reject', { summary: 'The inspector rejects the rectification (back to the unit)', body: rejectBody }, (req) =>
    findingStep(req.actor, idParam(req.params.id), 'reject', parse(rejectBody, req.body)),
  )
  .post(
    '/:id/files',
    { summary: `Add a file of evidence to the rectification (multipart field "file"; PNG, JPEG or PDF; at most ${MAX_FINDING_FILE_BYTES / 1024 / 1024} MB)` },
    (req, res) => {
      const id = idParam(req.params.id);
      return withUploadedBytes(req, res, (file) => attachFindingFile(req.actor, id, file), MAX_FINDING_FILE_BYTES);
    },
  )
  .get('/:id/files/:fileId', { summary: 'The bytes of a file of evidence', produces: 'application/octet-stream' }, async (req, res) => {
    const file = await findingFileContent(req.actor, idParam(req.params.id), idParam(req.params.fileId, 'fileId'));
    sendBytes(res, file.filename, file.content_type, file.content);
  });

// ---- the units' quality scores ------------------------------------------------------------------------------

export const scoreQuery = z.object({ from: isoDate, to: isoDate, org_unit_id: z.coerce.number().int().positive().optional() });
export const scoreRoutes = new ApiRouter('/quality-scores', 'quality').get(
  '/',
  { summary: "The units' quality scores for a period: inspections' mean minus open and overdue findings", query: scoreQuery },
  (req) => qualityScores(req.actor, parse(scoreQuery, req.query, 'query')),
);

export const qualityRouters = [committeeRoutes, memberRoutes, meetingRoutes, checklistRoutes, inspectionRoutes, findingRoutes, scoreRoutes];
