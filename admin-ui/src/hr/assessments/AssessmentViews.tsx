// 年度考核: per staff per year, score and grade; filtered per year and unit. The 优秀 quota of the
// unit is checked by the API and its message shown on the grade; an approved year is locked.
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  required,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { Edit } from '../../shared/fullRecord';
import { GRADE_CHOICES } from '../choices';
import { HrForm } from '../problems';
import type { AssessmentYearRecord } from '../records';
import { useFilterValues } from '../../shared/filterValues';
import { useEditLink } from '../../shared/useAccess';

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="grade" source="grade" choices={GRADE_CHOICES} />,
];

/** Whether the filtered year is still open or approved (locked). */
const YearState = () => {
  const translate = useTranslate();
  const { year } = useFilterValues<{ year?: number }>();
  const { data, error } = useGetOne<AssessmentYearRecord>('assessment-years', { id: year! }, { enabled: !!year, retry: false });
  if (!year) return null;
  if (error)
    return (
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('hr.assessments.year_not_open', { year })}
      </Alert>
    );
  if (!data) return null;
  return (
    <Alert severity={data.status === 'approved' ? 'success' : 'info'} sx={{ mb: 1 }} data-testid="assessment-year-state">
      {translate(data.status === 'approved' ? 'hr.assessments.year_locked' : 'hr.assessments.year_open', {
        year: data.year,
        share: Math.round(Number(data.excellent_share) * 100),
      })}
    </Alert>
  );
};

const columns: Column[] = [
  { source: 'staff_name', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'year', kind: 'text' },
  { source: 'score', kind: 'number' },
  { source: 'grade', kind: 'choice', choices: GRADE_CHOICES },
  { source: 'comment', kind: 'text' },
];

export const AssessmentList = () => {
  const rowClick = useEditLink('assessments');
  return (
    <List
      filters={filters}
      filterDefaultValues={{ year: new Date().getFullYear() - 1 }}
      sort={{ field: 'year', order: 'DESC' }}
      actions={<ListActions columns={columns} />}
    >
      <YearState />
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        {columnFields(columns)}
      </Datagrid>
    </List>
  );
};

export const AssessmentCreate = () => (
  <Create>
    <HrForm fields={['staff_id', 'year', 'score', 'grade', 'comment']} redirect="create">
      <ReferenceInput source="staff_id" reference="staff" filter={{ status: 'active' }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <NumberInput source="year" defaultValue={new Date().getFullYear() - 1} validate={required()} />
      <NumberInput source="score" min={0} max={100} validate={required()} />
      <SelectInput source="grade" choices={GRADE_CHOICES} validate={required()} helperText="hr.assessments.grade_help" />
      <TextInput source="comment" multiline />
    </HrForm>
  </Create>
);

export const AssessmentEdit = () => (
  <Edit mutationMode="pessimistic">
    <HrForm fields={['score', 'grade', 'comment']}>
      <TextField source="staff_name" />
      <TextField source="year" />
      <NumberInput source="score" min={0} max={100} validate={required()} />
      <SelectInput source="grade" choices={GRADE_CHOICES} validate={required()} helperText="hr.assessments.grade_help" />
      <TextInput source="comment" multiline />
    </HrForm>
  </Edit>
);
