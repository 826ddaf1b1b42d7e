// Every list of values of procurement, with its zh and en labels: the API's zod schemas and rules, the workbooks' labels,
// the UI's choices and translations and the migrations' CHECK constraints derive from it.
// The admin UI imports this file: nothing from node or the database.
import { defineEnum } from '../core/enums';

export const ITEM_CATEGORY = defineEnum('item_category', {
  drug: { zh: '药品', en: 'Drugs' },
  consumable: { zh: '医用耗材', en: 'Consumables' },
  office: { zh: '办公用品', en: 'Office supplies' },
  equipment: { zh: '设备', en: 'Equipment' },
});
export const REQUISITION_STATUS = defineEnum('requisition_status', {
  submitted: { zh: '待审批', en: 'Submitted' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤回', en: 'Cancelled' },
});
/** a requisition's progress as the requester follows it (derived from its lines, not stored) */
export const PROGRESS = defineEnum('progress', {
  awaiting_order: { zh: '待汇总下单', en: 'Awaiting order' },
  partially_ordered: { zh: '部分下单', en: 'Partially ordered' },
  ordered: { zh: '已下单', en: 'Ordered' },
  in_delivery: { zh: '配送中', en: 'In delivery' },
  partially_received: { zh: '部分到货', en: 'Partially received' },
  completed: { zh: '已完成', en: 'Completed' },
  submitted: { zh: '待审批', en: 'Submitted' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤回', en: 'Cancelled' },
});
export const ORDER_STATUS = defineEnum('order_status', {
  draft: { zh: '草稿', en: 'Draft' },
  sent: { zh: '已发送', en: 'Sent' },
  partially_received: { zh: '部分到货', en: 'Partially received' },
  received: { zh: '全部到货', en: 'Received' },
  closed: { zh: '已完结', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});
export const DELIVERY_STATUS = defineEnum('delivery_status', {
  shipped: { zh: '待签收', en: 'To confirm' },
  confirmed: { zh: '已签收', en: 'Confirmed' },
});
export const ASSET_STATUS = defineEnum('asset_status', {
  pending_approval: { zh: '待集团审批', en: 'Awaiting approval' },
  in_use: { zh: '在用', en: 'In use' },
  idle: { zh: '闲置', en: 'Idle' },
  transferring: { zh: '调拨中', en: 'Transferring' },
  disposed: { zh: '已处置', en: 'Disposed' },
});
export const ASSET_CATEGORY = defineEnum('asset_category', {
  medical_equipment: { zh: '医疗设备', en: 'Medical' },
  imaging: { zh: '影像设备', en: 'Imaging' },
  laboratory: { zh: '检验设备', en: 'Laboratory' },
  vehicle: { zh: '车辆', en: 'Vehicle' },
  it: { zh: '信息设备', en: 'IT' },
  furniture: { zh: '家具', en: 'Furniture' },
  other: { zh: '其他', en: 'Other' },
});
export const TRANSFER_STATUS = defineEnum('transfer_status', {
  requested: { zh: '待审批', en: 'Requested' },
  approved: { zh: '已调拨', en: 'Transferred' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤回', en: 'Cancelled' },
});

/** The lists of values the UI translates (`enums.<name>.<value>`). */
export const PROCUREMENT_ENUMS = [ITEM_CATEGORY, REQUISITION_STATUS, PROGRESS, ORDER_STATUS, DELIVERY_STATUS, ASSET_STATUS, ASSET_CATEGORY, TRANSFER_STATUS];
