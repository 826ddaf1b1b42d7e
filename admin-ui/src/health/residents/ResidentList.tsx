// 居民档案 / my patients: the village's residents with their key-population tags, the last blood
// pressure or glucose, the control of the last hypertension / diabetes visit and the next due date
// (red when overdue); search by name, household, phone or masked ID; one-tap filters for
// hypertension, diabetes, uncontrolled and overdue. Phones get a simple list.
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
  useListContext,
  useTranslate,
} from 'react-admin';
import { Box, Chip, Stack } from '@mui/material';
import { CLASSIFICATION_CHOICES, SEX_CHOICES, TAG_CHOICES } from '../choices';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { codeLabels, type Column } from '../../shared/exporter';
import { useIsSmall } from '../../shared/useIsSmall';
import { useFilterValues } from '../../shared/filterValues';
import type { PatientRecord as Patient } from '../records';

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

const bp = (r: Patient) => (r.last_bp ? `${r.last_bp.systolic}/${r.last_bp.diastolic} mmHg` : '');
const glucose = (r: Patient) => (r.last_glucose ? `${r.last_glucose.fasting_glucose} mmol/L` : '');
const controlText = (r: Patient, translate: ReturnType<typeof useTranslate>) =>
  Object.entries(r.control ?? {})
    .map(([condition, c]) => `${translate(`enums.key_tag.${condition}`)} ${translate(`enums.classification.${c}`)}`)
    .join(' · ');

const ControlChips = ({ control }: { control: Patient['control'] }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {Object.entries(control ?? {}).map(([condition, c]) => (
        <Chip
          key={condition}
          size="small"
          variant="outlined"
          color={c === 'controlled' ? 'success' : 'error'}
          label={`${translate(`enums.key_tag.${condition}`)} ${translate(`enums.classification.${c}`)}`}
        />
      ))}
    </Stack>
  );
};

/** The next due date, red when overdue. */
const NextDue = ({ r }: { r: Patient }) => {
  const translate = useTranslate();
  return (
    <Box
      component="span"
      sx={{ color: r.overdue ? 'error.main' : 'text.secondary', fontWeight: r.overdue ? 600 : 400 }}
      data-overdue={r.overdue ? 'true' : 'false'}
      data-testid={`patient-due-${r.id}`}
    >
      {r.next_due_on ? translate('health.patients.next_due', { date: r.next_due_on }) : translate('health.patients.no_due')}
    </Box>
  );
};

/** My patients' one-tap filters: a tap sets the filter, a second tap clears it. */
const QUICK: { key: string; filter: Record<string, unknown>; label: string }[] = [
  { key: 'hypertension', filter: { tag: 'hypertension' }, label: 'enums.key_tag.hypertension' },
  { key: 'diabetes', filter: { tag: 'diabetes' }, label: 'enums.key_tag.diabetes' },
  { key: 'uncontrolled', filter: { control: 'uncontrolled' }, label: 'enums.classification.uncontrolled' },
  { key: 'overdue', filter: { overdue: true }, label: 'enums.task_bucket.overdue' },
];
const QuickFilters = () => {
  const translate = useTranslate();
  const { setFilters } = useListContext();
  const filterValues = useFilterValues();
  return (
    <Stack direction="row" spacing={1} sx={{ px: 1, pt: 1, flexWrap: 'wrap', rowGap: 1 }}>
      {QUICK.map(({ key, filter, label }) => {
        const [field, value] = Object.entries(filter)[0];
        const on = filterValues[field] === value;
        return (
          <Chip
            key={key}
            data-testid={`patients-${key}`}
            label={translate(label)}
            color={on ? (key === 'overdue' || key === 'uncontrolled' ? 'error' : 'primary') : 'default'}
            variant={on ? 'filled' : 'outlined'}
            onClick={() => {
              const next = { ...filterValues };
              if (on) delete next[field];
              else next[field] = value;
              setFilters(next, {});
            }}
          />
        );
      })}
    </Stack>
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="tag" source="tag" choices={TAG_CHOICES} alwaysOn />,
  <SelectInput key="control" source="control" choices={CLASSIFICATION_CHOICES} />,
  <BooleanInput key="overdue" source="overdue" />,
  <BooleanInput key="contracted" source="contracted" />,
  <BooleanInput key="active" source="active" />,
  <TextInput key="id_number" source="id_number" />,
];

/** The register's columns, on the screen and in its export. */
const columns: Column<Patient>[] = [
  { source: 'name', kind: 'text' },
  { source: 'sex', kind: 'choice', choices: SEX_CHOICES },
  { source: 'birth_date', kind: 'date' },
  { source: 'age', kind: 'number', sortable: false },
  { source: 'id_number_masked', kind: 'text', sortable: false },
  { source: 'household', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units', field: 'name' },
  { source: 'tags', kind: 'computed', sortable: false, value: (r, translate) => codeLabels(r.tags, 'enums.key_tag', translate) },
  { source: 'last_bp', kind: 'computed', sortable: false, value: bp },
  { source: 'last_glucose', kind: 'computed', sortable: false, value: glucose },
  { source: 'control', kind: 'computed', sortable: false, value: controlText },
  { source: 'next_due_on', kind: 'computed', sortable: false, value: (r) => r.next_due_on ?? '' },
];

const cells = {
  org_unit_id: (
    <ReferenceField source="org_unit_id" reference="org-units" link={false}>
      <ChipField source="name" size="small" />
    </ReferenceField>
  ),
  tags: <FunctionField<Patient> source="tags" sortable={false} render={(r) => <TagChips tags={r.tags} />} />,
  control: <FunctionField source="control" sortable={false} render={(r: Patient) => <ControlChips control={r.control} />} />,
  next_due_on: <FunctionField source="next_due_on" sortable={false} render={(r: Patient) => <NextDue r={r} />} />,
};

const CARE_COLUMNS = { care_columns: true };

export const ResidentList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    // care_columns: the API adds each patient's last readings, control and next due date (for this list only)
    <List
      filters={filters}
      filter={CARE_COLUMNS}
      filterDefaultValues={{ active: true }}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<ListActions columns={columns} />}
    >
      <QuickFilters />
      {isSmall ? (
        <SimpleList<Patient>
          primaryText={(r) => `${r.name} · ${translate(`enums.sex.${r.sex}`)} · ${r.age}`}
          secondaryText={(r) =>
            [
              ...r.tags.map((t) => translate(`enums.key_tag.${t}`)),
              r.last_bp && translate('health.patients.bp', { value: bp(r) }),
              r.last_glucose && translate('health.patients.glucose', { value: glucose(r) }),
              controlText(r, translate),
            ]
              .filter(Boolean)
              .join(' · ')
          }
          tertiaryText={(r) => <NextDue r={r} />}
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
