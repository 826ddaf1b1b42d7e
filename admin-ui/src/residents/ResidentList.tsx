// 居民档案: the village's residents with their key-population tags; search by name, household,
// phone or masked ID; filter by tag. Phones get a simple list.
import { BooleanInput, ChipField, Datagrid, DateField, FunctionField, List, ReferenceField, SearchInput, SelectField, SelectInput, SimpleList, TextField, TextInput, useTranslate } from 'react-admin';
import { Chip, Stack } from '@mui/material';
import { SEX_CHOICES, TAG_CHOICES } from '../health/choices';
import { useIsSmall } from '../shared/useIsSmall';

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

export const ResidentList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} filterDefaultValues={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
      {isSmall ? (
        <SimpleList
          primaryText={(r) => `${r.name} · ${translate(`enums.sex.${r.sex}`)} · ${r.age}`}
          secondaryText={(r) => (r.tags as string[]).map((t) => translate(`enums.key_tag.${t}`)).join(' · ')}
          tertiaryText={(r) => r.household ?? ''}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <SelectField source="sex" choices={SEX_CHOICES} />
          <DateField source="birth_date" />
          <TextField source="age" sortable={false} />
          <TextField source="id_number_masked" sortable={false} />
          <TextField source="household" />
          <ReferenceField source="org_unit_id" reference="org-units" link={false}>
            <ChipField source="name" size="small" />
          </ReferenceField>
          <FunctionField source="tags" sortable={false} render={(r) => <TagChips tags={r.tags} />} />
        </Datagrid>
      )}
    </List>
  );
};
