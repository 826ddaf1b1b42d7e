// The organisation's records as the API answers them (api/org/model.ts, api/auth/model.ts), for
// the screens of every domain that list or pick units, departments and users.
import type { RaRecord } from 'react-admin';

/** GET /api/org-units: a member institution of the group */
export interface OrgUnitRecord extends RaRecord {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: number;
  parent_id: number | null;
  path: string;
  region: string | null;
  active: boolean;
}

/** GET /api/departments: a department of a unit */
export interface DepartmentRecord extends RaRecord {
  id: number;
  org_unit_id: number;
  name: string;
  kind: string;
  active: boolean;
}

/** GET /api/users: a login */
export interface UserRecord extends RaRecord {
  id: number;
  username: string;
  display_name: string;
  roles: string[];
  org_unit_id: number;
  active: boolean;
}
