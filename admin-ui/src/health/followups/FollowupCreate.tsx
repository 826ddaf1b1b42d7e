// The village doctor's follow-up form: opened from a task it is prefilled (resident, type,
// today), so a visit is a handful of taps — the readings and Save. The visit is kept on the
// phone and sent with an Idempotency-Key; without network it waits in the outbox.
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  DateInput,
  Form,
  HttpError,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  required,
  useGetOne,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { TaskCancelButton } from '../tasks/TaskCancelButton';
import type { FollowupType } from '../../../../api/health/enums';
import { FIELDS_OF, FOLLOWUP_TYPE_CHOICES, MODE_CHOICES, RANGES, REQUIRED, type Measurement } from '../choices';
import { OutboxBanner } from '../OutboxBanner';
import { submitFollowup, useSentVisit, type SubmitResult } from '../outbox';
import type { TaskRecord } from '../tasks/TaskList';
import { shanghaiDate } from '../../shared/time';

type Result = SubmitResult;

const inRange =
  (field: Measurement): Validator =>
  (value) => {
    if (value == null || value === '') return undefined;
    const [lo, hi, unit] = RANGES[field];
    return Number(value) < lo || Number(value) > hi ? `${lo}–${hi} ${unit}` : undefined;
  };
const belowSystolic: Validator = (value, all) =>
  value != null && all.systolic != null && Number(value) >= Number(all.systolic) ? '< 收缩压 / systolic' : undefined;

const Measurements = ({ type }: { type: FollowupType }) => {
  const translate = useTranslate();
  const fields = FIELDS_OF[type] ?? [];
  if (type === 'health_education') {
    return (
      <>
        <TextInput source="topic" validate={required()} fullWidth />
        <NumberInput source="attendees" validate={required()} min={1} step={1} fullWidth slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
      </>
    );
  }
  if (!fields.length) return null;
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('health.form.measurements')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1 }}>
        {fields.map((f) => (
          <NumberInput
            key={f}
            source={f}
            label={`${translate(`resources.followups.fields.${f}`)} (${RANGES[f][2]})`}
            validate={[...(REQUIRED[type]?.includes(f) ? [required()] : []), inRange(f), ...(f === 'diastolic' ? [belowSystolic] : [])]}
            step={f === 'fasting_glucose' || f === 'weight_kg' ? 0.1 : 1}
            slotProps={{ htmlInput: { inputMode: f === 'fasting_glucose' || f === 'weight_kg' ? 'decimal' : 'numeric', 'data-testid': `input-${f}` } }}
          />
        ))}
      </Box>
    </>
  );
};

const TypeFields = ({ fixedType }: { fixedType?: FollowupType }) => {
  const chosen = useWatch({ name: 'type' }) as FollowupType | undefined;
  const type = fixedType ?? chosen;
  return type ? <Measurements type={type} /> : null;
};

const Outcome = ({ result, task, onAnother }: { result: Result; task?: TaskRecord; onAnother: () => void }) => {
  const translate = useTranslate();
  // a visit that waited in the outbox: once sent, its answer replaces "no network" here too
  const later = useSentVisit(result.status === 'queued' ? result.key : undefined);
  const r =
    result.status === 'sent'
      ? (result.record as { classification?: string | null; advice?: string | null; task?: { state: string } | null })
      : later && !later.error
        ? { classification: later.classification, advice: later.advice, task: later.task_done ? { state: 'done' } : null }
        : undefined;
  return (
    <Card data-testid="followup-outcome">
      <CardContent>
        {result.status === 'queued' && later?.error ? (
          <Alert severity="error" data-testid="followup-refused">
            {translate('health.sync.refused', { reason: later.error })}
          </Alert>
        ) : result.status === 'queued' && !later ? (
          <Alert severity="warning" data-testid="followup-queued">
            {translate('health.form.queued')}
          </Alert>
        ) : (
          <Stack spacing={1}>
            <Alert severity="success">{translate('health.form.saved')}</Alert>
            {r?.classification && (
              <Chip
                data-testid="classification"
                color={r.classification === 'controlled' ? 'success' : 'error'}
                label={translate(`enums.classification.${r.classification}`)}
              />
            )}
            {r?.advice && <Alert severity={r.advice === 'urgent_referral' ? 'error' : 'info'}>{translate(`enums.advice.${r.advice}`)}</Alert>}
            {r?.task?.state === 'done' && <Chip data-testid="task-done" color="primary" variant="outlined" label={translate('health.form.task_done')} />}
          </Stack>
        )}
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button component={Link} to="/tasks" variant="contained">
            {translate('health.form.back')}
          </Button>
          {!task && (
            <Button onClick={onAnother} variant="outlined">
              {translate('health.form.another')}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

export const FollowupCreate = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const handedOver = (useLocation().state as { task?: TaskRecord } | null)?.task;
  const taskId = params.get('task_id') ?? undefined;
  const residentParam = params.get('resident_id');
  // from "my tasks" the task comes with the navigation (works offline); a link or reload fetches it
  const fetched = useGetOne<TaskRecord>('tasks', { id: taskId! }, { enabled: !!taskId && handedOver?.id !== taskId });
  const task = handedOver?.id === taskId ? handedOver : fetched.data;
  const isPending = !task && fetched.isPending;
  const [result, setResult] = useState<Result>();
  const [formKey, setFormKey] = useState(0);
  const navigate = useNavigate();
  if (taskId && isPending) return null;

  const fixedType = task?.type as FollowupType | undefined;
  const defaults = {
    resident_id: task?.resident_id ?? (residentParam ? Number(residentParam) : undefined),
    type: fixedType,
    visited_on: shanghaiDate(),
    mode: 'clinic',
  };

  const onSubmit = async (values: Record<string, unknown>) => {
    const type = (fixedType ?? values.type) as FollowupType;
    const body: Record<string, unknown> = { type, visited_on: values.visited_on, mode: values.mode };
    if (type !== 'health_education') body.resident_id = values.resident_id;
    if (task) body.task_id = task.id;
    for (const f of FIELDS_OF[type] ?? []) if (values[f] != null && values[f] !== '') body[f] = Number(values[f]);
    for (const f of ['topic', 'attendees', 'notes']) if (values[f] != null && values[f] !== '') body[f] = values[f];
    const label = `${task?.resident_name ?? (type === 'health_education' ? String(values.topic ?? '') : `#${String(values.resident_id)}`)} · ${translate(`enums.followup_type.${type}`)}`;
    try {
      setResult(await submitFollowup(body, label));
      return undefined;
    } catch (e) {
      // the API's field problems land on the inputs (httpClient puts them in body.errors)
      if (e instanceof HttpError && e.body?.errors) return e.body.errors;
      throw e;
    }
  };

  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', p: { xs: 1, sm: 2 } }}>
      <Title title={translate('health.form.title')} />
      <OutboxBanner />
      {task && (
        <Card sx={{ mb: 1 }} data-testid="followup-task">
          <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Typography variant="h6">{task.resident_name}</Typography>
            <Typography variant="body2" color={task.overdue ? 'error' : 'text.secondary'}>
              {translate(`enums.followup_type.${task.type}`)} · {translate('health.tasks.due', { date: task.due_on })}
            </Typography>
            {!result && <TaskCancelButton task={task} onDone={() => navigate('/tasks')} />}
          </CardContent>
        </Card>
      )}
      {result ? (
        <Outcome
          result={result}
          task={task}
          onAnother={() => {
            setResult(undefined);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <Card>
          <CardContent>
            <Form key={formKey} defaultValues={defaults} onSubmit={onSubmit}>
              {!task && (
                <>
                  <SelectInput source="type" choices={FOLLOWUP_TYPE_CHOICES} validate={required()} fullWidth />
                  <ResidentPicker />
                </>
              )}
              <DateInput source="visited_on" validate={required()} fullWidth />
              <RadioButtonGroupInput source="mode" choices={MODE_CHOICES} row />
              <TypeFields fixedType={fixedType} />
              <TextInput source="notes" multiline fullWidth />
              <SaveButton fullWidth size="large" label="health.form.save" alwaysEnable data-testid="followup-save" />
            </Form>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};

const ResidentPicker = () => {
  const type = useWatch({ name: 'type' });
  if (type === 'health_education') return null;
  return (
    <ReferenceInput source="resident_id" reference="residents" filter={{ active: true }}>
      <AutocompleteInput optionText="name" validate={required()} fullWidth filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
  );
};
