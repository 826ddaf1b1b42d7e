// 职称晋升: applications and their workflow — submitted → reviewed by the unit → approved by group
// HR (the staff record takes the title), or rejected with a reason. Each step's button is shown
// only to who may press it, and only in the state it applies to.
import { Stack } from '@mui/material';
import { AutocompleteInput, Create, Datagrid, List, NumberInput, ReferenceInput, SelectInput, TextInput, WrapperField, required } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { PROMOTION_STATUS_CHOICES, TITLE_CHOICES } from '../choices';
import { ActionButton, HrForm } from '../problems';

const filters = [
  <SelectInput key="status" source="status" choices={PROMOTION_STATUS_CHOICES} alwaysOn />,
  <NumberInput key="year" source="year" />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="to_title" source="to_title" choices={TITLE_CHOICES} />,
];

const Steps = (_props: { label?: string }) => (
  <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
    <ActionButton
      verb="review"
      label="hr.promotions.review"
      when={(p) => p.status === 'submitted'}
      fields={[{ name: 'unit_opinion', label: 'resources.title-promotions.fields.unit_opinion', type: 'text' }]}
    />
    <ActionButton
      verb="approve"
      label="hr.promotions.approve"
      color="success"
      when={(p) => p.status === 'reviewed'}
      fields={[{ name: 'effective_on', label: 'resources.title-promotions.fields.effective_on', type: 'date' }]}
    />
    <ActionButton
      verb="reject"
      label="hr.promotions.reject"
      color="error"
      when={(p) => p.status === 'submitted' || p.status === 'reviewed'}
      fields={[{ name: 'reason', label: 'resources.title-promotions.fields.reject_reason', type: 'text', required: true }]}
    />
  </Stack>
);

const columns: Column[] = [
  { source: 'staff_id', kind: 'reference', reference: 'staff', link: 'show' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'year', kind: 'text' },
  { source: 'from_title', kind: 'choice', choices: TITLE_CHOICES },
  { source: 'to_title', kind: 'choice', choices: TITLE_CHOICES },
  { source: 'status', kind: 'choice', choices: PROMOTION_STATUS_CHOICES },
  { source: 'unit_opinion', kind: 'text' },
  { source: 'reject_reason', kind: 'text' },
  { source: 'effective_on', kind: 'date' },
];

export const PromotionList = () => (
  <List filters={filters} sort={{ field: 'created_at', order: 'DESC' }} actions={<ListActions columns={columns} />}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      {columnFields(columns)}
      <WrapperField label="hr.promotions.steps">
        <Steps />
      </WrapperField>
    </Datagrid>
  </List>
);

export const PromotionCreate = () => (
  <Create>
    <HrForm fields={['staff_id', 'to_title', 'year', 'note']}>
      <ReferenceInput source="staff_id" reference="staff" filter={{ status: 'active' }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <SelectInput source="to_title" choices={TITLE_CHOICES} validate={required()} />
      <NumberInput source="year" defaultValue={new Date().getFullYear()} />
      <TextInput source="note" multiline />
    </HrForm>
  </Create>
);
