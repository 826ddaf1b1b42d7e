// The village doctor's follow-up form: opened from a task it is prefilled (resident, type,
// today). A hypertension or diabetes visit is the national record (NationalFields), an elderly
// check its own form (ElderlyCheckFields); the answer shows the classification, the advice, the
// next visit and — when the norms advise it — the one-tap up-referral. The visit is kept on the
// phone and sent with an Idempotency-Key; without network it waits in the outbox.
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { NationalFields, Reading, nationalBody } from './NationalFields';
import { ELDERLY_DEFAULTS, ElderlyCheckFields, elderlyBody } from './ElderlyCheckFields';
import { httpClient } from '../../httpClient';
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
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { TaskCancelButton } from '../tasks/TaskCancelButton';
import type { FollowupType } from '../../../../api/health/enums';
import { FIELDS_OF, FOLLOWUP_TYPE_CHOICES, MODE_CHOICES, REQUIRED } from '../choices';
import { OutboxBanner } from '../OutboxBanner';
import { submitFollowup, useSentVisit, type SubmitResult } from '../outbox';
import type { TaskRecord } from '../records';
import { shanghaiDate } from '../../shared/time';

type Result = SubmitResult;

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
          <Reading key={f} source={f} need={REQUIRED[type]?.includes(f)} />
        ))}
      </Box>
    </>
  );
};

const TypeFields = ({ fixedType }: { fixedType?: FollowupType }) => {
  const chosen = useWatch({ name: 'type' }) as FollowupType | undefined;
  const type = fixedType ?? chosen;
  if (type === 'hypertension' || type === 'diabetes') return <NationalFields type={type} />;
  if (type === 'elderly_check') return <ElderlyCheckFields />;
  return type ? <Measurements type={type} /> : null;
};

interface SavedFollowup {
  /** absent on a visit the outbox sent later, until the list is read again */
  id?: number;
  type?: string;
  classification?: string | null;
  advice?: string | null;
  referral_reason?: string | null;
  referral_id?: number | null;
  next_visit_on?: string | null;
  task?: { state: string } | null;
  elderly_check?: { self_care_score: number; self_care_level: string; assessment: string; findings: string[]; next_check_on: string } | null;
}

/** 一键转诊: the referral the visit's advice calls for, prefilled by the API from the visit. */
const ReferUp = ({ followup }: { followup: SavedFollowup }) => {
  const translate = useTranslate();
  const [referral, setReferral] = useState<{ id: number; to_unit_name: string } | undefined>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if ((followup.advice !== 'up_referral' && followup.advice !== 'urgent_referral') || followup.id === undefined) return null;
  if (referral || followup.referral_id)
    return (
      <Alert severity="success" data-testid="referral-created">
        {translate('health.form.referred', { unit: referral?.to_unit_name ?? '' })}{' '}
        <Link to={`/referrals/${referral?.id ?? followup.referral_id}/show`}>{translate('health.form.open_referral')}</Link>
      </Alert>
    );
  const refer = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { json } = await httpClient('/api/referrals/from-followup', { method: 'POST', body: JSON.stringify({ followup_id: followup.id }) });
      setReferral(json as { id: number; to_unit_name: string });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="contained" color="error" size="large" disabled={busy} onClick={() => void refer()} data-testid="refer-up">
        {translate('health.form.refer_up')}
      </Button>
      {error && (
        <Alert severity="error" data-testid="refer-up-error">
          {error}
        </Alert>
      )}
    </>
  );
};

const Outcome = ({ result, task, onAnother }: { result: Result; task?: TaskRecord; onAnother: () => void }) => {
  const translate = useTranslate();
  // a visit that waited in the outbox: once sent, its answer replaces "no network" here too
  const later = useSentVisit(result.status === 'queued' ? result.key : undefined);
  const r: SavedFollowup | undefined =
    result.status === 'sent'
      ? result.record
      : later && !later.error
        ? { id: later.id, classification: later.classification, advice: later.advice, task: later.task_done ? { state: 'done' } : null }
        : undefined;
  const check = r?.elderly_check;
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
            {r?.advice && (
              <Alert severity={r.advice === 'recheck_in_2_weeks' ? 'info' : 'error'} data-testid="advice">
                {translate(`enums.advice.${r.advice}`)}
                {r.referral_reason && `：${translate(`enums.up_referral_reason.${r.referral_reason}`)}`}
              </Alert>
            )}
            {r && <ReferUp followup={r} />}
            {check && (
              <>
                <Chip
                  data-testid="self-care-level"
                  color={check.self_care_level === 'independent' ? 'success' : 'warning'}
                  label={translate('health.form.self_care_total', {
                    score: check.self_care_score,
                    level: translate(`enums.self_care_level.${check.self_care_level}`),
                  })}
                />
                <Alert severity={check.assessment === 'normal' ? 'success' : 'warning'} data-testid="assessment">
                  {translate('health.form.assessment', { result: translate(`enums.exam_result.${check.assessment}`) })}
                  {check.findings.length > 0 && `：${check.findings.map((f) => translate(`enums.elderly_finding.${f}`)).join('、')}`}
                </Alert>
              </>
            )}
            {r?.next_visit_on && (
              <Typography data-testid="next-visit" variant="body2">
                {translate(check ? 'health.form.next_check' : 'health.form.next_visit_on', { date: r.next_visit_on })}
              </Typography>
            )}
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

  const fixedType = task?.type;
  const defaults = {
    resident_id: task?.resident_id ?? (residentParam ? Number(residentParam) : undefined),
    type: fixedType,
    visited_on: shanghaiDate(),
    mode: 'clinic',
    adverse_reaction: false,
    new_complication: false,
    ...ELDERLY_DEFAULTS,
  };

  const onSubmit = async (values: Record<string, unknown>) => {
    const type = (fixedType ?? values.type) as FollowupType;
    const body: Record<string, unknown> = { type, visited_on: values.visited_on, mode: values.mode };
    if (type !== 'health_education') body.resident_id = values.resident_id;
    if (task) body.task_id = task.id;
    for (const f of FIELDS_OF[type] ?? []) if (values[f] != null && values[f] !== '') body[f] = Number(values[f]);
    for (const f of ['topic', 'attendees', 'notes']) if (values[f] != null && values[f] !== '') body[f] = values[f];
    if (type === 'hypertension' || type === 'diabetes') Object.assign(body, nationalBody(values));
    if (type === 'elderly_check') Object.assign(body, elderlyBody(values));
    const topic = typeof values.topic === 'string' ? values.topic : '';
    const label = `${task?.resident_name ?? (type === 'health_education' ? topic : `#${String(values.resident_id)}`)} · ${translate(`enums.followup_type.${type}`)}`;
    try {
      setResult(await submitFollowup(body, label));
      return undefined;
    } catch (e) {
      // the API's field problems land on the inputs (httpClient puts them in body.errors)
      const errors = e instanceof HttpError ? (e.body as { errors?: Record<string, string> } | undefined)?.errors : undefined;
      if (errors) return errors;
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
  const type = useWatch<{ type?: FollowupType }>({ name: 'type' });
  if (type === 'health_education') return null;
  return (
    <ReferenceInput source="resident_id" reference="residents" filter={{ active: true }}>
      <AutocompleteInput optionText="name" validate={required()} fullWidth filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
  );
};
