// The staff registry: one person, and the effective-dated history of their tracked fields.
import { Model } from 'objection';

/** One person in the group's registry. Employer and working unit differ for 乡聘村用 and during a rotation. */
export class Staff extends Model {
  id!: number;
  name!: string;
  sex!: 'M' | 'F';
  birth_date!: string;
  id_number_hash!: string;
  id_number_masked!: string;
  id_number_cipher!: string;
  phone!: string | null;
  category!: string;
  title!: string | null;
  department_id!: number | null;
  post_id!: number | null;
  employment_type!: string;
  employer_org_unit_id!: number;
  work_org_unit_id!: number;
  hire_date!: string;
  status!: 'active' | 'on_leave' | 'left';
  leave_reason!: string | null;
  left_on!: string | null;
  user_id!: number | null;
  created_at!: string;
  updated_at!: string;
  /** added by every list and read of the registry (service.ts staffResource.applyCustom): the licence flags and the units' names */
  declare licence_expired?: boolean;
  declare licence_expires_on?: string | null;
  declare employer_name?: string;
  declare work_unit_name?: string;

  static tableName = 'staff';

  // the ciphertext and the look-up hash never leave the server; lists show the masked number
  $formatJson(json: Record<string, unknown>) {
    const { id_number_cipher: _c, id_number_hash: _h, ...rest } = super.$formatJson(json);
    return rest;
  }
}

export class StaffHistory extends Model {
  id!: number;
  staff_id!: number;
  field!: string;
  from_value!: string | null;
  to_value!: string | null;
  effective_on!: string;
  reason!: string | null;
  changed_by!: number | null;
  changed_by_name!: string;
  changed_at!: string;

  static tableName = 'staff_history';
}
