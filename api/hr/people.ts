// What other domains read of the staff (finance's risk fund): the SQL of HR's tables stays here.
import type { Knex } from 'knex';
import { db } from '../db/knex';
import { Staff } from './model';

type Conn = Knex | Knex.Transaction;

/** Ids of the staff employed at the unit and active now. */
export async function activeStaffIds(employerUnitId: number, conn: Conn = db()): Promise<number[]> {
  return conn(Staff.tableName).where({ employer_org_unit_id: employerUnitId, status: 'active' }).pluck('id');
}

/** The names of the staff of `ids`, by id. */
export async function staffNames(ids: readonly number[], conn: Conn = db()): Promise<Map<number, string>> {
  const rows = await Staff.query(conn)
    .select('id', 'name')
    .whereIn('id', [...ids]);
  return new Map(rows.map((s) => [s.id, s.name]));
}
