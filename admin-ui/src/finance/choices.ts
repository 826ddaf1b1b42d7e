// The choices come from the API's lists of values (api/finance/enums.ts); their labels are the `enums.*` translations.
import { ACCOUNT, accountsOf, BUDGET_STATUS, FUND_KIND, REQUEST_STATUS, STEP_KIND } from '../../../api/finance/enums';

export const EXPENSE_ACCOUNT_CHOICES = ACCOUNT.choices(accountsOf('expense'));
export const BUDGET_ACCOUNT_CHOICES = ACCOUNT.choices(accountsOf('expense', 'income'));
export const ACCOUNT_CHOICES = ACCOUNT.choices();
export const BUDGET_STATUS_CHOICES = BUDGET_STATUS.choices();
export const REQUEST_STATUS_CHOICES = REQUEST_STATUS.choices();
export const FUND_KIND_CHOICES = FUND_KIND.choices();
export const STEP_KIND_CHOICES = STEP_KIND.choices();
