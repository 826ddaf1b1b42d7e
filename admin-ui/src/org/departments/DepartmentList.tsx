import { AutocompleteInput, Datagrid, List, ReferenceInput, SearchInput, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { useIsSmall } from '../../shared/useIsSmall';
import type { DepartmentRecord } from '../../shared/records';
import { DEPARTMENT_KIND_CHOICES } from './choices';
import { useEditLink } from '../../shared/useAccess';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="org_unit_id" source="org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="kind" source="kind" choices={DEPARTMENT_KIND_CHOICES} />,
];

const columns: Column<DepartmentRecord>[] = [
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units', link: 'show' },
  { source: 'name', kind: 'text' },
  { source: 'kind', kind: 'choice', choices: DEPARTMENT_KIND_CHOICES },
  { source: 'active', kind: 'bool' },
];

export const DepartmentList = () => {
  const rowClick = useEditLink('departments');
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<DepartmentRecord>
          primaryText={(department) => department.name}
          secondaryText={(department) => translate(`enums.department_kind.${department.kind}`)}
          linkType={rowClick}
        />
      ) : (
        <Datagrid rowClick={rowClick}>{columnFields(columns)}</Datagrid>
      )}
    </List>
  );
};
