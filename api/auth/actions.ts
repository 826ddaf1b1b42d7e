// The actions a role may be granted on a resource (react-admin's canAccess actions, plus domain verbs).
// No imports: domains build their grant tables from these without touching auth/rules.
import type { Role } from './roles';

export const READ = ['list', 'show', 'export'] as const;
export const WRITE = ['create', 'edit', 'delete'] as const;
/** list/show/export/create/edit/delete, or a domain verb such as move, approve, accept */
export type Action = (typeof READ)[number] | (typeof WRITE)[number] | (string & {});
export type Grants = Partial<Record<string, readonly Action[]>>;
/** What a domain grants: role → resource → actions. */
export type GrantTable = Partial<Record<Role, Grants>>;

export const read = READ;
export const all: readonly Action[] = [...READ, ...WRITE];

