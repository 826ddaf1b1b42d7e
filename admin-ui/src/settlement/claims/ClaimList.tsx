// 结算明细: the imported claims, filtered by fund year, unit, provider class, care type and
// settlement date; the ID number is shown masked only.
import { AutocompleteInput, Datagrid, DateInput, FunctionField, List, ReferenceField, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { columnFields } from '../../shared/columnFields';
import { ListActions } from '../../shared/ExportButton';
import { type Column } from '../../shared/exporter';
import { CARE_TYPE_CHOICES, PROVIDER_CLASS_CHOICES } from '../choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="fy" source="fund_year_id" reference="fund-years" alwaysOn>
    <SelectInput optionText={(y: { region: string; year: number }) => `${y.region} ${y.year}`} />
  </ReferenceInput>,
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="pc" source="provider_class" choices={PROVIDER_CLASS_CHOICES} alwaysOn />,
  <SelectInput key="ct" source="care_type" choices={CARE_TYPE_CHOICES} alwaysOn />,
  <DateInput key="from" source="settled_on_gte" />,
  <DateInput key="to" source="settled_on_lte" />,
  <ReferenceInput key="insured" source="insured_unit_id" reference="org-units">
    <AutocompleteInput />
  </ReferenceInput>,
];

const columns: Column[] = [
  { source: 'claim_no', kind: 'text' },
  { source: 'id_number_masked', kind: 'text', sortable: false },
  { source: 'insured_name', kind: 'text', sortable: false },
  { source: 'insured_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'provider_class', kind: 'choice', choices: PROVIDER_CLASS_CHOICES },
  // a provider outside the group has no unit, only its name
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units', otherwise: 'provider_name' },
  { source: 'care_type', kind: 'choice', choices: CARE_TYPE_CHOICES },
  { source: 'visit_on', kind: 'date', sortable: false },
  { source: 'settled_on', kind: 'date' },
  { source: 'total_cost', kind: 'money' },
  { source: 'fund_paid', kind: 'money' },
  { source: 'self_pay', kind: 'money', sortable: false },
  { source: 'self_funded', kind: 'money', sortable: false },
  { source: 'drug_cost', kind: 'money', sortable: false },
  { source: 'diagnosis', kind: 'text' },
  { source: 'referred_up', kind: 'bool' },
];
const providerCell = {
  org_unit_id: (
    <FunctionField
      source="org_unit_id"
      render={(r: { org_unit_id: number | null; provider_name: string | null }) =>
        r.org_unit_id ? <ReferenceField source="org_unit_id" reference="org-units" link={false} /> : r.provider_name
      }
    />
  ),
};

export const ClaimList = () => (
  <List filters={filters} sort={{ field: 'settled_on', order: 'DESC' }} actions={<ListActions columns={columns} />}>
    <Datagrid bulkActionButtons={false} rowClick={false} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
      {columnFields(columns, providerCell)}
    </Datagrid>
  </List>
);
