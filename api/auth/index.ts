// The auth domain's public face: accounts, roles and the grant vocabulary other domains build on.
// Its routers are not here: every domain's grants load this face while the HTTP edge is still
// loading, and auth's routes need the edge loaded first (the composition root imports ./routes).
export { GROUP_ROLES, ROLES, withinScope, type Role } from './rules';
export { hashPassword } from './password';
export { accounts, joinUser, userById, usersSql, type UserRow } from './directory';
// the records the API answers, for the admin UI to `import type` (api/core/json.ts)
export type { User } from './model';
