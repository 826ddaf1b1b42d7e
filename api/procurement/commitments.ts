// What finance counts as procurement's open commitments: ordered quantities of a member's
// requisition lines on orders still open, not yet accepted or rejected at delivery (once
// accepted, the delivery is posted to the member's ledger). Valued at the contract price,
// booked on the catalogue item's account, dated by the order.
import { countCommitments } from '../finance';

/** SQL (with `from`/`to` placeholders, ? by default) of rows (org_unit_id, account, amount) for orders dated in [from, to) at units in `unitIdsSql`. */
function openCommitmentsSql(unitIdsSql: string, from = '?', to = '?') {
  return `select rl.org_unit_id, ci.account, sum((rl.approved_qty - rl.accepted_qty - rl.rejected_qty) * pol.unit_price) as amount
            from requisition_lines rl
            join purchase_order_lines pol on pol.id = rl.purchase_order_line_id
            join purchase_orders po on po.id = pol.purchase_order_id
            join catalog_items ci on ci.id = pol.item_id
           where po.status in ('draft','sent','partially_received','received')
             and po.order_date >= ${from} and po.order_date < ${to}
             and rl.approved_qty > rl.accepted_qty + rl.rejected_qty
             and rl.org_unit_id in (${unitIdsSql})
           group by 1, 2`;
}

countCommitments(openCommitmentsSql);
