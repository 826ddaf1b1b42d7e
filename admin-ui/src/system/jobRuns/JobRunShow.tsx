import { DateField, SelectField, SimpleShowLayout, TextField } from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { JsonField } from '../../shared/JsonField';
import { JOB_STATUS_CHOICES } from './statuses';
import { CodeField } from '../../shared/CodeField';
import { useJobLabels } from './labels';

export const JobRunShow = () => {
  const { job, trigger } = useJobLabels();
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <CodeField source="job" text={job} />
        <TextField source="run_key" />
        <SelectField source="status" choices={JOB_STATUS_CHOICES} />
        <DateField source="started_at" showTime />
        <DateField source="finished_at" showTime />
        <CodeField source="triggered_by" text={trigger} />
        <TextField source="error" />
        <JsonField source="result" />
      </SimpleShowLayout>
    </Show>
  );
};
