// The finance resources shown as plain lists: ledger, closed periods, the spending-limit
// matrix, chief-accountant postings, the medical-risk fund; with their forms and actions.
import {
  AutocompleteInput,
  Datagrid,
  DateInput,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleList,
  useTranslate,
} from 'react-admin';
import { useState } from 'react';
import type { LedgerEntryRecord, RiskFundRecord, SpendingLimitRecord } from './records';
import { SmallOr, useIsSmall } from '../shared/useIsSmall';
import { columnFields } from '../shared/columnFields';
import { ListActions } from '../shared/ExportButton';
import { codeLabels, type Column, type Translate } from '../shared/exporter';
import { UNIT_LEVEL_CHOICES } from '../org/orgUnits/choices';
import { RiskFundActions, PeriodActions } from './actions';
import { PersonFundDialog, type FundPerson } from './PersonFund';
import { can, yuan } from './api';
import { ACCOUNT_CHOICES, FUND_KIND_CHOICES } from './choices';

/** Phones get the compact list instead of the table. */

const unitFilter = (
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>
);

/** A ledger entry's source document: a resource (支出申请 #12 …) or a manual entry by finance. */
const ledgerSource = (r: LedgerEntryRecord, translate: Translate) => {
  const kind = r.source_type === 'manual' ? translate('finance.ledger.manual') : translate(`resources.${r.source_type}.name`, { smart_count: 1 });
  return r.source_id ? `${kind} #${r.source_id}` : kind;
};

const ledgerColumns: Column<LedgerEntryRecord>[] = [
  { source: 'entry_date', kind: 'date' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'debit_account', kind: 'choice', choices: ACCOUNT_CHOICES },
  { source: 'credit_account', kind: 'choice', choices: ACCOUNT_CHOICES },
  { source: 'amount', kind: 'money' },
  { source: 'memo', kind: 'text' },
  { source: 'source_type', kind: 'computed', value: (r, translate) => ledgerSource(r, translate) },
];

export const LedgerList = () => {
  const translate = useTranslate();
  const acc = (c: string) => translate(`enums.account.${c}`);
  return (
    <List
      filters={[
        unitFilter,
        <DateInput key="from" source="entry_date_gte" label="finance.ledger.from" alwaysOn />,
        <DateInput key="to" source="entry_date_lte" label="finance.ledger.to" alwaysOn />,
        <SelectInput key="d" source="debit_account" choices={ACCOUNT_CHOICES} />,
      ]}
      sort={{ field: 'entry_date', order: 'DESC' }}
      actions={<ListActions columns={ledgerColumns} />}
    >
      <SmallOr
        small={
          <SimpleList<LedgerEntryRecord>
            primaryText={(r) => r.memo ?? ledgerSource(r, translate)}
            secondaryText={(r) => `${r.entry_date} · 借 ${acc(r.debit_account)} / 贷 ${acc(r.credit_account)}`}
            tertiaryText={(r) => yuan(r.amount)}
            linkType={false}
          />
        }
      >
        <Datagrid bulkActionButtons={false}>{columnFields(ledgerColumns)}</Datagrid>
      </SmallOr>
    </List>
  );
};

const periodColumns: Column[] = [
  { source: 'period', kind: 'computed', value: (r) => String(r.period).slice(0, 7) },
  { source: 'closed_at', kind: 'datetime' },
];

export const PeriodList = () => (
  <List
    sort={{ field: 'period', order: 'DESC' }}
    actions={
      <ListActions columns={periodColumns}>
        <PeriodActions />
      </ListActions>
    }
  >
    <Datagrid bulkActionButtons={false}>{columnFields(periodColumns)}</Datagrid>
  </List>
);

const limitColumns: Column<SpendingLimitRecord>[] = [
  { source: 'unit_level', kind: 'choice', choices: UNIT_LEVEL_CHOICES },
  { source: 'account', kind: 'choice', choices: ACCOUNT_CHOICES },
  { source: 'min_amount', kind: 'money' },
  { source: 'max_amount', kind: 'money' },
  { source: 'steps', kind: 'computed', value: (r, translate) => codeLabels(r.steps, 'enums.step_kind', translate, ' → ') },
  { source: 'description', kind: 'text' },
  { source: 'active', kind: 'bool' },
];
// an empty level or account applies to all (*), an empty upper bound has none (∞)
const limitCells = {
  unit_level: <SelectField source="unit_level" choices={UNIT_LEVEL_CHOICES} emptyText="*" />,
  account: <SelectField source="account" choices={ACCOUNT_CHOICES} emptyText="*" />,
  max_amount: <NumberField source="max_amount" options={{ minimumFractionDigits: 2 }} emptyText="∞" />,
};

export const LimitList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  const band = (r: SpendingLimitRecord) => `${yuan(r.min_amount)} – ${r.max_amount ? yuan(r.max_amount) : '∞'}`;
  const chain = (r: SpendingLimitRecord) => r.steps.map((s) => translate(`enums.step_kind.${s}`)).join(' → ');
  return (
    <List sort={{ field: 'unit_level', order: 'ASC' }} perPage={50} actions={<ListActions columns={limitColumns} />}>
      {isSmall ? (
        <SimpleList<SpendingLimitRecord>
          primaryText={(r) => r.description ?? band(r)}
          secondaryText={chain}
          tertiaryText={band}
          linkType={can('spending-limits', 'edit') ? 'edit' : false}
        />
      ) : (
        <Datagrid bulkActionButtons={false} rowClick={can('spending-limits', 'edit') ? 'edit' : false}>
          {columnFields(limitColumns, limitCells)}
        </Datagrid>
      )}
    </List>
  );
};

const postingColumns: Column[] = [
  { source: 'user_id', kind: 'reference', reference: 'users' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'starts_on', kind: 'date' },
  { source: 'ends_on', kind: 'date' },
  { source: 'note', kind: 'text' },
];

export const PostingList = () => (
  <List actions={<ListActions columns={postingColumns} />}>
    <Datagrid bulkActionButtons={false} rowClick={can('chief-accountant-postings', 'edit') ? 'edit' : false}>
      {columnFields(postingColumns)}
    </Datagrid>
  </List>
);

const fundColumns: Column<RiskFundRecord>[] = [
  { source: 'entry_date', kind: 'date' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'fund_year', kind: 'text' },
  { source: 'kind', kind: 'choice', choices: FUND_KIND_CHOICES },
  { source: 'staff_id', kind: 'reference', reference: 'staff' },
  { source: 'amount', kind: 'money' },
  { source: 'dispute_ref', kind: 'text' },
];

/** A row of a person (a contribution, a return) opens their fund year: contributions, pay withholdings, returns. */
export const FundList = () => {
  const [person, setPerson] = useState<FundPerson | null>(null);
  return (
    <>
      <FundEntries onPerson={setPerson} />
      <PersonFundDialog person={person} onClose={() => setPerson(null)} />
    </>
  );
};

const FundEntries = ({ onPerson }: { onPerson: (p: FundPerson) => void }) => (
  <List
    filters={[
      unitFilter,
      <SelectInput key="kind" source="kind" choices={FUND_KIND_CHOICES} alwaysOn />,
      <ReferenceInput key="staff" source="staff_id" reference="staff">
        <AutocompleteInput />
      </ReferenceInput>,
    ]}
    sort={{ field: 'entry_date', order: 'DESC' }}
    actions={
      <ListActions columns={fundColumns}>
        <RiskFundActions />
      </ListActions>
    }
  >
    <SmallOr
      small={
        <SimpleList<RiskFundRecord>
          primaryText={(r) => `${r.entry_date} · ${r.fund_year}`}
          secondaryText={(r) => <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />}
          tertiaryText={(r) => yuan(r.amount)}
          linkType={false}
        />
      }
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) => {
          const r = record as RiskFundRecord;
          if (r.staff_id !== null) onPerson({ staff_id: r.staff_id, year: r.fund_year });
          return false;
        }}
      >
        {columnFields(fundColumns)}
      </Datagrid>
    </SmallOr>
  </List>
);
