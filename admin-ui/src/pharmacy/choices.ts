// The choices come from the API's lists of values (api/pharmacy/enums.ts); their labels are the `enums.*` translations.
import {
  PRESCRIBER_ACTION_KIND,
  PRESCRIBER_ACTION_STATUS,
  RX_CARE_TYPE,
  RX_FLAG,
  RX_IRRATIONAL_REASON,
  RX_OUTCOME,
  RX_REVIEW_STATUS,
} from '../../../api/pharmacy/enums';

export const CARE_TYPE_CHOICES = RX_CARE_TYPE.choices();
export const FLAG_CHOICES = RX_FLAG.choices();
export const REVIEW_STATUS_CHOICES = RX_REVIEW_STATUS.choices();
export const OUTCOME_CHOICES = RX_OUTCOME.choices();
export const REASON_CHOICES = RX_IRRATIONAL_REASON.choices();
export const ACTION_KIND_CHOICES = PRESCRIBER_ACTION_KIND.choices();
export const ACTION_STATUS_CHOICES = PRESCRIBER_ACTION_STATUS.choices();
