// 参保满意度: the imported survey score per month of a fund year (the satisfaction gate reads
// the respondent-weighted mean); imported on the claims import page.
import SentimentSatisfiedIcon from '@mui/icons-material/SentimentSatisfied';
import { Datagrid, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SelectInput, TextField } from 'react-admin';
import type { ResourceEntry } from '../registry';

const fundYearText = (y: { region: string; year: number }) => `${y.region} ${y.year}`;

const filters = [<ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn><SelectInput optionText={fundYearText} /></ReferenceInput>];

const SatisfactionList = () => (
  <List filters={filters} sort={{ field: 'month', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <ReferenceField source="fund_year_id" reference="fund-years" link={false}><FunctionField render={fundYearText} /></ReferenceField>
      <TextField source="month" />
      <NumberField source="score" options={{ minimumFractionDigits: 2, maximumFractionDigits: 2 }} />
      <NumberField source="respondents" />
    </Datagrid>
  </List>
);

export const satisfactionScores: ResourceEntry = { name: 'satisfaction-scores', list: SatisfactionList, icon: SentimentSatisfiedIcon };
