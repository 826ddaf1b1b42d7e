import { AutocompleteInput, BooleanInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { DEPARTMENT_KIND_CHOICES } from './choices';

/** The same fields for creating and editing a department. */
const DepartmentForm = () => (
  <SimpleForm>
    <ReferenceInput source="org_unit_id" reference="org-units">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={required()} />
    <SelectInput source="kind" choices={DEPARTMENT_KIND_CHOICES} validate={required()} />
    <BooleanInput source="active" defaultValue />
  </SimpleForm>
);

export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic">
    <DepartmentForm />
  </Edit>
);

export const DepartmentCreate = () => (
  <Create redirect="list">
    <DepartmentForm />
  </Create>
);
