// The monitoring domain's routes: the indicators of a unit and year with the records behind each, the
// managed patients' admission rate per village, the year's targets, the visits (entry and import), and the
// qualitative indicators' evidence (self-assessment, review, documents).
import { z } from 'zod';
import { mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, isoDate, parse, positiveId } from '../http/validate';
import { withUpload, withUploadedBytes } from '../http/upload';
import { sendBytes, sendFile, XLSX } from '../http/download';
import { writeTemplate } from '../settlement';
import { INDICATOR, QUALITATIVE_INDICATORS } from './enums';
import { VISIT_COLUMNS, VISIT_NOTES } from './rules';
import {
  assess,
  attachDocument,
  chronicAdmissionsOf,
  documentContent,
  importVisits,
  indicatorRecords,
  monitoringIndicators,
  putTargets,
  readTargets,
  review,
  visitResource,
} from './service';

const year = z.coerce.number({ error: 'must be a year' }).int().min(2000).max(2100);
const unitYear = z.strictObject({ unit_id: z.coerce.number().int().positive().max(2_147_483_647), year });
const recordsQuery = unitYear.extend({
  part: z.enum(['numerator', 'denominator']),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const indicatorRoutes = new ApiRouter('/monitoring-indicators', 'monitoring')
  .get('/', { summary: 'The 14 national indicators of a unit’s subtree (the county: the root) for a year against the year before', query: unitYear }, (req) => {
    const q = parse(unitYear, req.query);
    return monitoringIndicators(req.actor, q.unit_id, q.year);
  })
  .get('/chronic-admissions', { summary: 'The managed hypertension and diabetes patients’ admission rate per village', query: unitYear }, (req) => {
    const q = parse(unitYear, req.query);
    return chronicAdmissionsOf(req.actor, q.unit_id, q.year);
  })
  .get('/:code/records', { summary: 'The records behind an indicator’s numerator or denominator (masked)', query: recordsQuery }, (req) => {
    const code = parse(z.enum(INDICATOR.values), req.params.code, 'code');
    const q = parse(recordsQuery, req.query);
    return indicatorRecords(req.actor, code, q.unit_id, q.year, q.part, { offset: q.offset ?? 0, limit: q.limit ?? 100 });
  });

const targetsBody = z.strictObject({ targets: z.partialRecord(z.enum(INDICATOR.values), z.number().finite().min(0).max(1e9)) });
export const targetRoutes = new ApiRouter('/monitoring-targets', 'monitoring')
  .get('/:year', { summary: 'The year’s targets per indicator (a percentage as a fraction)' }, (req) =>
    readTargets(req.actor, parse(year, req.params.year, 'year')),
  )
  .put('/:year', { summary: 'Set the year’s targets (replaced as a whole)', body: targetsBody }, (req) =>
    putTargets(req.actor, parse(year, req.params.year, 'year'), parse(targetsBody, req.body).targets),
  );

const count = z.number().int().min(0).max(10_000_000);
const visitFields = { org_unit_id: positiveId, month: isoDate, visits: count, tcm_visits: count.optional() };
const yesNo = z.enum(['true', 'false']).optional();
const importQuery = z.strictObject({ dry_run: yesNo, all_or_nothing: yesNo });
const visitImportRoutes = new ApiRouter('/visit-counts', 'monitoring')
  .get('/template.xlsx', { summary: 'Template workbook for the visits import (one row per unit and month)', produces: XLSX }, (_req, res) =>
    sendFile(res, 'visits-template.xlsx', XLSX, (out) => writeTemplate(out, 'visit-counts', VISIT_COLUMNS, VISIT_NOTES)),
  )
  .post('/import', { summary: 'Import visits per unit and month (multipart xlsx or csv; ?dry_run, ?all_or_nothing)', query: importQuery }, (req, res) => {
    const q = parse(importQuery, req.query, 'query');
    return withUpload(req, res, (file) => importVisits(req.actor, file, { dryRun: q.dry_run === 'true', allOrNothing: q.all_or_nothing === 'true' }));
  });
export const visitRoutes = mountCrud(visitImportRoutes, visitResource, {
  label: 'visits per unit and month (诊疗人次, with the 中医 visits among them)',
  create: z.strictObject(visitFields),
  update: z.strictObject({ visits: count, tcm_visits: count }).partial(),
});

const score = z.number().min(0).max(100);
const assessBody = z.strictObject({
  org_unit_id: positiveId,
  year: z.number().int().min(2000).max(2100),
  indicator: z.enum(QUALITATIVE_INDICATORS),
  self_score: score,
  self_note: z.string().max(5000).nullable().optional(),
});
const reviewBody = z.strictObject({ reviewed_score: score, reviewer_note: z.string().trim().min(1).max(5000) });
export const evidenceRoutes = new ApiRouter('/monitoring-evidence', 'monitoring')
  .post('/', { summary: 'A unit’s self-assessment of a qualitative indicator for a year', body: assessBody }, (req) =>
    assess(req.actor, parse(assessBody, req.body)),
  )
  .post('/:id/review', { summary: 'The reviewer’s score and note', body: reviewBody }, (req) =>
    review(req.actor, idParam(req.params.id), parse(reviewBody, req.body)),
  )
  .post('/:id/documents', { summary: 'Upload a document as evidence (multipart field "file", at most 20 MB)' }, (req, res) => {
    const id = idParam(req.params.id);
    return withUploadedBytes(req, res, (file) => attachDocument(req.actor, id, file), MAX_DOCUMENT_BYTES);
  })
  .get('/:id/documents/:documentId', { summary: 'The bytes of a document', produces: 'application/octet-stream' }, async (req, res) => {
    const doc = await documentContent(req.actor, idParam(req.params.id), idParam(req.params.documentId, 'documentId'));
    sendBytes(res, doc.file_name, 'application/octet-stream', doc.content);
  });

export const monitoringRouters = [indicatorRoutes, targetRoutes, visitRoutes, evidenceRoutes];
