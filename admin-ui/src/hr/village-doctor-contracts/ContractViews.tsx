// 乡聘村用: the township centre employs the village doctor, who works in one of its village clinics.
// Sign (the clinic must belong to the township — the API's 422 is shown on the clinic input),
// renew, and exit with a coded reason (准入退出).
import { Stack } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  DateInput,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  WrapperField,
  required,
  useTranslate,
} from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { useWatch } from 'react-hook-form';
import { CONTRACT_STATUS_CHOICES, EXIT_REASON_CHOICES } from '../choices';
import { ActionButton, HrForm } from '../problems';

const filters = [
  <SelectInput key="status" source="status" choices={CONTRACT_STATUS_CHOICES} alwaysOn />,
  <ReferenceInput key="employer" source="employer_org_unit_id" reference="org-units" filter={{ level: 3 }} alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <NumberInput key="ending" source="ending_within" />,
];

const Steps = (_props: { label?: string }) => (
  <Stack direction="row" sx={{ gap: 1 }}>
    <ActionButton
      verb="renew"
      label="hr.contracts.renew"
      when={(c) => c.status === 'active' || c.status === 'expired'}
      fields={[
        { name: 'end_on', label: 'resources.village-doctor-contracts.fields.end_on', type: 'date', required: true },
        { name: 'note', label: 'resources.village-doctor-contracts.fields.note', type: 'text' },
      ]}
    />
    <ActionButton
      verb="exit"
      label="hr.contracts.exit"
      color="error"
      when={(c) => c.status === 'active'}
      fields={[
        { name: 'exit_reason', label: 'resources.village-doctor-contracts.fields.exit_reason', type: 'select', choices: EXIT_REASON_CHOICES, required: true },
        { name: 'exit_on', label: 'resources.village-doctor-contracts.fields.exit_on', type: 'date' },
      ]}
    />
  </Stack>
);

const columns: Column[] = [
  { source: 'staff_id', kind: 'reference', reference: 'staff', link: 'show' },
  { source: 'employer_org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'work_org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'start_on', kind: 'date' },
  { source: 'end_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: CONTRACT_STATUS_CHOICES },
  { source: 'exit_reason', kind: 'choice', choices: EXIT_REASON_CHOICES },
];

export const ContractList = () => (
  <List filters={filters} filterDefaultValues={{ status: 'active' }} sort={{ field: 'end_on', order: 'ASC' }} actions={<ListActions columns={columns} />}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      {columnFields(columns)}
      <WrapperField label="hr.promotions.steps">
        <Steps />
      </WrapperField>
    </Datagrid>
  </List>
);

/** The clinic picker lists the chosen township's own villages (the API enforces it either way). */
const ClinicInput = () => {
  const translate = useTranslate();
  const township = useWatch<{ employer_org_unit_id?: number | null }>({ name: 'employer_org_unit_id' });
  return (
    <ReferenceInput source="work_org_unit_id" reference="org-units" filter={{ kind: 'village' }}>
      <AutocompleteInput validate={required()} helperText={township ? translate('hr.contracts.clinic_help') : undefined} />
    </ReferenceInput>
  );
};

export const ContractCreate = () => (
  <Create>
    <HrForm fields={['staff_id', 'employer_org_unit_id', 'work_org_unit_id', 'start_on', 'end_on', 'note']}>
      <ReferenceInput source="staff_id" reference="staff" filter={{ category: 'village_doctor', status: 'active' }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="employer_org_unit_id" reference="org-units" filter={{ level: 3 }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <ClinicInput />
      <DateInput source="start_on" validate={required()} />
      <DateInput source="end_on" validate={required()} />
      <TextInput source="note" multiline />
    </HrForm>
  </Create>
);
