import { Datagrid, DateField, DateTimeInput, List, SearchInput, SimpleList, TextField, TextInput } from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="resource" source="resource" />,
  <TextInput key="action" source="action" />,
  <DateTimeInput key="at_gte" source="at_gte" />,
  <DateTimeInput key="at_lte" source="at_lte" />,
];

export const AuditLogList = () => {
  const isSmall = useIsSmall();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }}>
      {isSmall ? (
        <SimpleList
          primaryText={(entry) => `${entry.action} ${entry.resource} ${entry.record_id ?? ''}`}
          secondaryText={(entry) => entry.actor_name}
          tertiaryText={(entry) => new Date(entry.at).toLocaleString()}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="at" showTime />
          <TextField source="actor_name" />
          <TextField source="action" />
          <TextField source="resource" />
          <TextField source="record_id" />
        </Datagrid>
      )}
    </List>
  );
};
