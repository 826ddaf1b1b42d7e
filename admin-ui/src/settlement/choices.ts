import { enumChoices } from '../shared/enumChoices';

export const PROVIDER_CLASS_CHOICES = enumChoices('enums.provider_class', ['in_group', 'out_group_in_county', 'out_of_county']);
export const CARE_TYPE_CHOICES = enumChoices('enums.care_type', ['inpatient', 'outpatient']);
export const RUN_KIND_CHOICES = enumChoices('enums.run_kind', ['provisional', 'final']);
export const RUN_STATUS_CHOICES = enumChoices('enums.run_status', ['draft', 'calculated', 'reviewed', 'approved']);
