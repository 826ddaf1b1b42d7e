// Catalogue, suppliers, member stock, fixed assets and transfers as lists, with their forms.
// On a phone each is a <SimpleList> of two or three lines: a table of six columns does not fit 390 px.
import { AutocompleteInput, Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, SimpleList } from 'react-admin';
import { columnFields } from '../shared/columnFields';
import { ListActions } from '../shared/ExportButton';
import { type Column } from '../shared/exporter';
import { SmallOr } from '../shared/useIsSmall';
import { can, yuan } from '../finance/api';
import type { AssetRecord, AssetTransferRecord, CatalogItemRecord, StockRecord, SupplierRecord } from './records';
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
    <SmallOr
      small={
        <SimpleList<CatalogItemRecord>
          primaryText={(r) => r.name}
          secondaryText={(r) => [r.code, r.spec, r.uom].filter(Boolean).join(' · ')}
          tertiaryText={(r) => yuan(r.contract_price)}
          linkType={can('catalog-items', 'edit') ? 'edit' : false}
        />
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={can('catalog-items', 'edit') ? 'edit' : false}>
        {columnFields(catalogColumns)}
      </Datagrid>
    </SmallOr>
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
    <SmallOr
      small={
        <SimpleList<SupplierRecord>
          primaryText={(r) => r.name}
          secondaryText={(r) => [r.contact, r.phone].filter(Boolean).join(' · ')}
          tertiaryText={(r) => [r.contract_no, r.contract_ends_on].filter(Boolean).join(' · ')}
          linkType={can('suppliers', 'edit') ? 'edit' : false}
        />
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={can('suppliers', 'edit') ? 'edit' : false}>
        {columnFields(supplierColumns)}
      </Datagrid>
    </SmallOr>
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
    <SmallOr
      small={
        <SimpleList<StockRecord>
          primaryText={(r) => <ReferenceField record={r} source="item_id" reference="catalog-items" link={false} />}
          secondaryText={(r) => <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />}
          tertiaryText={(r) => r.quantity}
          linkType={false}
        />
      }
    >
      <Datagrid bulkActionButtons={false}>{columnFields(stockColumns)}</Datagrid>
    </SmallOr>
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
    <SmallOr
      small={
        <SimpleList<AssetRecord>
          primaryText={(r) => r.name}
          secondaryText={(r) => (
            <>
              {r.code} · <ReferenceField record={r} source="org_unit_id" reference="org-units" link={false} />
            </>
          )}
          tertiaryText={(r) => (
            <>
              {yuan(r.value)} · <SelectField record={r} source="status" choices={ASSET_STATUS_CHOICES} />
            </>
          )}
          linkType="show"
        />
      }
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        {columnFields(assetColumns)}
      </Datagrid>
    </SmallOr>
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
    <SmallOr
      small={
        // the decision is taken on the asset's page (its transfers, with the same buttons)
        <SimpleList<AssetTransferRecord>
          primaryText={(r) => r.asset_name}
          secondaryText={(r) => `${r.from_unit_name} → ${r.to_unit_name}`}
          tertiaryText={(r) => <SelectField record={r} source="status" choices={TRANSFER_STATUS_CHOICES} />}
          rowClick={(_id, _resource, r) => `/assets/${r.asset_id}/show`}
        />
      }
    >
      <Datagrid bulkActionButtons={false}>
        {columnFields(transferColumns)}
        <TransferDecision />
      </Datagrid>
    </SmallOr>
  </List>
);
