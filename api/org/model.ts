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
  parent?: OrgUnit;
  departments?: Department[];

  static tableName = 'org_units';

  static relationMappings = () => ({
    parent: {
      relation: Model.BelongsToOneRelation,
      modelClass: OrgUnit,
      join: { from: 'org_units.parent_id', to: 'org_units.id' },
    },
    departments: {
      relation: Model.HasManyRelation,
      modelClass: Department,
      join: { from: 'org_units.id', to: 'departments.org_unit_id' },
    },
  });
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

  static relationMappings = () => ({
    org_unit: {
      relation: Model.BelongsToOneRelation,
      modelClass: OrgUnit,
      join: { from: 'departments.org_unit_id', to: 'org_units.id' },
    },
  });
}
