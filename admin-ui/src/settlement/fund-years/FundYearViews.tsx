// 基金年度: per county and year the premiums, the pools taken off, the bundle ratio and the
// budget; finance creates a year (the defaults fill the tiers, gates, thresholds and profile)
// and edits its whole configuration (FundYearEdit).
import { Link } from 'react-router-dom';
import { Create, Datagrid, FunctionField, List, NumberInput, SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { columnFields, yuanCells } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { dropEmpty } from '../../finance/api';
import { useEditLink } from '../../shared/useAccess';

const DashboardLink = () => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={() => (
        <Link to="/settlement-dashboard" onClick={(e) => e.stopPropagation()}>
          {translate('menu.settlement_dashboard')}
        </Link>
      )}
    />
  );
};

const columns: Column[] = [
  { source: 'region', kind: 'text' },
  { source: 'year', kind: 'text' },
  { source: 'insured_count', kind: 'number' },
  { source: 'premium_total', kind: 'money' },
  { source: 'catastrophic_pool', kind: 'money' },
  { source: 'outpatient_pool', kind: 'money' },
  { source: 'bundle_ratio', kind: 'percent' },
  { source: 'budget', kind: 'money', sortable: false },
];

export const FundYearList = () => {
  const rowClick = useEditLink('fund-years');
  return (
    <List sort={{ field: 'year', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      <Datagrid bulkActionButtons={false} rowClick={rowClick}>
        {columnFields(columns, yuanCells(columns))}
        <DashboardLink />
      </Datagrid>
    </List>
  );
};

export const FundYearCreate = () => (
  <Create redirect="edit" transform={dropEmpty}>
    <SimpleForm>
      <TextInput source="region" validate={required()} />
      <NumberInput source="year" validate={required()} defaultValue={new Date().getFullYear()} />
      <NumberInput source="insured_count" validate={required()} />
      <TextInput source="premium_total" validate={required()} />
      <TextInput source="catastrophic_pool" validate={required()} />
      <TextInput source="outpatient_pool" validate={required()} />
      <TextInput source="bundle_ratio" helperText="0.90" />
    </SimpleForm>
  </Create>
);
