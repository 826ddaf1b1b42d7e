// Roles, what each may do per resource, and the scope a role works in. Plain data, no I/O.
import { domainGrants } from './grants';
import { ROLES, type Role } from './roles';
import { READ, all, read, type Action, type Grants, type GrantTable } from './actions';

export { READ, WRITE, all, read, type Action, type Grants, type GrantTable } from './actions';

export { ROLES, type Role } from './roles';

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

/** Merges grant tables (the foundation's and each domain's); the auditor reads every resource any role can see. */
export function mergeGrants(tables: readonly GrantTable[]): Record<Role, Grants> {
  const merged = Object.fromEntries(ROLES.map((r) => [r, {} as Record<string, Action[]>])) as Record<Role, Record<string, Action[]>>;
  for (const table of tables) {
    for (const [role, grants] of Object.entries(table) as [Role, Grants][]) {
      for (const [resource, actions] of Object.entries(grants)) {
        merged[role][resource] = [...new Set([...(merged[role][resource] ?? []), ...(actions ?? [])])];
      }
    }
  }
  const visible = new Set(Object.values(merged).flatMap((g) => Object.keys(g)));
  merged.auditor = Object.fromEntries([...visible].map((r) => [r, [...READ]]));
  return merged;
}

export const GRANTS = mergeGrants([foundationGrants, ...domainGrants]);

export function can(roles: readonly string[], resource: string, action: Action): boolean {
  return roles.some((r) => GRANTS[r as Role]?.[resource]?.includes(action));
}

const KNOWN_RESOURCES = new Set(Object.values(GRANTS).flatMap((g) => Object.keys(g)));

/**
 * Whether a write to `resource` can be allowed at all: false when the roles may only read it (or
 * not see it), so that such a request is refused before its body is even looked at.
 * Undefined for a path that is no granted resource (login, reports): the route decides.
 */
export function mayWriteAt(roles: readonly string[], resource: string): boolean | undefined {
  if (!KNOWN_RESOURCES.has(resource)) return undefined;
  return roles.some((r) => (GRANTS[r as Role]?.[resource] ?? []).some((a) => !(READ as readonly string[]).includes(a)));
}

/** react-admin `canAccess` input: every resource the roles reach, with the union of actions. */
export function permissionsFor(roles: readonly string[]): { resource: string; actions: Action[] }[] {
  const merged = new Map<string, Set<Action>>();
  for (const role of roles) {
    for (const [resource, actions] of Object.entries(GRANTS[role as Role] ?? {})) {
      const set = merged.get(resource) ?? new Set<Action>();
      actions?.forEach((a) => set.add(a));
      merged.set(resource, set);
    }
  }
  return [...merged].map(([resource, actions]) => ({ resource, actions: [...actions] }));
}

/** The ltree path a user works under: the whole group for group roles, else their own unit. */
export function scopePathFor(roles: readonly string[], unitPath: string): string {
  const root = unitPath.split('.')[0];
  return roles.some((r) => GROUP_ROLES.includes(r as Role)) ? root : unitPath;
}

/** Is `path` the unit at `scope` or below it (ltree `path <@ scope`, done in code). */
export function withinScope(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}
