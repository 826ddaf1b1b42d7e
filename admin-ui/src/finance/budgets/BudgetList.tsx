// 预算: budgets per unit, year and account (versions kept). Finance approves a budget with its
// monthly split and revises it into a new version linked to the old.
import { AutocompleteInput, Datagrid, List, NumberInput, ReferenceInput, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { yuan } from '../api';
import { BUDGET_ACCOUNT_CHOICES, BUDGET_STATUS_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import type { BudgetRecord } from '../records';

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="account" source="account" choices={BUDGET_ACCOUNT_CHOICES} />,
  <SelectInput key="status" source="status" choices={BUDGET_STATUS_CHOICES} />,
];

const columns: Column<BudgetRecord>[] = [
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'year', kind: 'text' },
  { source: 'account', kind: 'choice', choices: BUDGET_ACCOUNT_CHOICES },
  { source: 'amount', kind: 'money' },
  { source: 'version', kind: 'text' },
  { source: 'status', kind: 'choice', choices: BUDGET_STATUS_CHOICES },
  { source: 'reason', kind: 'text' },
];

export const BudgetList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} filterDefaultValues={{ year: new Date().getFullYear(), status: 'active' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<BudgetRecord>
          primaryText={(r) => translate(`enums.account.${r.account}`)}
          secondaryText={(r) => `${r.year} · v${r.version}`}
          tertiaryText={(r) => yuan(r.amount)}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns)}
        </Datagrid>
      )}
    </List>
  );
};
