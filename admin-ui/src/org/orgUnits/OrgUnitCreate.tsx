import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { UNIT_KIND_CHOICES } from './choices';
import type { OrgUnitRecord } from '../../shared/records';

export const OrgUnitCreate = () => (
  <Create redirect="show" transform={(unit: Partial<OrgUnitRecord>) => ({ ...unit, parent_id: unit.parent_id || null })}>
    <SimpleForm>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} />
      <SelectInput source="kind" choices={UNIT_KIND_CHOICES} validate={required()} />
      <ReferenceInput source="parent_id" reference="org-units">
        <AutocompleteInput />
      </ReferenceInput>
      <TextInput source="region" />
      <TextInput source="address" />
      <TextInput source="phone" />
    </SimpleForm>
  </Create>
);
