import {
  AutocompleteInput, BooleanField, Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, SimpleList, TextField,
} from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { RoleChips } from './RoleChips';
import { ROLE_CHOICES } from './roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" label="resources.users.fields.roles" choices={ROLE_CHOICES} />,
  <ReferenceInput key="org_unit_id" source="org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
];

export const UserList = () => {
  const isSmall = useIsSmall();
  return (
    <List filters={filters}>
      {isSmall ? (
        <SimpleList primaryText={(user) => user.display_name} secondaryText={(user) => user.username} linkType="edit" />
      ) : (
        <Datagrid rowClick="edit">
          <TextField source="username" />
          <TextField source="display_name" />
          <RoleChips label="resources.users.fields.roles" />
          <ReferenceField source="org_unit_id" reference="org-units" link="show" />
          <BooleanField source="active" />
        </Datagrid>
      )}
    </List>
  );
};
