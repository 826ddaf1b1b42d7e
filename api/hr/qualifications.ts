// What other domains read of a person's qualification (the diagnosis centres' readers, issue 20):
// on duty or not, category, title, the working unit and the kinds of licence valid on a day.
import type { Knex } from 'knex';
import { db } from '../db/knex';

export interface StaffQualification {
  id: number;
  name: string;
  status: string;
  category: string;
  title: string | null;
  work_org_unit_id: number;
  /** kinds of the person's licences that are valid (not revoked) and not expired on the day */
  licence_kinds: string[];
}

/** The qualifications of the staff of `ids`, or of everyone working at `workOrgUnitId`, on `day` (YYYY-MM-DD). */
export function staffQualifications(q: { ids?: readonly number[]; workOrgUnitId?: number }, day: string, conn: Knex = db()): Promise<StaffQualification[]> {
  const qb = conn('staff as s')
    .select('s.id', 's.name', 's.status', 's.category', 's.title', 's.work_org_unit_id')
    .select(
      conn.raw(
        "array(select distinct l.kind from licences l where l.staff_id = s.id and l.status = 'valid' and l.expires_on >= ?::date order by l.kind) as licence_kinds",
        [day],
      ),
    )
    .orderBy('s.name');
  if (q.ids) qb.whereIn('s.id', [...q.ids]);
  if (q.workOrgUnitId !== undefined) qb.where('s.work_org_unit_id', q.workOrgUnitId).where('s.status', 'active');
  return qb;
}
