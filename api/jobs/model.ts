import { Model } from 'objection';

/** One execution of a scheduled job (cron or by hand). */
export class JobRun extends Model {
  id!: number;
  job!: string;
  run_key!: string;
  status!: 'running' | 'succeeded' | 'failed' | 'skipped';
  started_at!: string;
  finished_at!: string | null;
  result!: unknown;
  error!: string | null;
  triggered_by!: string;

  static tableName = 'job_runs';
  static jsonAttributes = ['result'];
}
