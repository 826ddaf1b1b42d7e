// Choices of the unit lists, derived from the API's lists (api/org/enums.ts); labels are i18n keys `enums.<list>.<value>`.
import { UNIT_KIND, UNIT_LEVEL } from '../../../../api/org/enums';

export const UNIT_KIND_CHOICES = UNIT_KIND.choices();
/** Levels are numbers in the records (org_units.level, expense limits' unit_level). */
export const UNIT_LEVEL_CHOICES = UNIT_LEVEL.choices().map((c) => ({ ...c, id: Number(c.id) }));
