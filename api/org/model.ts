import { Model } from 'objection';

/** A member institution of the group. `path` is an ltree of lowercased codes: hq.b1.t07.v112 */
export class OrgUnit extends Model {
  id!: number;
  code!: string;
  name!: string;
  kind!: string;
  level!: number;
  parent_id!: number | null;
  path!: string;
  region!: string | null;
  address!: string | null;
  phone!: string | null;
  active!: boolean;
  created_at!: string;
  updated_at!: string;

  static tableName = 'org_units';
}

export class Department extends Model {
  id!: number;
  org_unit_id!: number;
  name!: string;
  kind!: string;
  active!: boolean;
  created_at!: string;
  updated_at!: string;

  static tableName = 'departments';
}
