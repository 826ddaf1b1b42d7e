// 参保满意度: the imported survey score per month of a fund year (the satisfaction gate reads
// the respondent-weighted mean); imported on the claims import page.
import { Datagrid, List, ReferenceInput, SelectInput } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';

const fundYearText = (y: { region: string; year: number }) => `${y.region} ${y.year}`;

const filters = [
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn>
    <SelectInput optionText={fundYearText} />
  </ReferenceInput>,
];

const columns: Column[] = [
  { source: 'fund_year_id', kind: 'reference', reference: 'fund-years' },
  { source: 'month', kind: 'text' },
  { source: 'score', kind: 'number' },
  { source: 'respondents', kind: 'number' },
];

export const SatisfactionList = () => (
  <List filters={filters} sort={{ field: 'fund_year_id', order: 'DESC' }} actions={<ListActions columns={columns} />}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      {columnFields(columns)}
    </Datagrid>
  </List>
);
