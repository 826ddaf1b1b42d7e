import {
  AutocompleteInput, BooleanInput, CreateButton, Datagrid, DateField, ExportButton, FilterButton, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, SimpleList, TextField, TopToolbar, useTranslate,
} from 'react-admin';
import { useIsSmall } from '../shared/useIsSmall';
import { ChoiceChip } from '../shared/ChoiceChip';
import { EXPENSE_ACCOUNT_CHOICES, REQUEST_STATUS_CHOICES } from '../finance/choices';
import { yuan } from '../finance/api';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="awaiting_me" source="awaiting_me" alwaysOn />,
  <SelectInput key="status" source="status" choices={REQUEST_STATUS_CHOICES} />,
  <SelectInput key="account" source="account" choices={EXPENSE_ACCOUNT_CHOICES} />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units"><AutocompleteInput /></ReferenceInput>,
  <BooleanInput key="mine" source="mine" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export const ExpenseRequestList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'created_at', order: 'DESC' }}>
      {isSmall ? (
        <SimpleList primaryText={(r) => r.purpose} secondaryText={(r) => `${yuan(r.amount)} · ${translate(`enums.request_status.${r.status}`)}`} linkType="show" />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="id" />
          <DateField source="request_date" />
          <ReferenceField source="org_unit_id" reference="org-units" link={false} />
          <SelectField source="account" choices={EXPENSE_ACCOUNT_CHOICES} />
          <NumberField source="amount" options={{ minimumFractionDigits: 2 }} />
          <TextField source="purpose" />
          <SelectField source="status" choices={REQUEST_STATUS_CHOICES} optionText={<ChoiceChip />} />
        </Datagrid>
      )}
    </List>
  );
};

/** 我的审批: the requests whose pending step this user may decide. */
export const ApprovalsInbox = () => (
  <List resource="expense-requests" filter={{ awaiting_me: true }} sort={{ field: 'created_at', order: 'ASC' }} title="menu.approvals" actions={false} disableSyncWithLocation>
    <Datagrid rowClick={(id) => `/expense-requests/${id}/show`} bulkActionButtons={false}>
      <TextField source="id" />
      <DateField source="request_date" />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <SelectField source="account" choices={EXPENSE_ACCOUNT_CHOICES} />
      <NumberField source="amount" options={{ minimumFractionDigits: 2 }} />
      <TextField source="purpose" />
      <TextField source="current_step" />
    </Datagrid>
  </List>
);
