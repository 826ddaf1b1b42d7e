// 执业证书: number, scope, expiry; the alert filter (valid and ending within 60 days) and the
// expired flag on every row past its date.
import CardMembershipIcon from '@mui/icons-material/CardMembership';
import { Chip } from '@mui/material';
import { AutocompleteInput, BooleanInput, Create, Datagrid, DateField, DateInput, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField, TextInput, required, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { Edit } from '../shared/fullRecord';
import { LICENCE_KIND_CHOICES, LICENCE_STATUS_CHOICES } from '../hr/choices';
import { HrForm } from '../hr/problems';
import type { ResourceEntry } from '../registry';

const ALERT_DAYS = 60;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="expiring" source="expiring_within" choices={[{ id: ALERT_DAYS, name: 'hr.licences.expiring_60' }]} alwaysOn />,
  <BooleanInput key="expired" source="expired" />,
  <SelectInput key="kind" source="kind" choices={LICENCE_KIND_CHOICES} />,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units"><AutocompleteInput /></ReferenceInput>,
  <SelectInput key="status" source="status" choices={LICENCE_STATUS_CHOICES} />,
];

/** 已过期 / N 天后到期 / — */
const ExpiryFlag = (_props: { label?: string }) => {
  const l = useRecordContext();
  const translate = useTranslate();
  if (!l || l.status !== 'valid') return null;
  const days = Number(l.days_left);
  if (days < 0) return <Chip size="small" color="error" label={translate('hr.licences.expired')} data-testid={`expired-${l.id}`} />;
  if (days <= ALERT_DAYS) return <Chip size="small" color="warning" label={translate('hr.licences.days_left', { days })} />;
  return null;
};

const LicenceList = () => (
  <List filters={filters} sort={{ field: 'expires_on', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="staff_name" />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <SelectField source="kind" choices={LICENCE_KIND_CHOICES} />
      <TextField source="number" />
      <TextField source="scope" />
      <DateField source="issued_on" />
      <DateField source="expires_on" />
      <SelectField source="status" choices={LICENCE_STATUS_CHOICES} />
      <ExpiryFlag label="hr.licences.flag" />
    </Datagrid>
  </List>
);

const FIELDS = ['staff_id', 'kind', 'number', 'scope', 'issued_on', 'expires_on'];
const Inputs = ({ edit }: { edit?: boolean }) => (
  <>
    {edit ? <TextField source="staff_name" /> : (
      <ReferenceInput source="staff_id" reference="staff" filter={{ status: 'active' }}><AutocompleteInput validate={required()} /></ReferenceInput>
    )}
    <SelectInput source="kind" choices={LICENCE_KIND_CHOICES} validate={required()} />
    <TextInput source="number" validate={required()} />
    <TextInput source="scope" />
    <DateInput source="issued_on" validate={required()} />
    <DateInput source="expires_on" validate={required()} />
    {edit && <SelectInput source="status" choices={LICENCE_STATUS_CHOICES} />}
  </>
);

const LicenceCreate = () => <Create><HrForm fields={FIELDS}><Inputs /></HrForm></Create>;
const LicenceEdit = () => <Edit mutationMode="pessimistic"><HrForm fields={[...FIELDS.filter((f) => f !== 'staff_id'), 'status']}><Inputs edit /></HrForm></Edit>;

export const licences: ResourceEntry = { name: 'licences', list: LicenceList, create: LicenceCreate, edit: LicenceEdit, icon: CardMembershipIcon, recordRepresentation: (l: RaRecord) => l.number };
