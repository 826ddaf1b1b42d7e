import { Datagrid, DateTimeInput, List, SearchInput, SimpleList, TextInput } from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="resource" source="resource" />,
  <TextInput key="action" source="action" />,
  <DateTimeInput key="at_gte" source="at_gte" />,
  <DateTimeInput key="at_lte" source="at_lte" />,
];

const columns: Column[] = [
  { source: 'at', kind: 'datetime' },
  { source: 'actor_name', kind: 'text' },
  { source: 'action', kind: 'text' },
  // the resource by its menu name where it has one
  { source: 'resource', kind: 'computed', value: (e, translate) => translate(`resources.${e.resource}.name`, { smart_count: 1, _: e.resource }) },
  { source: 'record_id', kind: 'text' },
];

export const AuditLogList = () => {
  const isSmall = useIsSmall();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList
          primaryText={(entry) => `${entry.action} ${entry.resource} ${entry.record_id ?? ''}`}
          secondaryText={(entry) => entry.actor_name}
          tertiaryText={(entry) => new Date(entry.at).toLocaleString()}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>{columnFields(columns)}</Datagrid>
      )}
    </List>
  );
};
