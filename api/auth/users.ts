// User accounts as a resource: group admins manage them; directors read those of their units.
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { scopeByUnit } from '../core/scope';
import { forbidden } from '../core/errors';
import type { ResourceDef } from '../core/crud';
import { User } from './model';
import { hashPassword } from './password';
import { forgetActors } from './service';
import { GROUP_ROLES, ROLES, type Role } from './rules';

const userFields = {
  username: z.string().regex(/^[A-Za-z0-9._-]{2,60}$/, 'letters, digits, . _ - (2–60)'),
  display_name: z.string().trim().min(1).max(100),
  roles: z.array(z.enum(ROLES)).min(1),
  org_unit_id: z.number().int().positive(),
  active: z.boolean().optional(),
  password: z.string().min(8).max(200),
};
export const createUserSchema = z.strictObject(userFields);
export const updateUserSchema = z.strictObject({ ...userFields, password: userFields.password.optional() }).partial();

async function withHash(data: Record<string, unknown>, actor: Actor) {
  const { password, ...rest } = data;
  const roles = rest.roles as Role[] | undefined; // as the schema parsed them
  // only a group admin hands out group-wide roles
  if (roles?.some((r) => GROUP_ROLES.includes(r)) && !actor.roles.includes('group_admin')) {
    throw forbidden('only group_admin may grant group-wide roles');
  }
  return typeof password === 'string' && password ? { ...rest, password_hash: await hashPassword(password) } : rest;
}

/** A new password, other roles, another unit or a deactivation ends the sessions the account had. */
function revokesTokens(row: Record<string, unknown>, current: User) {
  const changed = (k: 'roles' | 'org_unit_id') => k in row && JSON.stringify(row[k]) !== JSON.stringify(current[k]);
  return 'password_hash' in row || changed('roles') || changed('org_unit_id') || row.active === false;
}

export const userResource: ResourceDef<User> = {
  name: 'users',
  model: User,
  scope: scopeByUnit('users.org_unit_id'),
  list: {
    fields: { username: 'text', display_name: 'text', org_unit_id: 'int', active: 'bool' },
    search: ['users.username', 'users.display_name'],
    defaultSort: ['username', 'ASC'],
    custom: { role: ROLES },
  },
  applyCustom: (qb, custom) => {
    if (custom.role) qb.whereRaw('? = any(users.roles)', [custom.role]);
  },
  unitOf: (data) => data.org_unit_id as number | undefined,
  prepareCreate: (data, _trx, actor) => withHash(data, actor),
  prepareUpdate: async (data, current, _trx, actor) => {
    forgetActors(); // roles, unit or active may change: re-read accounts on the next request
    const row = await withHash(data, actor);
    return revokesTokens(row, current) ? { ...row, token_version: current.token_version + 1 } : row;
  },
};
