import { Datagrid, DateTimeInput, List, SearchInput, SelectInput, SimpleList } from 'react-admin';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { AUDITED_RESOURCE_CHOICES, AUDIT_ACTION_CHOICES } from './choices';
import { auditAction, auditResource, useAuditLabels } from './labels';
import type { AuditEntry } from '../records';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="resource" source="resource" choices={AUDITED_RESOURCE_CHOICES} />,
  <SelectInput key="action" source="action" choices={AUDIT_ACTION_CHOICES} />,
  <DateTimeInput key="at_gte" source="at_gte" />,
  <DateTimeInput key="at_lte" source="at_lte" />,
];

const columns: Column<AuditEntry>[] = [
  { source: 'at', kind: 'datetime' },
  { source: 'actor_name', kind: 'text' },
  { source: 'action', kind: 'computed', value: (e, translate) => auditAction(translate, e.action) },
  { source: 'resource', kind: 'computed', value: (e, translate) => auditResource(translate, e.resource) },
  { source: 'record_id', kind: 'text' },
];

export const AuditLogList = () => {
  const isSmall = useIsSmall();
  const { action, resource } = useAuditLabels();
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<AuditEntry>
          primaryText={(entry) => `${action(entry.action)} ${resource(entry.resource)} ${entry.record_id ?? ''}`}
          secondaryText={(entry) => entry.actor_name}
          tertiaryText={(entry) => new Date(entry.at).toLocaleString()}
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
