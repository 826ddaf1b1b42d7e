// 系统: audit trail and scheduled job runs, read only.
import type { DomainModule } from '../registry';
import { auditLog } from './auditLog';
import { jobRuns } from './jobRuns';

export const systemDomain: DomainModule = {
  group: 'system',
  label: 'menu.groups.system',
  resources: [auditLog, jobRuns],
};
