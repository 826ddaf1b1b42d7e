// The chief pharmacist's rules as configuration (pharmacy_settings, one row): read, and changed in one
// transaction with the open (unreviewed) prescriptions of the current month flagged again under them
// and the audit row (the rules before and after, and how many prescriptions' flags changed).
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { assertCan } from '../../core/crud';
import * as clock from '../../core/clock';
import { db } from '../../db/knex';
import { unprocessable } from '../../core/errors';
import { DEFAULT_RULES, rulesProblems, type RxRules } from '../rules';
import { evaluateSet } from './flags';

type Conn = Knex | Knex.Transaction;

export async function currentRules(conn: Conn = db()): Promise<RxRules> {
  const row = await conn('pharmacy_settings').select<{ settings: Partial<RxRules> }[]>('settings').where('id', 1).first();
  return row ? { ...DEFAULT_RULES, ...row.settings, targets: { ...DEFAULT_RULES.targets, ...row.settings.targets } } : DEFAULT_RULES;
}

export function readRules(actor: Actor) {
  assertCan(actor, 'prescription-rules', 'show');
  return currentRules();
}

/**
 * Changes the rules (a problem the shape cannot show is a 422 naming its field): the current month's
 * open prescriptions are flagged again under them; earlier months and reviewed prescriptions keep the
 * flags they were judged by. Answers the rules and what the re-flagging did.
 */
export function updateRules(actor: Actor, rules: RxRules) {
  assertCan(actor, 'prescription-rules', 'edit');
  const problems = rulesProblems(rules);
  if (problems.length) throw unprocessable(`invalid ${problems.map((p) => p.field).join(', ')}`, problems);
  return inTransaction(actor, async (trx, audit) => {
    const before = await currentRules(trx);
    await trx('pharmacy_settings')
      .insert({ id: 1, settings: JSON.stringify(rules), updated_by: actor.id || null, updated_at: clock.now() })
      .onConflict('id')
      .merge();
    const month = clock.monthKey(clock.today());
    const { start, end } = clock.monthRange(month);
    const evaluated = await evaluateSet(trx, { openFrom: start, openTo: end }, rules);
    const reflagged = { month, open: evaluated.length, changed: evaluated.filter((e) => e.changed).length, flagged: evaluated.filter((e) => e.flagged).length };
    await audit({ action: 'update', resource: 'prescription-rules', recordId: 1, before, after: { ...rules, reflagged } });
    return { ...rules, reflagged };
  });
}
