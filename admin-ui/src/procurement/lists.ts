// The procurementLists resources: their screens in AssetShow.tsx, forms.tsx, listViews.tsx, loaded when first shown.
import BusinessCenterIcon from '@mui/icons-material/BusinessCenter';
import InventoryIcon from '@mui/icons-material/Inventory';
import StoreIcon from '@mui/icons-material/Store';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import type { ResourceEntry } from '../registry';
import { lazyScreens } from '../shared/lazyScreens';
import type { AssetRecord, CatalogItemRecord } from './records';

const listViews = lazyScreens(() => import('./listViews'));
const forms = lazyScreens(() => import('./forms'));
const assetShow = lazyScreens(() => import('./AssetShow'));

export const procurementLists: ResourceEntry[] = [
  {
    name: 'catalog-items',
    list: listViews.CatalogList,
    create: forms.CatalogCreate,
    edit: forms.CatalogEdit,
    icon: InventoryIcon,
    recordRepresentation: (r: CatalogItemRecord) => `${r.name} ${r.spec ?? ''}`,
  },
  { name: 'suppliers', list: listViews.SupplierList, create: forms.SupplierCreate, edit: forms.SupplierEdit, icon: StoreIcon, recordRepresentation: 'name' },
  { name: 'stock', list: listViews.StockList, icon: WarehouseIcon },
  {
    name: 'assets',
    list: listViews.AssetList,
    show: assetShow.AssetShow,
    create: forms.AssetCreate,
    icon: BusinessCenterIcon,
    recordRepresentation: (r: AssetRecord) => `${r.name}（${r.code}）`,
  },
  { name: 'asset-transfers', list: listViews.TransferList, icon: SwapHorizIcon },
];
