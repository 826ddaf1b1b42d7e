import {
  AutocompleteInput,
  BooleanInput,
  Datagrid,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
  useTranslate,
} from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { useIsSmall } from '../../shared/useIsSmall';
import { ChoiceChip } from '../../shared/ChoiceChip';
import { EXPENSE_ACCOUNT_CHOICES, REQUEST_STATUS_CHOICES } from '../choices';
import { yuan } from '../api';
import type { ExpenseRequestRecord } from '../records';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="awaiting_me" source="awaiting_me" alwaysOn />,
  <SelectInput key="status" source="status" choices={REQUEST_STATUS_CHOICES} />,
  <SelectInput key="account" source="account" choices={EXPENSE_ACCOUNT_CHOICES} />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
  <BooleanInput key="mine" source="mine" />,
];

/** The requests' columns, on the screen and in its export; the inbox shows the pending step instead of the status. */
const columns: Column<ExpenseRequestRecord>[] = [
  { source: 'id', kind: 'text' },
  { source: 'request_date', kind: 'date' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'account', kind: 'choice', choices: EXPENSE_ACCOUNT_CHOICES },
  { source: 'amount', kind: 'money' },
  { source: 'purpose', kind: 'text' },
  { source: 'status', kind: 'choice', choices: REQUEST_STATUS_CHOICES },
];
// the status as a chip with its Chinese label
const statusChip = { status: <SelectField source="status" choices={REQUEST_STATUS_CHOICES} optionText={<ChoiceChip />} /> };

export const ExpenseRequestList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<ListActions columns={columns} />} sort={{ field: 'created_at', order: 'DESC' }}>
      {isSmall ? (
        <SimpleList<ExpenseRequestRecord>
          primaryText={(r) => r.purpose}
          secondaryText={(r) => `${yuan(r.amount)} · ${translate(`enums.request_status.${r.status}`)}`}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns, statusChip)}
        </Datagrid>
      )}
    </List>
  );
};

/** 我的审批: the requests whose pending step this user may decide. */
export const ApprovalsInbox = () => (
  <List
    resource="expense-requests"
    filter={{ awaiting_me: true }}
    sort={{ field: 'created_at', order: 'ASC' }}
    title="menu.approvals"
    actions={false}
    disableSyncWithLocation
  >
    <Datagrid rowClick={(id) => `/expense-requests/${id}/show`} bulkActionButtons={false}>
      {columnFields(columns, { status: <TextField source="current_step" /> })}
    </Datagrid>
  </List>
);
