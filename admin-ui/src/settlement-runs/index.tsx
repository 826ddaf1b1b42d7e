// 结算批次: the runs (current ones by default), a new draft run, and the run page.
import CalculateIcon from '@mui/icons-material/Calculate';
import {
  BooleanInput, Create, Datagrid, List, ReferenceInput, SelectInput, SimpleForm, TextInput, required,
} from 'react-admin';
import type { ResourceEntry } from '../registry';
import { columnFields } from '../shared/columnFields';
import { ListActions } from '../shared/ExportButton';
import { type Column } from '../shared/exporter';
import { RUN_KIND_CHOICES, RUN_STATUS_CHOICES } from '../settlement/choices';
import { pct, type RunSummary } from '../settlement/types';
import { RunShow } from './RunShow';

const filters = [
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn><SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} /></ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={RUN_KIND_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={RUN_STATUS_CHOICES} />,
  <BooleanInput key="current" source="current" alwaysOn />,
];

const columns: Column[] = [
  { source: 'id', kind: 'text' },
  { source: 'fund_year_id', kind: 'reference', reference: 'fund-years' },
  { source: 'period', kind: 'text' },
  { source: 'kind', kind: 'choice', choices: RUN_KIND_CHOICES },
  { source: 'status', kind: 'choice', choices: RUN_STATUS_CHOICES },
  { source: 'version', kind: 'text' },
  { source: 'budget', kind: 'money', sortable: false },
  { source: 'spending', kind: 'money', sortable: false },
  { source: 'surplus', kind: 'money', sortable: false },
  { source: 'surplus_rate', kind: 'computed', sortable: false, value: (r) => pct((r as RunSummary).surplus_rate) },
  { source: 'retained', kind: 'money', sortable: false },
  { source: 'reviewed_by_name', kind: 'text', sortable: false },
  { source: 'approved_by_name', kind: 'text', sortable: false },
  { source: 'calculated_at', kind: 'datetime', sortable: false },
];

const RunList = () => (
  <List filters={filters} filterDefaultValues={{ current: true }} sort={{ field: 'period', order: 'DESC' }} actions={<ListActions columns={columns} />}>
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>{columnFields(columns)}</Datagrid>
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
