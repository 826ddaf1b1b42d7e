// The verbs and resources the API writes into the audit log (audit({ action, resource })),
// as choices whose labels are i18n keys: enums.audit_action.<verb>, resources.<name>.name.
import { enumChoices } from '../../shared/enumChoices';

export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'import', 'seed', 'move', 'post', 'close', 'pay', 'request', 'review', 'approve', 'reject', 'cancel', 'comment',
  'accept', 'arrive', 'complete', 'escalate', 'publish', 'calculate', 'recalculate', 'supersede', 'revise', 'budget_override', 'contribute',
  'year_end_return', 'consolidate', 'send', 'ship', 'receive', 'confirm', 'offer', 'withdraw', 'dispose', 'transfer', 'return_to_market',
  'activate', 'renew', 'expire', 'exit', 'terminate', 'deregister', 'change-status', 'assign-post', 'reveal-id-number', 'reveal_id', 'copy', 'mark_read', 'mark_all_read',
] as const;

export const AUDITED_RESOURCES = [
  'org-units', 'departments', 'users', 'demo', 'staff', 'title-promotions', 'assessment-years', 'rotations', 'village-doctor-contracts',
  'residents', 'family-doctor-teams', 'contracts', 'followups', 'followup-schedules', 'tasks', 'referrals', 'referral-slots', 'referral-settings',
  'fund-years', 'fund-year-populations', 'claims', 'satisfaction-scores', 'settlement-runs', 'budgets', 'expense-requests', 'ledger-entries',
  'ledger-periods', 'risk-fund-entries', 'requisitions', 'purchase-orders', 'deliveries', 'assets', 'asset-transfers', 'rotation-plans', 'notifications',
] as const;

export const AUDIT_ACTION_CHOICES = enumChoices('enums.audit_action', AUDIT_ACTIONS);
export const AUDITED_RESOURCE_CHOICES = AUDITED_RESOURCES.map((id) => ({ id, name: `resources.${id}.name` }));
