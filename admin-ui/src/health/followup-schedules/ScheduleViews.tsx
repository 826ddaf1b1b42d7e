// 随访计划: the per-condition follow-up schedules the daily job generates tasks from (e.g.
// hypertension: one face-to-face follow-up per quarter). Everyone reads them; only group_admin
// edits (the API refuses others; the edit route and the row link follow the same grant).
import { Alert } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  SelectField,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextField,
  TextInput,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { FOLLOWUP_TYPE_CHOICES, TAG_CHOICES, TRIGGER_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import type { ScheduleRecord } from '../records';
import { useEditLink } from '../../shared/useAccess';

const PERIOD_CHOICES = [1, 2, 3, 4, 6, 12].map((m) => ({ id: m, name: `health.schedules.every_${m}` }));

export const ScheduleList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  const rowClick = useEditLink('followup-schedules');
  return (
    <List pagination={false} perPage={100} sort={{ field: 'code', order: 'ASC' }} exporter={false} actions={false}>
      {isSmall ? (
        <SimpleList<ScheduleRecord>
          primaryText={(r) => r.name}
          secondaryText={(r) =>
            `${translate(`health.schedules.every_${r.period_months}`)} · ${translate('health.schedules.within', { days: r.due_within_days })}`
          }
          tertiaryText={(r) => (r.active ? '' : translate('health.schedules.inactive'))}
          linkType={rowClick}
        />
      ) : (
        <Datagrid rowClick={rowClick} bulkActionButtons={false}>
          <TextField source="name" sortable={false} />
          <SelectField source="followup_type" choices={FOLLOWUP_TYPE_CHOICES} sortable={false} />
          <SelectField source="population" choices={TAG_CHOICES} sortable={false} />
          <SelectField source="trigger" choices={TRIGGER_CHOICES} sortable={false} />
          <SelectField source="period_months" choices={PERIOD_CHOICES} sortable={false} />
          <NumberField source="due_within_days" sortable={false} />
          <BooleanField source="active" sortable={false} />
          <TextField source="norm" sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};

export const ScheduleEdit = () => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('health.schedules.takes_effect')}
        </Alert>
        <TextInput source="code" disabled />
        <SelectInput source="followup_type" choices={FOLLOWUP_TYPE_CHOICES} disabled />
        <SelectInput source="population" choices={TAG_CHOICES} disabled />
        <SelectInput source="trigger" choices={TRIGGER_CHOICES} disabled />
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="period_months" choices={PERIOD_CHOICES} validate={required()} />
        <NumberInput source="due_within_days" validate={[required(), minValue(1), maxValue(366)]} />
        <TextInput source="norm" multiline fullWidth />
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
};
