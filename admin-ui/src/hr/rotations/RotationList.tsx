// 轮转: every rotation in scope, by year, type, status and unit; a row opens the rotation.
import { Datagrid, List, NumberInput, ReferenceInput, AutocompleteInput, SelectInput } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { ROTATION_STATUS_CHOICES, ROTATION_TYPE_CHOICES } from '../choices';
import { rotationColumns } from './rotationFields';

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <SelectInput key="type" source="type" choices={ROTATION_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={ROTATION_STATUS_CHOICES} />,
  <ReferenceInput key="host" source="host_org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="home" source="home_org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
];

const columns: Column[] = [{ source: 'staff_id', kind: 'reference', reference: 'staff', link: 'show' }, ...rotationColumns];

export const RotationList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ year: new Date().getFullYear() }}
    sort={{ field: 'start_on', order: 'ASC' }}
    actions={<ListActions columns={columns} />}
  >
    <Datagrid bulkActionButtons={false} rowClick="show">
      {columnFields(columns)}
    </Datagrid>
  </List>
);
