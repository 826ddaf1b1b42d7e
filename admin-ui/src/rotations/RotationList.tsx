// 轮转: every rotation in scope, by year, type, status and unit.
import { Datagrid, List, NumberInput, ReferenceInput, AutocompleteInput, SelectInput } from 'react-admin';
import { columnFields } from '../shared/columnFields';
import { ListActions } from '../shared/ExportButton';
import { type Column } from '../shared/exporter';
import { ROTATION_STATUS_CHOICES, ROTATION_TYPE_CHOICES } from '../hr/choices';

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <SelectInput key="type" source="type" choices={ROTATION_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={ROTATION_STATUS_CHOICES} />,
  <ReferenceInput key="host" source="host_org_unit_id" reference="org-units"><AutocompleteInput /></ReferenceInput>,
  <ReferenceInput key="home" source="home_org_unit_id" reference="org-units"><AutocompleteInput /></ReferenceInput>,
];

const columns: Column[] = [
  { source: 'staff_id', kind: 'reference', reference: 'staff', link: 'show' },
  { source: 'type', kind: 'choice', choices: ROTATION_TYPE_CHOICES },
  { source: 'home_name', kind: 'text', label: 'resources.rotations.fields.home_org_unit_id' },
  { source: 'host_name', kind: 'text', label: 'resources.rotations.fields.host_org_unit_id' },
  { source: 'start_on', kind: 'date' },
  { source: 'planned_end_on', kind: 'date' },
  { source: 'actual_end_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: ROTATION_STATUS_CHOICES },
];

export const RotationList = () => (
  <List filters={filters} filterDefaultValues={{ year: new Date().getFullYear() }} sort={{ field: 'start_on', order: 'ASC' }} actions={<ListActions columns={columns} />}>
    <Datagrid bulkActionButtons={false}>{columnFields(columns)}</Datagrid>
  </List>
);
