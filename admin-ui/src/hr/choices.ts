// Choices of the HR enums, derived from the API's lists (api/hr/enums.ts); labels are i18n keys `enums.<list>.<value>`.
import {
  ASSESSMENT_YEAR_STATUS,
  CONTRACT_STATUS,
  EMPLOYMENT_TYPE,
  EXIT_REASON,
  GRADE,
  LEAVE_REASON,
  LICENCE_KIND,
  LICENCE_STATUS,
  POST_STATUS,
  PROMOTION_STATUS,
  ROTATION_STATUS,
  ROTATION_TYPE,
  SEX,
  STAFF_CATEGORY,
  STAFF_FIELD,
  STAFF_STATUS,
  TITLE,
} from '../../../api/hr/enums';

export const SEX_CHOICES = SEX.choices();
export const CATEGORY_CHOICES = STAFF_CATEGORY.choices();
export const TITLE_CHOICES = TITLE.choices();
export const EMPLOYMENT_CHOICES = EMPLOYMENT_TYPE.choices();
export const STAFF_STATUS_CHOICES = STAFF_STATUS.choices();
export const ROTATION_TYPE_CHOICES = ROTATION_TYPE.choices();
export const ROTATION_STATUS_CHOICES = ROTATION_STATUS.choices();
export const STAFF_FIELD_CHOICES = STAFF_FIELD.choices();
export const POST_STATUS_CHOICES = POST_STATUS.choices();
export const LICENCE_KIND_CHOICES = LICENCE_KIND.choices();
export const LICENCE_STATUS_CHOICES = LICENCE_STATUS.choices();
export const PROMOTION_STATUS_CHOICES = PROMOTION_STATUS.choices();
export const GRADE_CHOICES = GRADE.choices();
export const ASSESSMENT_YEAR_STATUS_CHOICES = ASSESSMENT_YEAR_STATUS.choices();
export const CONTRACT_STATUS_CHOICES = CONTRACT_STATUS.choices();
export const EXIT_REASON_CHOICES = EXIT_REASON.choices();
export const LEAVE_REASON_CHOICES = LEAVE_REASON.choices();
/** The directions a plan may set a quota for (labels: enums.direction.<key>), down first. */
export const DIRECTION_KEYS = [
  'down_hq_branch',
  'down_branch_township',
  'down_hq_township',
  'down_township_village',
  'up_branch_hq',
  'up_township_branch',
  'up_township_hq',
  'up_village_township',
] as const;
