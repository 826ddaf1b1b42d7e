import { Datagrid, List, SearchInput, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { useIsSmall } from '../../shared/useIsSmall';
import type { OrgUnitRecord } from '../../shared/records';
import { UNIT_KIND_CHOICES, UNIT_LEVEL_CHOICES } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={UNIT_KIND_CHOICES} />,
  <SelectInput key="level" source="level" choices={UNIT_LEVEL_CHOICES} />,
];

const columns: Column<OrgUnitRecord>[] = [
  { source: 'code', kind: 'text' },
  { source: 'name', kind: 'text' },
  { source: 'kind', kind: 'choice', choices: UNIT_KIND_CHOICES },
  { source: 'level', kind: 'choice', choices: UNIT_LEVEL_CHOICES },
  { source: 'parent_id', kind: 'reference', reference: 'org-units', link: 'show' },
  { source: 'region', kind: 'text' },
  { source: 'active', kind: 'bool' },
];

export const OrgUnitList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'path', order: 'ASC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<OrgUnitRecord>
          primaryText={(unit) => unit.name}
          secondaryText={(unit) => translate(`enums.unit_kind.${unit.kind}`)}
          tertiaryText={(unit) => unit.code}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show">{columnFields(columns)}</Datagrid>
      )}
    </List>
  );
};
