// 结算批次: the runs (current ones by default), a new draft run, and the run page.
import { BooleanInput, Create, Datagrid, List, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { columnFields, yuanCells } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { RUN_KIND_CHOICES, RUN_STATUS_CHOICES } from '../choices';
import { pct, type RunSummary } from '../types';

const filters = [
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn>
    <SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={RUN_KIND_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={RUN_STATUS_CHOICES} />,
  <BooleanInput key="current" source="current" alwaysOn />,
];

// what a finance officer compares across runs, fitting 1440 px (the run page has the rest)
const columns: Column[] = [
  // the fund year names its region: two regions' runs of one year are told apart
  { source: 'fund_year_id', kind: 'reference', reference: 'fund-years', sortable: false },
  { source: 'period', kind: 'text', sortable: false },
  { source: 'kind', kind: 'choice', choices: RUN_KIND_CHOICES, sortable: false },
  { source: 'status', kind: 'choice', choices: RUN_STATUS_CHOICES, sortable: false },
  { source: 'budget', kind: 'money', sortable: false },
  { source: 'spending', kind: 'money', sortable: false },
  { source: 'surplus', kind: 'money', sortable: false },
  { source: 'surplus_rate', kind: 'computed', sortable: false, value: (r) => pct((r as RunSummary).surplus_rate) },
  { source: 'retained', kind: 'money', sortable: false },
  { source: 'calculated_at', kind: 'datetime', sortable: false },
];

// newest fund year first, its final run before its months; a year's runs fit on one page
export const RunList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ current: true }}
    sort={{ field: 'list_order', order: 'DESC' }}
    perPage={25}
    actions={<ListActions columns={columns} />}
  >
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'nowrap', px: 1 } }}>
      {columnFields(columns, yuanCells(columns))}
    </Datagrid>
  </List>
);

export const RunCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="fund_year_id" reference="fund-years">
        <SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} validate={required()} />
      </ReferenceInput>
      <TextInput source="period" validate={required()} helperText="settlement.run.period_help" />
      <TextInput source="reason" multiline fullWidth />
    </SimpleForm>
  </Create>
);
