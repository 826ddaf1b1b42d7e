// The work performance pay counts (issue 19): the follow-ups and contracts each doctor recorded in
// a period, and the tasks of their villages let lapse (漏访), each with its id and date; and the
// residents behind such work, their names masked — what a pay line's drill-down shows. The month's
// work is read without the names (a quarter of a million rows for the group's month): the drill-down
// names one line's residents when it is read.
import type { Knex } from 'knex';
import { db } from '../db/knex';

export interface RecordedWork {
  user_id: number;
  kind: 'followup' | 'contract';
  ref_id: string;
  on: string;
  /** the follow-up's type, or the contract's package */
  type: string;
  mode: string | null;
  attendees: number | null;
}

export interface LapsedTask {
  org_unit_id: number;
  /** the doctor responsible for the resident: the signer of their family-doctor contract in force on the window's last day (null: none, or signed without a doctor) */
  responsible_user_id: number | null;
  ref_id: string;
  /** the last day of the task's window */
  on: string;
  type: string;
}

/** 张三 → 张*: enough for the doctor to recognise, not to identify. */
const masked = (alias: string) => `left(${alias}.name, 1) || repeat('*', greatest(char_length(${alias}.name) - 1, 1))`;

/** The follow-ups and contracts the users recorded with from ≤ date < to, in no order (the caller sorts what it lists: the group's month is a quarter of a million rows). */
export async function recordedWork(q: { userIds: readonly number[]; from: string; to: string }, conn: Knex = db()): Promise<RecordedWork[]> {
  if (!q.userIds.length) return [];
  const params = { ids: [...q.userIds], from: q.from, to: q.to };
  const { rows } = await conn.raw<{ rows: RecordedWork[] }>(
    `SELECT f.doctor_user_id AS user_id, 'followup' AS kind, f.id::text AS ref_id, to_char(f.visited_on, 'YYYY-MM-DD') AS "on",
            f.type, f.mode, f.attendees
       FROM followups f
      WHERE f.doctor_user_id = ANY(:ids::int[]) AND f.visited_on >= :from::date AND f.visited_on < :to::date
     UNION ALL
     SELECT c.signed_by_user_id, 'contract', c.id::text, to_char(c.signed_on, 'YYYY-MM-DD'), c.package_code, NULL, NULL
       FROM contracts c
      WHERE c.signed_by_user_id = ANY(:ids::int[]) AND c.signed_on >= :from::date AND c.signed_on < :to::date`,
    params,
  );
  return rows;
}

/**
 * The tasks of the units missed with their window closing from ≤ date < to, each with the doctor responsible for
 * the resident then: the signer of the contract in force on the window's last day (started, not ended, not
 * terminated by then; the latest started if several).
 */
export async function lapsedTasks(q: { unitIds: readonly number[]; from: string; to: string }, conn: Knex = db()): Promise<LapsedTask[]> {
  if (!q.unitIds.length) return [];
  const { rows } = await conn.raw<{ rows: LapsedTask[] }>(
    `SELECT t.org_unit_id, c.signed_by_user_id AS responsible_user_id, t.id AS ref_id, to_char(t.window_end, 'YYYY-MM-DD') AS "on", t.type
       FROM tasks t
       LEFT JOIN LATERAL (SELECT c.signed_by_user_id FROM contracts c
                           WHERE c.resident_id = t.resident_id AND c.start_on <= t.window_end AND c.end_on >= t.window_end
                             AND (c.terminated_on IS NULL OR c.terminated_on > t.window_end)
                           ORDER BY c.start_on DESC, c.id DESC LIMIT 1) c ON true
      WHERE t.org_unit_id = ANY(:ids::int[]) AND t.state = 'missed' AND t.window_end >= :from::date AND t.window_end < :to::date
      ORDER BY t.window_end, t.id`,
    { ids: [...q.unitIds], from: q.from, to: q.to },
  );
  return rows;
}

/** A piece of work by its kind and id, as recordedWork and lapsedTasks give it (a missed task: kind missed_task). */
export interface WorkRef {
  kind: 'followup' | 'contract' | 'missed_task';
  ref_id: string;
}

/** The resident of each piece of work, their name masked, by `${kind}:${ref_id}` (a health-education session has none: absent). */
export async function workResidents(refs: readonly WorkRef[], conn: Knex = db()): Promise<Map<string, string>> {
  if (!refs.length) return new Map();
  const ids = (kind: WorkRef['kind']) => refs.filter((r) => r.kind === kind).map((r) => r.ref_id);
  const { rows } = await conn.raw<{ rows: { key: string; resident: string }[] }>(
    `SELECT 'followup:' || f.id AS key, ${masked('r')} AS resident FROM followups f JOIN residents r ON r.id = f.resident_id WHERE f.id = ANY(:f::bigint[])
     UNION ALL
     SELECT 'contract:' || c.id, ${masked('r')} FROM contracts c JOIN residents r ON r.id = c.resident_id WHERE c.id = ANY(:c::int[])
     UNION ALL
     SELECT 'missed_task:' || t.id, ${masked('r')} FROM tasks t JOIN residents r ON r.id = t.resident_id WHERE t.id = ANY(:t::text[])`,
    { f: ids('followup'), c: ids('contract'), t: ids('missed_task') },
  );
  return new Map(rows.map((r) => [r.key, r.resident]));
}
