import { AutocompleteInput, Datagrid, List, ReferenceInput, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { codeLabels, type Column } from '../../shared/exporter';
import { useIsSmall } from '../../shared/useIsSmall';
import type { UserRecord } from '../../shared/records';
import { RoleChips } from './RoleChips';
import { ROLE_CHOICES } from './roles';
import { useEditLink } from '../../shared/useAccess';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" label="resources.users.fields.roles" choices={ROLE_CHOICES} />,
  <ReferenceInput key="org_unit_id" source="org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
];

const columns: Column<UserRecord>[] = [
  { source: 'username', kind: 'text' },
  { source: 'display_name', kind: 'text' },
  { source: 'roles', kind: 'computed', sortable: false, value: (u, translate) => codeLabels(u.roles, 'enums.role', translate) },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units', link: 'show' },
  { source: 'active', kind: 'bool' },
];

export const UserList = () => {
  const rowClick = useEditLink('users');
  const isSmall = useIsSmall();
  return (
    <List filters={filters} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<UserRecord> primaryText={(user) => user.display_name} secondaryText={(user) => user.username} linkType={rowClick} />
      ) : (
        <Datagrid rowClick={rowClick}>{columnFields(columns, { roles: <RoleChips label="resources.users.fields.roles" /> })}</Datagrid>
      )}
    </List>
  );
};
