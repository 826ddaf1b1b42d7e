// 结算批次: the runs (current ones by default), a new draft run, and the run page.
import CalculateIcon from '@mui/icons-material/Calculate';
import {
  BooleanInput, Create, Datagrid, DateField, FunctionField, List, NumberField, ReferenceInput, SelectField, SelectInput, SimpleForm, TextField, TextInput, required,
} from 'react-admin';
import type { ResourceEntry } from '../registry';
import { RUN_KIND_CHOICES, RUN_STATUS_CHOICES } from '../settlement/choices';
import { pct, YUAN, type RunSummary } from '../settlement/types';
import { RunShow } from './RunShow';

const filters = [
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn><SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} /></ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={RUN_KIND_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={RUN_STATUS_CHOICES} />,
  <BooleanInput key="current" source="current" alwaysOn />,
];

// newest fund year first, its final run before its months; a year's runs fit on one page
const RunList = () => (
  <List filters={filters} filterDefaultValues={{ current: true }} sort={{ field: 'list_order', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'nowrap', px: 1 } }}>
      <TextField source="period" sortable={false} />
      <SelectField source="kind" choices={RUN_KIND_CHOICES} sortable={false} />
      <SelectField source="status" choices={RUN_STATUS_CHOICES} sortable={false} />
      <NumberField source="budget" options={YUAN} sortable={false} />
      <NumberField source="spending" options={YUAN} sortable={false} />
      <NumberField source="surplus" options={YUAN} sortable={false} />
      <FunctionField source="surplus_rate" sortable={false} render={(r: RunSummary) => pct(r.surplus_rate)} />
      <NumberField source="retained" options={YUAN} sortable={false} />
      <DateField source="calculated_at" showTime sortable={false} options={{ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }} />
    </Datagrid>
  </List>
);

const RunCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="fund_year_id" reference="fund-years"><SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} validate={required()} /></ReferenceInput>
      <TextInput source="period" validate={required()} helperText="settlement.run.period_help" />
      <TextInput source="reason" multiline fullWidth />
    </SimpleForm>
  </Create>
);

export const settlementRuns: ResourceEntry = { name: 'settlement-runs', list: RunList, show: RunShow, create: RunCreate, icon: CalculateIcon, recordRepresentation: 'period' };
