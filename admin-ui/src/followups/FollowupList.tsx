// 随访记录: every visit logged in scope, newest first, with its classification.
import { Datagrid, DateField, FunctionField, List, NumberField, ReferenceField, SearchInput, SelectField, SelectInput, SimpleList, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { Show } from '../shared/fullRecord';
import { CLASSIFICATION_CHOICES, FOLLOWUP_TYPE_CHOICES, MODE_CHOICES } from '../health/choices';
import { useIsSmall } from '../shared/useIsSmall';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={FOLLOWUP_TYPE_CHOICES} alwaysOn />,
  <SelectInput key="classification" source="classification" choices={CLASSIFICATION_CHOICES} />,
];

export const FollowupList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'visited_on', order: 'DESC' }}>
      {isSmall ? (
        <SimpleList
          primaryText={(f) => `${f.resident_name ?? f.topic ?? ''} · ${translate(`enums.followup_type.${f.type}`)}`}
          secondaryText={(f) => [f.visited_on, f.systolic && `${f.systolic}/${f.diastolic}`, f.fasting_glucose && `${f.fasting_glucose} mmol/L`].filter(Boolean).join(' · ')}
          tertiaryText={(f) => (f.classification ? translate(`enums.classification.${f.classification}`) : '')}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="visited_on" />
          <TextField source="resident_name" sortable={false} />
          <SelectField source="type" choices={FOLLOWUP_TYPE_CHOICES} />
          <SelectField source="mode" choices={MODE_CHOICES} />
          <FunctionField label="resources.followups.fields.systolic" render={(f) => (f.systolic ? `${f.systolic}/${f.diastolic}` : '')} />
          <NumberField source="fasting_glucose" />
          <SelectField source="classification" choices={CLASSIFICATION_CHOICES} />
          <ReferenceField source="org_unit_id" reference="org-units" link={false} />
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
