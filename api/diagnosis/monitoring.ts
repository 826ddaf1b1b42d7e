// What the national monitoring indicators (api/monitoring) read of the diagnosis centres: each village
// clinic under a unit with the ECG requests it sent the ECG centres in a year (Beijing time; a request
// returned unread does not count) — the village-level coverage of the ECG service.
import type { Knex } from 'knex';
import { subtreeIdsSql, unitsSql } from '../org';

export interface VillageEcg {
  unit_id: number;
  unit_name: string;
  requests: number;
}

export async function villageEcgRequests(conn: Knex | Knex.Transaction, rootUnitId: number, year: number): Promise<VillageEcg[]> {
  const { rows } = await conn.raw<{ rows: VillageEcg[] }>(
    `SELECT v.id AS unit_id, v.name AS unit_name,
            (SELECT count(*) FROM diagnosis_requests q
              WHERE q.from_org_unit_id = v.id AND q.kind = 'ecg' AND q.status <> 'returned'
                AND q.submitted_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
                AND q.submitted_at < (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai')::int AS requests
       FROM ${unitsSql('v')}
      WHERE v.kind = 'village' AND v.active AND v.id IN ${subtreeIdsSql('?')}
      ORDER BY v.path`,
    [`${year}-01-01`, `${year + 1}-01-01`, rootUnitId],
  );
  return rows;
}
