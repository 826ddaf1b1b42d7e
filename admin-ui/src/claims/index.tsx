// 结算明细: the imported claims, filtered by fund year, unit, provider class, care type and
// settlement date; the ID number is shown masked only.
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import {
  AutocompleteInput, BooleanField, Datagrid, DateField, DateInput, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField,
} from 'react-admin';
import type { ResourceEntry } from '../registry';
import { CARE_TYPE_CHOICES, PROVIDER_CLASS_CHOICES } from '../settlement/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn><SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} /></ReferenceInput>,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn><AutocompleteInput /></ReferenceInput>,
  <SelectInput key="pc" source="provider_class" choices={PROVIDER_CLASS_CHOICES} alwaysOn />,
  <SelectInput key="ct" source="care_type" choices={CARE_TYPE_CHOICES} alwaysOn />,
  <DateInput key="from" source="settled_on_gte" />,
  <DateInput key="to" source="settled_on_lte" />,
  <ReferenceInput key="insured" source="insured_unit_id" reference="org-units"><AutocompleteInput /></ReferenceInput>,
];

const amount = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

const ClaimList = () => (
  <List filters={filters} sort={{ field: 'settled_on', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
      <TextField source="claim_no" />
      <TextField source="id_number_masked" sortable={false} />
      <TextField source="insured_name" sortable={false} />
      <ReferenceField source="insured_unit_id" reference="org-units" link={false} />
      <SelectField source="provider_class" choices={PROVIDER_CLASS_CHOICES} />
      <FunctionField source="org_unit_id" render={(r: { org_unit_id: number | null; provider_name: string | null }) => (r.org_unit_id ? <ReferenceField source="org_unit_id" reference="org-units" link={false} /> : r.provider_name)} />
      <SelectField source="care_type" choices={CARE_TYPE_CHOICES} />
      <DateField source="visit_on" sortable={false} />
      <DateField source="settled_on" />
      <NumberField source="total_cost" options={amount} />
      <NumberField source="fund_paid" options={amount} />
      <NumberField source="self_pay" options={amount} sortable={false} />
      <NumberField source="self_funded" options={amount} sortable={false} />
      <NumberField source="drug_cost" options={amount} sortable={false} />
      <TextField source="diagnosis" />
      <BooleanField source="referred_up" />
    </Datagrid>
  </List>
);

export const claims: ResourceEntry = { name: 'claims', list: ClaimList, icon: ReceiptLongIcon, recordRepresentation: 'claim_no' };
