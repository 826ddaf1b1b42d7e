// Create/edit forms of finance configuration and postings: the spending-limit matrix,
// chief-accountant postings and manual ledger entries (409 into a closed month shown in place).
import { useState } from 'react';
import { Alert } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
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
import { Edit } from '../shared/fullRecord';
import { inputText } from '../shared/inputText';
import { UNIT_LEVEL_CHOICES } from '../org/orgUnits/choices';
import { storedUser } from '../session';
import { apiError } from './api';
import { ACCOUNT_CHOICES, EXPENSE_ACCOUNT_CHOICES, STEP_KIND_CHOICES } from './choices';
import { shanghaiDate } from '../shared/time';
import type { UserRecord } from '../shared/records';

const orNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);
const amountOrNull = (v: unknown) => (orNull(v) === null ? null : String(v));

// the update schemas are strict: send exactly the editable fields
const limitPayload = (d: Record<string, unknown>) => ({
  unit_level: orNull(d.unit_level),
  account: orNull(d.account),
  min_amount: inputText(d.min_amount ?? 0),
  max_amount: amountOrNull(d.max_amount),
  steps: ((d.steps as string[]) ?? []).filter(Boolean),
  description: orNull(d.description),
  active: d.active ?? true,
});

const LimitForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm defaultValues={{ min_amount: 0, steps: ['unit_director'], active: true }}>
      <SelectInput source="unit_level" choices={UNIT_LEVEL_CHOICES} emptyText={translate('finance.limits.any_level')} />
      <SelectInput source="account" choices={EXPENSE_ACCOUNT_CHOICES} emptyText={translate('finance.limits.any_account')} />
      <NumberInput source="min_amount" validate={required()} min={0} step={0.01} helperText="finance.limits.min_hint" />
      <NumberInput source="max_amount" min={0} step={0.01} helperText="finance.limits.max_hint" />
      <ArrayInput source="steps" validate={required()} helperText="finance.limits.steps_hint">
        <SimpleFormIterator>
          <SelectInput source="" choices={STEP_KIND_CHOICES} validate={required()} label={false} helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <TextInput source="description" fullWidth />
      <BooleanInput source="active" />
    </SimpleForm>
  );
};

export const LimitCreate = () => (
  <Create redirect="list" transform={limitPayload}>
    <LimitForm />
  </Create>
);
export const LimitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={limitPayload}>
    <LimitForm />
  </Edit>
);

const postingPayload = (d: Record<string, unknown>) => ({
  user_id: d.user_id,
  org_unit_id: d.org_unit_id,
  starts_on: d.starts_on,
  ends_on: orNull(d.ends_on),
  note: orNull(d.note),
});

const PostingForm = () => (
  <SimpleForm>
    <ReferenceInput source="user_id" reference="users" filter={{ role: 'group_finance' }}>
      <AutocompleteInput optionText={(u: UserRecord) => `${u.display_name}（${u.username}）`} validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="org_unit_id" reference="org-units">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <DateInput source="starts_on" validate={required()} />
    <DateInput source="ends_on" />
    <TextInput source="note" fullWidth />
  </SimpleForm>
);

export const PostingCreate = () => (
  <Create redirect="list" transform={postingPayload}>
    <PostingForm />
  </Create>
);
export const PostingEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={postingPayload}>
    <PostingForm />
  </Edit>
);

/** A manual journal entry by finance; posting into a closed month is refused (409) and said so next to the form. */
export const LedgerEntryCreate = () => {
  const notify = useNotify();
  const translate = useTranslate();
  const [closed, setClosed] = useState<string | null>(null);
  const onError = (e: unknown) => {
    const { message, status, details } = apiError(e);
    const period = (details as { closed_period?: string } | undefined)?.closed_period;
    setClosed(status === 409 && period ? period : null);
    notify(message, { type: 'error' });
  };
  return (
    <Create
      redirect="list"
      transform={(d: Record<string, unknown>) => ({ ...d, amount: String(d.amount), memo: orNull(d.memo) })}
      mutationOptions={{ onError }}
    >
      <SimpleForm defaultValues={{ org_unit_id: storedUser()?.org_unit.id, entry_date: shanghaiDate(), credit_account: 'bank' }}>
        {closed ? (
          <Alert severity="error" sx={{ mb: 2, width: '100%' }} data-testid="period-closed">
            {translate('finance.ledger.period_closed', { period: closed })}
          </Alert>
        ) : null}
        <ReferenceInput source="org_unit_id" reference="org-units">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <DateInput source="entry_date" validate={required()} />
        <SelectInput source="debit_account" choices={ACCOUNT_CHOICES} validate={required()} />
        <SelectInput source="credit_account" choices={ACCOUNT_CHOICES} validate={required()} />
        <NumberInput source="amount" validate={required()} min={0.01} step={0.01} />
        <TextInput source="memo" fullWidth />
      </SimpleForm>
    </Create>
  );
};
