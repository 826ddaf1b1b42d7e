// Corrections of pay runs (更正): an approved or locked run is never changed; a correction is a new
// version of the same township and month (version n + 1, naming the run it supersedes and why), calculated
// and taken through review and approval again, while the old one becomes `superseded` and keeps every
// figure. Calculating the correction stores, per person, what changed against the superseded version:
// amount, points and net paid before → after, and the people added or gone.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { assertCan } from '../core/crud';
import { inTransaction } from '../core/transaction';
import * as clock from '../core/clock';
import { PayLine, PayRun, PayRunDifference } from './model';
import { forStep } from './resource';

/** POST /api/pay-runs/:id/correct {reason}: a new draft version of an approved or locked run; the old one is superseded. */
export function correctRun(actor: Actor, id: number, reason: string) {
  assertCan(actor, 'pay-runs', 'correct');
  return inTransaction(actor, async (trx, audit) => {
    const old = await forStep(trx, actor, id, 'correct');
    const now = clock.nowIso();
    // first the old one leaves the township's month, so that the correction takes its place (one live version)
    await PayRun.query(trx).patch({ status: 'superseded', updated_at: now }).where('id', id);
    const run = await PayRun.query(trx).insertAndFetch({
      org_unit_id: old.org_unit_id,
      month: old.month,
      status: 'draft',
      budgeted_fund: old.budgeted_fund,
      version: old.version + 1,
      supersedes_id: old.id,
      reason,
      created_by: actor.id,
    });
    await audit({
      action: 'supersede',
      resource: 'pay-runs',
      recordId: id,
      before: { status: old.status },
      after: { status: 'superseded', by: run.id, reason },
    });
    await audit({ action: 'correct', resource: 'pay-runs', recordId: run.id, after: run });
    return run;
  });
}

type Figures = Pick<PayLine, 'staff_id' | 'name' | 'amount' | 'points' | 'net_amount'>;
export type DifferenceRow = Pick<
  PayRunDifference,
  'staff_id' | 'name' | 'change' | 'amount_before' | 'amount_after' | 'points_before' | 'points_after' | 'net_before' | 'net_after'
>;

/** Per person, what a correction's lines change against the superseded version's (people unchanged are left out). */
export function lineDifferences(before: readonly Figures[], after: readonly Figures[]): DifferenceRow[] {
  const old = new Map(before.map((l) => [l.staff_id, l]));
  const now = new Map(after.map((l) => [l.staff_id, l]));
  const out: DifferenceRow[] = [];
  for (const staffId of new Set([...old.keys(), ...now.keys()])) {
    const b = old.get(staffId);
    const a = now.get(staffId);
    const change = !b ? 'added' : !a ? 'gone' : b.amount !== a.amount || b.points !== a.points || b.net_amount !== a.net_amount ? 'changed' : null;
    if (!change) continue;
    out.push({
      staff_id: staffId,
      name: (a ?? b)!.name,
      change,
      amount_before: b?.amount ?? null,
      amount_after: a?.amount ?? null,
      points_before: b?.points ?? null,
      points_after: a?.points ?? null,
      net_before: b?.net_amount ?? null,
      net_after: a?.net_amount ?? null,
    });
  }
  return out;
}

/** The correction's differences against the run it supersedes, stored anew at each calculation. */
export async function saveDifferences(trx: Knex.Transaction, runId: number, supersededId: number) {
  const read = (id: number) => PayLine.query(trx).where('run_id', id).orderBy('id').select('staff_id', 'name', 'amount', 'points', 'net_amount');
  const rows = lineDifferences(await read(supersededId), await read(runId));
  await PayRunDifference.query(trx).delete().where('run_id', runId);
  if (rows.length)
    await trx.batchInsert(
      'pay_run_differences',
      rows.map((r) => ({ ...r, run_id: runId })),
      1000,
    );
}

/** What GET /api/pay-runs/:id adds about versions: the differences of a correction, and the correction of a superseded run. */
export async function runCorrection(run: PayRun) {
  const differences = run.supersedes_id ? await PayRunDifference.query().where('run_id', run.id).orderBy('id') : [];
  const next = await PayRun.query().findOne({ supersedes_id: run.id }).select('id');
  return { differences, superseded_by_id: next?.id ?? null };
}
