// 专业委员会: the group's professional committees and management departments; a committee's page
// holds its members (people of the HR registry, added here) and its meetings and training sessions.
import { useState } from 'react';
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  Form,
  List,
  NumberInput,
  ReferenceInput,
  ReferenceManyField,
  SelectField,
  SelectInput,
  SimpleForm,
  SimpleList,
  TabbedShowLayout,
  TextField,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Edit, Show } from '../../shared/fullRecord';
import { can, dropEmpty } from '../../finance/api';
import { useAct } from '../useAct';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { COMMITTEE_KIND_CHOICES, COMMITTEE_ROLE_CHOICES, MEETING_KIND_CHOICES } from '../choices';
import type { CommitteeRecord, MeetingRecord } from '../records';

const columns: Column<CommitteeRecord>[] = [
  { source: 'name', kind: 'text' },
  { source: 'kind', kind: 'choice', choices: COMMITTEE_KIND_CHOICES },
  { source: 'member_count', kind: 'number', sortable: false },
  { source: 'remit', kind: 'text', sortable: false },
  { source: 'active', kind: 'bool' },
];

export const CommitteeList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List
      filters={[
        <SelectInput key="kind" source="kind" choices={COMMITTEE_KIND_CHOICES} alwaysOn />,
        <TextInput key="q" source="q" label="ra.action.search" alwaysOn />,
      ]}
      sort={{ field: 'id', order: 'ASC' }}
      actions={<ListActions columns={columns} />}
    >
      {isSmall ? (
        <SimpleList<CommitteeRecord>
          primaryText={(r) => r.name}
          secondaryText={(r) => `${translate(`enums.committee_kind.${r.kind}`)} · ${r.member_count}`}
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

const CommitteeForm = () => (
  <SimpleForm defaultValues={{ kind: 'committee', active: true }}>
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="kind" choices={COMMITTEE_KIND_CHOICES} validate={required()} />
    <TextInput source="remit" multiline fullWidth />
    <BooleanInput source="active" />
  </SimpleForm>
);
const committeePayload = (d: Record<string, unknown>) => dropEmpty({ name: d.name, kind: d.kind, remit: d.remit, active: d.active });
export const CommitteeCreate = () => (
  <Create redirect="show" transform={committeePayload}>
    <CommitteeForm />
  </Create>
);
export const CommitteeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={committeePayload}>
    <CommitteeForm />
  </Edit>
);

/** Adds a person of the HR registry to the committee with a role. */
const AddMember = () => {
  const record = useRecordContext<CommitteeRecord>();
  const translate = useTranslate();
  const act = useAct();
  if (!record || !can('committee-members', 'create')) return null;
  const submit = (d: Record<string, unknown>) => act('/committee-members', { committee_id: record.id, staff_id: d.staff_id, role: d.role ?? 'member' });
  return (
    <Form onSubmit={submit} defaultValues={{ role: 'member' }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'center' } }}>
        <ReferenceInput source="staff_id" reference="staff">
          <AutocompleteInput label="resources.committee-members.fields.staff_id" validate={required()} sx={{ minWidth: 240 }} />
        </ReferenceInput>
        <SelectInput source="role" label="resources.committee-members.fields.role" choices={COMMITTEE_ROLE_CHOICES} validate={required()} />
        <Button type="submit" variant="contained" data-testid="add-member">
          {translate('ra.action.add')}
        </Button>
      </Stack>
    </Form>
  );
};

/** Records a meeting or training session with its minutes and decisions. */
const AddMeeting = () => {
  const record = useRecordContext<CommitteeRecord>();
  const translate = useTranslate();
  const act = useAct();
  const [open, setOpen] = useState(false);
  if (!record || !can('committee-meetings', 'create')) return null;
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} data-testid="add-meeting">
        {translate('ra.action.create')}
      </Button>
    );
  const submit = (d: Record<string, unknown>) => act('/committee-meetings', dropEmpty({ ...d, committee_id: record.id }), () => setOpen(false));
  return (
    <Card variant="outlined">
      <CardContent>
        <Form onSubmit={submit} defaultValues={{ kind: 'meeting' }}>
          <Stack sx={{ gap: 1 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1 }}>
              <SelectInput source="kind" label="resources.committee-meetings.fields.kind" choices={MEETING_KIND_CHOICES} validate={required()} />
              <DateInput source="held_on" label="resources.committee-meetings.fields.held_on" validate={required()} />
              <NumberInput source="attendees" label="resources.committee-meetings.fields.attendees" min={0} />
            </Stack>
            <TextInput source="topic" label="resources.committee-meetings.fields.topic" validate={required()} fullWidth />
            <TextInput source="minutes" label="resources.committee-meetings.fields.minutes" multiline fullWidth />
            <TextInput source="decisions" label="resources.committee-meetings.fields.decisions" multiline fullWidth />
            <Stack direction="row" sx={{ gap: 1 }}>
              <Button type="submit" variant="contained">
                {translate('ra.action.save')}
              </Button>
              <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            </Stack>
          </Stack>
        </Form>
      </CardContent>
    </Card>
  );
};

const Minutes = () => {
  const m = useRecordContext<MeetingRecord>();
  if (!m) return null;
  return (
    <Stack sx={{ py: 0.5 }}>
      <Typography variant="body2">{m.minutes}</Typography>
      {m.decisions && (
        <Typography variant="body2" color="text.secondary">
          {m.decisions}
        </Typography>
      )}
    </Stack>
  );
};

export const CommitteeShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.committees.fields.members">
        <TextField source="name" />
        <SelectField source="kind" choices={COMMITTEE_KIND_CHOICES} />
        <TextField source="remit" />
        <ReferenceManyField
          reference="committee-members"
          target="committee_id"
          label="resources.committees.fields.members"
          sort={{ field: 'id', order: 'ASC' }}
        >
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<></>}>
            <TextField source="staff_name" label="resources.committee-members.fields.staff_name" sortable={false} />
            <SelectField source="role" label="resources.committee-members.fields.role" choices={COMMITTEE_ROLE_CHOICES} sortable={false} />
            <DateField source="joined_on" label="resources.committee-members.fields.joined_on" sortable={false} />
          </Datagrid>
        </ReferenceManyField>
        <AddMember />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.committees.fields.meetings" path="meetings">
        <ReferenceManyField reference="committee-meetings" target="committee_id" label={false} sort={{ field: 'held_on', order: 'DESC' }}>
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<></>} expand={<Minutes />}>
            <DateField source="held_on" label="resources.committee-meetings.fields.held_on" />
            <SelectField source="kind" label="resources.committee-meetings.fields.kind" choices={MEETING_KIND_CHOICES} />
            <TextField source="topic" label="resources.committee-meetings.fields.topic" />
            <TextField source="attendees" label="resources.committee-meetings.fields.attendees" />
          </Datagrid>
        </ReferenceManyField>
        <AddMeeting />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

// ---- the meetings of every committee ------------------------------------------------------------

const meetingColumns: Column<MeetingRecord>[] = [
  { source: 'held_on', kind: 'date' },
  { source: 'committee_id', kind: 'reference', reference: 'committees' },
  { source: 'kind', kind: 'choice', choices: MEETING_KIND_CHOICES },
  { source: 'topic', kind: 'text' },
  { source: 'decisions', kind: 'text', sortable: false },
  { source: 'attendees', kind: 'number' },
];

export const MeetingList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      filters={[
        <ReferenceInput key="c" source="committee_id" reference="committees" alwaysOn>
          <AutocompleteInput />
        </ReferenceInput>,
        <SelectInput key="kind" source="kind" choices={MEETING_KIND_CHOICES} alwaysOn />,
      ]}
      sort={{ field: 'held_on', order: 'DESC' }}
      actions={<ListActions columns={meetingColumns} />}
    >
      {isSmall ? (
        <SimpleList<MeetingRecord> primaryText={(r) => r.topic} secondaryText={(r) => r.held_on} />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={false} expand={<Minutes />}>
          {columnFields(meetingColumns)}
        </Datagrid>
      )}
    </List>
  );
};
