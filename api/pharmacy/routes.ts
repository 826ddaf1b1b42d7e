// The chief pharmacist's prescription review over HTTP: parse (zod) → service → respond.
import { z } from 'zod';
import { answerList } from '../http/crudRoutes';
import { sendFile, XLSX } from '../http/download';
import { ApiRouter } from '../http/router';
import { withUpload } from '../http/upload';
import { idParam, isoDate, isoMonth, parse, positiveId } from '../http/validate';
import { writeTemplate } from '../settlement';
import { PRESCRIBER_ACTION_KIND, RX_IRRATIONAL_REASON, RX_OUTCOME } from './enums';
import { RX_COLUMNS, RX_NOTES } from './rules';
import { actionResource, actionStep, createAction, readAction } from './service/actions';
import { prescriptionFigures } from './service/figures';
import { importPrescriptions } from './service/import';
import { prescriptionPage, prescriptionResource } from './service/prescriptions';
import { reopenPrescription, reviewPrescription } from './service/review';
import { drawSample } from './service/sample';
import { readRules, updateRules } from './service/settings';

const text = (max: number) => z.string().trim().min(1).max(max);
const yesNo = z.enum(['true', 'false']).optional();

const importQuery = z.object({ dry_run: yesNo, all_or_nothing: yesNo });
const sampleBody = z.strictObject({ month: isoMonth, org_unit_id: positiveId.optional(), size: z.number().int().min(1).max(10_000).optional() });
const reviewBody = z.strictObject({
  outcome: z.enum(RX_OUTCOME.values),
  reason: z.enum(RX_IRRATIONAL_REASON.values).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});
const reopenBody = z.strictObject({ reason: text(2000) });

export const prescriptionRoutes = new ApiRouter('/prescriptions', 'pharmacy')
  .get('/template.xlsx', { summary: 'Template workbook for the prescriptions import (one row per drug)', produces: XLSX }, (_req, res) =>
    sendFile(res, 'prescriptions-template.xlsx', XLSX, (out) => writeTemplate(out, 'prescriptions', RX_COLUMNS, RX_NOTES)),
  )
  .post('/import', { summary: 'Import prescriptions (multipart xlsx or csv, one row per drug; ?dry_run, ?all_or_nothing)', query: importQuery }, (req, res) => {
    const q = parse(importQuery, req.query, 'query');
    return withUpload(req, res, (file) => importPrescriptions(req.actor, file, { dryRun: q.dry_run === 'true', allOrNothing: q.all_or_nothing === 'true' }));
  })
  .post('/sample', { summary: "Draw the month's random sample of each unit not yet sampled (size: the rules' unless told)", body: sampleBody }, (req) =>
    drawSample(req.actor, parse(sampleBody, req.body)),
  )
  .get('/', { summary: 'List prescriptions (filter flagged, flag, sampled, review_status …)', list: true }, (req, res) =>
    answerList(prescriptionResource, req, res),
  )
  .get('/:id', { summary: 'Read a prescription with its drugs, flags, actions and the review steps allowed' }, (req) =>
    prescriptionPage(req.actor, idParam(req.params.id)),
  )
  .post('/:id/review', { summary: 'Review a prescription: rational, or irrational with its kind', body: reviewBody }, (req) =>
    reviewPrescription(req.actor, idParam(req.params.id), parse(reviewBody, req.body)),
  )
  .post('/:id/reopen', { summary: 'Reopen a reviewed prescription (with the reason)', body: reopenBody }, (req) =>
    reopenPrescription(req.actor, idParam(req.params.id), parse(reopenBody, req.body)),
  );

const amount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v) && Number(v) > 0, 'must be an amount above 0 with at most two decimals');
const actionBody = z.strictObject({
  kind: z.enum(PRESCRIBER_ACTION_KIND.values),
  prescription_id: positiveId.nullable().optional(),
  org_unit_id: positiveId.nullable().optional(),
  prescriber_name: text(50).nullable().optional(),
  prescriber_staff_id: positiveId.nullable().optional(),
  drug_name: text(100).nullable().optional(),
  amount: amount.nullable().optional(),
  reason: text(2000),
  due_on: isoDate.nullable().optional(),
});
const stepBody = z.strictObject({ outcome: text(2000) });

export const actionRoutes = new ApiRouter('/prescriber-actions', 'pharmacy')
  .get('/', { summary: 'List actions against prescribers (约谈, 停用, 处罚)', list: true }, (req, res) => answerList(actionResource, req, res))
  .get('/:id', { summary: 'Read an action with the steps allowed' }, (req) => readAction(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Open an action against a prescriber (from a prescription, or naming unit and prescriber)', body: actionBody }, (req) =>
    createAction(req.actor, parse(actionBody, req.body)),
  )
  .post('/:id/close', { summary: 'Close an action with its outcome (a suspension is lifted)', body: stepBody }, (req) =>
    actionStep(req.actor, idParam(req.params.id), 'close', parse(stepBody, req.body)),
  )
  .post('/:id/cancel', { summary: 'Cancel an action (with the reason)', body: stepBody }, (req) =>
    actionStep(req.actor, idParam(req.params.id), 'cancel', parse(stepBody, req.body)),
  );

const share = z.number().min(0).max(1).nullable();
const rulesBody = z.strictObject({
  max_drugs: z.number().int().min(1).max(50),
  infection_icd_prefixes: z.array(z.string().regex(/^[A-Z][0-9A-Za-z.]{0,6}$/, 'an ICD-10 code or its start, e.g. J0 or N39.0')).max(200),
  infection_words: z.array(text(20)).max(50),
  dose_ranges: z.array(z.strictObject({ drug: text(100), unit: text(20), min: z.number().min(0).max(1e6), max: z.number().min(0).max(1e6) })).max(1000),
  oral_preferred: z.array(text(100)).max(1000),
  sample_size: z.number().int().min(1).max(10_000),
  targets: z.strictObject({
    drug_share: share,
    antibiotic_rate: share,
    injection_rate: share,
    avg_drugs: z.number().min(0).max(50).nullable(),
    flagged_share: share,
    reviewed_share: share,
  }),
});

export const rulesRoutes = new ApiRouter('/prescription-rules', 'pharmacy')
  .get('/', { summary: 'The prescription rules: flags’ parameters, sample size, targets' }, (req) => readRules(req.actor))
  .put(
    '/',
    { summary: 'Change the prescription rules (422 naming the field); the current month’s open prescriptions are flagged again', body: rulesBody },
    (req) => updateRules(req.actor, parse(rulesBody, req.body)),
  );

const figuresQuery = z.object({ month: isoMonth, org_unit_id: z.coerce.number().int().positive().optional() });
export const figureRoutes = new ApiRouter('/prescription-figures', 'pharmacy').get(
  '/',
  { summary: "Each unit's prescription figures for a month (the drug share from the insurer's settlement) against the targets", query: figuresQuery },
  (req) => prescriptionFigures(req.actor, parse(figuresQuery, req.query, 'query')),
);

export const pharmacyRouters = [prescriptionRoutes, actionRoutes, rulesRoutes, figureRoutes];
