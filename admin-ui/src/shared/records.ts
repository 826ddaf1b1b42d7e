// The organisation's records as the API answers them (api/org/model.ts, api/auth/model.ts as JSON,
// imported as types only), for the screens of every domain that list or pick units, departments and users.
import type { Json } from '../../../api/core/json';
import type { User } from '../../../api/auth';
import type { Department, OrgUnit } from '../../../api/org';

/** GET /api/org-units: a member institution of the group */
export type OrgUnitRecord = Json<OrgUnit>;

/** GET /api/departments: a department of a unit */
export type DepartmentRecord = Json<Department>;

/** GET /api/users: a login (the password hash never leaves the server: User.$formatJson) */
export type UserRecord = Omit<Json<User>, 'password_hash'>;
