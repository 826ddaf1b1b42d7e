import { expect } from 'chai';
import { toFen } from '../shared/money';
import {
  canMoveAsset,
  confirmationProblems,
  needsGroupApproval,
  planDeliveries,
  planOrders,
  receiptProblems,
  requisitionProgress,
  savingsByCategory,
} from './rules';

const line = (id: number, unit: number, item: number, supplier: number, qty: number) => ({
  id,
  org_unit_id: unit,
  item_id: item,
  supplier_id: supplier,
  approved_qty: qty,
  contract_price: '9.40',
  baseline_price: '10.00',
});

describe('procurement rules', () => {
  it('plans one order per supplier, one line per item summing the requisition lines', () => {
    const plans = planOrders([line(1, 10, 100, 2, 5), line(2, 11, 100, 2, 7), line(3, 10, 200, 1, 3), line(4, 12, 300, 2, 1)]);
    expect(plans.map((p) => p.supplier_id)).to.deep.equal([1, 2]);
    const s2 = plans[1];
    expect(s2.lines.map((l) => [l.item_id, l.quantity, l.requisition_line_ids])).to.deep.equal([
      [100, 12, [1, 2]],
      [300, 1, [4]],
    ]);
    expect(s2.total).to.equal(toFen('9.40') * 13n);
    expect(s2.baseline).to.equal(toFen('130.00'));
  });

  it('receipts stay within what is outstanding', () => {
    const lines = [{ id: 1, quantity: 10, received_qty: 6 }];
    expect(receiptProblems(lines, [{ purchase_order_line_id: 1, quantity: 4 }])).to.deep.equal([]);
    expect(receiptProblems(lines, [{ purchase_order_line_id: 1, quantity: 5 }])[0].field).to.equal('lines.0.quantity');
    expect(receiptProblems(lines, [{ purchase_order_line_id: 9, quantity: 1 }])[0].message).to.match(/not a line/);
  });

  it('allocates received goods to the oldest requisition lines, one delivery per member', () => {
    const plan = planDeliveries(
      [{ id: 1, received_qty: 8, shipped_qty: 0 }],
      [
        { id: 3, org_unit_id: 30, item_id: 5, purchase_order_line_id: 1, approved_qty: 6, shipped_qty: 0 },
        { id: 2, org_unit_id: 20, item_id: 5, purchase_order_line_id: 1, approved_qty: 5, shipped_qty: 0 },
      ],
    );
    expect(plan).to.deep.equal([
      { org_unit_id: 20, lines: [{ requisition_line_id: 2, item_id: 5, purchase_order_line_id: 1, shipped_qty: 5 }] },
      { org_unit_id: 30, lines: [{ requisition_line_id: 3, item_id: 5, purchase_order_line_id: 1, shipped_qty: 3 }] },
    ]);
  });

  it('proof of delivery: accepted + rejected = shipped, a reason for a rejection, every line once', () => {
    const shipped = [
      { id: 1, shipped_qty: 5 },
      { id: 2, shipped_qty: 3 },
    ];
    expect(
      confirmationProblems(shipped, [
        { id: 1, accepted_qty: 5, rejected_qty: 0 },
        { id: 2, accepted_qty: 2, rejected_qty: 1, rejection_reason: '破损' },
      ]),
    ).to.deep.equal([]);
    const p = confirmationProblems(shipped, [{ id: 1, accepted_qty: 4, rejected_qty: 0 }]);
    expect(p.map((x) => x.field)).to.deep.equal(['lines.0', 'lines']);
    expect(confirmationProblems(shipped.slice(0, 1), [{ id: 1, accepted_qty: 3, rejected_qty: 2, rejection_reason: ' ' }])[0].field).to.equal(
      'lines.0.rejection_reason',
    );
  });

  it('requisition progress as percentages of the approved quantities', () => {
    const p = requisitionProgress('approved', [
      { approved_qty: 10, purchase_order_line_id: 1, shipped_qty: 10, accepted_qty: 8, rejected_qty: 2 },
      { approved_qty: 10, purchase_order_line_id: null, shipped_qty: 0, accepted_qty: 0, rejected_qty: 0 },
    ]);
    expect(p).to.include({ ordered_pct: 50, received_pct: 40, progress: 'partially_received' });
    expect(requisitionProgress('submitted', []).progress).to.equal('submitted');
  });

  it('savings per category as amount and share of the baseline value', () => {
    const s = savingsByCategory([
      { category: 'drug', quantity: 100, baseline_price: '10.00', unit_price: '9.40' },
      { category: 'office', quantity: 8, baseline_price: '25.00', unit_price: '21.87' },
    ]);
    expect(s.categories[0]).to.include({ category: 'drug', savings: '60.00', savings_pct: 6 });
    expect(s.categories[1]).to.include({ category: 'office', baseline_value: '200.00', savings: '25.04', savings_pct: 12.52 });
    expect(s.total.savings).to.equal('85.04');
  });

  it('fixed assets: states and the approval threshold', () => {
    expect(canMoveAsset('idle', 'transferring')).to.equal(true);
    expect(canMoveAsset('in_use', 'transferring')).to.equal(false);
    expect(needsGroupApproval(toFen('50000'))).to.equal(true);
    expect(needsGroupApproval(toFen('49999.99'))).to.equal(false);
  });
});
