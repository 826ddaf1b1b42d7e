// The procurement domain's public face: order savings for the workbooks, and the rules the
// demo loader plans a year of orders with.
export { savingsReport } from './orderService';
export { CATEGORY_ACCOUNT, planDeliveries, planOrders, type ApprovedLine, type Category } from './rules';
export { procurementGrants } from './rules';
export { ITEM_CATEGORY, PROCUREMENT_ENUMS } from './enums';
export { periodQuery as orderPeriodQuery, procurementRouters } from './routes';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { Asset, CatalogItem, StockItem, Supplier } from './model';
export type { withDeliveryLines as deliveriesWithLines, withOrderLines as ordersWithLines } from './orderService';
export type { withNames as transfersWithNames } from './assetService';
export type { withProgress as requisitionsWithProgress } from './service';
