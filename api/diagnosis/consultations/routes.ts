import { z } from 'zod';
import { answerList } from '../../http/crudRoutes';
import { ApiRouter } from '../../http/router';
import { withUploadedBytes } from '../../http/upload';
import { sendBytes } from '../../http/download';
import { idParam, moneyInput, parse, positiveId } from '../../http/validate';
import { REFERRAL_URGENCY } from '../../referrals';
import { MAX_ATTACHMENT_BYTES } from '../rules';
import { CONSULTATION_CANCEL_REASON } from '../enums';
import { CONSULTATION_ACTIONS, MAX_HALF_HOURS } from './rules';
import { fromFen } from '../../shared/money';
import {
  attachToConsultation,
  consultationAttachment,
  consultationExperts,
  consultationPage,
  consultationResource,
  consultationStep,
  invite,
  readConsultationSettings,
  referConsultation,
  updateConsultationSettings,
  withTiming,
} from './service';

const id = positiveId;
const text = (max: number) => z.string().trim().max(max).nullish();

const inviteBody = z.strictObject({
  host_org_unit_id: id,
  host_department_id: id.nullish(),
  expert_staff_id: id.nullish(),
  question: z.string().trim().min(2).max(2000),
  resident_id: id.nullish(),
  patient_name: z.string().trim().min(1).max(50).nullish(),
  patient_id_number: z.string().trim().max(18).nullish(),
  from_org_unit_id: id.optional(),
});
const stepBody = z.strictObject({
  reason: text(1000),
  note: text(1000),
  question: text(2000),
  slot_start: z.iso.datetime({ offset: true, error: 'an ISO date-time with its offset' }).nullish(),
  half_hours: z.number().int().min(1).max(MAX_HALF_HOURS).nullish(),
  room: text(100),
  room_person: text(50),
  equipment_check: text(1000),
  participants: text(1000),
  opinion: z.string().trim().max(20_000).nullish(),
  score: z.number().int().min(1).max(5).nullish(),
  cancel_reason: z.enum(CONSULTATION_CANCEL_REASON.values).nullish(),
});
const referBody = z.strictObject({
  diagnosis_code: z.string().trim().min(1).max(20),
  diagnosis_text: z.string().trim().min(1).max(200),
  urgency: z.enum(REFERRAL_URGENCY.values).optional(),
  to_department_id: id.nullish(),
});
const expertsQuery = z.strictObject({ host_org_unit_id: z.coerce.number().int().positive() });
const settingsBody = z.strictObject({
  fee_per_half_hour: moneyInput.refine((f) => f >= 0n, 'must not be negative'),
  opinion_hours: z.number().int().min(1).max(720),
  ready_minutes: z.number().int().min(5).max(240),
});

export const consultationSettingsRoutes = new ApiRouter('/consultation-settings', 'diagnosis')
  .get('/', { summary: '远程会诊 configuration: the fee per half hour, the opinion’s norm (hours after the slot), the room check’s lead (minutes)' }, (req) =>
    readConsultationSettings(req.actor),
  )
  .put('/', { summary: 'Change the consultation configuration (applies to consultations scheduled from now on)', body: settingsBody }, (req) => {
    const s = parse(settingsBody, req.body);
    return updateConsultationSettings(req.actor, { ...s, fee_per_half_hour: fromFen(s.fee_per_half_hour) });
  });

export const consultationRoutes = new ApiRouter('/diagnosis-consultations', 'diagnosis')
  .get(
    '/',
    { summary: 'List remote consultations (both ends see them) with the late flags and the time left to the step they wait for', list: true },
    (req, res) => answerList(consultationResource, req, res, withTiming),
  )
  .get(
    '/experts',
    { summary: 'Who may be invited by name at a host unit: its active doctors, attending physician and above, with a valid licence', query: expertsQuery },
    (req) => consultationExperts(req.actor, parse(expertsQuery, req.query, 'query').host_org_unit_id),
  )
  .get('/:id', { summary: 'One consultation with its timeline, attachments, late flags and the steps open to you' }, (req) =>
    consultationPage(req.actor, idParam(req.params.id)),
  )
  .post(
    '/',
    { summary: '邀请远程会诊: a branch or township invites a department or a named expert (主治 and above) of a unit above it', body: inviteBody },
    (req) => invite(req.actor, parse(inviteBody, req.body)),
  )
  .post(
    '/:id/attachments',
    {
      summary: `Attach material (multipart field "file"; PNG, JPEG, PDF or DICOM; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB) while invited or returned`,
    },
    (req, res) => {
      const consultationId = idParam(req.params.id);
      return withUploadedBytes(req, res, (file) => attachToConsultation(req.actor, consultationId, file), MAX_ATTACHMENT_BYTES);
    },
  )
  .get('/:id/attachments/:attachmentId', { summary: 'The bytes of an attachment', produces: 'application/octet-stream' }, async (req, res) => {
    const file = await consultationAttachment(req.actor, idParam(req.params.id), idParam(req.params.attachmentId, 'attachmentId'));
    sendBytes(res, file.filename, file.content_type, file.content, 'inline');
  })
  .post('/:id/refer', { summary: '一键转诊: the up-referral to the host carrying this consultation (once held)', body: referBody }, (req) =>
    referConsultation(req.actor, idParam(req.params.id), parse(referBody, req.body)),
  );
for (const action of CONSULTATION_ACTIONS) {
  consultationRoutes.post(`/:id/${action}`, { summary: `${action[0].toUpperCase()}${action.slice(1)} a remote consultation`, body: stepBody }, (req) =>
    consultationStep(req.actor, idParam(req.params.id), action, parse(stepBody, req.body ?? {})),
  );
}
