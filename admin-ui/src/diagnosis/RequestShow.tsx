// The request page: patient, service, the clinical question, the attachments (opened from the API
// with the caller's token), the report, the critical value and its escalations, the timeline, and
// the steps open to the user (accept or return, assign a reader, report, acknowledge), the chest-pain case.
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Grid,
  MenuItem,
  Rating,
  type RatingProps,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { DateField, FunctionField, Labeled, SelectField, TextField, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Show } from '../shared/fullRecord';
import { httpClient } from '../httpClient';
import { DATE_TIME_OPTIONS, formatTime } from '../shared/time';
import { STATUS_CHOICES, type DxRequestRecord } from './choices';
import { CriticalChip, TimeLeft, UrgencyChip } from './TimeLeft';
import { ChestPainCard } from './ChestPain';
import { Attachments, Timeline } from './Material';
import { StepButtons, StepDialog } from './StepDialog';

interface Reader {
  id: number;
  name: string;
  title: string | null;
  /** on today's roster; null when the centre keeps none today */
  on_duty: boolean | null;
}

const RequestStepDialog = ({ action, r, onClose }: { action: string; r: DxRequestRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const [readers, setReaders] = useState<Reader[]>([]);
  const [reader, setReader] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const [findings, setFindings] = useState('');
  const [conclusion, setConclusion] = useState('');
  const [critical, setCritical] = useState(false);
  const [criticalNote, setCriticalNote] = useState('');
  useEffect(() => {
    if (action === 'assign' || action === 'cosign')
      // only the readers on today's roster may be assigned or sign
      void httpClient(`/api/diagnosis-centres/${r.centre_id}/readers`).then((res) => setReaders((res.json as Reader[]).filter((p) => p.on_duty !== false)));
  }, [action, r.centre_id]);
  const writes = action === 'report' || action === 'correct';
  const picks = action === 'assign' || action === 'cosign';
  const body = (): Record<string, unknown> => {
    if (action === 'return') return { reason };
    if (picks) return { reader_staff_id: reader };
    if (writes) return { findings, conclusion, critical, ...(critical ? { critical_note: criticalNote } : {}), ...(action === 'correct' ? { reason } : {}) };
    return {};
  };
  const ready =
    ((action !== 'return' && action !== 'correct') || reason.trim()) &&
    (!picks || reader !== '') &&
    (!writes || (conclusion.trim() && (!critical || criticalNote.trim())));
  return (
    <StepDialog title={translate(`diagnosis.action.${action}`)} url={`/api/diagnosis-requests/${r.id}/${action}`} body={body} ready={!!ready} onClose={onClose}>
      {(action === 'return' || action === 'correct') && (
        <MuiTextField
          name="reason"
          label={translate(action === 'correct' ? 'diagnosis.correction_reason' : 'diagnosis.reason')}
          multiline
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
        />
      )}
      {picks && (
        <MuiTextField
          select
          label={translate(action === 'cosign' ? 'diagnosis.second_reader' : 'diagnosis.reader')}
          value={reader}
          onChange={(e) => setReader(Number(e.target.value))}
          slotProps={{ htmlInput: { 'data-testid': 'reader' } }}
        >
          {readers
            .filter((p) => action !== 'cosign' || p.id !== r.signer_staff_id)
            .map((p) => (
              <MenuItem key={p.id} value={p.id} data-testid="reader-option">
                {p.name}
                {p.title ? `（${translate(`enums.title.${p.title}`)}）` : ''}
              </MenuItem>
            ))}
        </MuiTextField>
      )}
      {writes && (
        <>
          <MuiTextField
            name="findings"
            label={translate('diagnosis.findings')}
            multiline
            minRows={3}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
          />
          <MuiTextField
            name="conclusion"
            label={translate('diagnosis.conclusion')}
            multiline
            minRows={2}
            value={conclusion}
            onChange={(e) => setConclusion(e.target.value)}
            required
          />
          <FormControlLabel
            control={<Checkbox name="critical" checked={critical} onChange={(e) => setCritical(e.target.checked)} color="error" />}
            label={translate('diagnosis.flag_critical')}
          />
          {critical && (
            <MuiTextField
              name="critical_note"
              label={translate('diagnosis.critical_note')}
              value={criticalNote}
              onChange={(e) => setCriticalNote(e.target.value)}
              required
            />
          )}
        </>
      )}
      {action === 'acknowledge' && r.critical && <Alert severity="error">{r.critical_note}</Alert>}
    </StepDialog>
  );
};

const Steps = () => {
  const r = useRecordContext<DxRequestRecord>();
  const [open, setOpen] = useState<string | null>(null);
  if (!r?.allowed_actions?.length) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1 }}>
      <StepButtons actions={r.allowed_actions} prefix="diagnosis.action" onOpen={setOpen} />
      {open && <RequestStepDialog action={open} r={r} onClose={() => setOpen(null)} />}
    </Stack>
  );
};

/** The critical value, with who was told when it went unacknowledged. */
const CriticalAlert = () => {
  const r = useRecordContext<DxRequestRecord>();
  const translate = useTranslate();
  if (!r?.critical) return null;
  return (
    <Alert severity="error" data-testid="critical-alert" sx={{ my: 1 }}>
      <strong>{translate('diagnosis.critical')}</strong>: {r.critical_note}
      {r.acknowledged_at
        ? ` · ${translate('diagnosis.acknowledged_by', { name: r.acknowledged_by_name ?? '', time: formatTime(r.acknowledged_at) })}`
        : r.ack_due_at
          ? ` · ${translate('diagnosis.ack_by', { time: formatTime(r.ack_due_at) })}`
          : ''}
      {r.escalations?.map((e) => (
        <div key={e.level}>{translate(`diagnosis.escalated_${e.level}`, { time: formatTime(e.escalated_at) })}</div>
      ))}
    </Alert>
  );
};

/** Every signed version of the report, the latest last; a correction with its reason. */
const Versions = () => {
  const r = useRecordContext<DxRequestRecord>();
  const translate = useTranslate();
  if (!r?.versions || r.versions.length < 2) return null;
  return (
    <Card variant="outlined" sx={{ mt: 1 }}>
      <CardContent>
        <Typography variant="subtitle1">{translate('diagnosis.versions')}</Typography>
        {r.versions.map((v) => (
          <Box
            key={v.version}
            data-testid="report-version"
            sx={{ borderLeft: 3, borderColor: v.version === r.report_version ? 'primary.main' : 'grey.400', pl: 2, mb: 1 }}
          >
            <Typography variant="body2">
              <strong>{translate('diagnosis.version', { version: v.version })}</strong> · {v.signer_name}
              {v.second_signer_name ? ` / ${v.second_signer_name}` : ''} · {formatTime(v.signed_at)}
            </Typography>
            {v.reason && (
              <Typography variant="body2" color="error.main">
                {translate('diagnosis.correction_reason')}: {v.reason}
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              {v.conclusion}
            </Typography>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};

/** MUI's star rating, its screen-reader labels in the user's language (MUI's own are English: "1 Star", "Empty"). */
const Stars = (props: RatingProps) => {
  const translate = useTranslate();
  return <Rating {...props} getLabelText={(v) => translate('diagnosis.stars', { smart_count: v })} emptyLabelText={translate('diagnosis.no_score')} />;
};

/** The requesting doctor's evaluation of the final report: given, or the form when it is theirs to give. */
const Evaluation = () => {
  const r = useRecordContext<DxRequestRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  if (!r) return null;
  if (r.evaluation_score != null)
    return (
      <Box data-testid="evaluation" sx={{ my: 1 }}>
        <Typography variant="body2">
          {translate('diagnosis.evaluation')}: <Stars value={r.evaluation_score} readOnly size="small" /> {r.evaluation_comment ?? ''}
        </Typography>
      </Box>
    );
  if (!r.can_evaluate) return null;
  const submit = async () => {
    try {
      await httpClient(`/api/diagnosis-requests/${r.id}/evaluate`, { method: 'POST', body: JSON.stringify({ score, comment }) });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center' }}>
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {translate('diagnosis.evaluate')}
      </Typography>
      <Stars name="score" value={score} onChange={(_e, v) => setScore(v)} />
      <MuiTextField
        size="small"
        name="evaluation_comment"
        label={translate('diagnosis.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <MuiButton variant="outlined" disabled={!score} onClick={() => void submit()} data-testid="evaluate">
        {translate('diagnosis.confirm')}
      </MuiButton>
    </Stack>
  );
};

const field = (source: string, size = 6) => (
  <Grid size={size} key={source}>
    <Labeled>
      <TextField source={source} emptyText="—" />
    </Labeled>
  </Grid>
);

export const RequestShow = () => (
  <Show>
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h6">
          <FunctionField<DxRequestRecord> render={(r) => `#${r.id} ${r.patient_name} · ${r.service_name}`} />
        </Typography>
        <UrgencyChip />
        <SelectField source="status" choices={STATUS_CHOICES} data-testid="dx-status" />
        <TimeLeft />
        <CriticalChip />
      </Stack>
      <CriticalAlert />
      <Steps />
      <ChestPainCard />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Grid container spacing={1}>
            {field('centre_name')}
            {field('patient_id_number_masked')}
            {field('from_unit_name')}
            {field('from_doctor_name')}
            <Grid size={6}>
              <Labeled>
                <DateField source="submitted_at" showTime options={DATE_TIME_OPTIONS} />
              </Labeled>
            </Grid>
            <Grid size={6}>
              <Labeled>
                <DateField source="due_at" showTime options={DATE_TIME_OPTIONS} />
              </Labeled>
            </Grid>
            {field('clinical_question', 12)}
            {field('return_reason', 12)}
            {field('reader_name')}
            {field('signer_name')}
            {field('second_signer_name')}
            {field('correction_reason')}
            {field('findings', 12)}
            {field('conclusion', 12)}
          </Grid>
          <Evaluation />
          <Versions />
          <Timeline />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Attachments resource="diagnosis-requests" />
        </Grid>
      </Grid>
    </Box>
  </Show>
);
