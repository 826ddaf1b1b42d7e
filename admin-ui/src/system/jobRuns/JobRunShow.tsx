import { DateField, SelectField, SimpleShowLayout, TextField } from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { JsonField } from '../../shared/JsonField';
import { JOB_STATUS_CHOICES } from './statuses';

export const JobRunShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <TextField source="job" />
      <TextField source="run_key" />
      <SelectField source="status" choices={JOB_STATUS_CHOICES} />
      <DateField source="started_at" showTime />
      <DateField source="finished_at" showTime />
      <TextField source="triggered_by" />
      <TextField source="error" />
      <JsonField source="result" />
    </SimpleShowLayout>
  </Show>
);
