import { enumChoices } from '../shared/enumChoices';

export const CATEGORY_CHOICES = enumChoices('enums.item_category', ['drug', 'consumable', 'office', 'equipment']);
export const REQUISITION_STATUS_CHOICES = enumChoices('enums.requisition_status', ['submitted', 'approved', 'rejected', 'cancelled']);
export const ORDER_STATUS_CHOICES = enumChoices('enums.order_status', ['draft', 'sent', 'partially_received', 'received', 'closed', 'cancelled']);
export const DELIVERY_STATUS_CHOICES = enumChoices('enums.delivery_status', ['shipped', 'confirmed']);
export const ASSET_STATUS_CHOICES = enumChoices('enums.asset_status', ['pending_approval', 'in_use', 'idle', 'transferring', 'disposed']);
export const ASSET_CATEGORY_CHOICES = enumChoices('enums.asset_category', [
  'medical_equipment',
  'imaging',
  'laboratory',
  'vehicle',
  'it',
  'furniture',
  'other',
]);
export const TRANSFER_STATUS_CHOICES = enumChoices('enums.transfer_status', ['requested', 'approved', 'rejected', 'cancelled']);
