// Notifications: every role reads and marks its own (the auditor, who writes nothing, only reads).
import type { GrantTable } from '../core/access';
import { read } from '../core/access';
import { ROLES } from '../auth';

export const notificationGrants: GrantTable = Object.fromEntries(ROLES.map((role) => [role, { notifications: [...read, 'mark_read'] }]));
