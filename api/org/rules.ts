// The group's four levels and where each kind of unit may hang (UNIT_KIND's levels). Plain functions, no I/O.
import { UNIT_KIND, type UnitKind } from './enums';

/** The level of a kind of unit, undefined for an affiliated member (it hangs under any unit). */
function levelOf(kind: UnitKind): number | undefined {
  const facts = UNIT_KIND.labels[kind];
  return 'level' in facts ? facts.level : undefined;
}

export const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

interface Placed {
  kind: string;
  level: number;
}

/** Why `kind` cannot hang under `parent` (null for a root), or null if it can. */
export function placementProblem(kind: string, parent: Placed | null): string | null {
  const level = parent ? parent.level + 1 : 1;
  if (kind === 'hq') return parent ? 'the HQ hospital is the root and has no parent' : null;
  if (!parent) return 'only the HQ hospital can be the root; give a parent_id';
  if (!UNIT_KIND.has(kind)) return `unknown kind ${kind}`;
  const fixed = levelOf(kind);
  if (fixed === undefined) return null;
  if (fixed !== level) return `a ${kind} unit is level ${fixed} and cannot hang under a level ${parent.level} unit`;
  if (UNIT_KIND.has(parent.kind) && levelOf(parent.kind) === undefined) return `a ${kind} unit cannot hang under an affiliated member`;
  return null;
}

export const labelOf = (code: string) => code.toLowerCase();
export const childPath = (parentPath: string | null, code: string) => (parentPath ? `${parentPath}.${labelOf(code)}` : labelOf(code));

/** True when `candidate` is `path` itself or below it: a unit cannot move under its own subtree. */
export const isWithin = (candidate: string, path: string) => candidate === path || candidate.startsWith(`${path}.`);

export interface TreeNode {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: number;
  children: TreeNode[];
}

/** Nests units (any order) under their parents; units whose parent is absent become roots. */
export function buildTree(units: (Omit<TreeNode, 'children'> & { parent_id: number | null; path: string })[]): TreeNode[] {
  const sorted = [...units].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byId = new Map<number, TreeNode>();
  const roots: TreeNode[] = [];
  for (const u of sorted) {
    const node: TreeNode = { id: u.id, code: u.code, name: u.name, kind: u.kind, level: u.level, children: [] };
    byId.set(u.id, node);
    const parent = u.parent_id == null ? undefined : byId.get(u.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
