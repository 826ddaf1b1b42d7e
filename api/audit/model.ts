import { Model } from 'objection';

/** 全程留痕: one append-only row per write. The database refuses UPDATE, DELETE and TRUNCATE. */
export class AuditEntry extends Model {
  id!: number;
  at!: string;
  actor_id!: number | null;
  actor_name!: string | null;
  action!: string;
  resource!: string;
  record_id!: string | null;
  before!: unknown;
  after!: unknown;
  client_ip!: string | null;

  static tableName = 'audit_log';
  static jsonAttributes = ['before', 'after'];
}
