import { z } from 'zod';
import { answerList, mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { withUploadedBytes } from '../http/upload';
import { sendBytes } from '../http/download';
import { idParam, isoDate, moneyInput, parse, positiveId } from '../http/validate';
import { ACTIONS, AGREEMENTS, CENTRE_KINDS, CHEST_PAIN_STEPS, MAX_ATTACHMENT_BYTES, URGENCIES } from './rules';
import { chestPainFiguresOf, chestPainOfRequest, pciHospitals, recordChestPainTime, setPciHospitals, startChestPain } from './chestPain';
import {
  attach,
  attachmentContent,
  centreReaders,
  centreResource,
  createRequest,
  evaluate,
  requestPage,
  requestResource,
  serviceResource,
  step,
} from './service';
import { diagnosisFigures } from './figures';
import { dutyRoster, setDutyRoster } from './duties';
import { drawMonthlySample, reviewSample, sampleResource } from './samples';
import { consultationRoutes, consultationSettingsRoutes } from './consultations/routes';

const id = positiveId;
const minutes = z.number().int().min(1).max(43_200);

const centreBody = z.strictObject({
  kind: z.enum(CENTRE_KINDS),
  name: z.string().trim().min(2).max(100),
  host_org_unit_id: id,
  served_unit_ids: z.array(id).max(500).optional(),
  head_user_id: id.nullish(),
  critical_ack_minutes: z.number().int().min(1).max(1440).optional(),
  active: z.boolean().optional(),
});
const serviceBody = z.strictObject({
  centre_id: id,
  code: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(100),
  modality: z.string().trim().max(20).nullish(),
  fee: moneyInput.refine((f) => f >= 0n, 'must not be negative'),
  norm_emergency_minutes: minutes.nullish(),
  norm_routine_minutes: minutes.nullish(),
  second_signature: z.boolean().optional(),
  active: z.boolean().optional(),
});

const rosterQuery = z.strictObject({ from: isoDate, to: isoDate });
const rosterBody = z.strictObject({ from: isoDate, to: isoDate, duties: z.array(z.strictObject({ day: isoDate, staff_id: id })).max(2000) });

const pciBody = z.strictObject({
  hospitals: z.array(z.strictObject({ org_unit_id: id, note: z.string().trim().max(200).nullish() })).max(50),
});

export const centreRoutes = new ApiRouter('/diagnosis-centres', 'diagnosis')
  .get('/pci-hospitals', { summary: '胸痛: the hospitals of the group that do primary PCI (a cath lab), where a STEMI is referred' }, (req) =>
    pciHospitals(req.actor),
  )
  .put(
    '/pci-hospitals',
    { summary: '胸痛: replace the PCI hospitals (the HQ, branches with a cath lab); a STEMI goes to the nearest unless the doctor chooses', body: pciBody },
    (req) => setPciHospitals(req.actor, parse(pciBody, req.body)),
  )
  .get(
    '/:id/readers',
    { summary: 'The staff of the centre’s unit the HR registry qualifies to read its reports (senior: may re-read the monthly sample; on duty today)' },
    (req) => centreReaders(req.actor, idParam(req.params.id)),
  )
  .get('/:id/duties', { summary: '排班: the readers on duty per day from `from` to `to` (at most 31 days)', query: rosterQuery }, (req) =>
    dutyRoster(req.actor, idParam(req.params.id), parse(rosterQuery, req.query, 'query')),
  )
  .put(
    '/:id/duties',
    {
      summary: '排班: replace the roster of `from`–`to` (the centre’s head); on a day with a roster only a reader on it is assigned, reports or co-signs',
      body: rosterBody,
    },
    (req) => setDutyRoster(req.actor, idParam(req.params.id), parse(rosterBody, req.body)),
  );
mountCrud(centreRoutes, centreResource, {
  label: 'diagnosis centres',
  create: centreBody,
  update: centreBody.partial(),
});

export const serviceRoutes = mountCrud(new ApiRouter('/diagnosis-services', 'diagnosis'), serviceResource, {
  label: 'diagnosis services',
  create: serviceBody,
  update: serviceBody.omit({ centre_id: true }).partial(),
  echoed: ['centre_id'],
});

const createBody = z.strictObject({
  service_id: id,
  urgency: z.enum(URGENCIES),
  clinical_question: z.string().trim().min(2).max(2000),
  resident_id: id.nullish(),
  patient_name: z.string().trim().min(1).max(50).nullish(),
  patient_id_number: z.string().trim().max(18).nullish(),
  from_org_unit_id: id.optional(),
});
const stepBody = z.strictObject({
  reason: z.string().trim().max(1000).nullish(),
  note: z.string().trim().max(1000).nullish(),
  reader_staff_id: id.nullish(),
  findings: z.string().max(20_000).nullish(),
  conclusion: z.string().trim().max(2000).nullish(),
  critical: z.boolean().optional(),
  critical_note: z.string().trim().max(1000).nullish(),
});
export const figuresQuery = z
  .strictObject({ from: isoDate, to: isoDate, centre_id: z.coerce.number().int().positive().optional() })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export const periodQuery = z.strictObject({ from: isoDate, to: isoDate }).refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' });
const instant = z.iso.datetime({ offset: true, error: 'an ISO date-time with its offset' });
const evaluationBody = z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).nullish() });
const chestPainBody = z.strictObject({ fmc_at: instant.nullish(), pci_org_unit_id: id.nullish() });
const chestPainTimeBody = z.strictObject({ step: z.enum(CHEST_PAIN_STEPS), at: instant.nullish() });

export const requestRoutes = new ApiRouter('/diagnosis-requests', 'diagnosis')
  .get(
    '/figures',
    {
      summary: 'Per centre, per service and urgency, per requesting unit: volumes, turnaround against the norm, on time, critical values',
      query: figuresQuery,
    },
    (req) => diagnosisFigures(req.actor, parse(figuresQuery, req.query, 'query')),
  )
  .get(
    '/',
    {
      summary: 'List diagnosis requests (filter worklist=<centre> for its open ones, emergencies and the nearest due first; late; unacknowledged)',
      list: true,
    },
    (req, res) => answerList(requestResource, req, res),
  )
  .get(
    '/chest-pain-figures',
    {
      summary: '胸痛绿色通道 per township: cases (first medical contact in the period), how they closed, median FMC-to-balloon minutes, the share within 90',
      query: periodQuery,
    },
    (req) => chestPainFiguresOf(req.actor, parse(periodQuery, req.query, 'query')),
  )
  .get(
    '/:id',
    { summary: 'One request with its timeline, attachments, escalations, time left, its chest-pain case and the steps open to you' },
    async (req) => {
      const page = await requestPage(req.actor, idParam(req.params.id));
      return { ...page, ...(await chestPainOfRequest(req.actor, page)) };
    },
  )
  .post('/', { summary: 'Request a diagnosis from a centre (the patient, the service, the clinical question, the urgency)', body: createBody }, (req) =>
    createRequest(req.actor, parse(createBody, req.body)),
  )
  .post(
    '/:id/attachments',
    { summary: `Attach a file (multipart field "file"; PNG, JPEG, PDF or DICOM; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB)` },
    (req, res) => {
      const requestId = idParam(req.params.id);
      return withUploadedBytes(req, res, (file) => attach(req.actor, requestId, file), MAX_ATTACHMENT_BYTES);
    },
  )
  .get('/:id/attachments/:attachmentId', { summary: 'The bytes of an attachment', produces: 'application/octet-stream' }, async (req, res) => {
    const file = await attachmentContent(req.actor, idParam(req.params.id), idParam(req.params.attachmentId, 'attachmentId'));
    sendBytes(res, file.filename, file.content_type, file.content, 'inline');
  });
requestRoutes
  .post('/:id/evaluate', { summary: 'The requesting doctor’s evaluation of the final report: a score 1–5 and a comment, once', body: evaluationBody }, (req) =>
    evaluate(req.actor, idParam(req.params.id), parse(evaluationBody, req.body)),
  )
  .post(
    '/:id/chest-pain',
    {
      summary:
        '启动胸痛通道: the emergency up-referral carrying this STEMI ECG to a PCI hospital (the nearest unless chosen) and the case with its first-medical-contact time',
      body: chestPainBody,
    },
    (req) => startChestPain(req.actor, idParam(req.params.id), parse(chestPainBody, req.body ?? {})),
  )
  .post(
    '/:id/chest-pain/time',
    {
      summary:
        'Record a chest-pain time: arrival (the receiving hospital; the referral arrives with it), cath-lab door, balloon, fibrinolysis or transfer out (the last three close the case)',
      body: chestPainTimeBody,
    },
    (req) => recordChestPainTime(req.actor, idParam(req.params.id), parse(chestPainTimeBody, req.body)),
  );
for (const action of ACTIONS) {
  requestRoutes.post(`/:id/${action}`, { summary: `${action[0].toUpperCase()}${action.slice(1)} a diagnosis request`, body: stepBody }, (req) =>
    step(req.actor, idParam(req.params.id), action, parse(stepBody, req.body ?? {})),
  );
}

const drawBody = z.strictObject({
  centre_id: id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM'),
  size: z.number().int().min(1).max(200),
  reviewer_staff_id: id,
});
const reviewBody = z.strictObject({ agreement: z.enum(AGREEMENTS), note: z.string().trim().max(2000).nullish() });

export const sampleRoutes = new ApiRouter('/diagnosis-samples', 'diagnosis')
  .post('/draw', { summary: 'Draw a random sample of a month’s reports for a senior to re-read', body: drawBody }, (req) =>
    drawMonthlySample(req.actor, parse(drawBody, req.body)),
  )
  .post('/:id/review', { summary: 'Record the senior’s re-reading: agree, minor or major difference', body: reviewBody }, (req) =>
    reviewSample(req.actor, idParam(req.params.id), parse(reviewBody, req.body)),
  );
mountCrud(sampleRoutes, sampleResource, { label: 'diagnosis samples', readOnly: true });

export const diagnosisRouters = [centreRoutes, serviceRoutes, requestRoutes, sampleRoutes, consultationRoutes, consultationSettingsRoutes];
