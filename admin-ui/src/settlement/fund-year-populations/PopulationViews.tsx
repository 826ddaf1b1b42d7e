// 参保人口（按单位）: the insured population registered in each recipient unit per fund year (the
// allocation weights) and the baseline admissions of the year before; finance lists them per
// fund year and corrects one. A year locked by an approved run refuses edits (409, shown).
import {
  AutocompleteInput,
  Create,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  required,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { useEditLink } from '../../shared/useAccess';

const fundYearText = (y: { region: string; year: number }) => `${y.region} ${y.year}`;

const filters = [
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn>
    <SelectInput optionText={fundYearText} />
  </ReferenceInput>,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
];

const columns: Column[] = [
  { source: 'fund_year_id', kind: 'reference', reference: 'fund-years' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'insured_population', kind: 'number' },
  { source: 'baseline_admissions', kind: 'number' },
];

export const PopulationList = () => {
  const rowClick = useEditLink('fund-year-populations');
  return (
    <List filters={filters} sort={{ field: 'org_unit_id', order: 'ASC' }} actions={<ListActions columns={columns} />}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        {columnFields(columns)}
      </Datagrid>
    </List>
  );
};

export const PopulationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <ReferenceField source="fund_year_id" reference="fund-years" link={false}>
        <FunctionField render={fundYearText} />
      </ReferenceField>
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <NumberInput source="insured_population" validate={required()} min={0} step={1} />
      <NumberInput source="baseline_admissions" min={0} step={1} helperText="resources.fund-year-populations.baseline_help" />
    </SimpleForm>
  </Edit>
);

export const PopulationCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <ReferenceInput source="fund_year_id" reference="fund-years">
        <SelectInput optionText={fundYearText} validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="org_unit_id" reference="org-units">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <NumberInput source="insured_population" validate={required()} min={0} step={1} />
      <NumberInput source="baseline_admissions" min={0} step={1} helperText="resources.fund-year-populations.baseline_help" />
    </SimpleForm>
  </Create>
);
