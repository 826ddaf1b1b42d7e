// 居民档案: the village's residents with their key-population tags; search by name, household,
// phone or masked ID; filter by tag. Phones get a simple list.
import {
  BooleanInput,
  ChipField,
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  SimpleList,
  TextInput,
  useTranslate,
} from 'react-admin';
import { Chip, Stack } from '@mui/material';
import { SEX_CHOICES, TAG_CHOICES } from '../choices';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { codeLabels, type Column } from '../../shared/exporter';
import { useIsSmall } from '../../shared/useIsSmall';

export const TagChips = ({ tags }: { tags: string[] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {tags.map((t) => (
        <Chip key={t} size="small" label={translate(`enums.key_tag.${t}`)} color={t === 'hypertension' || t === 'diabetes' ? 'warning' : 'default'} />
      ))}
    </Stack>
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="tag" source="tag" choices={TAG_CHOICES} alwaysOn />,
  <BooleanInput key="contracted" source="contracted" />,
  <BooleanInput key="active" source="active" />,
  <TextInput key="id_number" source="id_number" />,
];

/** The register's columns, on the screen and in its export. */
const columns: Column[] = [
  { source: 'name', kind: 'text' },
  { source: 'sex', kind: 'choice', choices: SEX_CHOICES },
  { source: 'birth_date', kind: 'date' },
  { source: 'age', kind: 'number', sortable: false },
  { source: 'id_number_masked', kind: 'text', sortable: false },
  { source: 'household', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units', field: 'name' },
  { source: 'tags', kind: 'computed', sortable: false, value: (r, translate) => codeLabels(r.tags, 'enums.key_tag', translate) },
];

const cells = {
  org_unit_id: (
    <ReferenceField source="org_unit_id" reference="org-units" link={false}>
      <ChipField source="name" size="small" />
    </ReferenceField>
  ),
  tags: <FunctionField source="tags" sortable={false} render={(r) => <TagChips tags={r.tags} />} />,
};

export const ResidentList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} filterDefaultValues={{ active: true }} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.name} · ${translate(`enums.sex.${r.sex}`)} · ${r.age}`}
          secondaryText={(r) => (r.tags as string[]).map((t) => translate(`enums.key_tag.${t}`)).join(' · ')}
          tertiaryText={(r) => r.household ?? ''}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          {columnFields(columns, cells)}
        </Datagrid>
      )}
    </List>
  );
};
