// Last year's final settlement run for the tests that need it approved (the December pay run takes
// its share of the staff-performance pool from it): found by what it is (the demo's region, last
// year, final, current), its workflow columns and history remembered, and put back as they were
// after the test — other files (settlement's, in any order on the same database) expect the demo's
// run still waiting for review.
import { expect } from 'chai';
import { db } from '../../api/db/knex';
import * as clock from '../../api/core/clock';
import { post } from './harness';

const WORKFLOW = ['status', 'reviewed_by', 'reviewed_by_name', 'reviewed_at', 'approved_by', 'approved_by_name', 'approved_at', 'updated_at'] as const;

export interface FinalRunSnapshot {
  id: number;
  status: string;
  row: Record<(typeof WORKFLOW)[number], unknown>;
  lastEventId: number;
}

/** The demo region's (大通县) current final run of last year, as it is now. */
export async function lastYearFinalRun(): Promise<FinalRunSnapshot> {
  const year = Number(clock.today().slice(0, 4)) - 1;
  const row = await db()('settlement_runs as r')
    .join('fund_years as y', 'y.id', 'r.fund_year_id')
    .where({ 'y.year': year, 'y.region': '大通县', 'r.kind': 'final' })
    .whereNull('r.superseded_by_id')
    .first<Record<string, unknown> & { id: number; status: string }>('r.id', ...WORKFLOW.map((c) => `r.${c}`));
  if (!row) throw new Error(`the demo has no final run of ${year}`);
  const last = await db()('settlement_run_events').where('run_id', row.id).max<{ max: number | null }>('id as max').first();
  return { id: row.id, status: row.status, row: Object.fromEntries(WORKFLOW.map((c) => [c, row[c]])) as FinalRunSnapshot['row'], lastEventId: last?.max ?? 0 };
}

/** Puts the run's workflow back as `snapshot` had it, dropping the history written since. */
export async function restoreFinalRun(snapshot: FinalRunSnapshot) {
  await db()('settlement_runs').where('id', snapshot.id).update(snapshot.row);
  await db()('settlement_run_events').where('run_id', snapshot.id).where('id', '>', snapshot.lastEventId).delete();
}

/** Approves the run through the API as the workflow has it (finance reviews, admin approves), from wherever it stands. */
export async function approveFinalRun(snapshot: FinalRunSnapshot) {
  if (snapshot.status === 'approved') return;
  if (snapshot.status === 'calculated') {
    const reviewed = await post(`/api/settlement-runs/${snapshot.id}/review`, { comment: '核对无误' }, { as: 'finance' });
    expect(reviewed.status, JSON.stringify(reviewed.body)).to.equal(200);
  }
  const approved = await post(`/api/settlement-runs/${snapshot.id}/approve`, {}, { as: 'admin' });
  expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
}
