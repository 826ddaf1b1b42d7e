// What other domains may ask of the audit trail without reading its table.
import { db } from '../db/knex';
import { AuditEntry } from './model';

/** Has an action on a resource ever been recorded (the demo loader's row says the demo is loaded)? */
export async function wasRecorded(resource: string, action: string): Promise<boolean> {
  return !!(await db()(AuditEntry.tableName).where({ resource, action }).first('id'));
}
