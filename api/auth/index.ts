// The auth domain's public face: users, roles and the grant vocabulary other domains build on.
export { all, read, type GrantTable } from './actions';
export { ROLES } from './roles';
export { hashPassword } from './password';
export { authRoutes, userRoutes } from './routes';
export { accounts, joinUser, userById, usersSql } from './directory';
