// Choices of the roles, derived from the API's list (api/auth/enums.ts); labels are i18n keys `enums.role.<value>`.
import { ROLE } from '../../../../api/auth/enums';

export const ROLE_CHOICES = ROLE.choices();
