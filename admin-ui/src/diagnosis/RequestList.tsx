// All diagnosis requests in scope (the requesting doctor's, a centre's), and a centre's worklist:
// what is still to check, assign or report, emergencies first, the nearest due time first, red past the norm.
import { useState } from 'react';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  useGetList,
  useTranslate,
  BooleanInput,
} from 'react-admin';
import { DATE_TIME_OPTIONS } from '../shared/time';
import { KIND_CHOICES, STATUS_CHOICES, URGENCY_CHOICES, type DxRequestRecord } from './choices';
import { CriticalChip, TimeLeft, UrgencyChip } from './TimeLeft';
import { IdSelect } from './IdSelect';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} />,
  <SelectInput key="urgency" source="urgency" choices={URGENCY_CHOICES} />,
  <BooleanInput key="late" source="late" />,
  <BooleanInput key="critical" source="critical" />,
];

const Rows = () => (
  <Datagrid rowClick="show" bulkActionButtons={false} rowSx={(r) => ((r as DxRequestRecord).late ? { bgcolor: 'rgba(211,47,47,0.08)' } : {})}>
    <TextField source="id" />
    <FunctionField source="urgency" render={() => <UrgencyChip />} />
    <FunctionField label="diagnosis.time_left" render={() => <TimeLeft />} />
    <TextField source="patient_name" />
    <TextField source="service_name" />
    <TextField source="from_unit_name" />
    <SelectField source="status" choices={STATUS_CHOICES} />
    <FunctionField source="critical" render={() => <CriticalChip />} />
    <DateField source="submitted_at" showTime options={DATE_TIME_OPTIONS} />
    <DateField source="due_at" showTime options={DATE_TIME_OPTIONS} />
    <TextField source="reader_name" emptyText="—" />
  </Datagrid>
);

export const RequestList = () => (
  <List filters={filters} sort={{ field: 'submitted_at', order: 'DESC' }}>
    <Rows />
  </List>
);

/** A centre's worklist: the centre chosen above the list (the first one until then). */
export const Worklist = () => {
  const translate = useTranslate();
  const { data: centres } = useGetList<{ id: number; name: string }>('diagnosis-centres', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'id', order: 'ASC' },
  });
  const [chosen, setChosen] = useState<number | null>(null);
  const centre = chosen ?? centres?.[0]?.id ?? null;
  return (
    <>
      <IdSelect
        label={translate('diagnosis.centre')}
        value={centre}
        options={centres ?? []}
        onChange={setChosen}
        testId="worklist-centre"
        sx={{ mt: 2, minWidth: 260 }}
      />
      {centre != null && (
        <List
          key={centre}
          resource="diagnosis-requests"
          storeKey={`diagnosis.worklist.${centre}`}
          filter={{ worklist: centre }}
          filters={filters}
          sort={{ field: 'due_at', order: 'ASC' }}
          title={translate('diagnosis.worklist')}
          disableSyncWithLocation
        >
          <Rows />
        </List>
      )}
    </>
  );
};
