import { enumChoices } from '../shared/enumChoices';

export const EXPENSE_ACCOUNTS = ['personnel', 'drugs', 'consumables', 'equipment', 'operations', 'health_management', 'maintenance', 'training'] as const;
export const INCOME_ACCOUNTS = ['medical_income', 'drug_income', 'subsidy_income', 'insurance_income'] as const;
export const ALL_ACCOUNTS = [...EXPENSE_ACCOUNTS, ...INCOME_ACCOUNTS, 'bank', 'inventory', 'payables', 'risk_fund'] as const;
export const EXPENSE_ACCOUNT_CHOICES = enumChoices('enums.account', EXPENSE_ACCOUNTS);
export const BUDGET_ACCOUNT_CHOICES = enumChoices('enums.account', [...EXPENSE_ACCOUNTS, ...INCOME_ACCOUNTS]);
export const ACCOUNT_CHOICES = enumChoices('enums.account', ALL_ACCOUNTS);
export const BUDGET_STATUS_CHOICES = enumChoices('enums.budget_status', ['active', 'superseded']);
export const REQUEST_STATUS_CHOICES = enumChoices('enums.request_status', ['pending', 'approved', 'rejected', 'cancelled', 'paid']);
export const FUND_KIND_CHOICES = enumChoices('enums.fund_kind', ['contribution', 'payout', 'return']);
export const STEP_KIND_CHOICES = enumChoices('enums.step_kind', ['unit_director', 'township_director', 'chief_accountant', 'group_finance', 'council']);
