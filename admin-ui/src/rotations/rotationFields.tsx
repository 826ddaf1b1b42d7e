// The fields every view of a rotation shows, in one order: type, units by name, dates, status.
import { DateField, SelectField, TextField } from 'react-admin';
import { ROTATION_STATUS_CHOICES, ROTATION_TYPE_CHOICES } from '../hr/choices';

export const rotationFields = () => [
  <SelectField key="type" source="type" choices={ROTATION_TYPE_CHOICES} />,
  <TextField key="home" source="home_name" label="resources.rotations.fields.home_org_unit_id" />,
  <TextField key="host" source="host_name" label="resources.rotations.fields.host_org_unit_id" />,
  <DateField key="start" source="start_on" />,
  <DateField key="planned_end" source="planned_end_on" />,
  <DateField key="actual_end" source="actual_end_on" emptyText="—" />,
  <SelectField key="status" source="status" choices={ROTATION_STATUS_CHOICES} />,
];
