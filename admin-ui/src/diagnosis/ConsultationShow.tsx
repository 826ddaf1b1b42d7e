// The consultation page: the patient, the question, the host and the expert, the slot and its fee,
// the room check and the opinion with their late flags, the material (added while invited or
// returned), the timeline; a button for each step open to the user (the API says which: the host's
// move of a booked slot, the inviting side's cancellation with its coded reason), the evaluation's
// stars, and the one step to an up-referral once held.
import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Grid, MenuItem, Rating, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { DateField, FunctionField, Labeled, Link, SelectField, TextField, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Show } from '../shared/fullRecord';
import { DATE_TIME_OPTIONS } from '../shared/time';
import { CANCEL_REASON_CHOICES, CONSULTATION_STATUS_CHOICES, type ConsultationRecord } from './choices';
import { Attachments, Timeline, uploadAttachment } from './Material';
import { ConsultationTiming } from './ConsultationList';
import { StepButtons, StepDialog } from './StepDialog';

type Kind = 'text' | 'multiline' | 'slot' | 'half_hours' | 'score' | 'cancel_reason';
/** A booking and its move: the start, the length, the room. */
const SLOT: { name: string; kind: Kind; required?: boolean }[] = [
  { name: 'slot_start', kind: 'slot', required: true },
  { name: 'half_hours', kind: 'half_hours', required: true },
  { name: 'room', kind: 'text', required: true },
];
/** What each step asks for (required: the API refuses the step without it). */
const STEP_FIELDS: Record<string, { name: string; kind: Kind; required?: boolean }[]> = {
  check: [{ name: 'note', kind: 'text' }],
  return: [{ name: 'reason', kind: 'multiline', required: true }],
  resend: [{ name: 'question', kind: 'multiline' }],
  schedule: SLOT,
  ready: [
    { name: 'room_person', kind: 'text', required: true },
    { name: 'equipment_check', kind: 'multiline', required: true },
  ],
  reschedule: SLOT,
  cancel: [
    { name: 'cancel_reason', kind: 'cancel_reason', required: true },
    { name: 'note', kind: 'multiline' },
  ],
  hold: [{ name: 'participants', kind: 'text' }],
  opinion: [{ name: 'opinion', kind: 'multiline', required: true }],
  evaluate: [
    { name: 'score', kind: 'score', required: true },
    { name: 'note', kind: 'text' },
  ],
  refer: [
    { name: 'diagnosis_code', kind: 'text', required: true },
    { name: 'diagnosis_text', kind: 'text', required: true },
  ],
};

/** A `datetime-local` value taken as Beijing time. */
const beijing = (local: string) => `${local}:00+08:00`;

const ConsultationStepDialog = ({ action, r, onClose }: { action: string; r: ConsultationRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const fields = STEP_FIELDS[action] ?? [];
  const [values, setValues] = useState<Record<string, string | number>>(
    action === 'schedule' ? { half_hours: 1 } : action === 'reschedule' ? { half_hours: r.half_hours ?? 1, room: r.room ?? '' } : {},
  );
  const set = (name: string, v: string | number) => setValues((old) => ({ ...old, [name]: v }));
  const ready = fields.every((f) => !f.required || String(values[f.name] ?? '').trim());
  const body = () =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => String(v).trim())
        .map(([k, v]) => [k, k === 'slot_start' ? beijing(String(v)) : v]),
    );
  const label = (name: string) => translate(`resources.diagnosis-consultations.fields.${name}`);
  return (
    <StepDialog
      title={translate(`diagnosis.consultation.action.${action}`)}
      url={`/api/diagnosis-consultations/${r.id}/${action}`}
      body={body}
      ready={ready}
      onClose={onClose}
    >
      {action === 'ready' && r.ready_due_at && (
        <Alert severity={new Date(r.ready_due_at) < new Date() ? 'warning' : 'info'}>
          {translate('diagnosis.consultation.ready_due')}: <DateField record={r} source="ready_due_at" showTime options={DATE_TIME_OPTIONS} />
        </Alert>
      )}
      {fields.map((f) =>
        f.kind === 'score' ? (
          <Rating key={f.name} name="score" value={Number(values.score ?? 0) || null} onChange={(_e, v) => set('score', v ?? '')} />
        ) : f.kind === 'cancel_reason' ? (
          <MuiTextField
            key={f.name}
            select
            required
            name={f.name}
            label={label(f.name)}
            value={values[f.name] ?? ''}
            onChange={(e) => set(f.name, e.target.value)}
          >
            {CANCEL_REASON_CHOICES.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </MuiTextField>
        ) : f.kind === 'half_hours' ? (
          <MuiTextField
            key={f.name}
            select
            name={f.name}
            label={label(f.name)}
            value={values[f.name] ?? 1}
            onChange={(e) => set(f.name, Number(e.target.value))}
          >
            {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
              <MenuItem key={n} value={n}>
                {translate('diagnosis.consultation.minutes', { minutes: n * 30 })}
              </MenuItem>
            ))}
          </MuiTextField>
        ) : (
          <MuiTextField
            key={f.name}
            name={f.name}
            label={label(f.name)}
            required={f.required}
            type={f.kind === 'slot' ? 'datetime-local' : 'text'}
            multiline={f.kind === 'multiline'}
            minRows={f.kind === 'multiline' ? 2 : undefined}
            value={values[f.name] ?? (f.name === 'question' ? (r.question ?? '') : '')}
            onChange={(e) => set(f.name, e.target.value)}
            slotProps={{ inputLabel: f.kind === 'slot' ? { shrink: true } : undefined, htmlInput: f.kind === 'slot' ? { step: 1800 } : undefined }}
          />
        ),
      )}
    </StepDialog>
  );
};

/** The steps open to the user, the referral once held, and material while it may still be added. */
const Steps = () => {
  const r = useRecordContext<ConsultationRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<string | null>(null);
  if (!r) return null;
  const actions = [...(r.allowed_actions ?? []), ...(r.can_refer ? ['refer'] : [])];
  const attach = async (file: File | undefined) => {
    if (!file) return;
    const problem = await uploadAttachment('diagnosis-consultations', r.id, file);
    if (problem) notify(problem, { type: 'error' });
    refresh();
  };
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center' }}>
      <StepButtons actions={actions} prefix="diagnosis.consultation.action" onOpen={setOpen} />
      {r.can_attach && (
        <MuiButton component="label" variant="outlined">
          {translate('diagnosis.attach')}
          <input hidden type="file" name="file" accept="image/png,image/jpeg,application/pdf,.dcm" onChange={(e) => void attach(e.target.files?.[0])} />
        </MuiButton>
      )}
      {open && <ConsultationStepDialog action={open} r={r} onClose={() => setOpen(null)} />}
    </Stack>
  );
};

/** Why the inviting side cancelled it, when it did. */
const CancelReason = () => {
  const r = useRecordContext<ConsultationRecord>();
  if (!r?.cancel_reason) return null;
  return (
    <>
      <Grid size={6}>
        <Labeled>
          <SelectField source="cancel_reason" choices={CANCEL_REASON_CHOICES} />
        </Labeled>
      </Grid>
      {time('cancelled_at')}
      {field('cancel_note', 12)}
    </>
  );
};

/** The up-referral the consultation became. */
const ReferralLink = () => {
  const r = useRecordContext<ConsultationRecord>();
  const translate = useTranslate();
  if (!r?.referral_id) return null;
  return (
    <Grid size={12}>
      <Link to={`/referrals/${r.referral_id}/show`} data-testid="consultation-referral">
        {translate('diagnosis.consultation.referral', { id: r.referral_id })}
      </Link>
    </Grid>
  );
};

const field = (source: string, size = 6) => (
  <Grid size={size} key={source}>
    <Labeled>
      <TextField source={source} emptyText="—" />
    </Labeled>
  </Grid>
);
const time = (source: string) => (
  <Grid size={6} key={source}>
    <Labeled>
      <DateField source={source} showTime options={DATE_TIME_OPTIONS} emptyText="—" />
    </Labeled>
  </Grid>
);

export const ConsultationShow = () => (
  <Show>
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6">
          <FunctionField<ConsultationRecord> render={(r) => `#${r.id} ${r.patient_name} · ${r.host_unit_name}`} />
        </Typography>
        <SelectField source="status" choices={CONSULTATION_STATUS_CHOICES} data-testid="consultation-status" />
        <ConsultationTiming />
      </Stack>
      <Steps />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Grid container spacing={1}>
            {field('patient_id_number_masked')}
            {field('from_unit_name')}
            {field('from_doctor_name')}
            {field('host_department_name')}
            {field('expert_name')}
            {field('question', 12)}
            {field('return_reason', 12)}
            <CancelReason />
            {time('slot_start')}
            {field('room')}
            {field('fee')}
            {time('ready_due_at')}
            {time('ready_at')}
            {field('room_person')}
            {field('equipment_check')}
            {time('opinion_due_at')}
            {time('opinion_at')}
            {field('opinion', 12)}
            {field('evaluation_score')}
            {field('evaluation_note')}
            <ReferralLink />
          </Grid>
          <Timeline events="consultation.event" />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Attachments resource="diagnosis-consultations" />
        </Grid>
      </Grid>
    </Box>
  </Show>
);
