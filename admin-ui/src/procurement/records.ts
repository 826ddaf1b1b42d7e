// The procurement records as the API answers them (api/procurement/model.ts, and the figures and
// names its reads add): money as decimal strings.
import type { RaRecord } from 'react-admin';

/** GET /api/catalog-items */
export interface CatalogItemRecord extends RaRecord {
  id: number;
  code: string;
  name: string;
  category: string;
  spec: string | null;
  uom: string;
  baseline_price: string;
  contract_price: string;
  supplier_id: number;
  account: string;
  active: boolean;
}

/** GET /api/requisitions: with its progress derived from its lines (api/procurement/rules.ts) */
export interface RequisitionRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  status: 'submitted' | 'approved' | 'rejected' | 'cancelled';
  needed_by: string | null;
  note: string | null;
  requested_by: number | null;
  progress: string;
  ordered_pct: number;
  received_pct: number;
}

/** GET /api/purchase-orders */
export interface PurchaseOrderRecord extends RaRecord {
  id: number;
  number: string;
  supplier_id: number;
  org_unit_id: number;
  order_date: string;
  status: 'draft' | 'sent' | 'partially_received' | 'received' | 'closed' | 'cancelled';
  total_amount: string;
  baseline_amount: string;
}

/** GET /api/deliveries */
export interface DeliveryRecord extends RaRecord {
  id: number;
  purchase_order_id: number;
  org_unit_id: number;
  status: 'shipped' | 'confirmed';
  shipped_on: string;
  received_by_name: string | null;
  proof_note: string | null;
}

/** GET /api/assets */
export interface AssetRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  code: string;
  name: string;
  category: string;
  value: string;
  acquired_on: string;
  status: 'pending_approval' | 'in_use' | 'idle' | 'transferring' | 'disposed';
  note: string | null;
}

/** GET /api/asset-transfers: with the units' names */
export interface AssetTransferRecord extends RaRecord {
  id: number;
  asset_id: number;
  from_org_unit_id: number;
  to_org_unit_id: number;
  status: 'requested' | 'approved' | 'rejected' | 'cancelled';
  reason: string;
  decision_comment: string | null;
  created_at: string;
  from_unit_name?: string;
  to_unit_name?: string;
}

/** GET /api/suppliers */
export interface SupplierRecord extends RaRecord {
  id: number;
  code: string;
  name: string;
  contact: string | null;
  phone: string | null;
  contract_no: string | null;
  contract_ends_on: string | null;
  active: boolean;
}

/** A line of a requisition's own read (GET /api/requisitions/:id) */
export interface RequisitionLineRecord {
  id: number;
  item_id: number;
  requested_qty: number;
  approved_qty: number | null;
  shipped_qty: number;
  accepted_qty: number;
  rejected_qty: number;
}
