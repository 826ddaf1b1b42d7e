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

export class Post extends Model {
  id!: number;
  org_unit_id!: number;
  department_id!: number | null;
  name!: string;
  category!: string;
  headcount!: number;
  filled!: number;
  status!: 'vacant' | 'occupied' | 'closed';
  note!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'posts';
}

export class Licence extends Model {
  id!: number;
  staff_id!: number;
  org_unit_id!: number;
  kind!: string;
  number!: string;
  scope!: string | null;
  issued_on!: string;
  expires_on!: string;
  status!: 'valid' | 'revoked';
  created_at!: string;
  updated_at!: string;

  static tableName = 'licences';
}

export class TitlePromotion extends Model {
  id!: number;
  staff_id!: number;
  org_unit_id!: number;
  year!: number;
  from_title!: string | null;
  to_title!: string;
  status!: 'submitted' | 'reviewed' | 'approved' | 'rejected';
  note!: string | null;
  unit_opinion!: string | null;
  reject_reason!: string | null;
  effective_on!: string | null;
  submitted_by!: string;
  reviewed_by!: string | null;
  reviewed_at!: string | null;
  decided_by!: string | null;
  decided_at!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'title_promotions';
}

export class AssessmentYear extends Model {
  year!: number;
  excellent_share!: string;
  status!: 'open' | 'approved';
  approved_by!: string | null;
  approved_at!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'assessment_years';
  static idColumn = 'year';
  // react-admin addresses every record by `id`: a year is its own id
  static virtualAttributes = ['id'];
  get id() {
    return this.year;
  }
}

export class Assessment extends Model {
  id!: number;
  staff_id!: number;
  org_unit_id!: number;
  year!: number;
  score!: string;
  grade!: string;
  comment!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'assessments';
}

export class VillageDoctorContract extends Model {
  id!: number;
  staff_id!: number;
  employer_org_unit_id!: number;
  work_org_unit_id!: number;
  start_on!: string;
  end_on!: string;
  status!: 'active' | 'renewed' | 'expired' | 'exited';
  renewed_from_id!: number | null;
  exit_reason!: string | null;
  exit_on!: string | null;
  note!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'village_doctor_contracts';
}

export class RotationPlan extends Model {
  id!: number;
  year!: number;
  quotas!: Record<string, number>;
  note!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'rotation_plans';
  static jsonAttributes = ['quotas'];
}

export class Rotation extends Model {
  id!: number;
  staff_id!: number;
  type!: 'down_expert' | 'up_training';
  home_org_unit_id!: number;
  host_org_unit_id!: number;
  start_on!: string;
  planned_end_on!: string;
  actual_end_on!: string | null;
  status!: 'planned' | 'active' | 'completed' | 'cancelled';
  purpose!: string | null;
  end_reason!: string | null;
  created_at!: string;
  updated_at!: string;

  static tableName = 'rotations';
}
