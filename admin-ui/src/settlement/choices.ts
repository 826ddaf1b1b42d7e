// The choices come from the API's lists of values (api/settlement/enums.ts); their labels are the `enums.*` translations.
import { ALLOCATION_INDICATOR, CARE_TYPE, PROVIDER_CLASS, RUN_KIND, RUN_STATUS } from '../../../api/settlement/enums';

export const PROVIDER_CLASS_CHOICES = PROVIDER_CLASS.choices();
export const CARE_TYPE_CHOICES = CARE_TYPE.choices();
export const RUN_KIND_CHOICES = RUN_KIND.choices();
export const RUN_STATUS_CHOICES = RUN_STATUS.choices();
export const ALLOCATION_INDICATOR_CHOICES = ALLOCATION_INDICATOR.choices();
