// 家庭医生团队: led from a township centre by a general practitioner, serving villages, with the
// village doctors of those villages as members.
import { Chip, Stack } from '@mui/material';
import {
  ArrayField,
  ArrayInput,
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  FunctionField,
  List,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useRecordContext,
} from 'react-admin';
import { Edit, Show } from '../../shared/fullRecord';
import { useWatch } from 'react-hook-form';
import { MEMBER_ROLE_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import type { OrgUnitRecord, UserRecord } from '../../shared/records';
import type { TeamRecord } from '../records';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const columns: Column<TeamRecord>[] = [
  { source: 'code', kind: 'text' },
  { source: 'name', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'leader_name', kind: 'text', sortable: false },
  { source: 'member_count', kind: 'number', sortable: false },
  { source: 'active_contracts', kind: 'number', sortable: false },
  { source: 'active', kind: 'bool' },
];

export const TeamList = () => {
  const isSmall = useIsSmall();
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<TeamRecord>
          primaryText={(t) => t.name}
          secondaryText={(t) => t.leader_name ?? ''}
          tertiaryText={(t) => String(t.active_contracts)}
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

const Villages = () => {
  const record = useRecordContext<TeamRecord>();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {record?.village_ids.map((id) => (
        <ReferenceField key={id} record={{ id }} source="id" reference="org-units" link={false}>
          <FunctionField<OrgUnitRecord> render={(u) => <Chip size="small" label={u.name} />} />
        </ReferenceField>
      ))}
    </Stack>
  );
};

export const TeamShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <FunctionField source="village_ids" render={() => <Villages />} />
      <ArrayField source="members">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="display_name" label="resources.family-doctor-teams.fields.display_name" />
          <TextField source="username" label="resources.family-doctor-teams.fields.username" />
          <SelectField source="role" choices={MEMBER_ROLE_CHOICES} label="resources.family-doctor-teams.fields.role" />
          <BooleanField source="is_leader" label="resources.family-doctor-teams.fields.is_leader" />
        </Datagrid>
      </ArrayField>
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

/** Villages and users offered are those under the chosen township centre. */
const TeamFields = ({ creating }: { creating?: boolean }) => {
  const township = useWatch({ name: 'org_unit_id' }) as number | undefined;
  return (
    <>
      <ReferenceInput source="org_unit_id" reference="org-units" filter={{ level: 3 }}>
        <SelectInput optionText="name" validate={required()} disabled={!creating} />
      </ReferenceInput>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} />
      <ReferenceArrayInput source="village_ids" reference="org-units" filter={{ parent_id: township ?? 0, kind: 'village' }} perPage={100}>
        <SelectArrayInput optionText="name" validate={required()} />
      </ReferenceArrayInput>
      <ArrayInput source="members" validate={required()}>
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput source="user_id" reference="users">
            <AutocompleteInput
              optionText={(u: UserRecord) => `${u.display_name} (${u.username})`}
              filterToQuery={(q: string) => ({ q })}
              validate={required()}
            />
          </ReferenceInput>
          <SelectInput source="role" choices={MEMBER_ROLE_CHOICES} validate={required()} />
          <BooleanInput source="is_leader" />
        </SimpleFormIterator>
      </ArrayInput>
      <BooleanInput source="active" defaultValue />
    </>
  );
};

export const TeamCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <TeamFields creating />
    </SimpleForm>
  </Create>
);

export const TeamEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <SimpleForm>
      <TeamFields />
    </SimpleForm>
  </Edit>
);
