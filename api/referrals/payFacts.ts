// The referrals a unit sent down (下转) by diagnosis, for the HQ's and branches' department pay (科室绩效: the
// department treating the diagnosis is credited with the referral). Read by the pay domain through index.ts.
import type { Knex } from 'knex';
import { db } from '../db/knex';

/**
 * The unit's referrals down requested in [from, to) (Beijing days), by ICD-10 code — every one but those rejected
 * or cancelled (a request accepted, the patient arrived or the care completed: the department did refer).
 */
export function downReferralsByDiagnosis(fromUnitId: number, from: string, to: string, conn: Knex | Knex.Transaction = db()) {
  return conn('referrals')
    .where({ direction: 'down', from_org_unit_id: fromUnitId })
    .whereNotIn('status', ['rejected', 'cancelled'])
    .whereRaw("requested_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'", [from])
    .whereRaw("requested_at < (?::date)::timestamp at time zone 'Asia/Shanghai'", [to])
    .groupBy('diagnosis_code')
    .orderBy('diagnosis_code')
    .select<{ diagnosis_code: string; referrals: number }[]>('diagnosis_code', conn.raw('count(*)::int as referrals'));
}
