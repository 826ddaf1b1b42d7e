// A new expense request: unit, account, amount, purpose, attachments. Over the remaining
// budget the API stops it (422) with the figures, shown here; who may override (group
// finance, the council) gives a reason and submits again. The chain appears on the request page.
import { useState } from 'react';
import { Alert, AlertTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { apiError, can, dropEmpty, yuan } from '../api';
import { EXPENSE_ACCOUNT_CHOICES } from '../choices';
import { storedUser } from '../../session';
import { shanghaiDate } from '../../shared/time';

/** The form's values: the attachments' blank rows are left out before the request is sent */
interface RequestForm {
  attachments?: { name?: string; url?: string }[];
  [field: string]: unknown;
}

interface OverBudget {
  budget: string;
  consumed: string;
  requested: string;
  remaining: string;
}

const OverBudgetAlert = ({ figures }: { figures: OverBudget }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`finance.request.${k}`);
  return (
    <Alert severity="error" sx={{ mb: 2, width: '100%' }} data-testid="over-budget">
      <AlertTitle>{t('over_budget_title')}</AlertTitle>
      <Table size="small" sx={{ maxWidth: 420 }}>
        <TableBody>
          {(['budget', 'consumed', 'remaining', 'requested'] as const).map((k) => (
            <TableRow key={k}>
              <TableCell sx={{ border: 0, py: 0.25 }}>{t(`figure_${k}`)}</TableCell>
              <TableCell sx={{ border: 0, py: 0.25 }} align="right" data-testid={`over-budget-${k}`}>
                {yuan(figures[k])}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {can('expense-requests', 'override') ? t('override_hint') : t('no_override')}
    </Alert>
  );
};

export const ExpenseRequestCreate = () => {
  const notify = useNotify();
  const [over, setOver] = useState<OverBudget | null>(null);
  const mayOverride = can('expense-requests', 'override');
  const onError = (e: unknown) => {
    const { message, status, details } = apiError(e);
    const d = details as (OverBudget & { over_budget?: string }) | undefined;
    // a budget stop is explained by the figures above the form; anything else as a notification
    if (status === 422 && d?.over_budget) return setOver(d);
    setOver(null);
    notify(message, { type: 'error' });
  };
  return (
    <Create
      redirect="show"
      transform={(d: RequestForm) => dropEmpty({ ...d, attachments: (d.attachments ?? []).filter((a) => a?.name) })}
      mutationOptions={{ onError }}
    >
      <SimpleForm defaultValues={{ org_unit_id: storedUser()?.org_unit.id, request_date: shanghaiDate() }}>
        {over ? <OverBudgetAlert figures={over} /> : null}
        <ReferenceInput source="org_unit_id" reference="org-units">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <SelectInput source="account" choices={EXPENSE_ACCOUNT_CHOICES} validate={required()} />
        <NumberInput source="amount" validate={required()} min={0.01} step={0.01} />
        <TextInput source="purpose" validate={required()} multiline fullWidth />
        <DateInput source="request_date" />
        <ArrayInput source="attachments">
          <SimpleFormIterator inline disableReordering>
            <TextInput source="name" helperText={false} label="finance.request.attachment_name" />
            <TextInput source="url" helperText={false} label="finance.request.attachment_url" />
          </SimpleFormIterator>
        </ArrayInput>
        {mayOverride ? <TextInput source="override_reason" fullWidth helperText="finance.request.override_helper" /> : null}
      </SimpleForm>
    </Create>
  );
};
