import { BooleanField, Datagrid, List, ReferenceField, SearchInput, SelectField, SelectInput, SimpleList, TextField, useTranslate } from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { UNIT_KIND_CHOICES, UNIT_LEVEL_CHOICES } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={UNIT_KIND_CHOICES} />,
  <SelectInput key="level" source="level" choices={UNIT_LEVEL_CHOICES} />,
];

export const OrgUnitList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'path', order: 'ASC' }}>
      {isSmall ? (
        <SimpleList
          primaryText={(unit) => unit.name}
          secondaryText={(unit) => translate(`enums.unit_kind.${unit.kind}`)}
          tertiaryText={(unit) => unit.code}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show">
          <TextField source="code" />
          <TextField source="name" />
          <SelectField source="kind" choices={UNIT_KIND_CHOICES} />
          <SelectField source="level" choices={UNIT_LEVEL_CHOICES} />
          <ReferenceField source="parent_id" reference="org-units" link="show" />
          <TextField source="region" />
          <BooleanField source="active" />
        </Datagrid>
      )}
    </List>
  );
};
