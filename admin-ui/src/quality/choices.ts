// The choices come from the API's lists of values (api/quality/enums.ts); their labels are the `enums.*` translations.
import { COMMITTEE_KIND, COMMITTEE_ROLE, FINDING_STATUS, INSPECTION_KIND, INSPECTION_STATUS, MEETING_KIND, SEVERITY } from '../../../api/quality/enums';

export const COMMITTEE_KIND_CHOICES = COMMITTEE_KIND.choices();
export const COMMITTEE_ROLE_CHOICES = COMMITTEE_ROLE.choices();
export const MEETING_KIND_CHOICES = MEETING_KIND.choices();
export const INSPECTION_KIND_CHOICES = INSPECTION_KIND.choices();
export const INSPECTION_STATUS_CHOICES = INSPECTION_STATUS.choices();
export const SEVERITY_CHOICES = SEVERITY.choices();
export const FINDING_STATUS_CHOICES = FINDING_STATUS.choices();
