// The actions a role may be granted on a resource (react-admin's canAccess actions, plus domain
// verbs), and the checks against the merged grant table. The table is installed by the
// composition root (api/domains.ts), so that the core knows no domain.

export const READ = ['list', 'show', 'export'] as const;
export const WRITE = ['create', 'edit', 'delete'] as const;
/** list/show/export/create/edit/delete, or a domain verb such as move, approve, accept */
export type Action = (typeof READ)[number] | (typeof WRITE)[number] | (string & {});
export type Grants = Partial<Record<string, readonly Action[]>>;
/** What a domain grants: role → resource → actions. */
export type GrantTable = Partial<Record<string, Grants>>;

export const read = READ;
export const all: readonly Action[] = [...READ, ...WRITE];

/** Merges grant tables over `roles`; `readsAll` (a role such as the auditor) reads every resource any role can see. */
export function mergeGrants(roles: readonly string[], tables: readonly GrantTable[], readsAll: string): Record<string, Grants> {
  const merged: Record<string, Record<string, Action[]>> = Object.fromEntries(roles.map((r) => [r, {}]));
  for (const table of tables) {
    for (const [role, grants] of Object.entries(table) as [string, Grants][]) {
      for (const [resource, actions] of Object.entries(grants)) {
        merged[role][resource] = [...new Set([...(merged[role][resource] ?? []), ...(actions ?? [])])];
      }
    }
  }
  const visible = new Set(Object.values(merged).flatMap((g) => Object.keys(g)));
  merged[readsAll] = Object.fromEntries([...visible].map((r) => [r, [...READ]]));
  return merged;
}

let granted: Record<string, Grants> | undefined;
let knownResources = new Set<string>();

/** Installs the merged grant table every check reads (see api/domains.ts). */
export function useGrants(table: Record<string, Grants>) {
  granted = table;
  knownResources = new Set(Object.values(table).flatMap((g) => Object.keys(g ?? {})));
}

function grantsOf(role: string): Grants {
  if (!granted) throw new Error('grants not installed: importing api/domains.ts installs them');
  return granted[role] ?? {};
}

export function can(roles: readonly string[], resource: string, action: Action): boolean {
  return roles.some((r) => grantsOf(r)[resource]?.includes(action));
}

/**
 * Whether a write to `resource` can be allowed at all: false when the roles may only read it (or
 * not see it), so that such a request is refused before its body is even looked at.
 * Undefined for a path that is no granted resource (login, reports): the route decides.
 */
export function mayWriteAt(roles: readonly string[], resource: string): boolean | undefined {
  if (!knownResources.has(resource)) return undefined;
  return roles.some((r) => (grantsOf(r)[resource] ?? []).some((a) => !(READ as readonly string[]).includes(a)));
}

/** react-admin `canAccess` input: every resource the roles reach, with the union of actions. */
export function permissionsFor(roles: readonly string[]): { resource: string; actions: Action[] }[] {
  const merged = new Map<string, Set<Action>>();
  for (const role of roles) {
    for (const [resource, actions] of Object.entries(grantsOf(role))) {
      const set = merged.get(resource) ?? new Set<Action>();
      actions?.forEach((a) => set.add(a));
      merged.set(resource, set);
    }
  }
  return [...merged].map(([resource, actions]) => ({ resource, actions: [...actions] }));
}
