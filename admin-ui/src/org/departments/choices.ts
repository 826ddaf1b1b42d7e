// Choices of the department kinds, derived from the API's list (api/org/enums.ts); labels are i18n keys `enums.department_kind.<value>`.
import { DEPARTMENT_KIND } from '../../../../api/org/enums';

export const DEPARTMENT_KIND_CHOICES = DEPARTMENT_KIND.choices();
