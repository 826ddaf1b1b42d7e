// Create/edit forms of the procurement centre's master data: suppliers, catalogue items with
// baseline (before central buying) and contract prices; and a member's fixed-asset register.
import { Alert } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { Edit } from '../shared/fullRecord';
import { useWatch } from 'react-hook-form';
import { fenOf } from '../finance/api';
import { EXPENSE_ACCOUNT_CHOICES } from '../finance/choices';
import { storedUser } from '../session';
import { ASSET_CATEGORY_CHOICES, CATEGORY_CHOICES } from './choices';
import { shanghaiDate } from '../shared/time';

const orNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);
const pick = (d: Record<string, unknown>, keys: string[], nullable: string[] = []) =>
  Object.fromEntries(keys.filter((k) => d[k] !== undefined).map((k) => [k, nullable.includes(k) ? orNull(d[k]) : d[k]]));

const supplierPayload = (d: Record<string, unknown>) =>
  pick(d, ['code', 'name', 'contact', 'phone', 'contract_no', 'contract_ends_on', 'active'], ['contact', 'phone', 'contract_no', 'contract_ends_on']);

const SupplierForm = () => (
  <SimpleForm defaultValues={{ active: true }}>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="contact" />
    <TextInput source="phone" />
    <TextInput source="contract_no" />
    <DateInput source="contract_ends_on" />
    <BooleanInput source="active" />
  </SimpleForm>
);
export const SupplierCreate = () => (
  <Create redirect="list" transform={supplierPayload}>
    <SupplierForm />
  </Create>
);
export const SupplierEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={supplierPayload}>
    <SupplierForm />
  </Edit>
);

const itemPayload = (d: Record<string, unknown>) => ({
  ...pick(d, ['code', 'name', 'category', 'spec', 'uom', 'supplier_id', 'account', 'active'], ['spec']),
  baseline_price: String(d.baseline_price),
  contract_price: String(d.contract_price),
  ...(d.account ? {} : { account: undefined }),
});

/** The saving per unit against the baseline, as the user types the prices. */
const UnitSaving = () => {
  const translate = useTranslate();
  const [baseline, contract] = [fenOf(useWatch({ name: 'baseline_price' })), fenOf(useWatch({ name: 'contract_price' }))];
  if (!baseline || contract === null || !contract) return null;
  const pct = ((baseline - contract) / baseline) * 100;
  return (
    <Alert severity={pct >= 0 ? 'info' : 'warning'} sx={{ mb: 1 }}>
      {translate('procurement.catalog.saving', { amount: ((baseline - contract) / 100).toFixed(2), pct: pct.toFixed(1) })}
    </Alert>
  );
};

const ItemForm = () => (
  <SimpleForm defaultValues={{ active: true }}>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <SelectInput source="category" choices={CATEGORY_CHOICES} validate={required()} />
    <TextInput source="spec" />
    <TextInput source="uom" validate={required()} />
    <ReferenceInput source="supplier_id" reference="suppliers" filter={{ active: true }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <NumberInput source="baseline_price" validate={required()} min={0.01} step={0.01} />
    <NumberInput source="contract_price" validate={required()} min={0.01} step={0.01} />
    <UnitSaving />
    <SelectInput source="account" choices={EXPENSE_ACCOUNT_CHOICES} helperText="procurement.catalog.account_hint" />
    <BooleanInput source="active" />
  </SimpleForm>
);
export const CatalogCreate = () => (
  <Create redirect="list" transform={itemPayload}>
    <ItemForm />
  </Create>
);
export const CatalogEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={itemPayload}>
    <ItemForm />
  </Edit>
);

const ThresholdHint = () => (
  <Alert severity="info" sx={{ mb: 1 }}>
    {useTranslate()('procurement.asset.threshold_hint')}
  </Alert>
);

/** Registers an asset; a purchase at or above the group's threshold waits for group approval. */
export const AssetCreate = () => (
  <Create
    redirect="show"
    transform={(d: Record<string, unknown>) => ({
      ...pick(d, ['org_unit_id', 'code', 'name', 'category', 'acquired_on', 'note']),
      value: String(d.value),
      note: d.note || undefined,
    })}
  >
    <SimpleForm defaultValues={{ org_unit_id: storedUser()?.org_unit.id, acquired_on: shanghaiDate() }}>
      <ThresholdHint />
      <ReferenceInput source="org_unit_id" reference="org-units">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="category" choices={ASSET_CATEGORY_CHOICES} validate={required()} />
      <NumberInput source="value" validate={required()} min={0} step={0.01} />
      <DateInput source="acquired_on" validate={required()} />
      <TextInput source="note" fullWidth />
    </SimpleForm>
  </Create>
);
