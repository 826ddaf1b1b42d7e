import {
  AutocompleteInput, BooleanField, Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, SimpleList,
  TextField, useTranslate,
} from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { DEPARTMENT_KIND_CHOICES } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="org_unit_id" source="org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={DEPARTMENT_KIND_CHOICES} />,
];

export const DepartmentList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters}>
      {isSmall ? (
        <SimpleList
          primaryText={(department) => department.name}
          secondaryText={(department) => translate(`enums.department_kind.${department.kind}`)}
          linkType="edit"
        />
      ) : (
        <Datagrid rowClick="edit">
          <ReferenceField source="org_unit_id" reference="org-units" link="show" />
          <TextField source="name" />
          <SelectField source="kind" choices={DEPARTMENT_KIND_CHOICES} />
          <BooleanField source="active" />
        </Datagrid>
      )}
    </List>
  );
};
