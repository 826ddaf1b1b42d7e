// 结算批次: the runs (current ones by default), a new draft run, and the run page.
import CalculateIcon from '@mui/icons-material/Calculate';
import {
  BooleanInput, Create, Datagrid, DateField, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SelectField, SelectInput, SimpleForm, TextField, TextInput, required,
} from 'react-admin';
import type { ResourceEntry } from '../registry';
import { RUN_KIND_CHOICES, RUN_STATUS_CHOICES } from '../settlement/choices';
import { pct, type RunSummary } from '../settlement/types';
import { RunShow } from './RunShow';

const filters = [
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn><SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} /></ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={RUN_KIND_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={RUN_STATUS_CHOICES} />,
  <BooleanInput key="current" source="current" alwaysOn />,
];

const amount = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

const RunList = () => (
  <List filters={filters} filterDefaultValues={{ current: true }} sort={{ field: 'period', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
      <TextField source="id" />
      <ReferenceField source="fund_year_id" reference="fund-years" link={false}><FunctionField render={(y: { region: string; year: number }) => `${y.region} ${y.year}`} /></ReferenceField>
      <TextField source="period" />
      <SelectField source="kind" choices={RUN_KIND_CHOICES} />
      <SelectField source="status" choices={RUN_STATUS_CHOICES} />
      <TextField source="version" />
      <NumberField source="budget" options={amount} sortable={false} />
      <NumberField source="spending" options={amount} sortable={false} />
      <NumberField source="surplus" options={amount} sortable={false} />
      <FunctionField source="surplus_rate" sortable={false} render={(r: RunSummary) => pct(r.surplus_rate)} />
      <NumberField source="retained" options={amount} sortable={false} />
      <TextField source="reviewed_by_name" sortable={false} />
      <TextField source="approved_by_name" sortable={false} />
      <DateField source="calculated_at" showTime sortable={false} />
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
