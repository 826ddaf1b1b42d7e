// A household's page (户): its members, head first, each with the tasks a visit today can complete,
// and one home visit for all of them — tick the tasks done, enter each member's readings (the
// follow-up form's inputs for that type), one Save: a follow-up per member. Each member's visit is
// its own outbox entry (its Idempotency-Key, its label with the member's name), all written before
// the first is sent, each posted as the single-visit form posts it: with no network, no answer or a
// lost answer it stays and is sent again with the same key, so the server records it once and
// answers what it stored. The server refusing one member (moved away, deregistered since the
// phone's copy, a reading to check) loses no other member's readings: the page shows each member's
// outcome — its classification, waiting, or its reason in Chinese (and keeps a refused member's
// readings on the form to correct). Built for 390 px.
import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { EditButton, Loading, ReferenceField, TopToolbar, useCanAccess, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Show } from '../../shared/fullRecord';
import { isReachable } from '../../shared/offline';
import { shanghaiDate } from '../../shared/time';
import { ADHERENCE_CHOICES, FIELDS_OF, RANGES, REQUIRED, readingInputMode, readingProblem, readingStep, symptomChoices, type Measurement } from '../choices';
import { flushOutbox, submitHouseholdVisit, useOutbox, waitingTaskIds, type MemberOutcome, type SentVisit } from '../outbox';
import { fieldProblems, problemText } from '../problems';
import { TagChips } from '../residents/ResidentList';
import { SentOutcome } from '../OutboxBanner';
import type { FollowupType } from '../../../../api/health/enums';
import { isChronic, RECORD_REQUIRED } from '../../../../api/health/rules';
import type { HouseholdDetail, HouseholdMemberTask } from '../records';
import { daysBetween } from '../../../../api/core/clock';

/** The problem of one reading, as the API would name it (it checks again). */
function readingError(
  type: FollowupType,
  field: Measurement,
  raw: string | undefined,
  all: Record<string, string>,
  translate: ReturnType<typeof useTranslate>,
) {
  if (raw === undefined || raw === '') return REQUIRED[type]?.includes(field) ? translate('health.household.required') : undefined;
  const problem = readingProblem(field, raw, all.systolic);
  return problem && translate(problem.message, problem.args);
}

/** The national record's answers a chronic visit must give (api/health/rules.ts RECORD_REQUIRED), as on the single-visit form. */
interface Answers {
  symptoms: string[];
  medication_adherence: string;
  /** 无 / 有, 无 until changed (as on the single-visit form) */
  adverse_reaction: 'no' | 'yes';
  adverse_reaction_text: string;
  new_complication: 'no' | 'yes';
  complication_text: string;
}
const NO_ANSWERS: Answers = {
  symptoms: [],
  medication_adherence: '',
  adverse_reaction: 'no',
  adverse_reaction_text: '',
  new_complication: 'no',
  complication_text: '',
};

/** The answers' problems, named as the API names them (it checks again). */
function answerProblems(a: Answers, translate: ReturnType<typeof useTranslate>): Record<string, string> {
  const found: Record<string, string> = {};
  const required = translate('health.household.required');
  const given: Record<(typeof RECORD_REQUIRED)[number], boolean> = {
    symptoms: a.symptoms.length > 0,
    medication_adherence: a.medication_adherence !== '',
    adverse_reaction: true,
    new_complication: true,
  };
  for (const f of RECORD_REQUIRED) if (!given[f]) found[f] = required;
  if (a.adverse_reaction === 'yes' && !a.adverse_reaction_text.trim()) found.adverse_reaction_text = required;
  if (a.new_complication === 'yes' && !a.complication_text.trim()) found.complication_text = required;
  return found;
}

const ANSWER_FIELDS: readonly string[] = [...RECORD_REQUIRED, 'adverse_reaction_text', 'complication_text'];
/** A task's errors without those of the answers (checked again on their own). */
const readingErrorsOnly = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).filter(([f]) => !ANSWER_FIELDS.includes(f)));

/** The answers as the API takes them. */
const answersBody = (a: Answers) => ({
  symptoms: a.symptoms,
  medication_adherence: a.medication_adherence,
  adverse_reaction: a.adverse_reaction === 'yes',
  new_complication: a.new_complication === 'yes',
  ...(a.adverse_reaction === 'yes' && { adverse_reaction_text: a.adverse_reaction_text.trim() }),
  ...(a.new_complication === 'yes' && { complication_text: a.complication_text.trim() }),
});

/** 症状 (无症状 alone), 服药依从性, 药物不良反应 and 并发症 of one chronic visit, compact for 390 px. */
const ChronicAnswers = ({
  task,
  answers,
  errors,
  onChange,
}: {
  task: HouseholdMemberTask;
  answers: Answers;
  errors: Record<string, string>;
  onChange: (a: Answers) => void;
}) => {
  const translate = useTranslate();
  const type = task.type as 'hypertension' | 'diabetes';
  const toggle = (s: string) => {
    const on = answers.symptoms.includes(s);
    // 无症状 stands alone
    const symptoms = on ? answers.symptoms.filter((x) => x !== s) : s === 'none' ? ['none'] : [...answers.symptoms.filter((x) => x !== 'none'), s];
    onChange({ ...answers, symptoms });
  };
  const yesNo = (source: 'adverse_reaction' | 'new_complication', text: 'adverse_reaction_text' | 'complication_text') => (
    <>
      <MuiTextField
        select
        size="small"
        label={translate(`resources.followups.fields.${source}`)}
        value={answers[source]}
        onChange={(e) => onChange({ ...answers, [source]: e.target.value as 'no' | 'yes' })}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `visit-${task.id}-${source}` } }}
      >
        <option value="no">{translate('health.form.no')}</option>
        <option value="yes">{translate('health.form.yes')}</option>
      </MuiTextField>
      {answers[source] === 'yes' && (
        <MuiTextField
          size="small"
          required
          label={translate(`resources.followups.fields.${text}`)}
          value={answers[text]}
          onChange={(e) => onChange({ ...answers, [text]: e.target.value })}
          error={!!errors[text]}
          helperText={errors[text]}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': `visit-${task.id}-${text}` } }}
        />
      )}
    </>
  );
  return (
    <Box sx={{ pb: 1 }}>
      <Typography variant="caption" color={errors.symptoms ? 'error' : 'text.secondary'} data-testid={`visit-${task.id}-symptoms-label`}>
        {translate('resources.followups.fields.symptoms')} *{errors.symptoms ? ` · ${errors.symptoms}` : ''}
      </Typography>
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, mb: 1 }} data-testid={`visit-${task.id}-symptoms`}>
        {symptomChoices(type).map((c) => {
          const on = answers.symptoms.includes(c.id);
          return (
            <Chip
              key={c.id}
              size="small"
              label={translate(c.name)}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => toggle(c.id)}
              data-testid={`visit-${task.id}-symptom-${c.id}`}
              data-selected={on ? 'true' : 'false'}
            />
          );
        })}
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
        <MuiTextField
          select
          size="small"
          required
          label={translate('resources.followups.fields.medication_adherence')}
          value={answers.medication_adherence}
          onChange={(e) => onChange({ ...answers, medication_adherence: e.target.value })}
          error={!!errors.medication_adherence}
          helperText={errors.medication_adherence}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': `visit-${task.id}-medication_adherence` } }}
          sx={{ gridColumn: '1 / -1' }}
        >
          <option value="" disabled />
          {ADHERENCE_CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {translate(c.name)}
            </option>
          ))}
        </MuiTextField>
        {yesNo('adverse_reaction', 'adverse_reaction_text')}
        {yesNo('new_complication', 'complication_text')}
      </Box>
    </Box>
  );
};

const TaskEntry = ({
  task,
  canVisit,
  chosen,
  values,
  answers,
  errors,
  onChoose,
  onValue,
  onAnswers,
}: {
  task: HouseholdMemberTask;
  /** who may not log visits (a clerk, the auditor) sees the task alone */
  canVisit: boolean;
  chosen: boolean;
  values: Record<string, string>;
  answers: Answers;
  errors: Record<string, string>;
  onChoose: (on: boolean) => void;
  onValue: (field: Measurement, value: string) => void;
  onAnswers: (a: Answers) => void;
}) => {
  const translate = useTranslate();
  const today = shanghaiDate();
  const label = (
    <span>
      {translate(`enums.followup_type.${task.type}`)} ·{' '}
      <Box component="span" sx={{ color: task.overdue ? 'error.main' : 'text.secondary', fontWeight: task.overdue ? 600 : 400 }}>
        {task.overdue ? translate('health.tasks.overdue', { days: daysBetween(task.due_on, today) }) : translate('health.tasks.due', { date: task.due_on })}
      </Box>
    </span>
  );
  if (!canVisit)
    return (
      <Typography variant="body2" sx={{ borderTop: 1, borderColor: 'divider', py: 1 }}>
        {label}
      </Typography>
    );
  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}>
      <FormControlLabel
        control={
          <Checkbox
            checked={chosen}
            onChange={(e) => onChoose(e.target.checked)}
            slotProps={{ input: { 'data-testid': `household-task-${task.id}` } as object }}
          />
        }
        label={label}
      />
      {chosen && (FIELDS_OF[task.type] ?? []).length > 0 && (
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, pb: 1 }}>
          {FIELDS_OF[task.type].map((f) => (
            <MuiTextField
              key={f}
              size="small"
              type="number"
              label={`${translate(`resources.followups.fields.${f}`)} (${RANGES[f][2]})`}
              required={REQUIRED[task.type]?.includes(f)}
              value={values[f] ?? ''}
              onChange={(e) => onValue(f, e.target.value)}
              error={!!errors[f]}
              helperText={errors[f]}
              slotProps={{ htmlInput: { inputMode: readingInputMode(f), step: readingStep(f), 'data-testid': `visit-${task.id}-${f}` } }}
            />
          ))}
        </Box>
      )}
      {chosen && isChronic(task.type) && <ChronicAnswers task={task} answers={answers} errors={errors} onChange={onAnswers} />}
    </Box>
  );
};

/** One member's visit of the last save: its task, its label and what became of it. */
interface MemberVisit {
  task_id: string;
  label: string;
  outcome: MemberOutcome;
}

/** What the server made of a member's visit: answered at the save, else as the outbox later sent or refused it; undefined while it waits. */
const resultOf = (o: MemberOutcome, sent: SentVisit[]): Pick<SentVisit, 'classification' | 'advice' | 'task_done' | 'error' | 'refusal'> | undefined => {
  if (o.status === 'sent')
    return { classification: o.record.classification ?? null, advice: o.record.advice ?? null, task_done: o.record.task?.state === 'done' };
  if (o.status === 'refused') return { error: o.error, refusal: o.refusal };
  return sent.find((s) => s.key === o.key);
};

/** Each member's visit of the last save: sent with its classification, waiting in the outbox, or refused with its reason. */
const MemberOutcomes = ({ visits, onClose }: { visits: MemberVisit[]; onClose: () => void }) => {
  const translate = useTranslate();
  const { sent } = useOutbox();
  const rows = visits.map((v) => ({ ...v, result: resultOf(v.outcome, sent) }));
  const stateOf = (r: (typeof rows)[number]) => (!r.result ? 'waiting' : r.result.error ? 'refused' : 'sent');
  const count = (state: string) => rows.filter((r) => stateOf(r) === state).length;
  const [done, waiting, refused] = [count('sent'), count('waiting'), count('refused')];
  return (
    <Alert severity={refused ? 'error' : waiting ? 'info' : 'success'} data-testid="household-visits" onClose={onClose}>
      {done > 0 && <Typography variant="body2">{translate('health.household.saved', { n: done })}</Typography>}
      {waiting > 0 && <Typography variant="body2">{translate('health.household.queued', { n: waiting })}</Typography>}
      {refused > 0 && <Typography variant="body2">{translate('health.household.refused', { n: refused })}</Typography>}
      <Stack spacing={0.75} sx={{ mt: 0.5 }}>
        {rows.map((r) => (
          <Box key={r.outcome.key} data-testid={`household-visit-${r.task_id}`} data-outcome={stateOf(r)} data-state={r.result?.task_done ? 'done' : ''}>
            <Typography variant="body2">{r.label}</Typography>
            {r.result ? <SentOutcome visit={r.result} /> : <Chip size="small" label={translate('health.household.waiting')} />}
          </Box>
        ))}
      </Stack>
    </Alert>
  );
};

/** The API's field problems of a refused visit, on that member's inputs. */
const fieldErrors = (o: MemberOutcome, translate: ReturnType<typeof useTranslate>): Record<string, string> =>
  Object.fromEntries(fieldProblems(o.status === 'refused' ? o.refusal?.details : undefined).map((d) => [d.field, problemText(translate, d)]));

const HouseholdVisit = ({ household }: { household: HouseholdDetail }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [visitedOn, setVisitedOn] = useState(shanghaiDate());
  const [mode, setMode] = useState<'home' | 'clinic'>('home');
  const [unticked, setUnticked] = useState<Record<string, boolean>>({});
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [answers, setAnswers] = useState<Record<string, Answers>>({});
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const [message, setMessage] = useState<string>();
  /** the last save's visits, a member each */
  const [visits, setVisits] = useState<MemberVisit[]>();
  const { pending } = useOutbox();
  const [busy, setBusy] = useState(false);
  const { canAccess: canVisit = false } = useCanAccess({ resource: 'households', action: 'visit' });

  // a task whose visit waits in the outbox is not offered again
  const waiting = waitingTaskIds(pending);
  const members = household.members.map((m) => ({ ...m, tasks: m.tasks.filter((t) => !waiting.has(t.id)) }));
  const tasks = members.flatMap((m) => m.tasks);
  const chosen = tasks.filter((t) => !unticked[t.id]);
  const nameOf = new Map(household.members.map((m) => [m.id, m.name]));

  const save = async () => {
    setMessage(undefined);
    if (!chosen.length) return setMessage(translate('health.household.nothing'));
    // the readings checked here first (no network needed), then again by the API
    const found: Record<string, Record<string, string>> = {};
    for (const t of chosen) {
      const v = values[t.id] ?? {};
      for (const f of FIELDS_OF[t.type] ?? []) {
        const problem = readingError(t.type, f, v[f], v, translate);
        if (problem) found[t.id] = { ...found[t.id], [f]: problem };
      }
      if (isChronic(t.type)) {
        const missing = answerProblems(answers[t.id] ?? NO_ANSWERS, translate);
        if (Object.keys(missing).length) found[t.id] = { ...found[t.id], ...missing };
      }
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    // each member's visit as the single-visit form posts it: the day and the way being the household visit's
    const entries = chosen.map((t) => {
      const readings = Object.fromEntries(
        (FIELDS_OF[t.type] ?? []).filter((f) => values[t.id]?.[f] !== undefined && values[t.id][f] !== '').map((f) => [f, Number(values[t.id][f])]),
      );
      return {
        task_id: t.id,
        label: `${nameOf.get(t.resident_id) ?? `#${t.resident_id}`} · ${translate(`enums.followup_type.${t.type}`)}`,
        body: {
          resident_id: t.resident_id,
          type: t.type,
          task_id: t.id,
          visited_on: visitedOn,
          mode,
          ...readings,
          ...(isChronic(t.type) && answersBody(answers[t.id] ?? NO_ANSWERS)),
        },
      };
    });
    const online = isReachable();
    setBusy(true);
    try {
      // each kept on the phone first; sent now unless there is no network
      const outcomes = await submitHouseholdVisit(
        entries.map(({ body, label }) => ({ body, label })),
        online,
      );
      const saved = entries.map(({ task_id, label }, i) => ({ task_id, label, outcome: outcomes[i] }));
      setVisits(saved);
      // a member refused now keeps the readings given, its fields named (the others' are recorded or waiting)
      const refused = new Map(saved.filter((v) => v.outcome.status === 'refused').map((v) => [v.task_id, v.outcome]));
      const kept = <T,>(all: Record<string, T>) => Object.fromEntries(Object.entries(all).filter(([id]) => refused.has(id)));
      setValues(kept);
      setAnswers(kept);
      setErrors(Object.fromEntries([...refused].map(([id, o]) => [id, fieldErrors(o, translate)])));
      setUnticked({});
      // no answer for some (sent again now: a lost answer), or no network (sent when it returns)
      if (online && outcomes.some((o) => o.status === 'queued')) void flushOutbox();
      refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1.5}>
      {visits && <MemberOutcomes visits={visits} onClose={() => setVisits(undefined)} />}
      {members.map((m) => (
        <Card key={m.id} variant="outlined" data-testid={`household-member-${m.id}`}>
          <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
              <Typography variant="subtitle1" component={Link} to={`/residents/${m.id}/show`} sx={{ fontWeight: 600 }}>
                {m.name}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {[
                  m.household_relation && translate(`enums.household_relation.${m.household_relation}`),
                  translate(`enums.sex.${m.sex}`),
                  translate('health.household.age', { age: m.age }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            </Stack>
            <Box sx={{ my: 0.5 }}>
              <TagChips tags={m.tags} />
            </Box>
            {m.tasks.length ? (
              m.tasks.map((t) => (
                <TaskEntry
                  key={t.id}
                  task={t}
                  canVisit={canVisit}
                  chosen={!unticked[t.id]}
                  values={values[t.id] ?? {}}
                  answers={answers[t.id] ?? NO_ANSWERS}
                  errors={errors[t.id] ?? {}}
                  onChoose={(on) => setUnticked((u) => ({ ...u, [t.id]: !on }))}
                  onValue={(f, v) => setValues((all) => ({ ...all, [t.id]: { ...all[t.id], [f]: v } }))}
                  onAnswers={(a) => {
                    setAnswers((all) => ({ ...all, [t.id]: a }));
                    // once a save has named what is missing, the answers are checked again as they are given
                    setErrors((all) => (all[t.id] ? { ...all, [t.id]: { ...readingErrorsOnly(all[t.id]), ...answerProblems(a, translate) } } : all));
                  }}
                />
              ))
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate('health.household.no_tasks')}
              </Typography>
            )}
          </CardContent>
        </Card>
      ))}
      {canVisit && tasks.length > 0 && (
        <Card>
          <CardContent>
            <Typography variant="subtitle1" gutterBottom>
              {translate('health.household.visit')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mb: 1.5 }}>
              <MuiTextField
                size="small"
                type="date"
                label={translate('resources.followups.fields.visited_on')}
                value={visitedOn}
                onChange={(e) => setVisitedOn(e.target.value)}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: shanghaiDate() } }}
                sx={{ flex: 1 }}
              />
              <MuiTextField
                select
                size="small"
                label={translate('resources.followups.fields.mode')}
                value={mode}
                onChange={(e) => setMode(e.target.value as 'home' | 'clinic')}
                sx={{ flex: 1 }}
              >
                {(['home', 'clinic'] as const).map((v) => (
                  <MenuItem key={v} value={v}>
                    {translate(`enums.followup_mode.${v}`)}
                  </MenuItem>
                ))}
              </MuiTextField>
            </Stack>
            {message && (
              <Alert severity="error" sx={{ mb: 1 }} data-testid="household-error">
                {message}
              </Alert>
            )}
            <Button variant="contained" size="large" fullWidth disabled={busy} onClick={() => void save()} data-testid="household-save">
              {translate('health.household.save', { n: chosen.length })}
            </Button>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
};

const Body = () => {
  const record = useRecordContext<HouseholdDetail>();
  const translate = useTranslate();
  if (!record) return <Loading />;
  return (
    <Stack spacing={1.5} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 720 }}>
      <Box>
        <Typography variant="h6" data-testid="household-code">
          {record.code}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {record.address ? `${record.address} · ` : ''}
          <ReferenceField record={record} source="org_unit_id" reference="org-units" link={false} />
        </Typography>
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate('health.household.members', { n: record.members.length })}
        </Typography>
      </Box>
      <HouseholdVisit household={record} />
    </Stack>
  );
};

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const HouseholdShow = () => (
  <Show actions={<Actions />}>
    <Body />
  </Show>
);
