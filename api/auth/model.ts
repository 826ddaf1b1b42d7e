import { Model } from 'objection';

export class User extends Model {
  id!: number;
  username!: string;
  display_name!: string;
  password_hash!: string;
  roles!: string[];
  org_unit_id!: number;
  active!: boolean;
  /** bumped by a password, role, unit or account change: tokens carry it */
  token_version!: number;
  created_at!: string;
  updated_at!: string;

  static tableName = 'users';

  // the hash never leaves the server
  $formatJson(json: Record<string, unknown>) {
    const { password_hash: _hidden, ...rest } = super.$formatJson(json);
    return rest;
  }
}
