import { Model } from 'objection';

export class Supplier extends Model {
  id!: number;
  code!: string;
  name!: string;
  contact!: string | null;
  phone!: string | null;
  contract_no!: string | null;
  contract_ends_on!: string | null;
  active!: boolean;
  static tableName = 'suppliers';
}

/** A catalogue item bought centrally: baseline price (before) and contract price (the group's). */
export class CatalogItem extends Model {
  id!: number;
  code!: string;
  name!: string;
  category!: string;
  spec!: string | null;
  uom!: string;
  baseline_price!: string;
  contract_price!: string;
  supplier_id!: number;
  account!: string;
  active!: boolean;
  static tableName = 'catalog_items';
}

export class RequisitionLine extends Model {
  id!: number;
  requisition_id!: number;
  org_unit_id!: number;
  item_id!: number;
  requested_qty!: number;
  approved_qty!: number | null;
  purchase_order_line_id!: number | null;
  shipped_qty!: number;
  accepted_qty!: number;
  rejected_qty!: number;
  /** the item as the catalogue names it, joined in when a requisition is read (service.ts withProgress) */
  declare item_name?: string;
  declare item_code?: string;
  declare uom?: string;
  declare category?: string;
  static tableName = 'requisition_lines';
}

export class Requisition extends Model {
  id!: number;
  org_unit_id!: number;
  status!: 'submitted' | 'approved' | 'rejected' | 'cancelled';
  needed_by!: string | null;
  note!: string | null;
  requested_by!: number | null;
  decided_by!: number | null;
  decided_at!: string | null;
  decision_comment!: string | null;
  created_at!: string;
  updated_at!: string;
  lines?: RequisitionLine[];
  static tableName = 'requisitions';
}

export class PurchaseOrderLine extends Model {
  id!: number;
  purchase_order_id!: number;
  item_id!: number;
  quantity!: number;
  unit_price!: string;
  baseline_price!: string;
  received_qty!: number;
  shipped_qty!: number;
  static tableName = 'purchase_order_lines';
}

export class PurchaseOrder extends Model {
  id!: number;
  number!: string;
  supplier_id!: number;
  org_unit_id!: number;
  order_date!: string;
  status!: 'draft' | 'sent' | 'partially_received' | 'received' | 'closed' | 'cancelled';
  total_amount!: string;
  baseline_amount!: string;
  created_by!: number | null;
  sent_at!: string | null;
  closed_at!: string | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'purchase_orders';
}

export class Receipt extends Model {
  id!: number;
  purchase_order_id!: number;
  received_on!: string;
  note!: string | null;
  received_by!: number | null;
  lines!: { purchase_order_line_id: number; item_id: number; quantity: number }[];
  static tableName = 'receipts';
  static jsonAttributes = ['lines'];
}

export class DeliveryLine extends Model {
  id!: number;
  delivery_id!: number;
  requisition_line_id!: number;
  item_id!: number;
  shipped_qty!: number;
  accepted_qty!: number | null;
  rejected_qty!: number | null;
  rejection_reason!: string | null;
  static tableName = 'delivery_lines';
}

export class Delivery extends Model {
  id!: number;
  purchase_order_id!: number;
  org_unit_id!: number;
  status!: 'shipped' | 'confirmed';
  shipped_on!: string;
  shipped_by!: number | null;
  received_by_name!: string | null;
  proof_note!: string | null;
  confirmed_by!: number | null;
  confirmed_at!: string | null;
  created_at!: string;
  updated_at!: string;
  lines?: DeliveryLine[];
  static tableName = 'deliveries';
}

/** A member's stock of a catalogue item. */
export class StockItem extends Model {
  id!: number;
  org_unit_id!: number;
  item_id!: number;
  quantity!: number;
  updated_at!: string;
  static tableName = 'stock';
}

export class Asset extends Model {
  id!: number;
  org_unit_id!: number;
  code!: string;
  name!: string;
  category!: string;
  value!: string;
  acquired_on!: string;
  status!: 'pending_approval' | 'in_use' | 'idle' | 'transferring' | 'disposed';
  note!: string | null;
  approved_by!: number | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'assets';
}

export class AssetTransfer extends Model {
  id!: number;
  asset_id!: number;
  from_org_unit_id!: number;
  to_org_unit_id!: number;
  status!: 'requested' | 'approved' | 'rejected' | 'cancelled';
  reason!: string;
  requested_by!: number | null;
  decided_by!: number | null;
  decided_at!: string | null;
  decision_comment!: string | null;
  created_at!: string;
  updated_at!: string;
  static tableName = 'asset_transfers';
}
