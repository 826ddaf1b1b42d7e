// 质量检查: a committee inspects a member unit, or one unit another (交叉检查); the inspector scores
// the checklist item by item and completes the inspection, and records findings with severity,
// owner and deadline. Also the checklists (检查评分表) the inspections score.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  Form,
  FunctionField,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { Show } from '../../shared/fullRecord';
import { can, dropEmpty } from '../../finance/api';
import { useAct } from '../useAct';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { shanghaiDate } from '../../shared/time';
import { storedUser } from '../../session';
import { INSPECTION_KIND_CHOICES, INSPECTION_STATUS_CHOICES, SEVERITY_CHOICES } from '../choices';
import type { ChecklistRecord, InspectionPage } from '../records';

type InspectionRow = Omit<InspectionPage, 'items' | 'findings'>;

const columns: Column<InspectionRow>[] = [
  { source: 'id', kind: 'text' },
  { source: 'inspected_on', kind: 'date' },
  { source: 'kind', kind: 'choice', choices: INSPECTION_KIND_CHOICES },
  { source: 'committee_id', kind: 'reference', reference: 'committees' },
  { source: 'inspector_org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'status', kind: 'choice', choices: INSPECTION_STATUS_CHOICES },
  { source: 'score', kind: 'number' },
];

export const InspectionList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List
      filters={[
        <SelectInput key="kind" source="kind" choices={INSPECTION_KIND_CHOICES} alwaysOn />,
        <SelectInput key="status" source="status" choices={INSPECTION_STATUS_CHOICES} alwaysOn />,
        <ReferenceInput key="u" source="org_unit_id" reference="org-units" alwaysOn>
          <AutocompleteInput />
        </ReferenceInput>,
      ]}
      sort={{ field: 'inspected_on', order: 'DESC' }}
      actions={<ListActions columns={columns} />}
    >
      {isSmall ? (
        <SimpleList<InspectionRow>
          primaryText={(r) => <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />}
          secondaryText={(r) => `${r.inspected_on} · ${translate(`enums.inspection_kind.${r.kind}`)}`}
          tertiaryText={(r) => r.score ?? translate(`enums.inspection_status.${r.status}`)}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns)}
        </Datagrid>
      )}
    </List>
  );
};

/** The committee or the inspecting unit, by the kind chosen. */
const InspectorInput = () => {
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  return kind === 'cross' ? (
    <ReferenceInput source="inspector_org_unit_id" reference="org-units">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
  ) : (
    <ReferenceInput source="committee_id" reference="committees" filter={{ active: true }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
  );
};

const inspectionPayload = (d: Record<string, unknown>) =>
  dropEmpty({
    kind: d.kind,
    committee_id: d.kind === 'committee' ? d.committee_id : undefined,
    inspector_org_unit_id: d.kind === 'cross' ? d.inspector_org_unit_id : undefined,
    org_unit_id: d.org_unit_id,
    checklist_id: d.checklist_id,
    inspected_on: d.inspected_on,
    summary: d.summary,
  });

export const InspectionCreate = () => {
  const cross = !can('quality-inspections', 'edit'); // a unit's director inspects in a cross-inspection for his unit
  return (
    <Create redirect="show" transform={inspectionPayload}>
      <SimpleForm
        defaultValues={{
          kind: cross ? 'cross' : 'committee',
          inspected_on: shanghaiDate(),
          inspector_org_unit_id: cross ? storedUser()?.org_unit.id : undefined,
        }}
      >
        <SelectInput source="kind" choices={INSPECTION_KIND_CHOICES} validate={required()} />
        <InspectorInput />
        <ReferenceInput source="org_unit_id" reference="org-units">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="checklist_id" reference="checklists" filter={{ active: true }}>
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <DateInput source="inspected_on" validate={required()} />
        <TextInput source="summary" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
};

/** The checklist's items with their scores; the inspector types them while the inspection is open. */
const Scoring = () => {
  const record = useRecordContext<InspectionPage>();
  const translate = useTranslate();
  const notify = useNotify();
  const act = useAct();
  const [typed, setTyped] = useState<Record<number, string>>({});
  if (!record) return null;
  const open = record.status === 'open' && can('quality-inspections', 'score');
  const t = (k: string) => translate(`quality.inspection.${k}`);
  const value = (itemId: number, given: string | null) => typed[itemId] ?? given ?? '';
  const save = () =>
    act(
      `/quality-inspections/${record.id}/scores`,
      { scores: record.items.filter((it) => value(it.item_id, it.score) !== '').map((it) => ({ item_id: it.item_id, score: value(it.item_id, it.score) })) },
      () => {
        setTyped({});
        notify(t('saved'));
      },
    );
  const complete = () => act(`/quality-inspections/${record.id}/complete`, {});
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{t('items')}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('seq')}</TableCell>
              <TableCell>{translate('resources.checklists.fields.title')}</TableCell>
              <TableCell align="right">{translate('resources.checklists.fields.max_score')}</TableCell>
              <TableCell align="right">{translate('resources.quality-inspections.fields.score')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.items.map((it) => (
              <TableRow key={it.item_id}>
                <TableCell>{it.seq}</TableCell>
                <TableCell>{it.title}</TableCell>
                <TableCell align="right">{it.max_score}</TableCell>
                <TableCell align="right">
                  {open ? (
                    <MuiTextField
                      size="small"
                      type="number"
                      value={value(it.item_id, it.score)}
                      onChange={(e) => setTyped({ ...typed, [it.item_id]: e.target.value })}
                      sx={{ width: 100 }}
                      slotProps={{ htmlInput: { min: 0, max: Number(it.max_score), step: 0.5, 'data-testid': `score-${it.seq}` } }}
                    />
                  ) : (
                    (it.score ?? '—')
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {open && (
          <Stack direction="row" sx={{ gap: 1, mt: 2 }}>
            <Button variant="outlined" onClick={save} disabled={!Object.keys(typed).length} data-testid="save-scores">
              {t('save_scores')}
            </Button>
            <Button variant="contained" onClick={complete} disabled={!!Object.keys(typed).length} data-testid="complete-inspection">
              {t('complete')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

/** The inspection's findings, each linked to its page, overdue ones in red; the inspector records more. */
const Findings = () => {
  const record = useRecordContext<InspectionPage>();
  const translate = useTranslate();
  const act = useAct();
  const [adding, setAdding] = useState(false);
  if (!record) return null;
  const f = (k: string) => translate(`resources.quality-findings.fields.${k}`);
  const submit = (d: Record<string, unknown>) =>
    act(
      '/quality-findings',
      dropEmpty({ inspection_id: record.id, severity: d.severity, title: d.title, description: d.description, deadline: d.deadline }),
      () => setAdding(false),
    );
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('quality.inspection.findings')}</Typography>
        <Table size="small" data-testid="inspection-findings">
          <TableHead>
            <TableRow>
              <TableCell>{f('title')}</TableCell>
              <TableCell>{f('severity')}</TableCell>
              <TableCell>{f('deadline')}</TableCell>
              <TableCell>{f('status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.findings.map((x) => (
              <TableRow key={x.id} data-testid={`finding-row-${x.id}`}>
                <TableCell>
                  <Link to={`/quality-findings/${x.id}/show`}>{x.title}</Link>
                </TableCell>
                <TableCell>{translate(`enums.finding_severity.${x.severity}`)}</TableCell>
                <TableCell sx={x.overdue ? { color: 'error.main', fontWeight: 'bold' } : undefined}>
                  {x.deadline}
                  {x.overdue ? ` · ${translate('quality.finding.overdue')}` : ''}
                </TableCell>
                <TableCell>{translate(`enums.finding_status.${x.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {can('quality-findings', 'create') &&
          (adding ? (
            <Form onSubmit={submit} defaultValues={{ severity: 'minor' }}>
              <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 1, mt: 2, alignItems: { md: 'center' } }}>
                <TextInput source="title" label={f('title')} validate={required()} sx={{ minWidth: 260 }} />
                <SelectInput source="severity" label={f('severity')} choices={SEVERITY_CHOICES} validate={required()} />
                <DateInput source="deadline" label={f('deadline')} validate={required()} />
                <Button type="submit" variant="contained" data-testid="save-finding">
                  {translate('ra.action.save')}
                </Button>
              </Stack>
            </Form>
          ) : (
            <Button sx={{ mt: 1 }} onClick={() => setAdding(true)} data-testid="add-finding">
              {translate('quality.inspection.add_finding')}
            </Button>
          ))}
      </CardContent>
    </Card>
  );
};

export const InspectionShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="kind" choices={INSPECTION_KIND_CHOICES} />
      <ReferenceField source="committee_id" reference="committees" emptyText="—" />
      <ReferenceField source="inspector_org_unit_id" reference="org-units" emptyText="—" />
      <ReferenceField source="org_unit_id" reference="org-units" />
      <DateField source="inspected_on" />
      <SelectField source="status" choices={INSPECTION_STATUS_CHOICES} />
      <FunctionField<InspectionPage> source="score" render={(r) => <span data-testid="inspection-score">{r.score ?? '—'}</span>} />
      <TextField source="summary" emptyText="—" />
      <Scoring />
      <Findings />
    </SimpleShowLayout>
  </Show>
);

// ---- checklists ---------------------------------------------------------------------------------------

const Items = () => {
  const r = useRecordContext<ChecklistRecord>();
  if (!r) return null;
  return (
    <Stack>
      {r.items.map((it) => (
        <Typography key={it.id} variant="body2">
          {it.seq}. {it.title}（{it.max_score}）
        </Typography>
      ))}
    </Stack>
  );
};

const checklistColumns: Column<ChecklistRecord>[] = [
  { source: 'name', kind: 'text' },
  { source: 'committee_id', kind: 'reference', reference: 'committees' },
  { source: 'items', kind: 'computed', value: (r) => String(r.items.length), sortable: false },
  { source: 'max_total', kind: 'text', sortable: false },
  { source: 'active', kind: 'bool' },
];

export const ChecklistList = () => {
  const isSmall = useIsSmall();
  return (
    <List sort={{ field: 'id', order: 'ASC' }} actions={<ListActions columns={checklistColumns} />}>
      {isSmall ? (
        <SimpleList<ChecklistRecord> primaryText={(r) => r.name} secondaryText={(r) => r.max_total} />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick="expand" expand={<Items />}>
          {columnFields(checklistColumns)}
        </Datagrid>
      )}
    </List>
  );
};

export const ChecklistCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list" transform={(d: Record<string, unknown>) => ({ ...dropEmpty({ name: d.name, committee_id: d.committee_id }), items: d.items })}>
      <SimpleForm defaultValues={{ items: [{ title: '', max_score: 10 }] }}>
        <TextInput source="name" validate={required()} fullWidth />
        <ReferenceInput source="committee_id" reference="committees">
          <AutocompleteInput />
        </ReferenceInput>
        <Alert severity="info">{translate('resources.checklists.fields.items')}</Alert>
        <ArrayInput source="items" label={false}>
          <SimpleFormIterator inline>
            <TextInput source="title" label="resources.checklists.fields.title" validate={required()} sx={{ minWidth: 320 }} />
            <NumberInput source="max_score" label="resources.checklists.fields.max_score" validate={required()} min={0.5} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
