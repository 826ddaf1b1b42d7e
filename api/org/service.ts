// Use-cases of the group hierarchy: units (create, edit, move, delete, tree) and departments.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { scopeByPath, scopeByUnit } from '../core/scope';
import { badRequest, conflict, notFound, unprocessable } from '../core/errors';
import { assertCan, assertUnitInScope, getRow, lockRow, type ResourceDef } from '../core/crud';
import { Department, OrgUnit } from './model';
import { subtreeMoved } from './moves';
import { DEPARTMENT_KIND, UNIT_KIND } from './enums';
import { buildTree, childPath, isWithin, placementProblem } from './rules';
import * as clock from '../core/clock';

export const orgUnitResource: ResourceDef<OrgUnit> = {
  name: 'org-units',
  model: OrgUnit,
  scope: scopeByPath(),
  // plain rows for the list: the tree and menus read it on every screen
  listColumns: ['id', 'code', 'name', 'kind', 'level', 'parent_id', 'path', 'region', 'address', 'phone', 'active', 'created_at', 'updated_at'],
  list: {
    fields: { code: 'text', name: 'text', kind: UNIT_KIND.values, level: 'int', parent_id: 'int', active: 'bool', region: 'text', path: 'ltree' },
    search: ['org_units.name', 'org_units.code'],
    defaultSort: ['path', 'ASC'],
    custom: { within_id: 'int' },
  },
  applyCustom: (qb, custom) => {
    if (custom.within_id !== undefined) {
      qb.whereRaw('org_units.path <@ (select path from org_units w where w.id = ?)', [custom.within_id]);
    }
  },
  unitOf: (data) => data.parent_id as number | undefined,
  prepareCreate: async (data, trx) => {
    const parentId = data.parent_id as number | null | undefined; // as the schema parsed it
    const parent = parentId == null ? null : await OrgUnit.query(trx).findById(parentId);
    if (parentId != null && !parent) throw unprocessable(`parent_id ${parentId} does not exist`, [{ field: 'parent_id', message: 'no such unit' }]);
    const problem = placementProblem(String(data.kind), parent ?? null);
    if (problem) throw unprocessable(problem, [{ field: 'parent_id', message: problem }]);
    return { ...data, level: parent ? parent.level + 1 : 1, path: childPath(parent?.path ?? null, String(data.code)) };
  },
  // the code names the path, and a new parent is the move action: neither is edited here
  prepareUpdate: async (data, current) => {
    const { code, kind, parent_id, ...rest } = data;
    const changed = Object.entries({ code, kind, parent_id }).filter(([k, v]) => v !== undefined && v !== current[k as keyof OrgUnit]);
    if (changed.length) {
      throw badRequest(
        `cannot change ${changed.map(([k]) => k).join(', ')}`,
        changed.map(([field]) => ({
          field,
          message: field === 'parent_id' ? 'use POST /api/org-units/:id/move' : 'cannot be changed',
        })),
      );
    }
    return rest;
  },
  beforeDelete: async (unit, trx) => {
    const [{ count }] = await trx('org_units').where('parent_id', unit.id).count<{ count: number }[]>('* as count');
    if (Number(count) > 0) throw conflict(`org unit ${unit.code} still has ${count} child units; move or delete them first`);
  },
};

export const departmentResource: ResourceDef<Department> = {
  name: 'departments',
  model: Department,
  scope: scopeByUnit('departments.org_unit_id'),
  list: {
    fields: { org_unit_id: 'int', name: 'text', kind: DEPARTMENT_KIND.values, active: 'bool' },
    search: ['departments.name'],
    defaultSort: ['name', 'ASC'],
  },
  unitOf: (data) => data.org_unit_id as number | undefined,
};

/** The units the actor may see, nested. */
export async function tree(actor: Actor) {
  assertCan(actor, 'org-units', 'list');
  const q = OrgUnit.query().select('id', 'code', 'name', 'kind', 'level', 'parent_id', 'path');
  orgUnitResource.scope(q, actor.scopePath, actor);
  return buildTree(await q);
}

/** Moves a unit (and its subtree) under a new parent; needs scope over both parents. */
export function moveUnit(actor: Actor, id: number, newParentId: number) {
  assertCan(actor, 'org-units', 'move');
  return inTransaction(actor, async (trx, audit) => {
    const unit = await getRow(orgUnitResource, actor, id, trx);
    await lockRow(trx, 'org_units', id);
    if (unit.parent_id == null) throw unprocessable('the HQ hospital cannot be moved');
    await assertUnitInScope(actor, unit.parent_id, 'current parent', trx);
    await assertUnitInScope(actor, newParentId, 'parent_id', trx);
    const parent = await OrgUnit.query(trx).findById(newParentId);
    if (!parent) throw notFound('org-units', newParentId);
    if (isWithin(parent.path, unit.path))
      throw unprocessable('a unit cannot move under itself or its own subtree', [{ field: 'parent_id', message: 'inside the moved subtree' }]);
    const problem = placementProblem(unit.kind, parent);
    if (problem) throw unprocessable(problem, [{ field: 'parent_id', message: problem }]);
    await rewriteSubtree(trx, unit.path, childPath(parent.path, unit.code));
    subtreeMoved(); // scopes below the moved unit changed
    const moved = await OrgUnit.query(trx).patchAndFetchById(id, { parent_id: parent.id, updated_at: clock.nowIso() });
    await audit({ action: 'move', resource: 'org-units', recordId: id, before: unit, after: moved });
    return moved;
  });
}

/** One statement rewrites the path and level of every unit in the subtree. */
async function rewriteSubtree(trx: Knex.Transaction, oldPath: string, newPath: string) {
  await trx.raw(
    `UPDATE org_units
        SET level = nlevel(?::ltree) + nlevel(path) - nlevel(?::ltree),
            path = CASE WHEN path = ?::ltree THEN ?::ltree ELSE ?::ltree || subpath(path, nlevel(?::ltree)) END
      WHERE path <@ ?::ltree`,
    [newPath, oldPath, oldPath, newPath, newPath, oldPath, oldPath],
  );
}
