// What other domains may ask of the residents' records (they never read the tables): small
// look-ups unscoped by design (the caller applies its own rules; a scope path may be passed to
// restrict to a subtree) returning only the fields they use, and the managing unit (管理单位)
// that follows a referral — set here, with its history, by `transferCare`.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { db } from '../db/knex';
import { notFound } from '../core/errors';
import { isUnderSql, unitsSql } from '../org';
import { CareTransfer, Resident } from './model';
import * as clock from '../core/clock';

/** The facts of a resident another domain may copy (never the ID number itself). */
export interface ResidentFacts {
  id: number;
  org_unit_id: number;
  managing_org_unit_id: number;
  name: string;
  sex: 'M' | 'F';
  birth_date: string;
  id_number_hash: string;
  id_number_masked: string;
}

const factColumns = [
  'residents.id',
  'residents.org_unit_id',
  'residents.managing_org_unit_id',
  'residents.name',
  'residents.sex',
  'residents.birth_date',
  'residents.id_number_hash',
  'residents.id_number_masked',
];

/** Residents by id; with `scopePath` (an ltree path) only those registered or managed under it. */
export async function residentsForReferral(ids: number[], opts: { scopePath?: string; conn?: Knex } = {}): Promise<ResidentFacts[]> {
  if (!ids.length) return [];
  const q = (opts.conn ?? db())('residents').select(factColumns).whereIn('residents.id', ids);
  if (opts.scopePath) {
    q.whereRaw(`exists (select 1 from ${unitsSql('o')} where o.id in (residents.org_unit_id, residents.managing_org_unit_id) and ${isUnderSql('o', '?')})`, [
      opts.scopePath,
    ]);
  }
  return q;
}

/** The resident whose ID number has this keyed hash (see hashIdNumber), if any. */
export async function residentByIdNumberHash(hash: string, conn: Knex = db()): Promise<ResidentFacts | undefined> {
  return conn('residents').select(factColumns).where('id_number_hash', hash).orderBy('id').first() as Promise<ResidentFacts | undefined>;
}

/**
 * Hands the resident's care to `toUnitId` (a referral's arrival): sets the managing unit and
 * records the change with the referral that caused it. Nothing changes (null) when that unit
 * manages them already. Runs inside the caller's transaction, whose audit row covers it.
 */
export async function transferCare(trx: Knex.Transaction, residentId: number, toUnitId: number, referralId: number | null, actor?: Actor) {
  const r = await trx('residents')
    .select('managing_org_unit_id')
    .where('id', residentId)
    .forUpdate()
    .first<Pick<Resident, 'managing_org_unit_id'> | undefined>();
  if (!r) throw notFound(`resident ${residentId} not found`);
  if (r.managing_org_unit_id === toUnitId) return null;
  const transfer = await CareTransfer.query(trx).insertAndFetch({
    resident_id: residentId,
    from_org_unit_id: r.managing_org_unit_id,
    to_org_unit_id: toUnitId,
    referral_id: referralId,
    actor_id: actor?.id || null,
    actor_name: actor ? actor.displayName || actor.username : null,
  });
  await trx('residents').where('id', residentId).update({ managing_org_unit_id: toUnitId, updated_at: clock.nowIso() });
  return transfer;
}

/** The care transfers of a resident, or those a referral caused, oldest first. */
export function careTransfers(by: { residentId?: number; referralId?: number }, conn: Knex = db()) {
  const q = CareTransfer.query(conn).orderBy([{ column: 'at' }, { column: 'id' }]);
  if (by.residentId != null) q.where('resident_id', by.residentId);
  if (by.referralId != null) q.where('referral_id', by.referralId);
  return q;
}

/** Bulk form for the demo load: each resident's managing unit = the last care transfer's unit. */
export async function syncManagingUnits(trx: Knex) {
  await trx.raw(`update residents r set managing_org_unit_id = h.to_org_unit_id
                   from (select distinct on (resident_id) resident_id, to_org_unit_id from resident_care_transfers order by resident_id, at desc, id desc) h
                  where h.resident_id = r.id and r.managing_org_unit_id <> h.to_org_unit_id`);
}
