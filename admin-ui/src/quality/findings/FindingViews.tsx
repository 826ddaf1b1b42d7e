// 问题整改: every finding with its owner unit and deadline, those open past it in red; a finding's
// page holds its timeline (登记 → 报告整改 → 验证销号 / 退回整改, 逾期上报) and the step the caller may take:
// the owner unit reports its rectification with evidence (files: a photo or a scan, added while it
// rectifies), the inspector verifies or sends it back.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { httpClient } from '../../httpClient';
import { downloadReport } from '../../finance/download';
import { Show } from '../../shared/fullRecord';
import { useAct } from '../useAct';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { formatTime } from '../../shared/time';
import { FINDING_STATUS_CHOICES, SEVERITY_CHOICES } from '../choices';
import type { FindingPage, FindingRecord } from '../records';

/** A deadline in red, with 已逾期, when the finding is open past it. */
const Deadline = () => (
  <FunctionField<FindingRecord>
    source="deadline"
    render={(r) => (
      <Typography
        variant="body2"
        component="span"
        sx={r.overdue ? { color: 'error.main', fontWeight: 'bold' } : undefined}
        data-testid={r.overdue ? `overdue-${r.id}` : undefined}
      >
        {r.deadline}
        {r.overdue ? <OverdueMark /> : null}
      </Typography>
    )}
  />
);
const OverdueMark = () => <> · {useTranslate()('quality.finding.overdue')}</>;

const columns: Column<FindingRecord>[] = [
  { source: 'id', kind: 'text' },
  { source: 'title', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'severity', kind: 'choice', choices: SEVERITY_CHOICES },
  { source: 'deadline', kind: 'date' },
  { source: 'overdue', kind: 'bool', sortable: false },
  { source: 'status', kind: 'choice', choices: FINDING_STATUS_CHOICES },
  { source: 'escalated_at', kind: 'datetime' },
];

export const FindingList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List
      filters={[
        <SelectInput key="status" source="status" choices={FINDING_STATUS_CHOICES} alwaysOn />,
        <SelectInput key="severity" source="severity" choices={SEVERITY_CHOICES} alwaysOn />,
        <BooleanInput key="overdue" source="overdue" alwaysOn />,
        <ReferenceInput key="u" source="org_unit_id" reference="org-units">
          <AutocompleteInput />
        </ReferenceInput>,
        <TextInput key="q" source="q" label="ra.action.search" />,
      ]}
      sort={{ field: 'deadline', order: 'ASC' }}
      actions={<ListActions columns={columns} />}
    >
      {isSmall ? (
        <SimpleList<FindingRecord>
          primaryText={(r) => r.title}
          secondaryText={(r) => `${translate(`enums.finding_severity.${r.severity}`)} · ${translate(`enums.finding_status.${r.status}`)}`}
          tertiaryText={(r) => (r.overdue ? `${r.deadline} ${translate('quality.finding.overdue')}` : r.deadline)}
          rowSx={(r) => (r.overdue ? { color: 'error.main' } : {})}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => ((r as FindingRecord).overdue ? { bgcolor: 'rgba(211,47,47,0.06)' } : {})}>
          {columnFields(columns, { deadline: <Deadline /> })}
        </Datagrid>
      )}
    </List>
  );
};

/** The step the caller may take now, with the text it needs. */
const Step = () => {
  const record = useRecordContext<FindingPage>();
  const translate = useTranslate();
  const run = useAct();
  const [rectification, setRectification] = useState('');
  const [evidence, setEvidence] = useState('');
  const [text, setText] = useState('');
  if (!record || !record.actions.length) return null;
  const t = (k: string) => translate(`quality.finding.${k}`);
  const f = (k: string) => translate(`resources.quality-findings.fields.${k}`);
  const act = (verb: string, body: object) =>
    run(`/quality-findings/${record.id}/${verb}`, body, () => {
      setRectification('');
      setEvidence('');
      setText('');
    });
  const may = (a: 'report' | 'verify' | 'reject') => record.actions.includes(a);
  return (
    <Card variant="outlined" sx={{ borderColor: 'warning.main' }} data-testid="finding-step">
      <CardContent>
        {may('report') && (
          <Stack sx={{ gap: 1 }}>
            <MuiTextField
              label={f('rectification')}
              multiline
              value={rectification}
              onChange={(e) => setRectification(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'rectification' } }}
            />
            <MuiTextField
              label={f('evidence')}
              multiline
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'evidence' } }}
            />
            <Button
              variant="contained"
              disabled={!rectification.trim()}
              onClick={() => act('report', { rectification, ...(evidence.trim() ? { evidence } : {}) })}
              data-testid="finding-report"
            >
              {t('report')}
            </Button>
          </Stack>
        )}
        {(may('verify') || may('reject')) && (
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'center' } }}>
            <MuiTextField
              size="small"
              label={`${t('note')} / ${t('reason')}`}
              value={text}
              onChange={(e) => setText(e.target.value)}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { 'data-testid': 'finding-text' } }}
            />
            <Button variant="contained" color="success" onClick={() => act('verify', text.trim() ? { note: text } : {})} data-testid="finding-verify">
              {t('verify')}
            </Button>
            <Button variant="outlined" color="error" disabled={!text.trim()} onClick={() => act('reject', { reason: text })} data-testid="finding-reject">
              {t('reject')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

const Timeline = () => {
  const record = useRecordContext<FindingPage>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('quality.finding.timeline')}</Typography>
        {record.events.map((e) => (
          <Typography key={e.id} variant="body2" data-testid={`event-${e.kind}`} sx={e.kind === 'escalate' ? { color: 'error.main' } : undefined}>
            {formatTime(e.at)} · {translate(`quality.finding.event.${e.kind}`)} · {e.actor_name}
            {e.note && e.kind !== 'escalate' ? `：${e.note}` : ''}
          </Typography>
        ))}
      </CardContent>
    </Card>
  );
};

/** The rectification's evidence files (opened with the caller's token); the owner unit adds one while it rectifies. */
const Files = () => {
  const record = useRecordContext<FindingPage>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const t = (k: string) => translate(`quality.finding.${k}`);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file, file.name);
    setBusy(true);
    try {
      await httpClient(`/api/quality-findings/${record.id}/files`, { method: 'POST', body });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card variant="outlined" data-testid="finding-files">
      <CardContent>
        <Typography variant="subtitle1">{t('files')}</Typography>
        {!record.files.length && <Typography color="text.secondary">—</Typography>}
        {record.files.map((f) => (
          <Box key={f.id}>
            <Button
              size="small"
              onClick={() => downloadReport(`/quality-findings/${record.id}/files/${f.id}`, f.filename).catch((e) => notify(String(e), { type: 'error' }))}
            >
              {f.filename}
            </Button>
            <Typography component="span" variant="body2" color="text.secondary">
              {Math.ceil(f.size / 1024)} KB · {f.uploaded_by_name} · {formatTime(f.uploaded_at)}
            </Typography>
          </Box>
        ))}
        {record.may_attach && (
          <Button component="label" size="small" variant="outlined" startIcon={<UploadFileIcon />} disabled={busy} sx={{ mt: 1 }}>
            {t('add_file')}
            <input hidden type="file" accept=".png,.jpg,.jpeg,.pdf" data-testid="finding-file" onChange={(e) => void upload(e.target.files?.[0])} />
          </Button>
        )}
      </CardContent>
    </Card>
  );
};

const Escalated = () => {
  const record = useRecordContext<FindingPage>();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return (
    <Alert severity="error" data-testid="finding-overdue">
      {translate(record.escalated_at ? 'quality.finding.escalated' : 'quality.finding.overdue')}
    </Alert>
  );
};

export const FindingShow = () => (
  <Show>
    <SimpleShowLayout>
      <Escalated />
      <TextField source="title" />
      <ReferenceField source="inspection_id" reference="quality-inspections" link="show">
        <FunctionField render={(r: { id: number; inspected_on: string }) => `#${r.id} ${r.inspected_on}`} />
      </ReferenceField>
      <ReferenceField source="org_unit_id" reference="org-units" />
      <SelectField source="severity" choices={SEVERITY_CHOICES} />
      <DateField source="deadline" />
      <FunctionField<FindingPage> source="status" render={(r) => <StatusText status={r.status} />} />
      <TextField source="description" emptyText="—" />
      <TextField source="rectification" emptyText="—" />
      <TextField source="evidence" emptyText="—" />
      <Files />
      <NumberField source="rejections" />
      <Timeline />
      <Step />
    </SimpleShowLayout>
  </Show>
);

const StatusText = ({ status }: { status: string }) => <span data-testid="finding-status">{useTranslate()(`enums.finding_status.${status}`)}</span>;
