// 执业证书: number, scope, expiry; the alert filter (valid and ending within 60 days) and the
// expired flag on every row past its date.
import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { Edit } from '../../shared/fullRecord';
import { LICENCE_KIND_CHOICES, LICENCE_STATUS_CHOICES } from '../choices';
import { HrForm } from '../problems';
import type { LicenceRecord } from '../records';
import { useEditLink } from '../../shared/useAccess';

const ALERT_DAYS = 60;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="expiring" source="expiring_within" choices={[{ id: ALERT_DAYS, name: 'hr.licences.expiring_60' }]} alwaysOn />,
  <BooleanInput key="expired" source="expired" />,
  <SelectInput key="kind" source="kind" choices={LICENCE_KIND_CHOICES} />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={LICENCE_STATUS_CHOICES} />,
];

/** 已过期 / N 天后到期 / nothing: a valid licence's state, as its chip and its exported text. */
function expiry(l: LicenceRecord, translate: (key: string, options?: object) => string) {
  const days = Number(l.days_left);
  if (l.status !== 'valid' || days > ALERT_DAYS) return null;
  return days < 0
    ? { text: translate('hr.licences.expired'), color: 'error' as const }
    : { text: translate('hr.licences.days_left', { days }), color: 'warning' as const };
}

const ExpiryFlag = (_props: { label?: string }) => {
  const l = useRecordContext<LicenceRecord>();
  const translate = useTranslate();
  const flag = l && expiry(l, translate);
  return flag ? <Chip size="small" color={flag.color} label={flag.text} data-testid={flag.color === 'error' ? `expired-${l.id}` : undefined} /> : null;
};

const columns: Column<LicenceRecord>[] = [
  { source: 'staff_name', kind: 'text' },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'kind', kind: 'choice', choices: LICENCE_KIND_CHOICES },
  { source: 'number', kind: 'text' },
  { source: 'scope', kind: 'text' },
  { source: 'issued_on', kind: 'date' },
  { source: 'expires_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: LICENCE_STATUS_CHOICES },
  { source: 'days_left', kind: 'computed', label: 'hr.licences.flag', sortable: false, value: (l, translate) => expiry(l, translate)?.text ?? '' },
];

export const LicenceList = () => {
  const rowClick = useEditLink('licences');
  return (
    <List filters={filters} sort={{ field: 'expires_on', order: 'ASC' }} actions={<ListActions columns={columns} />}>
      <Datagrid rowClick={rowClick} bulkActionButtons={false}>
        {columnFields(columns, { days_left: <ExpiryFlag label="hr.licences.flag" /> })}
      </Datagrid>
    </List>
  );
};

const FIELDS = ['staff_id', 'kind', 'number', 'scope', 'issued_on', 'expires_on'];
const Inputs = ({ edit }: { edit?: boolean }) => (
  <>
    {edit ? (
      <TextField source="staff_name" />
    ) : (
      <ReferenceInput source="staff_id" reference="staff" filter={{ status: 'active' }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
    )}
    <SelectInput source="kind" choices={LICENCE_KIND_CHOICES} validate={required()} />
    <TextInput source="number" validate={required()} />
    <TextInput source="scope" />
    <DateInput source="issued_on" validate={required()} />
    <DateInput source="expires_on" validate={required()} />
    {edit && <SelectInput source="status" choices={LICENCE_STATUS_CHOICES} />}
  </>
);

export const LicenceCreate = () => (
  <Create>
    <HrForm fields={FIELDS}>
      <Inputs />
    </HrForm>
  </Create>
);
export const LicenceEdit = () => (
  <Edit mutationMode="pessimistic">
    <HrForm fields={[...FIELDS.filter((f) => f !== 'staff_id'), 'status']}>
      <Inputs edit />
    </HrForm>
  </Edit>
);
