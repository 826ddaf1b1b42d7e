import { DateField, SimpleShowLayout, TextField } from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { JsonField } from '../../shared/JsonField';
import { CodeField } from '../../shared/CodeField';
import { useAuditLabels } from './labels';

export const AuditLogShow = () => {
  const { action, resource } = useAuditLabels();
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <DateField source="at" showTime />
        <TextField source="actor_name" />
        <CodeField source="action" text={action} />
        <CodeField source="resource" text={resource} />
        <TextField source="record_id" />
        <TextField source="client_ip" />
        <JsonField source="before" />
        <JsonField source="after" />
      </SimpleShowLayout>
    </Show>
  );
};
