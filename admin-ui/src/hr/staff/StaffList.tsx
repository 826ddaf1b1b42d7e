// 人员名册: filters by unit (employed or working there, and below), level, category, title,
// employment type, status and licence expiry; people with an expired licence are flagged.
import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  DateField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { UNIT_LEVEL_CHOICES } from '../../org/orgUnits/choices';
import { CATEGORY_CHOICES, EMPLOYMENT_CHOICES, SEX_CHOICES, STAFF_STATUS_CHOICES, TITLE_CHOICES } from '../choices';
import type { StaffRecord } from '../records';

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

/** The registry's columns, on the screen and in its export. */
const columns: Column<StaffRecord>[] = [
  { source: 'name', kind: 'text' },
  { source: 'id_number_masked', kind: 'text', sortable: false },
  { source: 'sex', kind: 'choice', choices: SEX_CHOICES },
  { source: 'category', kind: 'choice', choices: CATEGORY_CHOICES },
  { source: 'title', kind: 'choice', choices: TITLE_CHOICES },
  { source: 'employment_type', kind: 'choice', choices: EMPLOYMENT_CHOICES },
  { source: 'employer_org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'work_org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'status', kind: 'choice', choices: STAFF_STATUS_CHOICES },
  {
    source: 'licence_expires_on',
    kind: 'computed',
    sortable: false,
    value: (s, translate) => (s.licence_expired ? translate('resources.staff.fields.licence_expired') : (s.licence_expires_on ?? '')),
  },
];

export const StaffList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions columns={columns} />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      {columnFields(columns, { licence_expires_on: <LicenceFlag label="resources.staff.fields.licence_expires_on" /> })}
    </Datagrid>
  </List>
);
