// Procurement (药械采购中心): suppliers, the catalogue with baseline and contract prices,
// member requisitions, consolidated purchase orders with receipts, deliveries to members with
// proof, member stock; fixed assets and the reallocation of idle ones between members.
import type { Knex } from 'knex';

const money = (t: Knex.CreateTableBuilder, name: string) => t.decimal(name, 14, 2);

export async function up(knex: Knex) {
  await knex.schema.createTable('suppliers', (t) => {
    t.increments('id');
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.text('contact');
    t.text('phone');
    t.text('contract_no');
    t.date('contract_ends_on');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
  });

  await knex.schema.createTable('catalog_items', (t) => {
    t.increments('id');
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.text('category').notNullable();
    t.text('spec');
    t.text('uom').notNullable(); // 计量单位: 盒, 支, 包, 台…
    // price each member paid before central buying, and the group's contract price
    money(t, 'baseline_price').notNullable();
    money(t, 'contract_price').notNullable();
    t.integer('supplier_id').notNullable().references('suppliers.id');
    // the budget account a purchase of this item is booked on
    t.text('account').notNullable().references('accounts.code');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
    t.check("category in ('drug','consumable','office','equipment')", [], 'catalog_items_category');
    t.check('baseline_price > 0 and contract_price > 0', [], 'catalog_items_prices');
    t.index(['supplier_id']);
  });

  await knex.schema.createTable('requisitions', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('status').notNullable().defaultTo('submitted');
    t.date('needed_by');
    t.text('note');
    t.integer('requested_by').references('users.id');
    t.integer('decided_by').references('users.id');
    t.timestamp('decided_at', { useTz: true });
    t.text('decision_comment');
    t.timestamps(true, true);
    t.check("status in ('submitted','approved','rejected','cancelled')", [], 'requisitions_status');
    t.index(['org_unit_id', 'status']);
  });

  await knex.schema.createTable('purchase_orders', (t) => {
    t.increments('id');
    t.text('number').notNullable().unique();
    t.integer('supplier_id').notNullable().references('suppliers.id');
    // the ordering unit: the group's procurement centre
    t.integer('org_unit_id').notNullable().references('org_units.id');
    t.date('order_date').notNullable();
    t.text('status').notNullable().defaultTo('draft');
    money(t, 'total_amount').notNullable().defaultTo(0);
    money(t, 'baseline_amount').notNullable().defaultTo(0);
    t.integer('created_by').references('users.id');
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('closed_at', { useTz: true });
    t.timestamps(true, true);
    t.check("status in ('draft','sent','partially_received','received','closed','cancelled')", [], 'purchase_orders_status');
    t.index(['status', 'order_date']);
  });

  await knex.schema.createTable('purchase_order_lines', (t) => {
    t.increments('id');
    t.integer('purchase_order_id').notNullable().references('purchase_orders.id').onDelete('CASCADE');
    t.integer('item_id').notNullable().references('catalog_items.id');
    t.integer('quantity').notNullable();
    // prices at the time of ordering
    money(t, 'unit_price').notNullable();
    money(t, 'baseline_price').notNullable();
    t.integer('received_qty').notNullable().defaultTo(0);
    t.integer('shipped_qty').notNullable().defaultTo(0);
    t.check('quantity > 0', [], 'po_lines_quantity');
    t.check('received_qty between 0 and quantity', [], 'po_lines_received');
    t.check('shipped_qty between 0 and received_qty', [], 'po_lines_shipped');
    t.unique(['purchase_order_id', 'item_id']);
  });

  await knex.schema.createTable('requisition_lines', (t) => {
    t.increments('id');
    t.integer('requisition_id').notNullable().references('requisitions.id').onDelete('CASCADE');
    t.integer('org_unit_id').notNullable().references('org_units.id');
    t.integer('item_id').notNullable().references('catalog_items.id');
    t.integer('requested_qty').notNullable();
    t.integer('approved_qty');
    // the order line this line was consolidated into (the back-reference)
    t.integer('purchase_order_line_id').references('purchase_order_lines.id');
    t.integer('shipped_qty').notNullable().defaultTo(0);
    t.integer('accepted_qty').notNullable().defaultTo(0);
    t.integer('rejected_qty').notNullable().defaultTo(0);
    t.check('requested_qty > 0', [], 'requisition_lines_requested');
    t.check('approved_qty is null or approved_qty between 0 and requested_qty', [], 'requisition_lines_approved');
    t.check('shipped_qty <= coalesce(approved_qty, 0)', [], 'requisition_lines_shipped');
    t.check('accepted_qty + rejected_qty <= shipped_qty', [], 'requisition_lines_confirmed');
  });
  await knex.raw('CREATE INDEX requisition_lines_requisition ON requisition_lines (requisition_id)');
  await knex.raw('CREATE INDEX requisition_lines_po_line ON requisition_lines (purchase_order_line_id)');
  await knex.raw('CREATE INDEX requisition_lines_unordered ON requisition_lines (org_unit_id) WHERE purchase_order_line_id IS NULL AND approved_qty > 0');

  await knex.schema.createTable('receipts', (t) => {
    t.increments('id');
    t.integer('purchase_order_id').notNullable().references('purchase_orders.id');
    t.date('received_on').notNullable();
    t.text('note');
    t.integer('received_by').references('users.id');
    t.jsonb('lines').notNullable(); // [{purchase_order_line_id, item_id, quantity}]
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['purchase_order_id']);
  });

  await knex.schema.createTable('deliveries', (t) => {
    t.increments('id');
    t.integer('purchase_order_id').notNullable().references('purchase_orders.id');
    t.integer('org_unit_id').notNullable().references('org_units.id');
    t.text('status').notNullable().defaultTo('shipped');
    t.date('shipped_on').notNullable();
    t.integer('shipped_by').references('users.id');
    // proof of delivery: who signed, when, a note / document reference
    t.text('received_by_name');
    t.text('proof_note');
    t.integer('confirmed_by').references('users.id');
    t.timestamp('confirmed_at', { useTz: true });
    t.timestamps(true, true);
    t.check("status in ('shipped','confirmed')", [], 'deliveries_status');
    t.index(['org_unit_id', 'status']);
    t.index(['purchase_order_id']);
  });

  await knex.schema.createTable('delivery_lines', (t) => {
    t.increments('id');
    t.integer('delivery_id').notNullable().references('deliveries.id').onDelete('CASCADE');
    t.integer('requisition_line_id').notNullable().references('requisition_lines.id');
    t.integer('item_id').notNullable().references('catalog_items.id');
    t.integer('shipped_qty').notNullable();
    t.integer('accepted_qty');
    t.integer('rejected_qty');
    t.text('rejection_reason');
    t.check('shipped_qty > 0', [], 'delivery_lines_shipped');
    t.check('accepted_qty is null or accepted_qty + rejected_qty = shipped_qty', [], 'delivery_lines_balance');
    t.check('coalesce(rejected_qty, 0) = 0 or rejection_reason is not null', [], 'delivery_lines_reason');
    t.index(['delivery_id']);
  });

  await knex.schema.createTable('stock', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id');
    t.integer('item_id').notNullable().references('catalog_items.id');
    t.integer('quantity').notNullable().defaultTo(0);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['org_unit_id', 'item_id']);
    t.check('quantity >= 0', [], 'stock_quantity');
  });

  await knex.schema.createTable('stock_movements', (t) => {
    t.bigIncrements('id');
    t.integer('org_unit_id').notNullable().references('org_units.id');
    t.integer('item_id').notNullable().references('catalog_items.id');
    t.integer('quantity').notNullable();
    t.text('source_type').notNullable();
    t.integer('source_id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['org_unit_id', 'item_id']);
  });

  await knex.schema.createTable('assets', (t) => {
    t.increments('id');
    t.integer('org_unit_id').notNullable().references('org_units.id').onDelete('RESTRICT');
    t.text('code').notNullable().unique();
    t.text('name').notNullable();
    t.text('category').notNullable();
    money(t, 'value').notNullable();
    t.date('acquired_on').notNullable();
    t.text('status').notNullable().defaultTo('in_use');
    t.text('note');
    t.integer('approved_by').references('users.id');
    t.timestamps(true, true);
    t.check("status in ('pending_approval','in_use','idle','transferring','disposed')", [], 'assets_status');
    t.check("category in ('medical_equipment','imaging','laboratory','vehicle','it','furniture','other')", [], 'assets_category');
    t.check('value >= 0', [], 'assets_value');
    t.index(['org_unit_id', 'status']);
    t.index(['status']);
  });

  await knex.schema.createTable('asset_transfers', (t) => {
    t.increments('id');
    t.integer('asset_id').notNullable().references('assets.id');
    t.integer('from_org_unit_id').notNullable().references('org_units.id');
    t.integer('to_org_unit_id').notNullable().references('org_units.id');
    t.text('status').notNullable().defaultTo('requested');
    t.text('reason').notNullable();
    t.integer('requested_by').references('users.id');
    t.integer('decided_by').references('users.id');
    t.timestamp('decided_at', { useTz: true });
    t.text('decision_comment');
    t.timestamps(true, true);
    t.check("status in ('requested','approved','rejected','cancelled')", [], 'asset_transfers_status');
    t.check('from_org_unit_id <> to_org_unit_id', [], 'asset_transfers_units');
    t.index(['asset_id']);
    t.index(['to_org_unit_id']);
    t.index(['from_org_unit_id']);
  });
  // one open transfer request per asset
  await knex.raw("CREATE UNIQUE INDEX asset_transfers_one_open ON asset_transfers (asset_id) WHERE status = 'requested'");
}

export async function down(knex: Knex) {
  await knex.raw(
    'DROP TABLE IF EXISTS asset_transfers, assets, stock_movements, stock, delivery_lines, deliveries, receipts, requisition_lines, purchase_order_lines, purchase_orders, requisitions, catalog_items, suppliers CASCADE',
  );
}
