// The monthly random sample (每月抽样) of each unit's prescriptions: one audit row per draw, with its seed.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/actor';
import { inTransaction } from '../../core/transaction';
import { assertCan, assertUnitInScope } from '../../core/crud';
import * as clock from '../../core/clock';
import { withinScope } from '../../auth';
import { orgUnits } from '../../org';
import { currentRules } from './settings';

/** Draws the month's random sample (每月抽样) of each unit in scope not yet sampled that month: `size` prescriptions each (the rules' sample size unless told). */
export function drawSample(actor: Actor, input: { month: string; org_unit_id?: number; size?: number }) {
  assertCan(actor, 'prescriptions', 'sample');
  return inTransaction(actor, async (trx, audit) => {
    await assertUnitInScope(actor, input.org_unit_id, 'org_unit_id', trx);
    const size = input.size ?? (await currentRules(trx)).sample_size;
    const { start, end } = clock.monthRange(input.month);
    const units = input.org_unit_id
      ? [input.org_unit_id]
      : (await orgUnits(['id', 'path'], trx)).filter((u) => withinScope(u.path, actor.scopePath)).map((u) => u.id);
    const seed = randomUUID();
    // one statement: the units already sampled this month are left as they are
    const { rows } = await trx.raw<{ rows: { org_unit_id: number; drawn: string }[] }>(
      `WITH ranked AS (
         SELECT p.id, row_number() OVER (PARTITION BY p.org_unit_id ORDER BY md5(p.id::text || ?)) AS rn
           FROM prescriptions p
          WHERE p.prescribed_on BETWEEN ? AND ? AND p.org_unit_id = ANY(?::int[])
            AND NOT EXISTS (SELECT 1 FROM prescriptions q WHERE q.org_unit_id = p.org_unit_id AND q.sampled_month = ?)),
       up AS (UPDATE prescriptions SET sampled_month = ? FROM ranked WHERE ranked.id = prescriptions.id AND ranked.rn <= ? RETURNING prescriptions.org_unit_id)
       SELECT org_unit_id, count(*) AS drawn FROM up GROUP BY org_unit_id ORDER BY org_unit_id`,
      [seed, start, end, units, input.month, input.month, size],
    );
    const drawn = rows.map((r) => ({ org_unit_id: r.org_unit_id, drawn: Number(r.drawn) }));
    await audit({ action: 'sample', resource: 'prescriptions', recordId: null, after: { month: input.month, size, seed, drawn } });
    return { month: input.month, size, units: drawn };
  });
}
