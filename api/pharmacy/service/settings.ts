// The chief pharmacist's rules as configuration (pharmacy_settings, one row): read, and changed with its audit row.
import type { Knex } from 'knex';
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { assertCan } from '../../core/crud';
import * as clock from '../../core/clock';
import { db } from '../../db/knex';
import { DEFAULT_RULES, type RxRules } from '../rules';

type Conn = Knex | Knex.Transaction;

export async function currentRules(conn: Conn = db()): Promise<RxRules> {
  const row = await conn('pharmacy_settings').select<{ settings: Partial<RxRules> }[]>('settings').where('id', 1).first();
  return row ? { ...DEFAULT_RULES, ...row.settings, targets: { ...DEFAULT_RULES.targets, ...row.settings.targets } } : DEFAULT_RULES;
}

export function readRules(actor: Actor) {
  assertCan(actor, 'prescription-rules', 'show');
  return currentRules();
}

/** Changes the rules; they apply to prescriptions imported afterwards (stored flags stay as raised). */
export function updateRules(actor: Actor, rules: RxRules) {
  assertCan(actor, 'prescription-rules', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const before = await currentRules(trx);
    await trx('pharmacy_settings')
      .insert({ id: 1, settings: JSON.stringify(rules), updated_by: actor.id || null, updated_at: clock.now() })
      .onConflict('id')
      .merge();
    await audit({ action: 'update', resource: 'prescription-rules', recordId: 1, before, after: rules });
    return rules;
  });
}
