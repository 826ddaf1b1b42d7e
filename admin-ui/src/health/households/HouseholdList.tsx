// 家庭档案: the village's households — code, address, head, members, how many tasks a visit could
// do today; search by code or address, by a member's name, only those with tasks due. Phones get a
// simple list; a tap opens the household page with its one-save visit.
import { BooleanInput, Create, Datagrid, List, SearchInput, SimpleForm, SimpleList, TextInput, required, useTranslate } from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { useIsSmall } from '../../shared/useIsSmall';
import type { HouseholdRecord } from '../records';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <TextInput key="member" source="member" alwaysOn />, <BooleanInput key="due" source="due" />];

const columns: Column<HouseholdRecord>[] = [
  { source: 'code', kind: 'text' },
  { source: 'head_name', kind: 'text', sortable: false },
  { source: 'address', kind: 'text' },
  { source: 'member_count', kind: 'number', sortable: false },
  { source: 'due_count', kind: 'number', sortable: false },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units', field: 'name' },
];

export const HouseholdList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<HouseholdRecord>
          primaryText={(h) => `${h.code} · ${h.head_name ?? ''}`}
          secondaryText={(h) => h.address ?? ''}
          tertiaryText={(h) =>
            `${translate('resources.households.fields.member_count')} ${h.member_count} · ${translate('resources.households.fields.due_count')} ${h.due_count}`
          }
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

const Fields = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="address" fullWidth />
  </>
);

export const HouseholdCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <Fields />
    </SimpleForm>
  </Create>
);

export const HouseholdEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <SimpleForm>
      <Fields />
    </SimpleForm>
  </Edit>
);
