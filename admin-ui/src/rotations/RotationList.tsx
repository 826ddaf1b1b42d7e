// 轮转: every rotation in scope, by year, type, status and unit.
import { Datagrid, DateField, List, NumberInput, ReferenceField, ReferenceInput, AutocompleteInput, SelectField, SelectInput, TextField } from 'react-admin';
import { ROTATION_STATUS_CHOICES, ROTATION_TYPE_CHOICES } from '../hr/choices';

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <SelectInput key="type" source="type" choices={ROTATION_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={ROTATION_STATUS_CHOICES} />,
  <ReferenceInput key="host" source="host_org_unit_id" reference="org-units"><AutocompleteInput /></ReferenceInput>,
  <ReferenceInput key="home" source="home_org_unit_id" reference="org-units"><AutocompleteInput /></ReferenceInput>,
];

export const RotationList = () => (
  <List filters={filters} filterDefaultValues={{ year: new Date().getFullYear() }} sort={{ field: 'start_on', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false}>
      <ReferenceField source="staff_id" reference="staff" link="show" />
      <SelectField source="type" choices={ROTATION_TYPE_CHOICES} />
      <TextField source="home_name" label="resources.rotations.fields.home_org_unit_id" />
      <TextField source="host_name" label="resources.rotations.fields.host_org_unit_id" />
      <DateField source="start_on" />
      <DateField source="planned_end_on" />
      <DateField source="actual_end_on" />
      <SelectField source="status" choices={ROTATION_STATUS_CHOICES} />
    </Datagrid>
  </List>
);
