// The choices come from the API's lists of values (api/procurement/enums.ts); their labels are the `enums.*` translations.
import {
  ASSET_CATEGORY,
  ASSET_STATUS,
  DELIVERY_STATUS,
  ITEM_CATEGORY,
  ORDER_STATUS,
  REQUISITION_STATUS,
  TRANSFER_STATUS,
} from '../../../api/procurement/enums';

export const CATEGORY_CHOICES = ITEM_CATEGORY.choices();
export const REQUISITION_STATUS_CHOICES = REQUISITION_STATUS.choices();
export const ORDER_STATUS_CHOICES = ORDER_STATUS.choices();
export const DELIVERY_STATUS_CHOICES = DELIVERY_STATUS.choices();
export const ASSET_STATUS_CHOICES = ASSET_STATUS.choices();
export const ASSET_CATEGORY_CHOICES = ASSET_CATEGORY.choices();
export const TRANSFER_STATUS_CHOICES = TRANSFER_STATUS.choices();
