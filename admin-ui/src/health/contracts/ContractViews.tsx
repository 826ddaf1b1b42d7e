// 家庭医生签约: the contracts in scope; signing (from a resident's page), renewal and termination.
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Create,
  Datagrid,
  DateField,
  DateInput,
  Form,
  List,
  ReferenceField,
  ReferenceInput,
  SaveButton,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleForm,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  useGetOne,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { useSearchParams } from 'react-router-dom';
import { httpClient } from '../../httpClient';
import { CONTRACT_STATUS_CHOICES, PACKAGE_CHOICES, TERMINATION_CHOICES } from '../choices';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { shanghaiDate } from '../../shared/time';
import type { ContractRecord, ResidentRecord } from '../records';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={CONTRACT_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="package_code" source="package_code" choices={PACKAGE_CHOICES} />,
];

const columns: Column<ContractRecord>[] = [
  { source: 'resident_name', kind: 'text', sortable: false },
  { source: 'team_id', kind: 'reference', reference: 'family-doctor-teams' },
  { source: 'package_code', kind: 'choice', choices: PACKAGE_CHOICES },
  { source: 'start_on', kind: 'date' },
  { source: 'end_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: CONTRACT_STATUS_CHOICES },
];

export const ContractList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List filters={filters} filterDefaultValues={{ status: 'active' }} sort={{ field: 'signed_on', order: 'DESC' }} actions={<ListActions columns={columns} />}>
      {isSmall ? (
        <SimpleList<ContractRecord>
          primaryText={(c) => c.resident_name}
          secondaryText={(c) => `${translate(`enums.package.${c.package_code}`)} · ${c.start_on} – ${c.end_on}`}
          tertiaryText={(c) => translate(`enums.family_contract_status.${c.status}`)}
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

const act = async (id: number, verb: 'renew' | 'terminate', body: object) =>
  httpClient(`/api/contracts/${id}/${verb}`, { method: 'POST', body: JSON.stringify(body) });

const ContractActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { canAccess: canRenew } = useCanAccess({ resource: 'contracts', action: 'renew' });
  const { canAccess: canTerminate } = useCanAccess({ resource: 'contracts', action: 'terminate' });
  if (!record) return null;
  const fail = (e: Error) => notify(e.message, { type: 'error' });
  return (
    <TopToolbar>
      {canRenew && (record.status === 'active' || record.status === 'expired') && (
        <Button
          size="small"
          onClick={() =>
            act(record.id as number, 'renew', {}).then(() => (notify('ra.notification.updated', { messageArgs: { smart_count: 1 } }), refresh()), fail)
          }
        >
          {translate('health.contract.renew')}
        </Button>
      )}
      {canTerminate && record.status === 'active' && (
        <Button size="small" color="error" onClick={() => setOpen(true)}>
          {translate('health.contract.terminate')}
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <Form
          onSubmit={async (values: Record<string, unknown>) => {
            await act(record.id as number, 'terminate', { reason: values.reason, note: values.note || null }).then(() => (setOpen(false), refresh()), fail);
          }}
        >
          <DialogTitle>{translate('health.contract.terminate')}</DialogTitle>
          <DialogContent>
            <SelectInput source="reason" choices={TERMINATION_CHOICES} validate={required()} fullWidth label="resources.contracts.fields.termination_reason" />
            <TextInput source="note" fullWidth />
          </DialogContent>
          <DialogActions>
            <SaveButton label="health.contract.terminate" />
          </DialogActions>
        </Form>
      </Dialog>
    </TopToolbar>
  );
};

export const ContractShow = () => (
  <Show actions={<ContractActions />}>
    <SimpleShowLayout>
      <ReferenceField source="resident_id" reference="residents" link="show" />
      <ReferenceField source="team_id" reference="family-doctor-teams" link="show" />
      <SelectField source="package_code" choices={PACKAGE_CHOICES} />
      <DateField source="signed_on" />
      <DateField source="start_on" />
      <DateField source="end_on" />
      <SelectField source="status" choices={CONTRACT_STATUS_CHOICES} />
      <DateField source="terminated_on" emptyText="—" />
      <TextField source="termination_reason" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

/** Sign from a resident's page: the team list is the teams serving the resident's village. */
export const ContractCreate = () => {
  const [params] = useSearchParams();
  const residentId = Number(params.get('resident_id')) || undefined;
  const { data: resident } = useGetOne<ResidentRecord>('residents', { id: residentId! }, { enabled: !!residentId });
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ resident_id: residentId, signed_on: shanghaiDate(), package_code: 'basic' }}>
        <ReferenceInput source="resident_id" reference="residents">
          <SelectInput optionText="name" validate={required()} disabled={!!residentId} />
        </ReferenceInput>
        <ReferenceInput
          source="team_id"
          reference="family-doctor-teams"
          filter={resident ? { village_id: resident.org_unit_id, active: true } : { active: true }}
        >
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <SelectInput source="package_code" choices={PACKAGE_CHOICES} validate={required()} />
        <DateInput source="signed_on" validate={required()} />
      </SimpleForm>
    </Create>
  );
};
