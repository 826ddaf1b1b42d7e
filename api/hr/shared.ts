// Small pieces the HR services share: today's date, unit facts, rule problems as API errors,
// and the change history writer (effective-dated, who/when/from/to).
import type { Knex } from 'knex';
import type { Actor } from '../core/actor';
import { AppError } from '../core/errors';
import { unitsByIds } from '../org';
import type { Problem } from './rotationRules';
import type { UnitFacts } from './rules';
import { STAFF_FIELD } from './enums';

/** The group's calendar day (Asia/Shanghai). */

/** A rule problem as the API error: details carry `rule` and `params` for the UI's Chinese text. */
export function raise(p: Problem): never {
  throw new AppError(p.kind, p.kind, p.message, [{ field: p.field, message: p.message, rule: p.rule, params: p.params }]);
}

export type Unit = UnitFacts & { code: string; name: string };

export async function unitsById(trx: Knex | Knex.Transaction, ids: number[]): Promise<Map<number, Unit>> {
  const rows: Unit[] = await unitsByIds(ids, ['id', 'code', 'name', 'kind', 'level', 'parent_id', 'path'], trx);
  return new Map(rows.map((u) => [u.id, u]));
}

/** The staff fields whose changes are kept as effective-dated history. */
export const TRACKED = STAFF_FIELD.values;

/** Writes one history row per tracked field that differs between `before` and `after`. */
export async function recordHistory(
  trx: Knex.Transaction,
  actor: Actor,
  staffId: number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  effectiveOn: string,
  reason: string | null = null,
) {
  const rows = TRACKED.filter((f) => f in after && (before === null || String(before[f] ?? '') !== String(after[f] ?? ''))).map((field) => ({
    staff_id: staffId,
    field,
    from_value: before?.[field] == null ? null : String(before[field]),
    to_value: after[field] == null ? null : String(after[field]),
    effective_on: effectiveOn,
    reason,
    changed_by: actor.id || null,
    changed_by_name: actor.displayName,
  }));
  if (rows.length) await trx('staff_history').insert(rows);
  return rows.length;
}
