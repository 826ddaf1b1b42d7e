import { z } from 'zod';
import { answerList, mountCrud } from '../http/crudRoutes';
import { ApiRouter } from '../http/router';
import { idParam, isoDate, moneyInput, parse, positiveId } from '../http/validate';
import { fromFen } from '../shared/money';
import { createAsset, assetResource, decideTransfer, market, moveAsset, readTransfer, requestTransfer, transferResource, withNames } from './assetService';
import {
  cancelOrder,
  confirmDelivery,
  consolidate,
  deliver,
  deliveryResource,
  orderResource,
  readDelivery,
  readOrder,
  receive,
  savings,
  sendOrder,
  withDeliveryLines,
  withOrderLines,
} from './orderService';
import { ASSET_CATEGORIES, CATEGORIES } from './rules';
import './commitments'; // finance counts procurement's open orders as commitments
import {
  approveRequisition,
  catalogResource,
  consolidationCandidates,
  createRequisition,
  decideOtherwise,
  readRequisition,
  requisitionResource,
  stockResource,
  supplierResource,
  withProgress,
} from './service';
import type { Request, Response } from 'express';
import type { Model } from 'objection';
import type { ResourceDef } from '../core/crud';

const date = isoDate;
const id = positiveId;
const qty = z.number().int().positive().max(10_000_000);
const price = moneyInput.refine((f) => f > 0n, 'must be greater than 0').transform(fromFen);

/** A list route whose rows are enriched (lines, progress) before they are answered. */
function enrichedList<M extends Model>(def: ResourceDef<M>, enrich: (rows: M[]) => Promise<unknown[]>) {
  return (req: Request, res: Response) => answerList(def, req, res, enrich);
}

// ---- suppliers, catalogue, stock -----------------------------------------------------------

const supplierFields = {
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  contact: z.string().max(100).nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  contract_no: z.string().max(100).nullable().optional(),
  contract_ends_on: date.nullable().optional(),
  active: z.boolean().optional(),
};
export const supplierRoutes = mountCrud(new ApiRouter('/suppliers', 'procurement'), supplierResource, {
  label: 'suppliers',
  create: z.strictObject(supplierFields),
  update: z.strictObject(supplierFields).partial(),
});

const itemFields = {
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  category: z.enum(CATEGORIES),
  spec: z.string().max(200).nullable().optional(),
  uom: z.string().trim().min(1).max(20),
  baseline_price: price,
  contract_price: price,
  supplier_id: id,
  account: z.string().optional(),
  active: z.boolean().optional(),
};
export const catalogRoutes = mountCrud(new ApiRouter('/catalog-items', 'procurement'), catalogResource, {
  label: 'catalogue items',
  create: z.strictObject(itemFields),
  update: z.strictObject(itemFields).partial(),
});

export const stockRoutes = mountCrud(new ApiRouter('/stock', 'procurement'), stockResource, { label: 'member stock', readOnly: true });

// ---- requisitions ----------------------------------------------------------------------------

const requisitionBody = z.strictObject({
  org_unit_id: id,
  needed_by: date.optional(),
  note: z.string().max(500).optional(),
  lines: z
    .array(z.strictObject({ item_id: id, requested_qty: qty }))
    .min(1)
    .max(500),
});
const approveBody = z.strictObject({
  lines: z.array(z.strictObject({ id, approved_qty: z.number().int().min(0) })).optional(),
  comment: z.string().max(500).optional(),
});
const commentBody = z.strictObject({ comment: z.string().trim().min(1).max(500) });

export const requisitionRoutes = new ApiRouter('/requisitions', 'procurement')
  .get('/', { summary: 'List requisitions with lines and ordered / received percentages', list: true }, enrichedList(requisitionResource, withProgress))
  .get('/:id', { summary: 'Read a requisition with lines and progress' }, (req) => readRequisition(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Submit a requisition (lines: item_id, requested_qty)', body: requisitionBody }, (req) =>
    createRequisition(req.actor, parse(requisitionBody, req.body)),
  )
  .post('/:id/approve', { summary: 'Approve with an approved quantity per line', body: approveBody }, (req) =>
    approveRequisition(req.actor, idParam(req.params.id), parse(approveBody, req.body ?? {})),
  )
  .post('/:id/reject', { summary: 'Reject a submitted requisition', body: commentBody }, (req) =>
    decideOtherwise(req.actor, idParam(req.params.id), 'rejected', parse(commentBody, req.body).comment),
  )
  .post('/:id/cancel', { summary: 'Withdraw a submitted requisition', body: commentBody }, (req) =>
    decideOtherwise(req.actor, idParam(req.params.id), 'cancelled', parse(commentBody, req.body).comment),
  );

// ---- purchase orders ---------------------------------------------------------------------------

const consolidateBody = z.strictObject({ requisition_line_ids: z.array(id).min(1).max(50_000) });
const candidatesQuery = z.object({
  supplier_id: z.coerce.number().int().positive().optional(),
  category: z.enum(CATEGORIES).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
const receiveBody = z.strictObject({
  received_on: date.optional(),
  note: z.string().max(500).optional(),
  lines: z.array(z.strictObject({ purchase_order_line_id: id, quantity: qty })).min(1),
});
const deliverBody = z.strictObject({ org_unit_ids: z.array(id).optional(), shipped_on: date.optional() });
const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
/** A period of orders (the savings screen and its workbook). */
export const periodQuery = z.object({ from: date, to: date });

export const orderRoutes = new ApiRouter('/purchase-orders', 'procurement')
  .get('/candidates', { summary: 'Approved requisition lines not yet ordered, with member, item and contracted supplier', query: candidatesQuery }, (req) =>
    consolidationCandidates(req.actor, parse(candidatesQuery, req.query, 'query')),
  )
  .get('/savings', { summary: 'Savings per category: Σ (baseline − contract) × quantity ordered, amount and % of baseline', query: periodQuery }, (req) =>
    savings(req.actor, parse(periodQuery, req.query, 'query')),
  )
  .get('/', { summary: 'List purchase orders with lines and back-references', list: true }, enrichedList(orderResource, withOrderLines))
  .get('/:id', { summary: 'Read a purchase order with lines and back-references' }, (req) => readOrder(req.actor, idParam(req.params.id)))
  .post('/consolidate', { summary: 'One order per contracted supplier from approved requisition lines', body: consolidateBody }, (req) =>
    consolidate(req.actor, parse(consolidateBody, req.body).requisition_line_ids),
  )
  .post('/:id/send', { summary: 'Send a draft order to its supplier' }, (req) => sendOrder(req.actor, idParam(req.params.id)))
  .post('/:id/receive', { summary: 'Record a (partial) receipt from the supplier', body: receiveBody }, (req) =>
    receive(req.actor, idParam(req.params.id), parse(receiveBody, req.body)),
  )
  .post('/:id/deliver', { summary: 'Ship received goods to the members that asked: one delivery per member', body: deliverBody }, (req) =>
    deliver(req.actor, idParam(req.params.id), parse(deliverBody, req.body ?? {})),
  )
  .post('/:id/cancel', { summary: 'Cancel an order with nothing received', body: reasonBody }, (req) =>
    cancelOrder(req.actor, idParam(req.params.id), parse(reasonBody, req.body).reason),
  );

const confirmBody = z.strictObject({
  received_by_name: z.string().trim().min(1).max(100),
  proof_note: z.string().max(500).optional(),
  confirmed_on: date.optional(),
  lines: z
    .array(
      z.strictObject({
        id,
        accepted_qty: z.number().int().min(0),
        rejected_qty: z.number().int().min(0),
        rejection_reason: z.string().max(500).nullable().optional(),
      }),
    )
    .min(1),
});
export const deliveryRoutes = new ApiRouter('/deliveries', 'procurement')
  .get('/', { summary: 'List deliveries to members, with lines', list: true }, enrichedList(deliveryResource, withDeliveryLines))
  .get('/:id', { summary: 'Read a delivery with lines' }, (req) => readDelivery(req.actor, idParam(req.params.id)))
  .post('/:id/confirm', { summary: 'Confirm a delivery with proof: accepted + rejected = shipped, a reason per rejection', body: confirmBody }, (req) =>
    confirmDelivery(req.actor, idParam(req.params.id), parse(confirmBody, req.body)),
  );

// ---- fixed assets ------------------------------------------------------------------------------

const assetBody = z.strictObject({
  org_unit_id: id,
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  category: z.enum(ASSET_CATEGORIES),
  value: moneyInput.refine((f) => f >= 0n, 'cannot be negative'),
  acquired_on: date,
  note: z.string().max(500).optional(),
});
const noteBody = z.strictObject({ note: z.string().max(500).optional() });
const marketQuery = z.object({ category: z.enum(ASSET_CATEGORIES).optional(), q: z.string().max(100).optional() });
const transferBody = z.strictObject({ asset_id: id, to_org_unit_id: id, reason: z.string().trim().min(1).max(500) });
const decisionBody = z.strictObject({ comment: z.string().max(500).optional() });

export const assetRoutes = new ApiRouter('/assets', 'procurement')
  .get('/market', { summary: 'The idle-asset market: idle assets of every member', query: marketQuery }, (req) =>
    market(req.actor, parse(marketQuery, req.query, 'query')),
  )
  .post('/', { summary: 'Register an asset (at or above the threshold it waits for group approval)', body: assetBody }, (req) =>
    createAsset(req.actor, parse(assetBody, req.body)),
  );
for (const verb of ['approve', 'offer', 'withdraw', 'dispose'] as const) {
  assetRoutes.post(`/:id/${verb}`, { summary: `Asset: ${verb}`, body: noteBody }, (req) =>
    moveAsset(req.actor, idParam(req.params.id), verb, parse(noteBody, req.body ?? {}).note),
  );
}
mountCrud(assetRoutes, assetResource, { label: 'fixed assets', readOnly: true });

export const transferRoutes = new ApiRouter('/asset-transfers', 'procurement')
  .get('/', { summary: 'List asset transfers (history) with the asset’s and both members’ names', list: true }, enrichedList(transferResource, withNames))
  .get('/:id', { summary: 'Read an asset transfer with the asset’s and both members’ names' }, (req) => readTransfer(req.actor, idParam(req.params.id)))
  .post('/', { summary: 'Ask for an idle asset of another member', body: transferBody }, (req) => requestTransfer(req.actor, parse(transferBody, req.body)));
for (const verb of ['approve', 'reject', 'cancel'] as const) {
  transferRoutes.post(`/:id/${verb}`, { summary: `Asset transfer: ${verb}`, body: decisionBody }, (req) =>
    decideTransfer(req.actor, idParam(req.params.id), verb, parse(decisionBody, req.body ?? {}).comment),
  );
}

export const procurementRouters = [supplierRoutes, catalogRoutes, requisitionRoutes, orderRoutes, deliveryRoutes, stockRoutes, assetRoutes, transferRoutes];
