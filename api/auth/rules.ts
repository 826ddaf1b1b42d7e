// Roles, what each may do per resource, and the scope a role works in. Plain data, no I/O.
import { ROLES, type Role } from './enums';
import { all, mergeGrants, read, type GrantTable } from '../core/access';

export { ROLES, type Role } from './enums';

/** Roles that work at the HQ for the whole group, whatever unit their account sits in. */
export const GROUP_ROLES: readonly Role[] = ['group_admin', 'group_finance', 'group_hr', 'procurement', 'referral_coordinator', 'auditor'];

/** The foundation's grants: role → resource → actions. A resource not named is not visible to the role. */
const foundationGrants: GrantTable = {
  group_admin: { 'org-units': [...all, 'move'], departments: all, users: all, 'audit-log': read, 'job-runs': [...read, 'create'] },
  group_finance: { 'org-units': read, departments: read },
  group_hr: { 'org-units': read, departments: all, users: read },
  procurement: { 'org-units': read, departments: read },
  referral_coordinator: { 'org-units': read, departments: read },
  director: { 'org-units': [...read, 'edit'], departments: all, users: read },
  staff_clerk: { 'org-units': read, departments: [...read, 'create', 'edit'], users: read },
  village_doctor: { 'org-units': read, departments: read },
};

/** Every role's grants: the foundation's and the domains' tables merged; the auditor reads every resource any role can see. */
export const roleGrants = (domainTables: readonly GrantTable[]) => mergeGrants(ROLES, [foundationGrants, ...domainTables], 'auditor');

/** The ltree path a user works under: the whole group for group roles, else their own unit. */
export function scopePathFor(roles: readonly string[], unitPath: string): string {
  const root = unitPath.split('.')[0];
  return roles.some((r) => GROUP_ROLES.includes(r as Role)) ? root : unitPath;
}

/** Is `path` the unit at `scope` or below it (ltree `path <@ scope`, done in code). */
export function withinScope(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}
