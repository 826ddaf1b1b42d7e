// The referral configuration: service levels, fees per level, places held for up-referrals.
// One row; absent, the defaults of rules.ts apply. Changing it never rewrites past referrals.
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { inTransaction } from '../core/transaction';
import { assertCan } from '../core/crud';
import { ReferralSettingsRow } from './model';
import { DEFAULT_SETTINGS, type ReferralSettings } from './rules';
import * as clock from '../core/clock';

export async function currentSettings(trx?: Knex.Transaction): Promise<ReferralSettings> {
  const row = await ReferralSettingsRow.query(trx).findById(1);
  return row ? { ...DEFAULT_SETTINGS, ...row.settings } : DEFAULT_SETTINGS;
}

export async function readSettings(actor: Actor) {
  assertCan(actor, 'referral-settings', 'show');
  return currentSettings();
}

export function updateSettings(actor: Actor, settings: ReferralSettings) {
  assertCan(actor, 'referral-settings', 'edit');
  return inTransaction(actor, async (trx, audit) => {
    const before = await currentSettings(trx);
    await trx('referral_settings')
      .insert({ id: 1, settings: JSON.stringify(settings), updated_by: actor.id || null, updated_at: clock.now() })
      .onConflict('id')
      .merge();
    await audit({ action: 'update', resource: 'referral-settings', recordId: 1, before, after: settings });
    return settings;
  });
}
