// Hiring into the registry and editing a person's plain fields. The ID number is checked by the
// API (format, birth date, check digit, duplicates) and its problem is shown on the input;
// units, titles, posts and status change through their own audited actions, not here.
import { AutocompleteInput, Create, DateInput, ReferenceInput, SelectInput, TextInput, required, useTranslate } from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { useWatch } from 'react-hook-form';
import { CATEGORY_CHOICES, EMPLOYMENT_CHOICES, TITLE_CHOICES } from '../choices';
import { HrForm } from '../problems';

const DepartmentInput = () => {
  const employer = useWatch<{ employer_org_unit_id?: number | null }>({ name: 'employer_org_unit_id' });
  return (
    <ReferenceInput source="department_id" reference="departments" filter={employer ? { org_unit_id: employer } : {}}>
      <AutocompleteInput disabled={!employer} />
    </ReferenceInput>
  );
};

const CREATE_FIELDS = [
  'name',
  'id_number',
  'phone',
  'category',
  'title',
  'employment_type',
  'employer_org_unit_id',
  'work_org_unit_id',
  'department_id',
  'hire_date',
];

export const StaffCreate = () => {
  const translate = useTranslate();
  return (
    <Create>
      <HrForm fields={CREATE_FIELDS} redirect="show">
        <TextInput source="name" validate={required()} />
        <TextInput source="id_number" label="resources.staff.fields.id_number" validate={required()} helperText={translate('hr.staff.id_number_help')} />
        <TextInput source="phone" />
        <SelectInput source="category" choices={CATEGORY_CHOICES} validate={required()} />
        <SelectInput source="title" choices={TITLE_CHOICES} emptyText="hr.staff.no_title" />
        <SelectInput source="employment_type" choices={EMPLOYMENT_CHOICES} validate={required()} defaultValue="establishment" />
        <ReferenceInput source="employer_org_unit_id" reference="org-units">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="work_org_unit_id" reference="org-units">
          <AutocompleteInput helperText="hr.staff.work_unit_help" />
        </ReferenceInput>
        <DepartmentInput />
        <DateInput source="hire_date" validate={required()} />
      </HrForm>
    </Create>
  );
};

export const StaffEdit = () => (
  <Edit mutationMode="pessimistic">
    <HrForm fields={['name', 'phone', 'category', 'hire_date']} redirect="show">
      <TextInput source="name" validate={required()} />
      <TextInput source="id_number_masked" disabled />
      <TextInput source="phone" />
      <SelectInput source="category" choices={CATEGORY_CHOICES} validate={required()} />
      <DateInput source="hire_date" validate={required()} />
    </HrForm>
  </Edit>
);
