import { enumChoices } from '../../shared/enumChoices';

export const JOB_STATUS_CHOICES = enumChoices('enums.job_status', ['running', 'succeeded', 'failed', 'skipped'] as const);
