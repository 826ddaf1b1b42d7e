// 随访记录: every visit logged in scope, newest first, with its classification.
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  SimpleShowLayout,
  TextField,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { CLASSIFICATION_CHOICES, FOLLOWUP_TYPE_CHOICES, MODE_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={FOLLOWUP_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="classification" source="classification" choices={CLASSIFICATION_CHOICES} />,
];

const columns: Column[] = [
  { source: 'visited_on', kind: 'date' },
  { source: 'resident_name', kind: 'text', sortable: false },
  { source: 'type', kind: 'choice', choices: FOLLOWUP_TYPE_CHOICES },
  { source: 'mode', kind: 'choice', choices: MODE_CHOICES },
  { source: 'systolic', kind: 'computed', sortable: false, value: (f) => (f.systolic ? `${f.systolic}/${f.diastolic}` : '') },
  { source: 'fasting_glucose', kind: 'number' },
  { source: 'classification', kind: 'choice', choices: CLASSIFICATION_CHOICES },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
];

export const FollowupList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'visited_on', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList
          primaryText={(f) => `${f.resident_name ?? f.topic ?? ''} · ${translate(`enums.followup_type.${f.type}`)}`}
          secondaryText={(f) =>
            [f.visited_on, f.systolic && `${f.systolic}/${f.diastolic}`, f.fasting_glucose && `${f.fasting_glucose} mmol/L`].filter(Boolean).join(' · ')
          }
          tertiaryText={(f) => (f.classification ? translate(`enums.classification.${f.classification}`) : '')}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns)}
        </Datagrid>
      )}
    </List>
  );
};

export const FollowupShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="resident_id" reference="residents" link="show" emptyText="—" />
      <SelectField source="type" choices={FOLLOWUP_TYPE_CHOICES} />
      <SelectField source="mode" choices={MODE_CHOICES} />
      <DateField source="visited_on" />
      <NumberField source="systolic" emptyText="—" />
      <NumberField source="diastolic" emptyText="—" />
      <NumberField source="fasting_glucose" emptyText="—" />
      <NumberField source="weight_kg" emptyText="—" />
      <NumberField source="height_cm" emptyText="—" />
      <NumberField source="heart_rate" emptyText="—" />
      <SelectField source="classification" choices={CLASSIFICATION_CHOICES} emptyText="—" />
      <FunctionField source="advice" render={(f) => (f.advice ? <AdviceText advice={f.advice} /> : '—')} />
      <TextField source="topic" emptyText="—" />
      <NumberField source="attendees" emptyText="—" />
      <TextField source="notes" emptyText="—" />
      <TextField source="task_id" emptyText="—" />
      <TextField source="doctor_user_id" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

const AdviceText = ({ advice }: { advice: string }) => {
  const translate = useTranslate();
  return <>{translate(`enums.advice.${advice}`)}</>;
};
