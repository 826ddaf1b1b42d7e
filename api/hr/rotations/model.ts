// Rotations (下派驻点 / 上派进修) and the yearly plans.
import { Model } from 'objection';

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
  /** the person's and the units' names and levels, added by the lists and reads (service.ts withNames) */
  declare staff_name?: string;
  declare staff_title?: string | null;
  declare home_name?: string;
  declare host_name?: string;
  declare home_level?: number;
  declare host_level?: number;

  static tableName = 'rotations';
}
