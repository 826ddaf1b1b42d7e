import { DateField, SimpleShowLayout, TextField } from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { JsonField } from '../../shared/JsonField';

export const AuditLogShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <DateField source="at" showTime />
      <TextField source="actor_name" />
      <TextField source="action" />
      <TextField source="resource" />
      <TextField source="record_id" />
      <TextField source="client_ip" />
      <JsonField source="before" />
      <JsonField source="after" />
    </SimpleShowLayout>
  </Show>
);
