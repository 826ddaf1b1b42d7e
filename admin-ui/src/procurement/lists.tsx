// Catalogue, suppliers, member stock, fixed assets and transfers as lists, with their forms.
import InventoryIcon from '@mui/icons-material/Inventory';
import StoreIcon from '@mui/icons-material/Store';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import BusinessCenterIcon from '@mui/icons-material/BusinessCenter';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { AutocompleteInput, Datagrid, DateField, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import type { ResourceEntry } from '../registry';
import { can } from '../finance/api';
import { AssetShow } from './AssetShow';
import { AssetCreate, CatalogCreate, CatalogEdit, SupplierCreate, SupplierEdit } from './forms';
import { TransferDecision } from './TransferDecision';
import { ASSET_CATEGORY_CHOICES, ASSET_STATUS_CHOICES, CATEGORY_CHOICES, TRANSFER_STATUS_CHOICES } from './choices';

const unitFilter = <ReferenceInput key="unit" source="org_unit_id" reference="org-units" alwaysOn><AutocompleteInput /></ReferenceInput>;

const CatalogList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="c" source="category" choices={CATEGORY_CHOICES} alwaysOn />]}>
    <Datagrid bulkActionButtons={false} rowClick={can('catalog-items', 'edit') ? 'edit' : false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="spec" />
      <SelectField source="category" choices={CATEGORY_CHOICES} />
      <TextField source="uom" />
      <NumberField source="baseline_price" options={{ minimumFractionDigits: 2 }} />
      <NumberField source="contract_price" options={{ minimumFractionDigits: 2 }} />
      <ReferenceField source="supplier_id" reference="suppliers" link={false} />
    </Datagrid>
  </List>
);

const SupplierList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]}>
    <Datagrid bulkActionButtons={false} rowClick={can('suppliers', 'edit') ? 'edit' : false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="contact" />
      <TextField source="phone" />
      <TextField source="contract_no" />
      <DateField source="contract_ends_on" />
    </Datagrid>
  </List>
);

const StockList = () => (
  <List filters={[unitFilter]}>
    <Datagrid bulkActionButtons={false}>
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <ReferenceField source="item_id" reference="catalog-items" link={false} />
      <NumberField source="quantity" />
      <DateField source="updated_at" showTime />
    </Datagrid>
  </List>
);

const AssetList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />, unitFilter, <SelectInput key="s" source="status" choices={ASSET_STATUS_CHOICES} alwaysOn />]}>
    <Datagrid bulkActionButtons={false} rowClick="show">
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="category" choices={ASSET_CATEGORY_CHOICES} />
      <ReferenceField source="org_unit_id" reference="org-units" link={false} />
      <NumberField source="value" options={{ minimumFractionDigits: 2 }} />
      <DateField source="acquired_on" />
      <SelectField source="status" choices={ASSET_STATUS_CHOICES} />
    </Datagrid>
  </List>
);

const TransferList = () => (
  <List filters={[<SelectInput key="s" source="status" choices={TRANSFER_STATUS_CHOICES} alwaysOn />]} sort={{ field: 'created_at', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <TextField source="asset_name" label="resources.asset-transfers.fields.asset_id" sortBy="asset_id" />
      <TextField source="from_unit_name" label="resources.asset-transfers.fields.from_org_unit_id" sortBy="from_org_unit_id" />
      <TextField source="to_unit_name" label="resources.asset-transfers.fields.to_org_unit_id" sortBy="to_org_unit_id" />
      <TextField source="reason" />
      <SelectField source="status" choices={TRANSFER_STATUS_CHOICES} />
      <DateField source="created_at" />
      <TransferDecision />
    </Datagrid>
  </List>
);

export const procurementLists: ResourceEntry[] = [
  { name: 'catalog-items', list: CatalogList, create: CatalogCreate, edit: CatalogEdit, icon: InventoryIcon, recordRepresentation: (r) => `${r.name} ${r.spec ?? ''}` },
  { name: 'suppliers', list: SupplierList, create: SupplierCreate, edit: SupplierEdit, icon: StoreIcon, recordRepresentation: 'name' },
  { name: 'stock', list: StockList, icon: WarehouseIcon },
  { name: 'assets', list: AssetList, show: AssetShow, create: AssetCreate, icon: BusinessCenterIcon, recordRepresentation: (r) => `${r.name}（${r.code}）` },
  { name: 'asset-transfers', list: TransferList, icon: SwapHorizIcon },
];
