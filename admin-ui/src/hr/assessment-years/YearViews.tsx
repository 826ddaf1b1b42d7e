// 年度考核 calendar: a year is opened with its 优秀 share (default 20%) and approved (locked) by group HR.
import { Create, Datagrid, List, NumberInput, TextField, WrapperField, required } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { Edit } from '../../shared/fullRecord';
import { ASSESSMENT_YEAR_STATUS_CHOICES } from '../choices';
import { ActionButton, HrForm } from '../problems';
import { useEditLink } from '../../shared/useAccess';

const columns: Column[] = [
  { source: 'year', kind: 'text' },
  { source: 'excellent_share', kind: 'percent' },
  { source: 'status', kind: 'choice', choices: ASSESSMENT_YEAR_STATUS_CHOICES },
  { source: 'approved_by', kind: 'text' },
  { source: 'approved_at', kind: 'datetime' },
];

export const YearList = () => {
  const rowClick = useEditLink('assessment-years');
  return (
    <List sort={{ field: 'year', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      <Datagrid bulkActionButtons={false} rowClick={(_id, _r, y) => (y.status === 'open' ? rowClick : false)}>
        {columnFields(columns)}
        <WrapperField label="hr.promotions.steps">
          <ActionButton verb="approve" label="hr.assessments.approve_year" color="success" when={(y) => y.status === 'open'} fields={[]} />
        </WrapperField>
      </Datagrid>
    </List>
  );
};

export const YearCreate = () => (
  <Create>
    <HrForm fields={['year', 'excellent_share']}>
      <NumberInput source="year" defaultValue={new Date().getFullYear()} validate={required()} />
      <NumberInput source="excellent_share" defaultValue={0.2} step={0.05} min={0.01} max={1} helperText="hr.assessments.share_help" />
    </HrForm>
  </Create>
);

export const YearEdit = () => (
  <Edit mutationMode="pessimistic">
    <HrForm fields={['excellent_share']}>
      <TextField source="year" />
      <NumberInput source="excellent_share" step={0.05} min={0.01} max={1} helperText="hr.assessments.share_help" />
    </HrForm>
  </Edit>
);
