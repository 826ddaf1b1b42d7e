// Posts (岗位设置), licences (执业证书), title promotions (职称晋升) and the annual assessment (年度考核).
import { Model } from 'objection';

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
  /** the holder's name and the days to the expiry, added by the list (service.ts licenceResource.applyCustom) */
  declare staff_name?: string;
  declare days_left?: number;

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
  /** the person's name, added by the list (service.ts promotionResource.applyCustom) */
  declare staff_name?: string;

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
  /** the person's name, added by the list (service.ts assessmentResource.applyCustom) */
  declare staff_name?: string;

  static tableName = 'assessments';
}
