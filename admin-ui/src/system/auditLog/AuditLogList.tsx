import { Datagrid, DateField, DateTimeInput, List, SearchInput, SelectInput, SimpleList, TextField } from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { AUDITED_RESOURCE_CHOICES, AUDIT_ACTION_CHOICES } from './choices';
import { CodeField } from '../../shared/CodeField';
import { useAuditLabels } from './labels';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="resource" source="resource" choices={AUDITED_RESOURCE_CHOICES} />,
  <SelectInput key="action" source="action" choices={AUDIT_ACTION_CHOICES} />,
  <DateTimeInput key="at_gte" source="at_gte" />,
  <DateTimeInput key="at_lte" source="at_lte" />,
];

export const AuditLogList = () => {
  const isSmall = useIsSmall();
  const { action, resource } = useAuditLabels();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      {isSmall ? (
        <SimpleList
          primaryText={(entry) => `${action(entry.action)} ${resource(entry.resource)} ${entry.record_id ?? ''}`}
          secondaryText={(entry) => entry.actor_name}
          tertiaryText={(entry) => new Date(entry.at).toLocaleString()}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="at" showTime />
          <TextField source="actor_name" />
          <CodeField source="action" text={action} />
          <CodeField source="resource" text={resource} />
          <TextField source="record_id" />
        </Datagrid>
      )}
    </List>
  );
};
