// 岗位设置: sanctioned posts per unit and department with headcount, occupied and vacant places;
// beside the list, the vacancy figures per unit of the chosen unit's subtree.
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { useWatch } from 'react-hook-form';
import { CATEGORY_CHOICES, POST_STATUS_CHOICES } from '../choices';
import { HrForm } from '../problems';
import { httpClient } from '../../httpClient';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { storedUser } from '../../session';
import type { PostRecord } from '../records';
import { useFilterValues } from '../../shared/filterValues';
import { useEditLink } from '../../shared/useAccess';

interface Vacancy {
  org_unit_id: number;
  code: string;
  name: string;
  headcount: number;
  filled: number;
  vacant: number;
  posts: number;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput label="resources.posts.fields.org_unit_id" />
  </ReferenceInput>,
  <SelectInput key="category" source="category" choices={CATEGORY_CHOICES} />,
  <SelectInput key="status" source="status" choices={POST_STATUS_CHOICES} />,
];

/** Headcount, occupied and vacant places per unit below the filtered unit (or the user's own). */
const Vacancies = () => {
  const translate = useTranslate();
  const { org_unit_id } = useFilterValues<{ org_unit_id?: number }>();
  const unit = org_unit_id ?? storedUser()?.org_unit.id;
  const { data } = useQuery({
    queryKey: ['post-vacancies', unit],
    queryFn: async () => (await httpClient(`/api/posts/vacancies?org_unit_id=${unit}`)).json as Vacancy[],
    enabled: unit != null,
  });
  const total = (data ?? []).reduce((t, v) => ({ headcount: t.headcount + v.headcount, filled: t.filled + v.filled, vacant: t.vacant + v.vacant }), {
    headcount: 0,
    filled: 0,
    vacant: 0,
  });
  return (
    <Card sx={{ ml: 2, mt: 8, minWidth: 360, alignSelf: 'flex-start' }}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('hr.posts.vacancies')}
        </Typography>
        <Table size="small" data-testid="post-vacancies">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.posts.fields.org_unit_id')}</TableCell>
              <TableCell align="right">{translate('resources.posts.fields.headcount')}</TableCell>
              <TableCell align="right">{translate('resources.posts.fields.filled')}</TableCell>
              <TableCell align="right">{translate('resources.posts.fields.vacant')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((v) => (
              <TableRow key={v.org_unit_id} data-testid={`vacancy-${v.code}`}>
                <TableCell>{v.name}</TableCell>
                <TableCell align="right">{v.headcount}</TableCell>
                <TableCell align="right">{v.filled}</TableCell>
                <TableCell align="right" sx={{ fontWeight: v.vacant ? 'bold' : undefined }}>
                  {v.vacant}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>
                <b>{translate('hr.posts.total')}</b>
              </TableCell>
              <TableCell align="right">
                <b>{total.headcount}</b>
              </TableCell>
              <TableCell align="right">
                <b>{total.filled}</b>
              </TableCell>
              <TableCell align="right">
                <b>{total.vacant}</b>
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

const columns: Column<PostRecord>[] = [
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'department_id', kind: 'reference', reference: 'departments' },
  { source: 'name', kind: 'text' },
  { source: 'category', kind: 'choice', choices: CATEGORY_CHOICES },
  { source: 'headcount', kind: 'number' },
  { source: 'filled', kind: 'number' },
  { source: 'vacant', kind: 'computed', sortable: false, value: (p) => String(p.status === 'closed' ? 0 : p.headcount - p.filled) },
  { source: 'status', kind: 'choice', choices: POST_STATUS_CHOICES },
];

export const PostList = () => {
  const rowClick = useEditLink('posts');
  return (
    <List filters={filters} sort={{ field: 'org_unit_id', order: 'ASC' }} aside={<Vacancies />} actions={<ListActions columns={columns} />}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        {columnFields(columns)}
      </Datagrid>
    </List>
  );
};

const DepartmentInput = () => {
  const unit = useWatch<{ org_unit_id?: number | null }>({ name: 'org_unit_id' });
  return (
    <ReferenceInput source="department_id" reference="departments" filter={unit ? { org_unit_id: unit } : {}}>
      <AutocompleteInput disabled={!unit} />
    </ReferenceInput>
  );
};

const FIELDS = ['org_unit_id', 'department_id', 'name', 'category', 'headcount', 'note'];

export const PostCreate = () => (
  <Create>
    <HrForm fields={FIELDS}>
      <ReferenceInput source="org_unit_id" reference="org-units">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <DepartmentInput />
      <TextInput source="name" validate={required()} />
      <SelectInput source="category" choices={CATEGORY_CHOICES} validate={required()} />
      <NumberInput source="headcount" min={1} validate={required()} />
      <TextInput source="note" multiline />
    </HrForm>
  </Create>
);

export const PostEdit = () => (
  <Edit mutationMode="pessimistic">
    <HrForm fields={[...FIELDS.filter((f) => f !== 'org_unit_id'), 'status']}>
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <DepartmentInput />
      <TextInput source="name" validate={required()} />
      <SelectInput source="category" choices={CATEGORY_CHOICES} validate={required()} />
      <NumberInput source="headcount" min={1} validate={required()} />
      <NumberField source="filled" />
      <SelectInput source="status" choices={POST_STATUS_CHOICES} helperText="hr.posts.status_help" />
      <TextInput source="note" multiline />
    </HrForm>
  </Edit>
);
