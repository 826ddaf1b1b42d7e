// Catalogue, suppliers, member stock, fixed assets and transfers as lists, with their forms.
import { AutocompleteInput, Datagrid, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { columnFields } from '../shared/columnFields';
import { ListActions } from '../shared/ExportButton';
import { type Column } from '../shared/exporter';
import { can } from '../finance/api';
import { TransferDecision } from './TransferDecision';
import { ASSET_CATEGORY_CHOICES, ASSET_STATUS_CHOICES, CATEGORY_CHOICES, TRANSFER_STATUS_CHOICES } from './choices';

const unitFilter = (
  <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>
);

const catalogColumns: Column[] = [
  { source: 'code', kind: 'text' },
  { source: 'name', kind: 'text' },
  { source: 'spec', kind: 'text' },
  { source: 'category', kind: 'choice', choices: CATEGORY_CHOICES },
  { source: 'uom', kind: 'text' },
  { source: 'baseline_price', kind: 'money' },
  { source: 'contract_price', kind: 'money' },
  { source: 'supplier_id', kind: 'reference', reference: 'suppliers' },
];

export const CatalogList = () => (
  <List
    filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="c" source="category" choices={CATEGORY_CHOICES} alwaysOn />]}
    actions={<ListActions columns={catalogColumns} />}
  >
    <Datagrid bulkActionButtons={false} rowClick={can('catalog-items', 'edit') ? 'edit' : false}>
      {columnFields(catalogColumns)}
    </Datagrid>
  </List>
);

const supplierColumns: Column[] = [
  { source: 'code', kind: 'text' },
  { source: 'name', kind: 'text' },
  { source: 'contact', kind: 'text' },
  { source: 'phone', kind: 'text' },
  { source: 'contract_no', kind: 'text' },
  { source: 'contract_ends_on', kind: 'date' },
];

export const SupplierList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} actions={<ListActions columns={supplierColumns} />}>
    <Datagrid bulkActionButtons={false} rowClick={can('suppliers', 'edit') ? 'edit' : false}>
      {columnFields(supplierColumns)}
    </Datagrid>
  </List>
);

const stockColumns: Column[] = [
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'item_id', kind: 'reference', reference: 'catalog-items' },
  { source: 'quantity', kind: 'number' },
  { source: 'updated_at', kind: 'datetime' },
];

export const StockList = () => (
  <List filters={[unitFilter]} actions={<ListActions columns={stockColumns} />}>
    <Datagrid bulkActionButtons={false}>{columnFields(stockColumns)}</Datagrid>
  </List>
);

const assetColumns: Column[] = [
  { source: 'code', kind: 'text' },
  { source: 'name', kind: 'text' },
  { source: 'category', kind: 'choice', choices: ASSET_CATEGORY_CHOICES },
  { source: 'org_unit_id', kind: 'reference', reference: 'org-units' },
  { source: 'value', kind: 'money' },
  { source: 'acquired_on', kind: 'date' },
  { source: 'status', kind: 'choice', choices: ASSET_STATUS_CHOICES },
];

export const AssetList = () => (
  <List
    filters={[<SearchInput key="q" source="q" alwaysOn />, unitFilter, <SelectInput key="s" source="status" choices={ASSET_STATUS_CHOICES} alwaysOn />]}
    actions={<ListActions columns={assetColumns} />}
  >
    <Datagrid bulkActionButtons={false} rowClick="show">
      {columnFields(assetColumns)}
    </Datagrid>
  </List>
);

const transferColumns: Column[] = [
  { source: 'asset_name', kind: 'text', label: 'resources.asset-transfers.fields.asset_id', sortBy: 'asset_id' },
  { source: 'from_unit_name', kind: 'text', label: 'resources.asset-transfers.fields.from_org_unit_id', sortBy: 'from_org_unit_id' },
  { source: 'to_unit_name', kind: 'text', label: 'resources.asset-transfers.fields.to_org_unit_id', sortBy: 'to_org_unit_id' },
  { source: 'reason', kind: 'text' },
  { source: 'status', kind: 'choice', choices: TRANSFER_STATUS_CHOICES },
  { source: 'created_at', kind: 'date' },
];

export const TransferList = () => (
  <List
    filters={[<SelectInput key="s" source="status" choices={TRANSFER_STATUS_CHOICES} alwaysOn />]}
    sort={{ field: 'created_at', order: 'DESC' }}
    actions={<ListActions columns={transferColumns} />}
  >
    <Datagrid bulkActionButtons={false}>
      {columnFields(transferColumns)}
      <TransferDecision />
    </Datagrid>
  </List>
);
