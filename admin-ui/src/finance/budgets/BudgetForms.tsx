// Budget create (per unit, year and account, with its monthly split) and revise (a new
// version linked to the old: POST /api/budgets/:id/revise, then the new version is shown).
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  Labeled,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { Edit } from '../../shared/fullRecord';
import { apiPost } from '../api';
import { BUDGET_ACCOUNT_CHOICES } from '../choices';
import type { BudgetRecord } from '../records';
import { storedUser } from '../../session';
import { MonthlySplit, monthlyPayload, validateBudget } from './MonthlySplit';

const transform = (d: Record<string, unknown>) => ({
  org_unit_id: d.org_unit_id,
  year: d.year,
  account: d.account,
  amount: String(d.amount),
  monthly: monthlyPayload(d.monthly as unknown[] | undefined),
  reason: d.reason || undefined,
});

export const BudgetCreate = () => (
  <Create redirect="show" transform={transform}>
    <SimpleForm defaultValues={{ org_unit_id: storedUser()?.org_unit.id, year: new Date().getFullYear() }} validate={validateBudget}>
      <ReferenceInput source="org_unit_id" reference="org-units">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <NumberInput source="year" validate={required()} min={2000} max={2100} />
      <SelectInput source="account" choices={BUDGET_ACCOUNT_CHOICES} validate={required()} />
      <NumberInput source="amount" validate={required()} min={0} step={0.01} />
      <MonthlySplit />
      <TextInput source="reason" fullWidth />
    </SimpleForm>
  </Create>
);

const Fixed = () => {
  const record = useRecordContext<BudgetRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('finance.budget.revise_hint', { version: record.version, next: record.version + 1 })}
      </Alert>
      <Labeled>
        <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      </Labeled>
      <Labeled>
        <TextField source="year" />
      </Labeled>
      <Labeled>
        <SelectField source="account" choices={BUDGET_ACCOUNT_CHOICES} />
      </Labeled>
    </>
  );
};

const ReviseForm = () => {
  const record = useRecordContext<BudgetRecord>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  if (!record) return null;
  const save = (d: Record<string, unknown>) =>
    apiPost<{ id: number }>(`/budgets/${record.id}/revise`, { amount: String(d.amount), monthly: monthlyPayload(d.monthly as unknown[]), reason: d.reason })
      .then((next) => {
        notify(translate('finance.budget.revised', { version: record.version + 1 }), { type: 'success' });
        redirect('show', 'budgets', next.id);
      })
      .catch((e: Error) => notify(e.message, { type: 'error' }));
  return (
    <SimpleForm onSubmit={save} validate={validateBudget} defaultValues={{ amount: record.amount, monthly: record.monthly, reason: '' }}>
      <Fixed />
      <NumberInput source="amount" validate={required()} min={0} step={0.01} />
      <MonthlySplit />
      <TextInput source="reason" validate={required()} fullWidth label="finance.budget.revise_reason" />
    </SimpleForm>
  );
};

/** "Edit" of a budget is its revision. */
export const BudgetRevise = () => (
  <Edit mutationMode="pessimistic" title="finance.budget.revise">
    <ReviseForm />
  </Edit>
);
