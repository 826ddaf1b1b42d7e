// The diagnosis figures' plans over a year of requests (scripts/bench/diagnosis.bench.ts, EXPLAIN ANALYZE):
// - Statistics on the month of a request (Beijing time), the very expression the figures group by
//   (api/diagnosis/figures.ts): without them the planner takes every request for a month of its own,
//   thinks the month's hash table too large for memory and sorts the year for it; with them it hashes
//   all four grouping sets in the one pass over the period.
// - The village clinics' ECG requests (api/diagnosis/monitoring.ts, the national indicator in the
//   figures and in monitoring): each village's count was a bitmap scan of all its requests of the year,
//   every kind, read from the table (545 ms for 289 villages over 200,000 requests); this index holds
//   exactly the rows counted, so each count is an index-only range scan (10 ms for all of them).
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`CREATE STATISTICS diagnosis_requests_month ON (date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai')) FROM diagnosis_requests`);
  await knex.raw(
    `CREATE INDEX diagnosis_requests_village_ecg ON diagnosis_requests (from_org_unit_id, submitted_at) WHERE kind = 'ecg' AND status <> 'returned'`,
  );
}

export async function down(knex: Knex) {
  await knex.raw('DROP INDEX diagnosis_requests_village_ecg');
  await knex.raw('DROP STATISTICS diagnosis_requests_month');
}
