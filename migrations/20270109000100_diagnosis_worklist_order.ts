// The centre's worklist index in the worklist's own order — emergencies first, the nearest due time
// first, the key as the tiebreak — over every open status. The first index left out 'preliminary'
// (added with the second signature), so the worklist's condition (the four open statuses) was not
// implied by its predicate and no plan could use it: each page read and sorted every request of the
// centre (EXPLAIN ANALYZE in scripts/bench/diagnosis.bench.ts). Now a page is an ordered index scan
// that stops after 25 rows, and its total an index-only count.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`CREATE INDEX diagnosis_requests_worklist_ordered ON diagnosis_requests (centre_id, urgency_rank, due_at, id)
                    WHERE status IN ('submitted','accepted','assigned','preliminary')`);
  await knex.raw('DROP INDEX diagnosis_requests_worklist');
}

export async function down(knex: Knex) {
  await knex.raw(`CREATE INDEX diagnosis_requests_worklist ON diagnosis_requests (centre_id, urgency_rank, due_at)
                    WHERE status IN ('submitted','accepted','assigned')`);
  await knex.raw('DROP INDEX diagnosis_requests_worklist_ordered');
}
