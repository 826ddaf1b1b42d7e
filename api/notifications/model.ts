import { Model } from 'objection';

/** One message to one user (消息提醒), linking to the record it is about. */
export class Notification extends Model {
  id!: number;
  user_id!: number;
  kind!: string;
  resource!: string;
  record_id!: number;
  data!: Record<string, unknown> | null;
  created_at!: string;
  read_at!: string | null;

  static tableName = 'notifications';
}
