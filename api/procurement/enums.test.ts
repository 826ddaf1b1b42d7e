// Each constrained column allows exactly its list's values: a value added to enums.ts without its migration fails here.
import { expect } from 'chai';
import { checkedValues } from '../db/checkedValues';
import { system } from '../../scripts/test/harness';
import { ASSET_CATEGORY, ASSET_STATUS, DELIVERY_STATUS, ITEM_CATEGORY, ORDER_STATUS, REQUISITION_STATUS, TRANSFER_STATUS } from './enums';

describe('procurement enums and the CHECK constraints', () => {
  before(async () => {
    await system();
  });

  for (const [table, column, list] of [
    ['catalog_items', 'category', ITEM_CATEGORY],
    ['requisitions', 'status', REQUISITION_STATUS],
    ['purchase_orders', 'status', ORDER_STATUS],
    ['deliveries', 'status', DELIVERY_STATUS],
    ['assets', 'status', ASSET_STATUS],
    ['assets', 'category', ASSET_CATEGORY],
    ['asset_transfers', 'status', TRANSFER_STATUS],
  ] as const)
    it(`${table}.${column} allows the values of ${list.name}`, async () => {
      expect(await checkedValues(table, column)).to.have.members([...list.values]);
    });
});
