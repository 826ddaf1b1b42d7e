// Procurement rules as plain functions: consolidation of requisition lines into one order per
// supplier, receipts and deliveries within what was ordered and received, proof of delivery,
// requisition progress, savings against baseline prices, and the fixed-asset state machine.
import { all, read, type GrantTable } from '../core/access';
import { fromFen, toFen, type Fen } from '../shared/money';
import type { EnumValue } from '../core/enums';
import { ASSET_CATEGORY, ASSET_STATUS, ITEM_CATEGORY, ORDER_STATUS, REQUISITION_STATUS } from './enums';

export const CATEGORIES = ITEM_CATEGORY.values;
export type Category = EnumValue<typeof ITEM_CATEGORY>;
/** The budget account a category is booked on unless the item says otherwise. */
export const CATEGORY_ACCOUNT: Record<Category, string> = { drug: 'drugs', consumable: 'consumables', office: 'operations', equipment: 'equipment' };

export const REQUISITION_STATES = REQUISITION_STATUS.values;
export const ORDER_STATES = ORDER_STATUS.values;
export type OrderState = EnumValue<typeof ORDER_STATUS>;
const ORDER_TRANSITIONS: Record<OrderState, OrderState[]> = {
  draft: ['sent', 'cancelled'],
  sent: ['partially_received', 'received', 'cancelled'],
  partially_received: ['partially_received', 'received'],
  received: ['closed'],
  closed: [],
  cancelled: [],
};
export const orderTransitions = (from: OrderState) => ORDER_TRANSITIONS[from];
export const canMoveOrder = (from: OrderState, to: OrderState) => ORDER_TRANSITIONS[from].includes(to);

// ---- consolidation -----------------------------------------------------------------------

export interface ApprovedLine {
  id: number;
  org_unit_id: number;
  item_id: number;
  supplier_id: number;
  approved_qty: number;
  contract_price: string;
  baseline_price: string;
}

export interface PlannedOrder {
  supplier_id: number;
  lines: { item_id: number; quantity: number; unit_price: string; baseline_price: string; requisition_line_ids: number[] }[];
  total: Fen;
  baseline: Fen;
}

/** One order per supplier; per item one line summing the requisition lines it came from. */
export function planOrders(lines: readonly ApprovedLine[]): PlannedOrder[] {
  const bySupplier = new Map<number, Map<number, PlannedOrder['lines'][number]>>();
  for (const l of lines) {
    const items = bySupplier.get(l.supplier_id) ?? new Map<number, PlannedOrder['lines'][number]>();
    const line = items.get(l.item_id) ?? {
      item_id: l.item_id,
      quantity: 0,
      unit_price: l.contract_price,
      baseline_price: l.baseline_price,
      requisition_line_ids: [],
    };
    line.quantity += l.approved_qty;
    line.requisition_line_ids.push(l.id);
    items.set(l.item_id, line);
    bySupplier.set(l.supplier_id, items);
  }
  return [...bySupplier.entries()]
    .sort(([a], [b]) => a - b)
    .map(([supplier_id, items]) => {
      const orderLines = [...items.values()].sort((a, b) => a.item_id - b.item_id);
      const sum = (price: 'unit_price' | 'baseline_price') => orderLines.reduce((s, l) => s + toFen(l[price]) * BigInt(l.quantity), 0n);
      return { supplier_id, lines: orderLines, total: sum('unit_price'), baseline: sum('baseline_price') };
    });
}

// ---- receipts, deliveries, proof -------------------------------------------------------------

/** Problems with a receipt: each quantity positive and within what is still outstanding on its line. */
export function receiptProblems(
  orderLines: readonly { id: number; quantity: number; received_qty: number }[],
  receipt: readonly { purchase_order_line_id: number; quantity: number }[],
) {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<number>();
  receipt.forEach((r, i) => {
    const line = orderLines.find((l) => l.id === r.purchase_order_line_id);
    if (!line) problems.push({ field: `lines.${i}.purchase_order_line_id`, message: 'not a line of this order' });
    else if (seen.has(line.id)) problems.push({ field: `lines.${i}.purchase_order_line_id`, message: 'line given twice' });
    else if (r.quantity > line.quantity - line.received_qty)
      problems.push({ field: `lines.${i}.quantity`, message: `only ${line.quantity - line.received_qty} outstanding` });
    seen.add(r.purchase_order_line_id);
  });
  return problems;
}

export interface OpenRequisitionLine {
  id: number;
  org_unit_id: number;
  item_id: number;
  purchase_order_line_id: number;
  approved_qty: number;
  shipped_qty: number;
}

/** Received, not yet shipped goods allocated to the members' lines, oldest line first; one delivery per member. */
export function planDeliveries(orderLines: readonly { id: number; received_qty: number; shipped_qty: number }[], reqLines: readonly OpenRequisitionLine[]) {
  const available = new Map(orderLines.map((l) => [l.id, l.received_qty - l.shipped_qty]));
  const byUnit = new Map<number, { requisition_line_id: number; item_id: number; purchase_order_line_id: number; shipped_qty: number }[]>();
  for (const r of [...reqLines].sort((a, b) => a.id - b.id)) {
    const left = available.get(r.purchase_order_line_id) ?? 0;
    const qty = Math.min(left, r.approved_qty - r.shipped_qty);
    if (qty <= 0) continue;
    available.set(r.purchase_order_line_id, left - qty);
    const lines = byUnit.get(r.org_unit_id) ?? [];
    lines.push({ requisition_line_id: r.id, item_id: r.item_id, purchase_order_line_id: r.purchase_order_line_id, shipped_qty: qty });
    byUnit.set(r.org_unit_id, lines);
  }
  return [...byUnit.entries()].sort(([a], [b]) => a - b).map(([org_unit_id, lines]) => ({ org_unit_id, lines }));
}

export interface Confirmation {
  id: number;
  accepted_qty: number;
  rejected_qty: number;
  rejection_reason?: string | null;
}

/** Proof of delivery: every line confirmed once, accepted + rejected = shipped, a reason for any rejection. */
export function confirmationProblems(shipped: readonly { id: number; shipped_qty: number }[], given: readonly Confirmation[]) {
  const problems: { field: string; message: string }[] = [];
  for (const line of shipped) {
    const i = given.findIndex((g) => g.id === line.id);
    if (i < 0) {
      problems.push({ field: 'lines', message: `delivery line ${line.id} is not confirmed` });
      continue;
    }
    const g = given[i];
    if (g.accepted_qty + g.rejected_qty !== line.shipped_qty)
      problems.push({ field: `lines.${i}`, message: `accepted ${g.accepted_qty} + rejected ${g.rejected_qty} must equal shipped ${line.shipped_qty}` });
    if (g.rejected_qty > 0 && !g.rejection_reason?.trim()) problems.push({ field: `lines.${i}.rejection_reason`, message: 'a rejection needs a reason' });
  }
  given.forEach((g, i) => {
    if (!shipped.some((s) => s.id === g.id)) problems.push({ field: `lines.${i}.id`, message: 'not a line of this delivery' });
    if (given.findIndex((o) => o.id === g.id) !== i) problems.push({ field: `lines.${i}.id`, message: 'line given twice' });
  });
  return problems;
}

// ---- progress and savings ------------------------------------------------------------------

export interface LineProgress {
  approved_qty: number | null;
  purchase_order_line_id: number | null;
  shipped_qty: number;
  accepted_qty: number;
  rejected_qty: number;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100);

/** Ordered / received percentages of a requisition (of its approved quantities) and where it stands. */
export function requisitionProgress(status: string, lines: readonly LineProgress[]) {
  const approved = lines.reduce((s, l) => s + (l.approved_qty ?? 0), 0);
  const ordered = lines.reduce((s, l) => s + (l.purchase_order_line_id ? (l.approved_qty ?? 0) : 0), 0);
  const shipped = lines.reduce((s, l) => s + l.shipped_qty, 0);
  const received = lines.reduce((s, l) => s + l.accepted_qty, 0);
  const rejected = lines.reduce((s, l) => s + l.rejected_qty, 0);
  let progress: string = status;
  if (status === 'approved') {
    if (approved > 0 && received + rejected >= approved) progress = 'completed';
    else if (received + rejected > 0) progress = 'partially_received';
    else if (shipped > 0) progress = 'in_delivery';
    else if (ordered >= approved && approved > 0) progress = 'ordered';
    else if (ordered > 0) progress = 'partially_ordered';
    else progress = 'awaiting_order';
  }
  return {
    approved_qty: approved,
    ordered_qty: ordered,
    shipped_qty: shipped,
    received_qty: received,
    rejected_qty: rejected,
    ordered_pct: pct(ordered, approved),
    received_pct: pct(received, approved),
    progress,
  };
}

export interface SavingsRow {
  category: string;
  quantity: number;
  baseline_price: string;
  unit_price: string;
}

/** Savings per category: Σ (baseline − contract) × quantity, and as a share of the baseline value. */
export function savingsByCategory(rows: readonly SavingsRow[]) {
  const acc = new Map<string, { baseline: Fen; contract: Fen; quantity: number }>();
  for (const r of rows) {
    const a = acc.get(r.category) ?? { baseline: 0n, contract: 0n, quantity: 0 };
    a.baseline += toFen(r.baseline_price) * BigInt(r.quantity);
    a.contract += toFen(r.unit_price) * BigInt(r.quantity);
    a.quantity += r.quantity;
    acc.set(r.category, a);
  }
  const line = (category: string, a: { baseline: Fen; contract: Fen; quantity: number }) => ({
    category,
    quantity: a.quantity,
    baseline_value: fromFen(a.baseline),
    contract_value: fromFen(a.contract),
    savings: fromFen(a.baseline - a.contract),
    savings_pct: a.baseline === 0n ? 0 : Number(((a.baseline - a.contract) * 10000n) / a.baseline) / 100,
  });
  const categories = CATEGORIES.filter((c) => acc.has(c)).map((c) => line(c, acc.get(c)!));
  const total = [...acc.values()].reduce(
    (t, a) => ({ baseline: t.baseline + a.baseline, contract: t.contract + a.contract, quantity: t.quantity + a.quantity }),
    { baseline: 0n, contract: 0n, quantity: 0 },
  );
  return { categories, total: line('total', total) };
}

// ---- fixed assets ---------------------------------------------------------------------------

export const ASSET_CATEGORIES = ASSET_CATEGORY.values;
export const ASSET_STATES = ASSET_STATUS.values;
export type AssetState = EnumValue<typeof ASSET_STATUS>;
const ASSET_TRANSITIONS: Record<AssetState, AssetState[]> = {
  pending_approval: ['in_use', 'disposed'],
  in_use: ['idle', 'disposed'],
  idle: ['in_use', 'transferring', 'disposed'],
  transferring: ['idle', 'in_use'],
  disposed: [],
};
export const assetTransitions = (from: AssetState) => ASSET_TRANSITIONS[from];
export const canMoveAsset = (from: AssetState, to: AssetState) => ASSET_TRANSITIONS[from].includes(to);

/** Fixed-asset purchases at or above this value (yuan) need group approval (env ASSET_APPROVAL_THRESHOLD). */
export const assetApprovalThreshold = (): Fen => toFen(process.env.ASSET_APPROVAL_THRESHOLD ?? '50000');
export const needsGroupApproval = (value: Fen) => value >= assetApprovalThreshold();

// ---- grants ---------------------------------------------------------------------------------

export const procurementGrants: GrantTable = {
  procurement: {
    suppliers: all,
    'catalog-items': all,
    requisitions: read,
    'purchase-orders': [...read, 'create', 'send', 'receive', 'deliver', 'cancel'],
    deliveries: read,
    stock: read,
    assets: read,
    'asset-transfers': read,
  },
  group_finance: {
    suppliers: read,
    'catalog-items': read,
    requisitions: read,
    'purchase-orders': read,
    deliveries: read,
    stock: read,
    assets: [...read, 'approve'],
    'asset-transfers': [...read, 'approve', 'reject'],
  },
  group_admin: {
    suppliers: read,
    'catalog-items': read,
    requisitions: read,
    'purchase-orders': read,
    deliveries: read,
    stock: read,
    assets: [...all, 'approve'],
    'asset-transfers': [...read, 'approve', 'reject'],
  },
  director: {
    suppliers: read,
    'catalog-items': read,
    requisitions: [...read, 'create', 'approve', 'reject', 'cancel'],
    deliveries: [...read, 'confirm'],
    stock: read,
    assets: [...read, 'create', 'edit', 'offer', 'withdraw', 'dispose'],
    'asset-transfers': [...read, 'create', 'cancel'],
  },
  staff_clerk: {
    'catalog-items': read,
    requisitions: [...read, 'create', 'cancel'],
    deliveries: [...read, 'confirm'],
    stock: read,
    assets: read,
    'asset-transfers': read,
  },
  village_doctor: { 'catalog-items': read, requisitions: [...read, 'create'], stock: read },
};
