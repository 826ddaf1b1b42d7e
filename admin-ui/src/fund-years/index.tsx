// 基金年度: per county and year the premiums, the pools taken off, the bundle ratio and the
// budget; finance creates a year (the defaults fill the tiers, gates, thresholds and profile)
// and edits its whole configuration (FundYearEdit).
import SavingsIcon from '@mui/icons-material/Savings';
import { Link } from 'react-router-dom';
import { Create, Datagrid, FunctionField, List, NumberField, NumberInput, SimpleForm, TextField, TextInput, required, useTranslate } from 'react-admin';
import type { ResourceEntry } from '../registry';
import { dropEmpty } from '../finance/api';
import { FundYearEdit } from './FundYearEdit';
import { YUAN } from '../settlement/types';

const DashboardLink = () => {
  const translate = useTranslate();
  return <FunctionField render={() => <Link to="/settlement-dashboard" onClick={(e) => e.stopPropagation()}>{translate('menu.settlement_dashboard')}</Link>} />;
};

const FundYearList = () => (
  <List sort={{ field: 'year', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick="edit">
      <TextField source="region" />
      <TextField source="year" />
      <NumberField source="insured_count" />
      <NumberField source="premium_total" options={YUAN} />
      <NumberField source="catastrophic_pool" options={YUAN} />
      <NumberField source="outpatient_pool" options={YUAN} />
      <NumberField source="bundle_ratio" options={{ style: 'percent', maximumFractionDigits: 2 }} />
      <NumberField source="budget" options={YUAN} sortable={false} />
      <DashboardLink />
    </Datagrid>
  </List>
);

const FundYearCreate = () => (
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

export const fundYears: ResourceEntry = { name: 'fund-years', list: FundYearList, edit: FundYearEdit, create: FundYearCreate, icon: SavingsIcon, recordRepresentation: (r) => `${r.region} ${r.year}` };
