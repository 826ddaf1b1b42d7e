// 诊疗人次: every visit (insured or not) of a unit in a month, with the 中医类 visits among them — the
// primary-care and 中医 shares of the monitoring set read them. Entered here one unit-month at a
// time, or imported as a file on 诊疗人次导入 (the list's 导入 button).
import { Button as MuiButton } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link } from 'react-router-dom';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleList,
  TextInput,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { can } from '../../finance/api';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { VISIT_SOURCE } from '../../../../api/monitoring/enums';
import type { VisitRecord } from '../records';

const SOURCE_CHOICES = VISIT_SOURCE.choices();
const columns: Column<VisitRecord>[] = [
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'month', kind: 'computed', value: (r) => r.month.slice(0, 7) },
  { source: 'visits', kind: 'number' },
  { source: 'tcm_visits', kind: 'number' },
  { source: 'source', kind: 'choice', choices: SOURCE_CHOICES },
  { source: 'updated_at', kind: 'datetime' },
];

const ImportLink = () => {
  const translate = useTranslate();
  if (!can('visit-counts', 'import')) return null;
  return (
    <MuiButton component={Link} to="/visit-import" size="small" startIcon={<UploadFileIcon />} data-testid="visit-import-link">
      {translate('monitoring.visit_import.open')}
    </MuiButton>
  );
};

export const VisitList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  // a row opens its edit form for those who may edit it (the auditor only reads the list)
  const mayEdit = can('visit-counts', 'edit');
  return (
    <List
      filters={[
        <ReferenceInput key="u" source="org_unit_id" reference="org-units" alwaysOn>
          <AutocompleteInput />
        </ReferenceInput>,
        <SelectInput key="source" source="source" choices={SOURCE_CHOICES} alwaysOn />,
      ]}
      sort={{ field: 'month', order: 'DESC' }}
      actions={
        <ListActions columns={columns}>
          <ImportLink />
        </ListActions>
      }
    >
      {isSmall ? (
        <SimpleList<VisitRecord>
          primaryText={(r) => <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />}
          secondaryText={(r) => `${r.month.slice(0, 7)} · ${r.visits}（${translate('resources.visit-counts.fields.tcm_visits')} ${r.tcm_visits}）`}
          linkType={mayEdit ? 'edit' : false}
        />
      ) : (
        <Datagrid rowClick={mayEdit ? 'edit' : false} bulkActionButtons={false}>
          {columnFields(columns)}
        </Datagrid>
      )}
    </List>
  );
};

const counts = [required(), minValue(0)];
const payload = (d: Record<string, unknown>) => ({ org_unit_id: d.org_unit_id, month: d.month, visits: d.visits, tcm_visits: d.tcm_visits ?? 0 });
export const VisitCreate = () => (
  <Create redirect="list" transform={payload}>
    <SimpleForm defaultValues={{ tcm_visits: 0 }}>
      <ReferenceInput source="org_unit_id" reference="org-units">
        <AutocompleteInput validate={required()} sx={{ minWidth: 280 }} />
      </ReferenceInput>
      {/* a month picker; the API keeps the month's first day */}
      <TextInput
        source="month"
        type="month"
        validate={required()}
        format={(v?: string) => (v ? v.slice(0, 7) : '')}
        parse={(v: string) => (v ? `${v}-01` : '')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <NumberInput source="visits" validate={counts} min={0} step={1} />
      <NumberInput source="tcm_visits" validate={counts} min={0} step={1} />
    </SimpleForm>
  </Create>
);
export const VisitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={(d: Record<string, unknown>) => ({ visits: d.visits, tcm_visits: d.tcm_visits })}>
    <SimpleForm>
      <ReferenceField source="org_unit_id" reference="org-units" />
      <TextInput source="month" disabled format={(v?: string) => (v ? v.slice(0, 7) : '')} />
      <NumberInput source="visits" validate={counts} min={0} step={1} />
      <NumberInput source="tcm_visits" validate={counts} min={0} step={1} />
    </SimpleForm>
  </Edit>
);
