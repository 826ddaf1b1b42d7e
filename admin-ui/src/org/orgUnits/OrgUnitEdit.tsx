import { BooleanInput, Labeled, ReferenceField, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { UNIT_KIND_CHOICES } from './choices';

/** Code, kind and parent are fixed here (moving a unit is its own operation). */
export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <TextInput source="code" readOnly />
      <SelectInput source="kind" choices={UNIT_KIND_CHOICES} readOnly />
      <Labeled source="parent_id">
        <ReferenceField source="parent_id" reference="org-units" link="show" />
      </Labeled>
      <TextInput source="name" validate={required()} />
      <TextInput source="region" />
      <TextInput source="address" />
      <TextInput source="phone" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);
