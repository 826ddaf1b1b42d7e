import { BooleanField, Datagrid, DateField, ReferenceField, ReferenceManyField, SelectField, SimpleShowLayout, TextField } from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { DEPARTMENT_KIND_CHOICES } from '../departments/choices';
import { UNIT_KIND_CHOICES, UNIT_LEVEL_CHOICES } from './choices';
import { useEditLink } from '../../shared/useAccess';

export const OrgUnitShow = () => {
  const rowClick = useEditLink('departments');
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <SelectField source="kind" choices={UNIT_KIND_CHOICES} />
        <SelectField source="level" choices={UNIT_LEVEL_CHOICES} />
        <ReferenceField source="parent_id" reference="org-units" link="show" />
        <TextField source="region" />
        <TextField source="address" />
        <TextField source="phone" />
        <BooleanField source="active" />
        <DateField source="updated_at" showTime />
        <ReferenceManyField reference="departments" target="org_unit_id" label="resources.departments.name">
          <Datagrid rowClick={rowClick} bulkActionButtons={false}>
            <TextField source="name" />
            <SelectField source="kind" choices={DEPARTMENT_KIND_CHOICES} />
            <BooleanField source="active" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
};
