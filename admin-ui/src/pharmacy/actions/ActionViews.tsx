// 医师处理: the actions against prescribers (约谈, 停用 a drug for that prescriber, 处罚) tracked to
// closure; an action's page closes it with its outcome (a suspension is lifted) or cancels it.
import { useState } from 'react';
import { Button, Card, CardContent, Stack, TextField as MuiTextField } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleList,
  SimpleShowLayout,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../shared/fullRecord';
import { useIsSmall } from '../../shared/useIsSmall';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import type { Column } from '../../shared/exporter';
import { can } from '../../finance/api';
import { useAct } from '../../quality/useAct';
import { ACTION_KIND_CHOICES, ACTION_STATUS_CHOICES } from '../choices';
import type { ActionPage, ActionRecord } from '../records';

const columns: Column<ActionRecord>[] = [
  { source: 'created_at', kind: 'datetime' },
  { source: 'kind', kind: 'choice', choices: ACTION_KIND_CHOICES },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'prescriber_name', kind: 'text' },
  { source: 'drug_name', kind: 'text', sortable: false },
  { source: 'amount', kind: 'money', sortable: false },
  { source: 'reason', kind: 'text', sortable: false },
  { source: 'due_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: ACTION_STATUS_CHOICES },
];

export const ActionList = () => {
  const isSmall = useIsSmall();
  const translate = useTranslate();
  return (
    <List
      filters={[
        <SelectInput key="status" source="status" choices={ACTION_STATUS_CHOICES} alwaysOn />,
        <SelectInput key="kind" source="kind" choices={ACTION_KIND_CHOICES} alwaysOn />,
        <ReferenceInput key="u" source="org_unit_id" reference="org-units">
          <AutocompleteInput />
        </ReferenceInput>,
        <TextInput key="q" source="q" label="ra.action.search" />,
      ]}
      sort={{ field: 'created_at', order: 'DESC' }}
      actions={<ListActions columns={columns} />}
    >
      {isSmall ? (
        <SimpleList<ActionRecord>
          primaryText={(r) => `${translate(`enums.prescriber_action_kind.${r.kind}`)} · ${r.prescriber_name}`}
          secondaryText={(r) => r.reason}
          tertiaryText={(r) => translate(`enums.prescriber_action_status.${r.status}`)}
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

const Step = () => {
  const record = useRecordContext<ActionPage>();
  const translate = useTranslate();
  const run = useAct();
  const [outcome, setOutcome] = useState('');
  if (!record || !record.allowed.length) return null;
  const t = (k: string) => translate(`pharmacy.action.${k}`);
  const act = (verb: 'close' | 'cancel') => run(`/prescriber-actions/${record.id}/${verb}`, { outcome }, () => setOutcome(''));
  return (
    <Card variant="outlined" sx={{ borderColor: 'warning.main' }} data-testid="action-step">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'center' } }}>
          <MuiTextField size="small" label={t('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)} sx={{ flex: 1 }} />
          {can('prescriber-actions', 'close') && (
            <Button variant="contained" color="success" disabled={!outcome.trim()} onClick={() => act('close')} data-testid="action-close">
              {t('close')}
            </Button>
          )}
          {can('prescriber-actions', 'cancel') && (
            <Button variant="outlined" color="error" disabled={!outcome.trim()} onClick={() => act('cancel')}>
              {t('cancel')}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

export const ActionShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="kind" choices={ACTION_KIND_CHOICES} />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <TextField source="prescriber_name" />
      <ReferenceField source="prescriber_staff_id" reference="staff" link="show" emptyText="—" />
      <ReferenceField source="prescription_id" reference="prescriptions" link="show" emptyText="—">
        <TextField source="prescription_no" />
      </ReferenceField>
      <TextField source="drug_name" emptyText="—" />
      <TextField source="amount" emptyText="—" />
      <TextField source="reason" />
      <DateField source="due_on" emptyText="—" />
      <SelectField source="status" choices={ACTION_STATUS_CHOICES} />
      <TextField source="outcome" emptyText="—" />
      <DateField source="closed_at" showTime emptyText="—" />
      <Step />
    </SimpleShowLayout>
  </Show>
);
