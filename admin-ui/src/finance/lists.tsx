// The finance resources shown as plain lists: ledger, closed periods, the spending-limit
// matrix, chief-accountant postings, the medical-risk fund; with their forms and actions.
import MenuBookIcon from '@mui/icons-material/MenuBook';
import LockClockIcon from '@mui/icons-material/LockClock';
import RuleIcon from '@mui/icons-material/Rule';
import BadgeIcon from '@mui/icons-material/Badge';
import SavingsIcon from '@mui/icons-material/Savings';
import { AutocompleteInput, BooleanField, Datagrid, DateField, DateInput, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SelectField, SelectInput, SimpleList, TextField, useTranslate } from 'react-admin';
import type { ReactElement } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourceEntry } from '../registry';
import { useIsSmall } from '../shared/useIsSmall';
import { UNIT_LEVEL_CHOICES } from '../org/orgUnits/choices';
import { RiskFundActions, PeriodActions } from './actions';
import { can, yuan } from './api';
import { ACCOUNT_CHOICES, FUND_KIND_CHOICES } from './choices';
import { LedgerEntryCreate, LimitCreate, LimitEdit, PostingCreate, PostingEdit } from './forms';

/** Phones get the compact list instead of the table. */
const SmallOr = ({ small, children }: { small: ReactElement; children: ReactElement }) => (useIsSmall() ? small : children);

const unitFilter = <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn><AutocompleteInput /></ReferenceInput>;

const LedgerList = () => {
  const translate = useTranslate();
  const acc = (c: string) => translate(`enums.account.${c}`);
  // the source document is a resource (expense-requests …) or a manual entry by finance
  const source = (r: RaRecord) => {
    const kind = r.source_type === 'manual' ? translate('finance.ledger.manual') : translate(`resources.${r.source_type}.name`, { smart_count: 1 });
    return r.source_id ? `${kind} #${r.source_id}` : kind;
  };
  return (
  <List filters={[unitFilter, <DateInput key="from" source="entry_date_gte" label="finance.ledger.from" alwaysOn />, <DateInput key="to" source="entry_date_lte" label="finance.ledger.to" alwaysOn />, <SelectInput key="d" source="debit_account" choices={ACCOUNT_CHOICES} />]} sort={{ field: 'entry_date', order: 'DESC' }}>
    <SmallOr small={<SimpleList primaryText={(r) => r.memo ?? source(r)} secondaryText={(r) => `${r.entry_date} · 借 ${acc(r.debit_account)} / 贷 ${acc(r.credit_account)}`} tertiaryText={(r) => yuan(r.amount)} linkType={false} />}>
    <Datagrid bulkActionButtons={false}>
      <DateField source="entry_date" />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <SelectField source="debit_account" choices={ACCOUNT_CHOICES} />
      <SelectField source="credit_account" choices={ACCOUNT_CHOICES} />
      <NumberField source="amount" options={{ minimumFractionDigits: 2 }} />
      <TextField source="memo" />
      <FunctionField source="source_type" render={source} />
    </Datagrid>
    </SmallOr>
  </List>
  );
};

const PeriodList = () => (
  <List sort={{ field: 'period', order: 'DESC' }} actions={<PeriodActions />}>
    <Datagrid bulkActionButtons={false}>
      <FunctionField source="period" render={(r) => String(r.period).slice(0, 7)} />
      <DateField source="closed_at" showTime />
    </Datagrid>
  </List>
);

const StepsField = () => {
  const translate = useTranslate();
  return <FunctionField source="steps" render={(r) => (r.steps as string[]).map((s) => translate(`enums.step_kind.${s}`)).join(' → ')} />;
};

const LimitList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  const band = (r: RaRecord) => `${yuan(r.min_amount)} – ${r.max_amount ? yuan(r.max_amount) : '∞'}`;
  const chain = (r: RaRecord) => (r.steps as string[]).map((s) => translate(`enums.step_kind.${s}`)).join(' → ');
  return (
  <List sort={{ field: 'unit_level', order: 'ASC' }} perPage={50}>
    {isSmall ? (
      <SimpleList primaryText={(r) => r.description ?? band(r)} secondaryText={chain} tertiaryText={band} linkType={can('spending-limits', 'edit') ? 'edit' : false} />
    ) : (
    <Datagrid bulkActionButtons={false} rowClick={can('spending-limits', 'edit') ? 'edit' : false}>
      <SelectField source="unit_level" choices={UNIT_LEVEL_CHOICES} emptyText="*" />
      <SelectField source="account" choices={ACCOUNT_CHOICES} emptyText="*" />
      <NumberField source="min_amount" />
      <NumberField source="max_amount" emptyText="∞" />
      <StepsField />
      <TextField source="description" />
      <BooleanField source="active" />
    </Datagrid>
    )}
  </List>
  );
};

const PostingList = () => (
  <List>
    <Datagrid bulkActionButtons={false} rowClick={can('chief-accountant-postings', 'edit') ? 'edit' : false}>
      <ReferenceField source="user_id" reference="users" link={false} />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <DateField source="starts_on" />
      <DateField source="ends_on" />
      <TextField source="note" />
    </Datagrid>
  </List>
);

const FundList = () => (
  <List filters={[unitFilter, <SelectInput key="kind" source="kind" choices={FUND_KIND_CHOICES} alwaysOn />]} sort={{ field: 'entry_date', order: 'DESC' }} actions={<RiskFundActions />}>
    <SmallOr small={<SimpleList primaryText={(r) => `${r.entry_date} · ${r.fund_year}`} secondaryText={(r) => <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />} tertiaryText={(r) => yuan(r.amount)} linkType={false} />}>
    <Datagrid bulkActionButtons={false}>
      <DateField source="entry_date" />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <TextField source="fund_year" />
      <SelectField source="kind" choices={FUND_KIND_CHOICES} />
      <ReferenceField source="staff_id" reference="staff" link={false} emptyText="—" />
      <NumberField source="amount" options={{ minimumFractionDigits: 2 }} />
      <TextField source="dispute_ref" />
    </Datagrid>
    </SmallOr>
  </List>
);

export const financeLists: ResourceEntry[] = [
  { name: 'ledger-entries', list: LedgerList, create: LedgerEntryCreate, icon: MenuBookIcon },
  { name: 'ledger-periods', list: PeriodList, icon: LockClockIcon },
  { name: 'spending-limits', list: LimitList, create: LimitCreate, edit: LimitEdit, icon: RuleIcon },
  { name: 'chief-accountant-postings', list: PostingList, create: PostingCreate, edit: PostingEdit, icon: BadgeIcon },
  { name: 'risk-fund-entries', list: FundList, icon: SavingsIcon },
];
