// 人员名册: filters by unit (employed or working there, and below), level, category, title,
// employment type, status and licence expiry; people with an expired licence are flagged.
import { Chip } from '@mui/material';
import {
  AutocompleteInput, BooleanInput, CreateButton, Datagrid, ExportButton, FilterButton, TopToolbar, DateField, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField,
  useRecordContext, useTranslate,
} from 'react-admin';
import { UNIT_LEVEL_CHOICES } from '../org/orgUnits/choices';
import { CATEGORY_CHOICES, EMPLOYMENT_CHOICES, STAFF_STATUS_CHOICES, TITLE_CHOICES } from '../hr/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="org_unit_id" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput label="resources.staff.fields.org_unit_id" />
  </ReferenceInput>,
  <SelectInput key="level" source="level" choices={UNIT_LEVEL_CHOICES} />,
  <SelectInput key="category" source="category" choices={CATEGORY_CHOICES} />,
  <SelectInput key="title" source="title" choices={TITLE_CHOICES} />,
  <SelectInput key="employment_type" source="employment_type" choices={EMPLOYMENT_CHOICES} />,
  <SelectInput key="status" source="status" choices={STAFF_STATUS_CHOICES} />,
  <BooleanInput key="licence_expiring" source="licence_expiring" />,
  <BooleanInput key="licence_expired" source="licence_expired" />,
];

/** The licence flag shown wherever a person is listed. */
export const LicenceFlag = (_props: { label?: string }) => {
  const staff = useRecordContext();
  const translate = useTranslate();
  if (staff?.licence_expired) return <Chip size="small" color="error" label={translate('resources.staff.fields.licence_expired')} />;
  return staff?.licence_expires_on ? <DateField source="licence_expires_on" /> : null;
};

export const StaffList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<TopToolbar><FilterButton /><CreateButton /><ExportButton /></TopToolbar>}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="id_number_masked" sortable={false} />
      <SelectField source="sex" choices={[{ id: 'M', name: 'enums.sex.M' }, { id: 'F', name: 'enums.sex.F' }]} />
      <SelectField source="category" choices={CATEGORY_CHOICES} />
      <SelectField source="title" choices={TITLE_CHOICES} />
      <SelectField source="employment_type" choices={EMPLOYMENT_CHOICES} />
      <ReferenceField source="employer_org_unit_id" reference="org-units" link={false} />
      <ReferenceField source="work_org_unit_id" reference="org-units" link={false} />
      <SelectField source="status" choices={STAFF_STATUS_CHOICES} />
      <LicenceFlag label="resources.staff.fields.licence_expires_on" />
    </Datagrid>
  </List>
);
