// The procurement records as the API answers them: its models (api/procurement/model.ts) as JSON, and
// the answers of the reads that add figures and names (imported as types only). Money as decimal strings.
import type { AnswerOf, Json } from '../../../api/core/json';
import type {
  Asset,
  CatalogItem,
  deliveriesWithLines,
  ordersWithLines,
  requisitionsWithProgress,
  StockItem,
  Supplier,
  transfersWithNames,
} from '../../../api/procurement';

/** GET /api/catalog-items */
export type CatalogItemRecord = Json<CatalogItem>;

/** GET /api/requisitions: with its lines (the items named) and its progress derived from them (api/procurement/rules.ts) */
export type RequisitionRecord = AnswerOf<typeof requisitionsWithProgress>[number];

/** A line of a requisition, with its item's name, code and unit */
export type RequisitionLineRecord = RequisitionRecord['lines'][number];

/** GET /api/purchase-orders: with its lines (the items named) and the requisition lines each fills */
export type PurchaseOrderRecord = AnswerOf<typeof ordersWithLines>[number];

/** GET /api/deliveries: with its lines (the items named) */
export type DeliveryRecord = AnswerOf<typeof deliveriesWithLines>[number];

/** GET /api/assets */
export type AssetRecord = Json<Asset>;

/** GET /api/asset-transfers: with the asset's and the units' names */
export type AssetTransferRecord = AnswerOf<typeof transfersWithNames>[number];

/** GET /api/suppliers */
export type SupplierRecord = Json<Supplier>;

/** GET /api/stock: one item's quantity at one member */
export type StockRecord = Json<StockItem>;
