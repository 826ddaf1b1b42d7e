// One month's sign-off of a unit's health data (健康数据审核).
import { Model } from 'objection';

export class HealthDataSignoff extends Model {
  id!: number;
  year!: number;
  month!: number;
  org_unit_id!: number;
  level!: import('../enums').SignoffLevel;
  signed_by!: number | null;
  signed_by_name!: string;
  signed_at!: string;

  static tableName = 'health_data_signoffs';
}
